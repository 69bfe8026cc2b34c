import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {configSchema, CONFIG_FILE, type Config} from './schema.js'
import {allRules} from '../validate/catalog.js'

/** A config problem stops the run with exit 2: there is no brief to blame. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function defaultConfig(): Config {
  return configSchema.parse({})
}

/**
 * Reads `briefpress.config.json` from `cwd` (or the explicit `file`), and
 * validates it with zod, naming each offending key in plain words.
 */
export function loadConfig(cwd: string, file?: string): {config: Config; path?: string} {
  const configPath = file ? path.resolve(cwd, file) : path.join(cwd, CONFIG_FILE)
  if (!existsSync(configPath)) {
    if (file) throw new ConfigError(`Cannot find config file ${file}`)
    return {config: defaultConfig()}
  }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8'))
  } catch (error) {
    throw new ConfigError(`${configPath}: invalid JSON: ${(error as Error).message}`)
  }
  const result = configSchema.safeParse(raw)
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`
    )
    throw new ConfigError(`${configPath}: invalid config:\n${lines.join('\n')}`)
  }
  const known = new Set(allRules.map((rule) => rule.id))
  const unknown = Object.keys(result.data.rules).filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new ConfigError(
      `${configPath}: unknown rule id ${unknown.map((id) => `\`${id}\``).join(', ')} in "rules"; known rules: ${[...known].sort().join(', ')}`
    )
  }
  return {config: result.data, path: configPath}
}

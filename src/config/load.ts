import {statSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {lilconfig, type Loader} from 'lilconfig'
import {configSchema, CONFIG_PLACES, type Config} from './schema.js'
import {allRules} from '../validate/catalog.js'

/** A config problem stops the run with exit 2: there is no brief to blame. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function defaultConfig(): Config {
  return configSchema.parse({})
}

const loadJson: Loader = (file, content) => {
  try {
    return JSON.parse(content) as unknown
  } catch (error) {
    throw new ConfigError(`${file}: invalid JSON: ${(error as Error).message}`)
  }
}

/** A module's default export. The file's mtime in the URL makes `serve` see an edited config rather than the module cached by import(). */
const loadModule: Loader = async (file) => {
  const url = `${pathToFileURL(file).href}?mtime=${statSync(file).mtimeMs}`
  try {
    const module = (await import(url)) as {default?: unknown}
    return module.default
  } catch (error) {
    throw new ConfigError(`${file}: cannot load the module: ${(error as Error).message}`)
  }
}

/**
 * Finds the config as cosmiconfig-style tools do (lilconfig): in the working
 * folder, then each folder above it up to the home folder, the first of
 * CONFIG_PLACES present (`package.json` counts when it has a `briefpress`
 * key); or reads the explicit `file`. Validates it with zod, naming each
 * offending key in plain words.
 */
export async function loadConfig(cwd: string, file?: string): Promise<{config: Config; path?: string}> {
  const explorer = lilconfig('briefpress', {
    searchPlaces: [...CONFIG_PLACES],
    loaders: {'.json': loadJson, '.mjs': loadModule, '.js': loadModule, '.cjs': loadModule},
    cache: false
  })
  let found: {config: unknown; filepath: string} | null
  try {
    if (file) {
      const configPath = path.resolve(cwd, file)
      if (!statSync(configPath, {throwIfNoEntry: false})?.isFile()) throw new ConfigError(`Cannot find config file ${file}`)
      found = await explorer.load(configPath)
    } else found = await explorer.search(cwd)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(`${file ?? cwd}: cannot read the config: ${(error as Error).message}`)
  }
  if (!found) return {config: defaultConfig()}
  // A package.json without a `briefpress` key, an empty file, a module without a default export.
  if (found.config == null) {
    const expected = path.basename(found.filepath) === 'package.json' ? 'a `briefpress` key' : found.filepath.endsWith('.json') ? 'a JSON object' : 'a default export'
    throw new ConfigError(`${found.filepath}: no config in it, expected ${expected}`)
  }
  return {config: validate(found.config, found.filepath), path: found.filepath}
}

function validate(raw: unknown, configPath: string): Config {
  const result = configSchema.safeParse(raw)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new ConfigError(`${configPath}: invalid config:\n${lines.join('\n')}`)
  }
  const known = new Set(allRules.map((rule) => rule.id))
  const unknown = Object.keys(result.data.rules).filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new ConfigError(
      `${configPath}: unknown rule id ${unknown.map((id) => `\`${id}\``).join(', ')} in "rules"; known rules: ${[...known].sort().join(', ')}`
    )
  }
  return result.data
}

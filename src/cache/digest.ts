import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Config} from '../config/schema.js'
import {bundled, packageRoot} from '../package-root.js'

/** Bumped when the cache's layout or the shape of what it stores changes. */
export const CACHE_FORMAT = 'briefpress-cache-1'

let codeDigest: string | undefined

/**
 * A digest of the code that analyses and renders briefs, as it runs: every
 * file of the CLI's bundle (its dependencies included) when bundled, else
 * every file of `src/` (or `dist/src/` and the compiled `dist/templates/`),
 * plus `templates/` and package.json. Any edit to the renderer, a template,
 * a rule or a helper changes it, so no cached result outlives the code that
 * made it. Hashing a few MB costs a few milliseconds, once per process.
 */
export function briefpressCodeDigest(): string {
  if (codeDigest) return codeDigest
  const here = path.dirname(fileURLToPath(import.meta.url))
  const root = packageRoot()
  // The bundle is one flat folder (scripts/bundle.mjs); src/ and dist/src/ have this module in cache/.
  const code = bundled ? [here] : [path.resolve(here, '..'), path.resolve(here, '..', '..', 'templates')]
  const entries = [...new Set([...code, path.join(root, 'templates'), path.join(root, 'package.json')])]
  const hash = createHash('sha256')
  for (const entry of entries) {
    for (const file of listFiles(entry)) {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  codeDigest = hash.digest('hex')
  return codeDigest
}

function listFiles(entry: string): string[] {
  const stats = statSync(entry, {throwIfNoEntry: false})
  if (!stats) return []
  if (stats.isFile()) return [entry]
  return readdirSync(entry, {recursive: true, withFileTypes: true})
    .filter((item) => item.isFile() && !item.name.endsWith('.map') && !item.name.endsWith('.d.ts'))
    .map((item) => path.join(item.parentPath, item.name))
    .sort()
}

/**
 * What every cached result depends on besides the brief's own text: the
 * code, the config (rules, sections, tolerances, image hosts…), the render
 * stage (check and build keep separate entries), and V8's serialisation
 * format.
 */
export function environmentDigest(config: Config, renderId: string, code: string = briefpressCodeDigest()): string {
  return createHash('sha256')
    .update(CACHE_FORMAT)
    .update('\0')
    .update(code)
    .update('\0')
    .update(JSON.stringify(config))
    .update('\0')
    .update(renderId)
    .update('\0')
    .update(process.versions.v8)
    .digest('hex')
}

/** The cache key of one brief: its decoded text under the environment. */
export function briefKey(environment: string, text: string): string {
  return createHash('sha256').update(environment).update('\0').update(text).digest('hex')
}

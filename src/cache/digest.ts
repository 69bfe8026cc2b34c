import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Config} from '../config/schema.js'

/** Bumped when the cache's layout or the shape of what it stores changes. */
export const CACHE_FORMAT = 'briefpress-cache-1'

let codeDigest: string | undefined

/**
 * A digest of the code that analyses and renders briefs: every file of
 * `src/` (or `dist/src/` when installed) and of the templates. Any edit to
 * the renderer, a template, a rule or a dependency-free helper changes it,
 * so no cached result outlives the code that made it. Hashing ~200 small
 * files costs a few milliseconds, once per process.
 */
export function briefpressCodeDigest(): string {
  if (codeDigest) return codeDigest
  const srcRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const codeRoot = path.dirname(srcRoot)
  // The package root holds templates/style.css and brief.md; in dist the
  // compiled templates sit in dist/templates.
  const packageRoot = path.basename(codeRoot) === 'dist' ? path.dirname(codeRoot) : codeRoot
  const folders = [...new Set([srcRoot, path.join(codeRoot, 'templates'), path.join(packageRoot, 'templates'), path.join(packageRoot, 'package.json')])]
  const hash = createHash('sha256')
  for (const folder of folders) {
    for (const file of listFiles(folder)) {
      hash.update(path.relative(packageRoot, file)).update('\0').update(readFileSync(file)).update('\0')
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

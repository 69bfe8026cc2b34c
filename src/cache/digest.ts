import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Config} from '../config/schema.js'
import {bundled, packageRoot} from '../package-root.js'
import type {RenderStage} from '../render/stage.js'

/** Bumped when the cache's layout or the shape of what it stores changes. */
export const CACHE_FORMAT = 'briefpress-cache-2'

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

/** The SHA-256 of `parts` joined by NUL characters, in hex. */
export function sha256(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex')
}

/**
 * What every cached result depends on besides the brief's own text: the
 * code, the config (rules, sections, tolerances, image hosts…), the render
 * stage (check and build keep separate entries), and V8's serialisation
 * format.
 */
export function environmentDigest(config: Config, renderId: string, code: string = briefpressCodeDigest()): string {
  return sha256([CACHE_FORMAT, code, JSON.stringify(config), renderId, process.versions.v8])
}

/**
 * The cache key of a brief as read: its decoded text under the environment,
 * and whether a byte-order mark was dropped from it, which the text does not
 * show but the messages of reading do.
 */
export function readKey(environment: string, read: {text: string; bom?: true | undefined}): string {
  return sha256([environment, read.bom ? `\uFEFF${read.text}` : read.text])
}

/** The render stage as the cache keys it: a lean pipeline stores less, under its own entries. */
export function stageId(stage: RenderStage, lean: boolean | undefined): string {
  return `${stage.id}${lean ? '#lean' : ''}`
}

/** A run's render stage as the cache keys it; undefined for a `render` function alone, which runs uncached. */
export function renderIdOf(options: {renderStage?: RenderStage | undefined; render?: unknown; lean?: boolean | undefined}): string | undefined {
  return options.renderStage ? stageId(options.renderStage, options.lean) : options.render ? undefined : 'none'
}

/**
 * A digest of everything a run's briefs give: each brief's path and key in
 * file order (`-` for one that could not be read), under the environment.
 * Equal between two runs exactly when every brief would give the same result.
 */
export function inputDigest(environment: string, briefs: ReadonlyArray<readonly [string, string]>): string {
  return sha256([environment, ...briefs.flat()])
}

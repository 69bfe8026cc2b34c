import {readFileSync, utimesSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Brief} from '../brief.js'
import type {Config} from '../config/schema.js'
import type {RenderStage} from '../render/stage.js'
import {writeAtomic} from './atomic-write.js'
import {environmentDigest, renderIdOf, sha256} from './digest.js'
import {manifestFile} from './manifest.js'

/**
 * What a command ran: the pipeline's options as `check`, `build` and `serve`
 * pass them, plus what tells runs apart that the pipeline does not see.
 */
export interface RunOptions {
  cwd: string
  paths: readonly string[]
  config: Config
  renderStage?: RenderStage | undefined
  /** A `render` function without a `renderStage` runs uncached: nothing to record. */
  render?: unknown
  lean?: boolean | undefined
  cache?: boolean | undefined
  /** `--config` as given: runs with another config file are kept apart. */
  configFile?: string | undefined
  /** The build's output folder: its site stamp is kept as long as the record. */
  outDir?: string | undefined
}

/** What a record holds: the cache keys of the run's briefs, and the site stamp it wrote. */
export interface RunRecord {
  keys: string[]
  site?: string | undefined
}

/** `runs/<slot>-<environment>`: the slot first, so a slot's records sort together. */
export const RECORD_NAME = /^([0-9a-f]{16})-([0-9a-f]{32})$/

/**
 * The record of a run: `<format>/runs/<slot>-<environment>`. The slot says
 * which runs replace each other (the same command stage over the same briefs
 * with the same config file), the environment which cache entries they use
 * (src/cache/digest.ts: config, code, render stage). Undefined when the run
 * uses no cache.
 */
export function recordFile(options: RunOptions, cacheRoot: string): string | undefined {
  if (!options.cache) return undefined
  const renderId = renderIdOf(options)
  if (renderId === undefined) return undefined
  const paths = options.paths.map((item) => path.resolve(options.cwd, item)).sort()
  const configFile = options.configFile === undefined ? '' : path.resolve(options.cwd, options.configFile)
  const slot = sha256([JSON.stringify([renderId, paths, configFile])]).slice(0, 16)
  const environment = environmentDigest(options.config, renderId).slice(0, 32)
  return path.join(cacheRoot, 'runs', `${slot}-${environment}`)
}

/**
 * Writes the record of a finished run: the keys of its briefs (set by the
 * pipeline on each file), replacing the slot's previous record of this
 * environment. An unchanged record is only touched: its time is when the
 * environment was last used. False when it could not be written.
 */
export async function writeRecord(file: string, briefs: readonly Brief[], outDir: string | undefined, cwd: string, now: number): Promise<boolean> {
  const keys = briefs.map((brief) => brief.file.data.briefKey).filter((key): key is string => typeof key === 'string')
  const record: RunRecord = {keys: [...new Set(keys)].sort(), ...(outDir !== undefined && {site: path.basename(manifestFile(cwd, outDir))})}
  const text = JSON.stringify(record)
  const stored = await readFile(file, 'utf8').catch(() => undefined)
  return (stored === text || (await writeAtomic(file, text))) && touch(file, now)
}

/** Marks a record as used now (a build with nothing to do); false when absent or unwritable. */
export function touch(file: string, now: number): boolean {
  try {
    utimesSync(file, now / 1000, now / 1000)
    return true
  } catch {
    return false
  }
}

/** The record's keys and site, or undefined when unreadable (it then keeps nothing). */
export function readRecord(file: string): RunRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunRecord>
    if (!Array.isArray(record.keys)) return undefined
    return {keys: record.keys.filter((key) => typeof key === 'string'), site: typeof record.site === 'string' ? record.site : undefined}
  } catch {
    return undefined
  }
}

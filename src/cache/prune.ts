/**
 * Keeps `.briefpress-cache/` from growing without bound (README, "Commands").
 * Every run that uses the cache records the keys of its briefs in
 * `runs/<slot>-<environment>` (src/cache/run-records.ts); once a day, after a
 * run, the cache is swept of what no kept record names: a slot's newest
 * record is kept UNUSED_MS after its last use, one replaced by another
 * environment SUPERSEDED_MS; entries (`briefs/ab/<key>.meta|.body`) live
 * while a kept record names them, build manifests (`sites/`) too or for
 * UNUSED_MS; folders of other cache formats go. Nothing younger than IN_FLIGHT_MS, no temporary file of a
 * live process, no unknown name, nothing directly in `.briefpress-cache/`
 * (`links.json`) is removed, and no symbolic link is followed. The sweep
 * lists the entry folders once and stats only what it may remove. It is best
 * effort: any error ends or skips it quietly, and no run's result depends on it.
 */

import {statSync, utimesSync, writeFileSync, type Dirent} from 'node:fs'
import {lstat, readdir, rmdir, unlink} from 'node:fs/promises'
import path from 'node:path'
import type {Brief} from '../brief.js'
import {isAlive} from '../write/stale-folders.js'
import {CACHE_FORMAT} from './digest.js'
import {readRecord, RECORD_NAME, recordFile, touch, writeRecord, type RunOptions} from './run-records.js'
import {CACHE_DIR} from './store.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Files younger than this stay: a run in progress has written entries it has not recorded yet. */
export const IN_FLIGHT_MS = HOUR
/** A record replaced in its slot by another environment stays this long after its last use. */
export const SUPERSEDED_MS = DAY
/** A slot's newest record, and a site stamp, stay this long after their last use. */
export const UNUSED_MS = 30 * DAY
/** The cache is swept at most this often. */
export const PRUNE_EVERY_MS = DAY
/** A temporary file this old is left over, whatever process its name gives. */
const TEMPORARY_MAX_MS = DAY
/**
 * Removals in flight at once: on this ext4 mounted with `discard`, one unlink
 * waits about 2 ms on the disk, and 16 at a time remove about 7,000 files a
 * second instead of 500.
 */
const PARALLEL = 16
/**
 * Files one sweep removes at most (about 1 s here on a busy machine); a
 * sweep that stops there leaves the next run due to sweep, so a cache left
 * by an older version (3.3 GB, 48,000 files at 4,000 briefs) goes over ten
 * runs instead of holding up one for 14 s.
 */
export const MAX_REMOVALS = 5_000

/** A cache entry: `<key>.meta` or `<key>.body`. */
const ENTRY = /^([0-9a-f]{64})\.(?:meta|body)$/
/** A cache format's folder, as CACHE_FORMAT names them. */
const OTHER_FORMAT = /^briefpress-cache-[0-9]+$/
/** A build's manifest (src/cache/manifest.ts). */
const SITE = /^([0-9a-f]{32})$/
/** Temporary files: writeAtomic's `<file>.<pid>.<hex>.tmp`, the link cache's `<file>.<pid>.tmp`, any `.tmp`. */
const TEMPORARY = /\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$|\.tmp$/

export interface PruneResult {
  /** Files removed. */
  files: number
  bytes: number
  /** False when the sweep stopped at MAX_REMOVALS. */
  complete: boolean
}

/** Its time is the last sweep's. */
const MARKER = 'last-prune'

/** The current format's folder in the cache. */
function cacheRoot(cwd: string): string {
  return path.join(cwd, CACHE_DIR, CACHE_FORMAT)
}

/**
 * After a run that used the cache: records the entries it used, then sweeps
 * the cache when the last sweep is a day old. Never throws; undefined when
 * it did not sweep.
 */
export async function afterRun(options: RunOptions, briefs: readonly Brief[], now = Date.now(), maxRemovals = MAX_REMOVALS): Promise<PruneResult | undefined> {
  try {
    const root = cacheRoot(options.cwd)
    const record = recordFile(options, root)
    // Without this run's record, its own entries would look unused.
    if (!record || !(await writeRecord(record, briefs, options.outDir, options.cwd, now))) return undefined
    if (!claimSweep(root, now)) return undefined
    const result = await pruneCache(options.cwd, now, maxRemovals)
    // Unfinished: the next run sweeps on.
    if (!result.complete) utimesSync(path.join(root, MARKER), (now - PRUNE_EVERY_MS) / 1000, (now - PRUNE_EVERY_MS) / 1000)
    return result
  } catch {
    return undefined
  }
}

/** A run that used its recorded entries without analysing anything (a build with nothing to do). */
export function touchRun(options: RunOptions, now = Date.now()): void {
  try {
    const record = recordFile(options, cacheRoot(options.cwd))
    if (record) touch(record, now)
  } catch {
    // Best effort, as all pruning.
  }
}

/**
 * True when a sweep is due; the marker is written first, so that runs
 * finishing together do not sweep together, and a cache that cannot be
 * written is never swept (nor walked on every run).
 */
function claimSweep(root: string, now: number): boolean {
  const marker = path.join(root, MARKER)
  const last = statSync(marker, {throwIfNoEntry: false})
  if (last && now - last.mtimeMs < PRUNE_EVERY_MS) return false
  try {
    writeFileSync(marker, `${new Date(now).toISOString()}\n`)
    utimesSync(marker, now / 1000, now / 1000)
    return true
  } catch {
    return false
  }
}

/** Sweeps the cache of `cwd` now, by the rules above. */
export async function pruneCache(cwd: string, now = Date.now(), maxRemovals = MAX_REMOVALS): Promise<PruneResult> {
  const root = cacheRoot(cwd)
  const result: Sweep = {files: 0, bytes: 0, complete: true, now, maxRemovals}
  const removals: Array<() => Promise<void>> = []
  const remove = (file: string, minAge = IN_FLIGHT_MS, pid?: number) => removals.push(() => removeIfOld(file, result, minAge, pid))
  /** Queues a temporary file; false for any other name. */
  const temporary = (file: string, name: string): boolean => {
    if (!TEMPORARY.test(name)) return false
    remove(file, IN_FLIGHT_MS, pidOf(name))
    return true
  }

  const live = await liveRecords(path.join(root, 'runs'), now, remove, temporary)
  // Build manifests: kept while a kept record names them, else for UNUSED_MS.
  for (const name of await fileNames(path.join(root, 'sites'))) {
    const file = path.join(root, 'sites', name)
    if (!temporary(file, name) && SITE.test(name) && !live.sites.has(name)) remove(file, UNUSED_MS)
  }
  // Entries: one listing per shard folder, all at once.
  const shards = (await entries(path.join(root, 'briefs'))).filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name))
  const listed = await Promise.all(shards.map(async (shard) => ({folder: path.join(root, 'briefs', shard.name), names: await fileNames(path.join(root, 'briefs', shard.name))})))
  for (const {folder, names} of listed) {
    for (const name of names) {
      const file = path.join(folder, name)
      const key = ENTRY.exec(name)?.[1]
      if (!temporary(file, name) && key !== undefined && !live.keys.has(key)) remove(file)
    }
  }
  await inParallel(removals)
  await removeOtherFormats(path.join(cwd, CACHE_DIR), result)
  return {files: result.files, bytes: result.bytes, complete: result.complete}
}

/** A sweep in progress: what it removed so far, and its clock and budget. */
interface Sweep extends PruneResult {
  now: number
  maxRemovals: number
}

interface Live {
  keys: Set<string>
  sites: Set<string>
}

/** Reads the records kept by the rules above, and queues the others' removal. */
async function liveRecords(folder: string, now: number, remove: (file: string, minAge: number) => unknown, temporary: (file: string, name: string) => boolean): Promise<Live> {
  const live: Live = {keys: new Set(), sites: new Set()}
  const slots = new Map<string, Array<{file: string; environment: string; mtimeMs: number}>>()
  for (const name of await fileNames(folder)) {
    const file = path.join(folder, name)
    const match = RECORD_NAME.exec(name)
    if (temporary(file, name) || !match) continue
    const stats = await lstat(file).catch(() => undefined)
    if (!stats?.isFile()) continue
    const slot = slots.get(match[1]!) ?? []
    slot.push({file, environment: match[2]!, mtimeMs: stats.mtimeMs})
    slots.set(match[1]!, slot)
  }
  for (const records of slots.values()) {
    const newest = Math.max(...records.map((record) => record.mtimeMs))
    for (const {file, environment, mtimeMs} of records) {
      const keptFor = mtimeMs === newest ? UNUSED_MS : SUPERSEDED_MS
      if (now - mtimeMs >= keptFor) {
        // Checked again when removed: a run may use it meanwhile.
        remove(file, keptFor)
        continue
      }
      const record = readRecord(file)
      if (!record) continue
      for (const key of record.keys) live.keys.add(key)
      if (record.site) live.sites.add(record.site)
    }
  }
  return live
}

/**
 * Removes the folders of other cache formats in `.briefpress-cache/`: files
 * by the same age and process rules, then the folders left empty.
 */
async function removeOtherFormats(cacheDir: string, result: Sweep): Promise<void> {
  const others = (await entries(cacheDir)).filter((entry) => entry.isDirectory() && OTHER_FORMAT.test(entry.name) && entry.name !== CACHE_FORMAT)
  for (const other of others) {
    const levels: string[][] = []
    const files: Array<{file: string; name: string}> = []
    const walk = async (folder: string, depth: number): Promise<void> => {
      ;(levels[depth] ??= []).push(folder)
      for (const entry of await entries(folder)) {
        const item = path.join(folder, entry.name)
        if (entry.isDirectory()) await walk(item, depth + 1)
        else if (entry.isFile()) files.push({file: item, name: entry.name})
      }
    }
    await walk(path.join(cacheDir, other.name), 0)
    await inParallel(files.map(({file, name}) => () => removeIfOld(file, result, IN_FLIGHT_MS, pidOf(name))))
    // Deepest first; a folder still holding something stays.
    for (const level of levels.reverse()) await inParallel(level.map((folder) => () => rmdir(folder)))
  }
}

/**
 * Removes a file last written at least `minAge` ago and, when it is a
 * temporary file of process `pid`, whose process is gone (or a day old).
 */
async function removeIfOld(file: string, result: Sweep, minAge: number, pid?: number): Promise<void> {
  const stats = await lstat(file).catch(() => undefined)
  if (!stats?.isFile() || result.now - stats.mtimeMs < minAge) return
  if (pid !== undefined && result.now - stats.mtimeMs < TEMPORARY_MAX_MS && isAlive(pid)) return
  // Counted before the unlink: removals run in parallel.
  if (result.files >= result.maxRemovals) {
    result.complete = false
    return
  }
  result.files++
  if (await unlink(file).then(() => true, () => false)) result.bytes += stats.size
  else result.files--
}

/** The process id in a temporary file's name. */
function pidOf(name: string): number | undefined {
  const pid = TEMPORARY.exec(name)?.[1]
  return pid === undefined ? undefined : Number(pid)
}

async function entries(folder: string): Promise<Dirent[]> {
  return readdir(folder, {withFileTypes: true}).catch(() => [])
}

/** Names of the regular files of a folder: symbolic links are neither followed nor removed. */
async function fileNames(folder: string): Promise<string[]> {
  return (await entries(folder)).filter((entry) => entry.isFile()).map((entry) => entry.name)
}

async function inParallel(tasks: ReadonlyArray<() => Promise<unknown>>, parallel = PARALLEL): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!().catch(() => undefined)
  }
  await Promise.all(Array.from({length: Math.min(parallel, tasks.length)}, worker))
}

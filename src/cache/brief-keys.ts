import {statSync, type Stats} from 'node:fs'
import type {Config} from '../config/schema.js'
import {Reporter} from '../diagnostics/reporter.js'
import {toDisplayPath} from '../load/display-path.js'
import {readBrief} from '../load/read-brief.js'
import {readKey} from './digest.js'

/** A brief's [size, mtimeMs, ctimeMs, ino, recordedAt, key] when it was read. */
export type InputStat = [number, number, number, number, number, string]

/**
 * As make and ninja do, a file whose size, mtime, ctime and inode are those
 * recorded is taken to hold what it held, with one guard ("racy git"): only
 * when its times are older than the moment it was recorded by more than
 * this, since an edit within the same tick of a coarse clock (FAT: 2 s)
 * could keep size and times. ctime changes on every write and on `utimes`,
 * so an edit that restores the old mtime is still seen.
 */
const RACY_MS = 2_000

/** Briefs read at once. */
const IN_PROGRESS = 32

export interface BriefKeys {
  /** Each brief's key (`-` for one that could not be read), by absolute path, in file order. */
  keys: Map<string, string>
  /** The keys taken from the recorded stats, without reading the file. */
  trusted: Map<string, string>
  /** The stats to record for the next build. */
  inputs: Map<string, InputStat>
}

/**
 * The key of every brief: from `recorded` (the last build's manifest) when
 * its stats are unchanged, else by reading and hashing the file. What lets
 * a build with nothing to do say so without loading the parser, and what
 * tells the pipeline which briefs it need not read.
 */
export async function briefKeys(files: readonly string[], cwd: string, config: Config, environment: string, recorded: ReadonlyMap<string, InputStat> | undefined): Promise<BriefKeys> {
  const result: BriefKeys = {keys: new Map(), trusted: new Map(), inputs: new Map()}
  const reporter = new Reporter(config.rules)
  const reads: Array<Promise<void>> = []
  for (const file of files) {
    const before = statSync(file, {throwIfNoEntry: false})
    const known = trustedKey(recorded?.get(file), before)
    if (known !== undefined) {
      result.keys.set(file, known)
      result.trusted.set(file, known)
      result.inputs.set(file, recorded!.get(file)!)
      continue
    }
    const recordedAt = Date.now()
    // Set now, so the map keeps file order.
    result.keys.set(file, '-')
    reads.push(
      readBrief(file, reporter, {maxFileSize: config.maxFileSize, displayPath: toDisplayPath(file, cwd)}).then(({text, bom}) => {
        const key = text === undefined ? '-' : readKey(environment, {text, bom})
        result.keys.set(file, key)
        if (before) result.inputs.set(file, [before.size, before.mtimeMs, before.ctimeMs, before.ino, recordedAt, key])
      })
    )
    if (reads.length >= IN_PROGRESS) await Promise.all(reads.splice(0))
  }
  await Promise.all(reads)
  return result
}

function trustedKey(entry: InputStat | undefined, stats: Stats | undefined): string | undefined {
  if (!entry || !stats) return undefined
  const [size, mtimeMs, ctimeMs, ino, recordedAt, key] = entry
  if (stats.size !== size || stats.mtimeMs !== mtimeMs || stats.ctimeMs !== ctimeMs || stats.ino !== ino) return undefined
  if (mtimeMs > recordedAt - RACY_MS || ctimeMs > recordedAt - RACY_MS || key === '-') return undefined
  return key
}

import {appendFileSync, mkdirSync, readFileSync, rmSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {CACHE_FORMAT} from './digest.js'
import type {PlainMessage} from './messages.js'
import {replaceFileSync} from './replace-file.js'
import {CACHE_DIR} from './store.js'

/** One brief as a lean pipeline keeps it, by content key. */
export interface PackEntry<Analysis> {
  /** Messages of reading the file (byte-order mark, CRLF), which the analysis does not repeat. */
  read: PlainMessage[]
  /** The text's line endings only: archive rules check their places against the lines. */
  lineEnds: string
  analysis: Analysis
}

/**
 * The pack is rewritten whole only when the entries no brief uses any more
 * (deleted or edited briefs) and the log's records together pass this share
 * of the entries in use, or this many when fewer: below that, a build that
 * adds one brief to 4,000 appends 4 KB instead of rewriting 16 MB (about
 * 0.1 s of serialising and the write), and one that deletes a brief writes
 * nothing.
 */
const COMPACT_SHARE = 1 / 8
const COMPACT_MIN = 64

/**
 * Every brief's lean analysis in one file, beside the per-brief cache: a
 * build that adds one brief to 4,000 then reads one file of about 4 KB per
 * brief instead of 4,000 briefs and 4,000 cache entries (6 of 18 s). Keyed
 * by content, like the cache; the files' keys come from their stats
 * (src/cache/brief-stats.ts), so unchanged briefs are not even read. A pack
 * of another part (`open`'s `part`) keeps other results by content the same
 * way, such as an archive rule's messages by what they depend on.
 *
 * Entries added since the pack was written go to a log beside it
 * (`<pack>.log`: records of a 4-byte length and one serialised
 * `[key, entry]`, the last record of a key winning), and the pack is
 * compacted to the entries seen in a run when waste passes COMPACT_SHARE, so
 * it never grows stale for long. Entries are keyed by content, so a record
 * lost to a concurrent build only costs reading that brief again; a torn or
 * unreadable record ends the log, and the next save compacts.
 */
export class AnalysisPack<Entry> {
  readonly #file: string
  readonly #entries: Map<string, Entry>
  readonly #seen = new Map<string, Entry>()
  /** Entries to append, in order. */
  readonly #added: Array<[string, Entry]> = []
  /** Records read from the log, and whether it ended in a torn or unreadable one. */
  readonly #log: {records: number; torn: boolean}

  private constructor(file: string, entries: Map<string, Entry>, log: {records: number; torn: boolean}) {
    this.#file = file
    this.#entries = entries
    this.#log = log
  }

  /** The pack of this environment (config, code, render stage) and part, empty when absent or unreadable. */
  static open<Entry>(cwd: string, environment: string, part?: string): AnalysisPack<Entry> {
    const file = packFile(cwd, environment, part)
    return AnalysisPack.#decode(file, readOrNothing(file))
  }

  /** `open`, with the bytes `prefetch` began to read when it did. */
  static async load<Entry>(cwd: string, environment: string, part?: string): Promise<AnalysisPack<Entry>> {
    const file = packFile(cwd, environment, part)
    const ahead = prefetched.get(file)
    prefetched.delete(file)
    return AnalysisPack.#decode(file, ahead ? await ahead : readOrNothing(file))
  }

  /**
   * Begins to read the pack on the thread pool: a build that will analyse
   * briefs calls it before loading the parser and the renderer, whose
   * compilation then overlaps the read (21 MB at 4,000 briefs).
   */
  static prefetch(cwd: string, environment: string, part?: string): void {
    const file = packFile(cwd, environment, part)
    if (!prefetched.has(file)) prefetched.set(file, readFile(file).catch(() => undefined))
  }

  static #decode<Entry>(file: string, bytes: Buffer | undefined): AnalysisPack<Entry> {
    let entries = new Map<string, Entry>()
    try {
      const stored = bytes && (deserialize(bytes) as unknown)
      if (stored instanceof Map) entries = stored as Map<string, Entry>
    } catch {
      // No pack yet, or unreadable: briefs are read and their entries looked up one by one.
    }
    return new AnalysisPack(file, entries, readLog(`${file}.log`, entries))
  }

  /** The entry of this key, kept for the next run. */
  take(key: string): Entry | undefined {
    const entry = this.#entries.get(key)
    if (entry) this.#seen.set(key, entry)
    return entry
  }

  /** An entry made in this run; stored even under a known key (a brief's read messages may differ: a byte-order mark added). */
  add(key: string, entry: Entry): void {
    this.#seen.set(key, entry)
    this.#added.push([key, entry])
  }

  /** Appends the entries added in this run, or writes the entries seen in this run when the pack holds too much else. */
  save(): void {
    let unused = 0
    for (const key of this.#entries.keys()) if (!this.#seen.has(key)) unused++
    const waste = unused + this.#log.records + this.#added.length
    // Unwritable: only speed is lost, the next build reads the briefs again.
    if (this.#log.torn || waste > Math.max(COMPACT_MIN, this.#seen.size * COMPACT_SHARE)) {
      if (replaceFileSync(this.#file, serialize(this.#seen))) rmSync(`${this.#file}.log`, {force: true})
      return
    }
    if (this.#added.length === 0) return
    try {
      mkdirSync(path.dirname(this.#file), {recursive: true})
      appendFileSync(`${this.#file}.log`, Buffer.concat(this.#added.map(([key, entry]) => record(serialize([key, entry])))))
    } catch {
      // As above: only speed is lost.
    }
  }
}

/** Reads begun by `AnalysisPack.prefetch`, by pack file. */
const prefetched = new Map<string, Promise<Buffer | undefined>>()

function packFile(cwd: string, environment: string, part: string | undefined): string {
  return path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'packs', `${environment.slice(0, 32)}${part ? `.${part}` : ''}`)
}

function readOrNothing(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

function record(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32LE(bytes.length)
  return Buffer.concat([length, bytes])
}

/** Adds the log's records to `entries`; counts them, and tells whether the log ended early. */
function readLog<Entry>(file: string, entries: Map<string, Entry>): {records: number; torn: boolean} {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return {records: 0, torn: false}
  }
  let records = 0
  let offset = 0
  while (offset < bytes.length) {
    const end = offset + 4 + (offset + 4 <= bytes.length ? bytes.readUInt32LE(offset) : 0)
    if (offset + 4 > bytes.length || end > bytes.length) return {records, torn: true}
    try {
      const [key, entry] = deserialize(bytes.subarray(offset + 4, end)) as [string, Entry]
      if (typeof key !== 'string') return {records, torn: true}
      entries.set(key, entry)
    } catch {
      return {records, torn: true}
    }
    records++
    offset = end
  }
  return {records, torn: false}
}

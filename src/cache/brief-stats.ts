import {readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {CACHE_FORMAT} from './digest.js'
import {replaceFileSync} from './replace-file.js'
import {CACHE_DIR} from './store.js'

/**
 * What each brief's key was when its file last had this size, mtime, ctime
 * and inode: a build with nothing to do stats the briefs instead of reading
 * and hashing them (4,000 briefs are 84 MB). As make and ninja do, it trusts
 * the file system's times, with two guards:
 * - ctime is compared too, and the system sets it on every write and on
 *   `utimes`, so an edit that restores the old mtime is still seen;
 * - an entry is trusted only for a file whose mtime is older than the moment
 *   it was recorded by more than RACY_MS ("racy git"): an edit within the same
 *   tick of a coarse clock (FAT: 2 s, some network file systems: 1 s) could
 *   keep size and times, so such files are read and hashed again until their
 *   mtime is old enough.
 * Anything else (a different stat, no entry, unreadable cache) falls back to
 * reading and hashing the file, so a wrong answer needs a file system that
 * lies about times.
 */
const RACY_MS = 2_000

/** [size, mtimeMs, ctimeMs, ino, recordedAt, key] */
type Entry = [number, number, number, number, number, string]

export class BriefStats {
  readonly #file: string
  #entries: Map<string, Entry>
  readonly #seen = new Map<string, Entry>()
  /** Keys of the files whose stats were trusted in this run (`lookup`), by path. */
  readonly #trusted = new Map<string, string>()
  #changed = false

  private constructor(file: string, entries: Map<string, Entry>) {
    this.#file = file
    this.#entries = entries
  }

  /**
   * The stats recorded under this environment digest (keys depend on it);
   * `opened` when it is these very stats, opened earlier in this run.
   */
  static open(cwd: string, environment: string, opened?: BriefStats): BriefStats {
    const file = path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'stats', environment.slice(0, 32))
    if (opened && opened.#file === file) return opened
    let entries = new Map<string, Entry>()
    try {
      const stored = deserialize(readFileSync(file)) as unknown
      if (stored instanceof Map) entries = stored as Map<string, Entry>
    } catch {
      // No stats yet, or unreadable: every brief is read once.
    }
    return new BriefStats(file, entries)
  }

  /** The file's stats now, or undefined when it cannot be stat'ed (the read then reports why). */
  static stat(absolutePath: string): Stats | undefined {
    return statSync(absolutePath, {throwIfNoEntry: false})
  }

  /** The recorded key, when the file's stats are unchanged and old enough to trust. */
  lookup(absolutePath: string, stats: Stats | undefined): string | undefined {
    const entry = this.#entries.get(absolutePath)
    if (!entry || !stats) return undefined
    const [size, mtimeMs, ctimeMs, ino, recordedAt, key] = entry
    if (stats.size !== size || stats.mtimeMs !== mtimeMs || stats.ctimeMs !== ctimeMs || stats.ino !== ino) return undefined
    if (mtimeMs > recordedAt - RACY_MS || ctimeMs > recordedAt - RACY_MS) return undefined
    this.#seen.set(absolutePath, entry)
    this.#trusted.set(absolutePath, key)
    return key
  }

  /**
   * The key `lookup` trusted for this file earlier in this run: a build
   * checks the briefs' stats once, before it knows whether it has anything
   * to do, and its pipeline takes the answers instead of stating every
   * brief again (src/commands/build.ts).
   */
  trusted(absolutePath: string): string | undefined {
    return this.#trusted.get(absolutePath)
  }

  /** Records the key read from a file with these stats (taken before the read). */
  record(absolutePath: string, stats: Stats | undefined, recordedAt: number, key: string): void {
    if (!stats) return
    const seen = this.#seen.get(absolutePath)
    // Recorded already in this run from the same file: the earlier time is the safer one.
    if (seen && seen[0] === stats.size && seen[1] === stats.mtimeMs && seen[2] === stats.ctimeMs && seen[3] === stats.ino && seen[5] === key) return
    this.#seen.set(absolutePath, [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, recordedAt, key])
    this.#changed = true
  }

  /** Writes the entries of the files seen in this run, when any differs from what was stored. */
  save(): void {
    if (!this.#changed && this.#seen.size === this.#entries.size) return
    // Unwritable: only speed is lost, the next build reads the briefs again.
    replaceFileSync(this.#file, serialize(this.#seen))
    // What is on disk now: a second save in the same run writes only what changed since.
    this.#changed = false
    this.#entries = new Map(this.#seen)
  }
}

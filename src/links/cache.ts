import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {LinkOutcome} from './outcome.js'

export const CACHE_FILE = path.join('.briefpress-cache', 'links.json')
const VERSION = 1
/** Entries older than this are dropped when the cache is saved, so it cannot grow forever. */
const RETENTION = 30 * 86_400_000

interface Entry {
  /** When the URL was checked, in ms since the epoch. */
  checkedAt: number
  outcome: LinkOutcome
}

/**
 * The outcomes of earlier link checks, in `.briefpress-cache/links.json`, so a
 * daily run asks each server about a URL at most once per `maxAge`. Only
 * definite outcomes are kept (see LinkOutcome); a damaged file is ignored.
 */
export class LinkCache {
  readonly #file: string
  readonly #entries: Map<string, Entry>
  #changed = false

  private constructor(file: string, entries: Map<string, Entry>) {
    this.#file = file
    this.#entries = entries
  }

  static async open(file: string): Promise<LinkCache> {
    const entries = new Map<string, Entry>()
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as {version?: number; entries?: Record<string, Entry>}
      if (data.version === VERSION && data.entries && typeof data.entries === 'object') {
        for (const [url, entry] of Object.entries(data.entries)) {
          if (typeof entry?.checkedAt === 'number' && entry.outcome && typeof entry.outcome.kind === 'string') entries.set(url, entry)
        }
      }
    } catch {
      // Missing or unreadable: start empty; it is only a cache.
    }
    return new LinkCache(file, entries)
  }

  /** The outcome checked less than `maxAge` ms ago, if any. */
  get(url: string, maxAge: number, now = Date.now()): LinkOutcome | undefined {
    const entry = this.#entries.get(url)
    return entry && now - entry.checkedAt < maxAge ? entry.outcome : undefined
  }

  set(url: string, outcome: LinkOutcome, now = Date.now()): void {
    if (outcome.kind === 'unreachable') return
    this.#entries.set(url, {checkedAt: now, outcome})
    this.#changed = true
  }

  /** Writes the cache (to a temporary file, then renamed, so a crash cannot leave half a file). */
  async save(now = Date.now()): Promise<void> {
    if (!this.#changed) return
    const entries: Record<string, Entry> = {}
    for (const url of [...this.#entries.keys()].sort()) {
      const entry = this.#entries.get(url)!
      if (now - entry.checkedAt < RETENTION) entries[url] = entry
    }
    await mkdir(path.dirname(this.#file), {recursive: true})
    const temporary = `${this.#file}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify({version: VERSION, entries}, null, 1) + '\n')
    await rename(temporary, this.#file)
    this.#changed = false
  }
}

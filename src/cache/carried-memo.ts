import {StringTable, utf8} from './string-table.js'

/** What a memo keeps for the next build: new values as strings, carried ones as the previous table's bytes. */
export type MemoEntries = ReadonlyMap<string, string | Uint8Array>

/**
 * A memo carried from one build to the next: it answers from the previous
 * build's entries and keeps for the next build only the entries used now
 * (asked for or set), so it never grows beyond what one build prints or
 * writes. An entry answered from a previous `StringTable` is kept as its
 * bytes: a build that reuses thousands of cards does not hold them all as
 * strings to the end.
 */
export class CarriedMemo {
  readonly #next = new Map<string, string | Uint8Array>()
  readonly #previous: StringTable | MemoEntries | undefined
  /** The last value decoded from bytes, so that setting it back keeps the bytes. */
  #decoded: {key: string; value: string} | undefined

  /** `previous`: the last build's table, or another memo's `next`. */
  constructor(previous?: StringTable | MemoEntries) {
    this.#previous = previous
  }

  /** The entries to keep for the next build. */
  get next(): MemoEntries {
    return this.#next
  }

  get(key: string): string | undefined {
    const found = this.kept(key)
    if (found === undefined || typeof found === 'string') return found
    const value = utf8(found)
    this.#decoded = {key, value}
    return value
  }

  /** The entry as it is kept, a string or UTF-8 bytes, for a caller that can use bytes as they are; kept for the next build. */
  kept(key: string): string | Uint8Array | undefined {
    const kept = this.#next.get(key)
    if (kept !== undefined) return kept
    const found = this.#previous instanceof StringTable ? this.#previous.raw(key) : this.#previous?.get(key)
    if (found !== undefined) this.#next.set(key, found)
    return found
  }

  set(key: string, value: string | Uint8Array): void {
    if (this.#decoded?.key === key && this.#decoded.value === value && this.#next.has(key)) return
    this.#next.set(key, value)
  }
}

import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {writeAtomic} from './atomic-write.js'
import {CACHE_FORMAT} from './digest.js'
import {seal, unseal} from './sealed.js'

/** The cache folder, in the working folder (gitignored). */
export const CACHE_DIR = '.briefpress-cache'

/**
 * The content-addressed store of each brief's analysis: one file per key
 * under `.briefpress-cache/<format>/briefs/ab/abcd….meta`, and its rendered
 * body beside it (`.body`), read only when its page is written. Keys cover
 * everything a result depends on (the brief's text, the config, the code),
 * so an entry is written once and never updated. V8's serialiser keeps
 * `undefined`, typed arrays (image bytes) and shared strings exactly.
 */
export class BriefCache {
  readonly dir: string

  constructor(cwd: string) {
    this.dir = path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'briefs')
  }

  #file(key: string, part: 'meta' | 'body'): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${part}`)
  }

  /** The stored value, or undefined when absent, unreadable or damaged (src/cache/sealed.ts): a miss. */
  async get<T>(key: string, part: 'meta' | 'body' = 'meta'): Promise<T | undefined> {
    return unseal<T>(await readFile(this.#file(key, part)).catch(() => undefined))
  }

  /** `get`, on this thread: thousands of small entries read faster so than through the thread pool. */
  getSync<T>(key: string, part: 'meta' | 'body' = 'meta'): T | undefined {
    try {
      return unseal<T>(readFileSync(this.#file(key, part)))
    } catch {
      return undefined
    }
  }

  async put(key: string, value: unknown, part: 'meta' | 'body' = 'meta'): Promise<void> {
    await writeAtomic(this.#file(key, part), seal(value))
  }
}

import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {CACHE_FORMAT} from './digest.js'

/** The cache folder, in the working folder (gitignored). */
export const CACHE_DIR = '.briefpress-cache'

/**
 * A content-addressed store of per-brief results on disk: one file per key
 * under `.briefpress-cache/<format>/briefs/ab/abcd…`. Keys already cover
 * everything a result depends on, so an entry is never updated, only
 * written once; writes go through a temporary file and a rename, so a
 * crashed or concurrent build never leaves a torn entry. V8's serialiser
 * keeps `undefined`, typed arrays (image bytes) and shared strings exactly.
 */
export class BriefCache {
  readonly dir: string
  hits = 0
  misses = 0

  constructor(cwd: string) {
    this.dir = path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'briefs')
  }

  #file(key: string, part: 'meta' | 'body'): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${part}`)
  }

  /** The stored value, or undefined when absent or unreadable (treated as a miss). */
  async get<T>(key: string, part: 'meta' | 'body' = 'meta'): Promise<T | undefined> {
    const bytes = await readFile(this.#file(key, part)).catch(() => undefined)
    if (!bytes) return undefined
    try {
      return deserialize(bytes) as T
    } catch {
      return undefined
    }
  }

  async put(key: string, value: unknown, part: 'meta' | 'body' = 'meta'): Promise<void> {
    const file = this.#file(key, part)
    const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`
    try {
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(temp, serialize(value))
      await rename(temp, file)
    } catch {
      // A cache that cannot be written (read-only folder, full disk) only
      // costs speed: the build goes on.
      await rm(temp, {force: true}).catch(() => undefined)
    }
  }
}

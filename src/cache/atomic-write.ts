import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * The one way the cache writes a file: to a temporary file beside it, then
 * a rename, so that a crashed or concurrent run never leaves it torn.
 * Returns false when it could not be written: a cache that cannot be
 * written (read-only folder, full disk) only costs speed.
 */
export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<boolean> {
  // `<file>.<pid>.<hex>.tmp`: pruning leaves a running process's temporary files alone (src/cache/prune.ts).
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await mkdir(path.dirname(file), {recursive: true})
    await writeFile(temporary, bytes)
    await rename(temporary, file)
    return true
  } catch {
    await rm(temporary, {force: true}).catch(() => undefined)
    return false
  }
}


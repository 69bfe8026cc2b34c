import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * The one way the cache writes a file: to a temporary file beside it, then
 * a rename, so that a crashed or concurrent run never leaves it torn.
 * Returns false when it could not be written: a cache that cannot be
 * written (read-only folder, full disk) only costs speed.
 */
export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<boolean> {
  const temporary = temporaryName(file)
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

/** `writeAtomic`, on this thread. */
export function writeAtomicSync(file: string, bytes: Uint8Array | string): boolean {
  const temporary = temporaryName(file)
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(temporary, bytes)
    renameSync(temporary, file)
    return true
  } catch {
    rmSync(temporary, {force: true})
    return false
  }
}

/** `<file>.<pid>.<hex>.tmp`: pruning leaves a running process's temporary files alone (src/cache/prune.ts). */
function temporaryName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

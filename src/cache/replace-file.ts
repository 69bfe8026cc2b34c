import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/**
 * Writes `file` through a temporary file and a rename, so that a crashed or
 * concurrent build never leaves it torn; returns false when it cannot be
 * written (a cache that cannot be written only costs speed).
 */
export function replaceFileSync(file: string, bytes: Uint8Array): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
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

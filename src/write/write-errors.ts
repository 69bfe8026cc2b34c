import {accessSync, constants, existsSync} from 'node:fs'
import path from 'node:path'

/**
 * Why the site could not be written, in words: the system's message names
 * the step that failed (`ENOENT: no such file or directory, mkdir …` for a
 * folder that cannot be created in a read-only parent), not the cause.
 */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied (the folder or its parent is not writable by this user)',
  EPERM: 'operation not permitted (the folder or its parent is not writable by this user)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a file of the site is a folder on disk',
  ENAMETOOLONG: 'a path is too long for the file system',
  EMFILE: 'too many files are open'
}

/** `error`'s message, with its cause in words first when it is a file-system error Briefpress knows. */
export function describeWriteError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const errno = error as NodeJS.ErrnoException | undefined
  const where = errno?.path
  const code = errno?.code === 'ENOENT' && errno.syscall === 'mkdir' && where ? parentCode(where) : errno?.code
  const cause = code && CAUSES[code]
  return cause ? `${cause} at ${code === errno?.code ? where : path.dirname(where!)} (${message})` : message
}

/**
 * Node's recursive mkdir says ENOENT when the parent exists but cannot be
 * written (a read-only file system, no permission): ask the parent why.
 */
function parentCode(folder: string): string {
  const parent = path.dirname(folder)
  if (!existsSync(parent)) return 'ENOENT'
  try {
    accessSync(parent, constants.W_OK)
    return 'ENOENT'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'ENOENT'
  }
}

import {existsSync} from 'node:fs'
import path from 'node:path'

const roots = new Map<string, string>()

/**
 * The root of the git work tree holding `cwd` (the nearest folder upward
 * with a `.git` folder or file), or `cwd` itself outside a repository. Code
 * scanning and pull-request file lists name files from there.
 */
export function repoRoot(cwd: string): string {
  const start = path.resolve(cwd)
  if (!roots.has(start)) {
    let folder = start
    while (!existsSync(path.join(folder, '.git')) && path.dirname(folder) !== folder) folder = path.dirname(folder)
    roots.set(start, existsSync(path.join(folder, '.git')) ? folder : start)
  }
  return roots.get(start)!
}

/** An absolute path as the repository names it: relative to its root, with `/`. */
export function repoRelative(absolutePath: string, cwd: string): string {
  const relative = path.relative(repoRoot(cwd), absolutePath)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/')
  return relative.split(path.sep).join('/')
}

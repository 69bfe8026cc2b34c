import path from 'node:path'

/** Paths in messages are relative to the working folder, with `/` on every OS. */
export function toDisplayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath)
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative).split(path.sep).join('/')
}

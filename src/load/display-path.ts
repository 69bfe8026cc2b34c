import path from 'node:path'

/** The last working folder seen, resolved, with a separator at its end: a build asks for thousands of paths under one folder. */
let lastCwd: string | undefined
let lastPrefix = ''

/** Paths in messages are relative to the working folder, with `/` on every OS. */
export function toDisplayPath(absolutePath: string, cwd: string): string {
  // A relative folder resolves against the process's folder, which may change between calls.
  if (cwd !== lastCwd && path.isAbsolute(cwd)) {
    const resolved = path.resolve(cwd)
    lastCwd = cwd
    lastPrefix = resolved.endsWith(path.sep) ? resolved : resolved + path.sep
  }
  // A resolved path under the folder (as findBriefs lists them) is the rest of
  // it: path.relative would resolve both paths for each of 4,000 briefs.
  const rest = cwd === lastCwd && absolutePath.startsWith(lastPrefix) ? absolutePath.slice(lastPrefix.length) : undefined
  if (rest && isPlain(rest)) return path.sep === '/' ? rest : rest.split(path.sep).join('/')
  const relative = path.relative(cwd, absolutePath)
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative).split(path.sep).join('/')
}

/** No empty, `.` or `..` segment, nor one that path.relative would treat as such: nothing to resolve. */
function isPlain(rest: string): boolean {
  const sep = path.sep
  return !rest.startsWith('.') && !rest.startsWith(sep) && !rest.endsWith(sep) && !rest.includes(`${sep}.`) && !rest.includes(`${sep}${sep}`)
}

import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'

/**
 * Lists every `*.md` file under each of `paths` (a file is taken as given),
 * sorted so that runs are deterministic. Hidden folders and `node_modules` are
 * skipped; symbolic links are not followed, so a link cannot pull files from
 * outside the source folder into the site. A `*.md` link is listed all the
 * same, so that reading it says so (`symbolic-link`) rather than skip it
 * without a word.
 */
export async function findBriefs(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>()
  for (const given of paths) {
    const absolute = path.resolve(cwd, given)
    const stats = await stat(absolute).catch(() => undefined)
    if (!stats) throw new MissingPathError(given)
    if (stats.isFile()) found.add(absolute)
    else await walk(absolute, found)
  }
  return [...found].sort()
}

async function walk(folder: string, found: Set<string>): Promise<void> {
  const entries = await readdir(folder, {withFileTypes: true})
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) await walk(full, found)
    else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.md')) found.add(full)
  }
}

export class MissingPathError extends Error {
  override name = 'MissingPathError'
  constructor(readonly given: string) {
    super(`Cannot find ${given}: no such file or folder`)
  }
}

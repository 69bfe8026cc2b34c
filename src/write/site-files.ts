import {createHash} from 'node:crypto'
import {statSync} from 'node:fs'
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {listTree, SITE_MARKER, tempPrefix} from './atomic-site.js'

/** Every file of an output folder: the marker's identity, and each file's `size:mtime`, sorted by path. */
export interface SiteFiles {
  marker: string
  stats: Map<string, string>
}

/** Lists `outDir` when it holds a site Briefpress wrote (its marker); undefined otherwise. */
export function listSite(outDir: string): SiteFiles | undefined {
  const marker = statSync(path.join(outDir, SITE_MARKER), {throwIfNoEntry: false})
  if (!marker) return undefined
  let files: string[]
  try {
    files = listTree(outDir).files.sort()
  } catch {
    return undefined
  }
  const prefix = outDir + path.sep
  // Synchronous on purpose: thousands of awaited stats wait on the thread pool.
  const stats = new Map<string, string>()
  for (const file of files) stats.set(file, fileStat(prefix + file))
  return {marker: `${marker.dev}:${marker.ino}:${marker.mtimeMs}:${marker.size}`, stats}
}

/** A file's `size:mtime`, or `undefined:undefined` when it is gone. */
function fileStat(file: string): string {
  const stats = statSync(file, {throwIfNoEntry: false})
  return `${stats?.size}:${stats?.mtimeMs}`
}

/**
 * The folder as one digest, so that a page added, removed or edited by hand
 * since the last build is noticed (the next build then writes every page).
 * Undefined when it holds no site, or a crashed build's temporary folder lies
 * beside it.
 */
export async function siteIdentity(outDir: string, listing: SiteFiles | undefined = listSite(outDir)): Promise<string | undefined> {
  if (!listing || (await hasLeftovers(outDir))) return undefined
  let text = listing.marker
  for (const [file, stat] of listing.stats) text += `\0${file}:${stat}`
  return createHash('sha256').update(text).digest('hex')
}

/**
 * The listing after a build patched the folder (src/write/atomic-site.ts):
 * the files it moved in stated again, the removed ones left out, without
 * walking thousands of unchanged files a second time.
 */
export function patchedListing(outDir: string, before: SiteFiles, changes: {written: readonly string[]; removed: readonly string[]}): SiteFiles {
  const stats = new Map(before.stats)
  for (const file of changes.removed) stats.delete(file)
  for (const file of changes.written) stats.set(file, fileStat(path.join(outDir, file)))
  return {marker: before.marker, stats: new Map([...stats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}
}


/** A temporary folder beside the output, left by a crashed build. */
async function hasLeftovers(outDir: string): Promise<boolean> {
  return (await readdir(path.dirname(outDir)).catch(() => [] as string[])).some((name) => name.startsWith(tempPrefix(outDir)))
}

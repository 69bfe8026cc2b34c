import {createHash} from 'node:crypto'
import {readdirSync, statSync} from 'node:fs'
import {mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {PlainMessage} from './messages.js'
import {SITE_MARKER} from '../write/atomic-site.js'
import {CACHE_DIR} from './store.js'
import {briefpressCodeDigest, CACHE_FORMAT} from './digest.js'

/**
 * Remembers, in the cache folder, what each output folder was built from:
 * the pipeline's input digest plus the build options, and the identity of
 * the site marker the build wrote. A build whose inputs and options match,
 * into a folder still holding that very marker (same inode and mtime: not
 * rebuilt, replaced or deleted since), has nothing to write. Kept out of the
 * site itself so that the published files stay exactly what a clean build
 * writes.
 */
export function buildStamp(inputDigest: string, options: Record<string, unknown>): string {
  return createHash('sha256').update(inputDigest).update('\0').update(JSON.stringify(options)).digest('hex')
}

/** The stamp of `outDir` (its sidecar is `<stamp>.report`); cache pruning keeps it while a build's record names it. */
export function stampFile(cwd: string, outDir: string): string {
  const name = createHash('sha256').update(path.resolve(cwd, outDir)).digest('hex').slice(0, 32)
  return path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'sites', name)
}

/**
 * The output folder as it stands: the marker's identity and every file's
 * path, size and mtime, so that a page added, removed or edited by hand
 * since the build is noticed (a full build then puts the folder right).
 * Also returned: the files' site-relative paths.
 */
async function siteIdentity(outDir: string): Promise<SiteListing | undefined> {
  const marker = await stat(path.join(outDir, SITE_MARKER)).catch(() => undefined)
  if (!marker) return undefined
  let entries
  try {
    entries = readdirSync(outDir, {recursive: true, withFileTypes: true})
  } catch {
    return undefined
  }
  const files = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
  // Synchronous on purpose: thousands of awaited stats spent most of a
  // no-change build waiting on the thread pool (0.6 s of 1.2 s for 4,000 briefs).
  const stats = new Map<string, string>()
  for (const file of files) stats.set(file, fileStat(path.join(outDir, file)))
  const listing = {marker: `${marker.dev}:${marker.ino}:${marker.mtimeMs}:${marker.size}`, files, stats}
  return {...listing, identity: identityOf(listing)}
}

interface SiteListing {
  identity: string
  /** The marker's identity. */
  marker: string
  /** Every file, site-relative, sorted. */
  files: string[]
  /** Each file's size and mtime. */
  stats: Map<string, string>
}

function fileStat(file: string): string {
  const stats = statSync(file, {throwIfNoEntry: false})
  return `${stats?.size}:${stats?.mtimeMs}`
}

function identityOf({marker, files, stats}: Omit<SiteListing, 'identity'>): string {
  const hash = createHash('sha256').update(marker)
  for (const file of files) hash.update(`\0${file}:${stats.get(file)}`)
  return hash.digest('hex')
}

/**
 * The identity of a site after a build patched it (src/write/atomic-site.ts):
 * the listing taken before the build, with the files it moved in stated
 * again and the ones it removed left out. Saves walking thousands of
 * unchanged files a second time.
 */
export function patchedIdentity(outDir: string, before: PreviousSite, changes: {written: readonly string[]; removed: readonly string[]}): string {
  const stats = new Map(before.stats)
  for (const file of changes.removed) stats.delete(file)
  for (const file of changes.written) stats.set(file, fileStat(path.join(outDir, file)))
  return identityOf({marker: before.marker, files: [...stats.keys()].sort(), stats})
}

async function markerIdentity(outDir: string): Promise<string | undefined> {
  return (await siteIdentity(outDir))?.identity
}

/** A temporary folder beside the output, left by a crashed build: a full build clears it. */
async function hasLeftovers(outDir: string): Promise<boolean> {
  const prefix = `.${path.basename(outDir)}-build-`
  return (await readdir(path.dirname(outDir)).catch(() => [] as string[])).some((name) => name.startsWith(prefix))
}

/** True when `outDir` holds the site built from exactly this stamp. */
export async function siteIsCurrent(cwd: string, outDir: string, stamp: string): Promise<boolean> {
  const recorded = await readFile(stampFile(cwd, outDir), 'utf8').catch(() => undefined)
  // Another stamp: no need to stat the whole site to say no.
  if (!recorded?.startsWith(`${stamp}\n`) || (await hasLeftovers(path.resolve(cwd, outDir)))) return false
  const identity = await markerIdentity(path.resolve(cwd, outDir))
  return identity !== undefined && recorded === `${stamp}\n${identity}\n`
}

/** Every brief's path and messages, as the build that wrote the site reported them. */
export type SiteReport = Array<{path: string; messages: PlainMessage[]}>

/**
 * Records the stamp, the build's report and the key of every keyed file it
 * wrote: a later build with the same stamp prints that report without
 * analysing (or even loading) any brief, and a later build with changes
 * takes unchanged pages from this site. The sidecar is written first, so a
 * stamp never lacks it.
 */
export interface SiteRecord {
  report: SiteReport
  /** Site-relative file → key of the files the build wrote (src/render/site.ts). */
  keys?: ReadonlyMap<string, string> | undefined
  /**
   * The pretty report's block of each file, by digest of what it shows
   * (src/report/format.ts): printing thousands of warnings is not free, so a
   * later build formats again only the files whose messages changed.
   */
  prettyBlocks?: ReadonlyMap<string, string> | undefined
  /** The feeds' bodies with absolute links, by digest of body and page URL (src/render/feeds.ts). */
  feedLinks?: ReadonlyMap<string, string> | undefined
  /** The list pages' brief cards, by brief, link and level (templates/brief-list.ts). */
  cards?: ReadonlyMap<string, string> | undefined
  /** The output folder's identity when the caller knows it (`patchedIdentity`); else the folder is walked. */
  identity?: string | undefined
}

export async function recordSite(cwd: string, outDir: string, stamp: string, {report, keys = new Map(), prettyBlocks, feedLinks, cards, identity: known}: SiteRecord): Promise<void> {
  const identity = known ?? (await markerIdentity(path.resolve(cwd, outDir)))
  if (!identity) return
  const file = stampFile(cwd, outDir)
  await mkdir(path.dirname(file), {recursive: true})
  lastRead = undefined
  try {
    await writeFile(`${file}.report`, serialize({stamp, report, identity, keys, prettyBlocks, feedLinks, cards, code: briefpressCodeDigest()}))
    await writeFile(file, `${stamp}\n${identity}\n`)
  } catch {
    // Only speed is lost: the next build analyses again.
  }
}

interface Sidecar {
  stamp: string
  report: SiteReport
  identity: string
  keys: Map<string, string>
  prettyBlocks: SiteRecord['prettyBlocks']
  feedLinks: SiteRecord['feedLinks']
  cards: SiteRecord['cards']
  /** The code that made the memos above. */
  code: string
}

/**
 * The last sidecar read, with its file's identity: a build reads it for the
 * report's blocks, then for the pages to reuse, and deserialising it costs
 * about 0.2 s at 4,000 briefs. Shared: callers only read it.
 */
let lastRead: {file: string; identity: string; sidecar: Sidecar} | undefined

async function readSidecar(cwd: string, outDir: string): Promise<Sidecar | undefined> {
  const file = `${stampFile(cwd, outDir)}.report`
  const stats = await stat(file).catch(() => undefined)
  if (!stats) return undefined
  const identity = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`
  if (lastRead?.file === file && lastRead.identity === identity) return lastRead.sidecar
  const bytes = await readFile(file).catch(() => undefined)
  if (!bytes) return undefined
  try {
    const sidecar = deserialize(bytes) as Sidecar
    lastRead = {file, identity, sidecar}
    return sidecar
  } catch {
    return undefined
  }
}

/** The report recorded with `stamp`, or undefined. */
export async function readSiteReport(cwd: string, outDir: string, stamp: string): Promise<Pick<SiteRecord, 'report' | 'prettyBlocks'> | undefined> {
  const stored = await readSidecar(cwd, outDir)
  return stored?.stamp === stamp ? {report: stored.report, prettyBlocks: stored.prettyBlocks} : undefined
}

/**
 * The memos of the last build into `outDir`, whatever its inputs: entries
 * are keyed by what they were made from, so any build may use them, as long
 * as the same code made them.
 */
export async function previousMemos(cwd: string, outDir: string): Promise<Pick<SiteRecord, 'prettyBlocks' | 'feedLinks' | 'cards'>> {
  const stored = await readSidecar(cwd, outDir)
  return stored?.code === briefpressCodeDigest() ? {prettyBlocks: stored.prettyBlocks, feedLinks: stored.feedLinks, cards: stored.cards} : {}
}

/** What a build may take from the previous site in its output folder. */
export interface PreviousSite extends Omit<SiteListing, 'identity'> {
  /** Site-relative file → key, of the files the previous build wrote with one. */
  keys: Map<string, string>
}

/**
 * The keys of the files the previous build wrote into `outDir`, and all of
 * its files, when the folder still holds exactly what that build wrote
 * (nothing edited, added or removed by hand since, no build interrupted):
 * only then may its files be reused, and the folder patched in place.
 */
export async function previousSite(cwd: string, outDir: string): Promise<PreviousSite | undefined> {
  const stored = await readSidecar(cwd, outDir)
  if (!stored?.keys || stored.keys.size === 0 || (await hasLeftovers(path.resolve(cwd, outDir)))) return undefined
  const current = await siteIdentity(path.resolve(cwd, outDir))
  return current?.identity === stored.identity ? {keys: stored.keys, marker: current.marker, files: current.files, stats: current.stats} : undefined
}

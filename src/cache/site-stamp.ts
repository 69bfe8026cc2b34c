import {createHash} from 'node:crypto'
import {mkdir, open, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {VFile} from 'vfile'
import {fromPlainMessage, toPlainMessage, type PlainMessage} from './messages.js'
import {messageCounts, reportDigest, type ReportEntry} from '../report/format.js'
import {SITE_MARKER} from '../write/atomic-site.js'
import {CACHE_DIR} from './store.js'
import {briefpressCodeDigest, CACHE_FORMAT} from './digest.js'
import type {MemoEntries} from './carried-memo.js'
import {stringTableParts, StringTable} from './string-table.js'
import {fileStat, listSite, listSiteAside, type SiteFiles} from './site-listing.js'

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

/** The stamp of `outDir` (its sidecars are `<stamp>.report` and `<stamp>.memos`); cache pruning keeps it while a build's record names it. */
export function stampFile(cwd: string, outDir: string): string {
  const name = createHash('sha256').update(path.resolve(cwd, outDir)).digest('hex').slice(0, 32)
  return path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'sites', name)
}

/**
 * The output folder as it stands: the marker's identity and every file's
 * path, size and mtime, so that a page added, removed or edited by hand
 * since the build is noticed (a full build then puts the folder right).
 * Also returned: the files' site-relative paths. `listing`: the folder
 * listed already (`listSiteAside`).
 */
async function siteIdentity(outDir: string, listing?: Promise<SiteFiles | undefined>): Promise<SiteListing | undefined> {
  const files = listing ? await listing : listSite(outDir, SITE_MARKER)
  return files && {...files, identity: identityOf(files)}
}

/** Lists the output folder on a worker thread while the caller does other work; see `previousSite`. */
export function listSiteSoon(cwd: string, outDir: string): Promise<SiteFiles | undefined> {
  return listSiteAside(path.resolve(cwd, outDir), SITE_MARKER)
}

interface SiteListing extends SiteFiles {
  identity: string
}

function identityOf({marker, files, stats}: SiteFiles): string {
  // One string hashed once: 8,000 small updates cost more than the hashing.
  let text = marker
  for (const file of files) text += `\0${file}:${stats.get(file)}`
  return createHash('sha256').update(text).digest('hex')
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

/**
 * What a build records besides its stamp, in two sidecars beside it: the
 * report (`<stamp>.report`, written by `recordReport` as soon as the report
 * is printed, while the site is written) and the memos and keys
 * (`<stamp>.memos`, written by `recordSite` at the end). A later build with
 * the same stamp prints that report without analysing (or even loading) any
 * brief, and a later build with changes takes unchanged pages from this
 * site. The sidecars are written first, so a stamp never lacks them.
 */
export interface ReportRecord {
  /** Every brief's file with its messages, as the build reported them. */
  files: readonly VFile[]
  /**
   * The previous record's messages by report digest (`previousMemos`): a
   * file whose report is unchanged keeps its recorded bytes, so a build that
   * adds one brief to 4,000 encodes one file's messages, not 15,000.
   */
  reportMessages?: StringTable | undefined
  /**
   * The pretty report's block of each file, by digest of what it shows
   * (src/report/format.ts): printing thousands of warnings is not free, so a
   * later build formats again only the files whose messages changed.
   */
  prettyBlocks?: Memo | undefined
}

export interface SiteRecord {
  /** The report's sidecar being written (`recordReport`): the stamp is written only once it is. */
  report: Promise<boolean>
  /** Site-relative file → key of the files the build wrote (src/render/site.ts). */
  keys?: ReadonlyMap<string, string> | undefined
  /** The feeds' bodies with absolute links, by digest of body and page URL (src/render/feeds.ts). */
  feedLinks?: Memo | undefined
  /** The list pages' brief cards, by brief, link and level (templates/brief-list.ts). */
  cards?: Memo | undefined
  /** The output folder's identity when the caller knows it (`patchedIdentity`); else the folder is walked. */
  identity?: string | undefined
}

/** One file of the recorded report: path, key of its messages, and counts (total, errors, warnings). */
type RecordedFile = [path: string, key: string, total: number, errors: number, warnings: number]

/**
 * The report as recorded: each file's path, counts and the key of its
 * messages, and the messages, as JSON, by key. The key is the file's report
 * digest, or `~<index>` for a file that has none (an internal error), never
 * carried to another build.
 */
function reportParts(files: readonly VFile[], previous: StringTable | undefined): {files: Uint8Array[]; messages: Uint8Array[]} {
  const recorded: RecordedFile[] = []
  const messages = new Map<string, string | Uint8Array>()
  for (const [index, file] of files.entries()) {
    const counts = messageCounts(file.messages)
    const digest = reportDigest(file)
    const key = digest ?? `~${index}`
    // A file whose messages were left packed: its own JSON when nothing was added, else rebuilt (only when not carried).
    if (counts.total > 0 && !messages.has(key)) messages.set(key, (digest && previous?.raw(digest)) ?? JSON.stringify(file.messages.map(toPlainMessage)))
    recorded.push([file.path, key, counts.total, counts.errors, counts.warnings])
  }
  return {files: [serialize(recorded)], messages: stringTableParts(messages)}
}

/** The recorded report as entries to print (src/report/format.ts): a file's messages are decoded only if its block must be formatted. */
function recordedEntries(recorded: RecordedFile[], messages: StringTable): ReportEntry[] {
  return recorded.map(([filePath, key, total, errors, warnings]) => {
    let file: VFile | undefined
    return {
      path: filePath,
      digest: key.startsWith('~') ? undefined : key,
      counts: {total, errors, warnings},
      file: () => {
        if (file) return file
        file = new VFile({path: filePath})
        const plain = total > 0 ? (JSON.parse(messages.get(key) ?? '[]') as PlainMessage[]) : []
        for (const message of plain) file.messages.push(fromPlainMessage(message, filePath))
        return file
      }
    }
  })
}

/** A memo's entries as recorded (`CarriedMemo.next`) or as read back. */
type Memo = MemoEntries | StringTable

/** The sidecars' parts, each read only by the build that needs it. */
const REPORT_SECTIONS = ['reportFiles', 'reportMessages', 'prettyBlocks'] as const
const MEMO_SECTIONS = ['keys', 'feedLinks', 'cards'] as const
type Section = (typeof REPORT_SECTIONS)[number] | (typeof MEMO_SECTIONS)[number]

/**
 * Writes the report's sidecar. Called as soon as the report is printed: its
 * 13 MB at 4,000 briefs are written on the thread pool while the site is,
 * instead of at the end of the build. False when it could not be written
 * (the stamp is then not written either: only speed is lost).
 */
export async function recordReport(cwd: string, outDir: string, stamp: string, {files, reportMessages, prettyBlocks}: ReportRecord): Promise<boolean> {
  try {
    const report = reportParts(files, reportMessages)
    const parts = sidecarParts({stamp, code: briefpressCodeDigest()}, REPORT_SECTIONS, {
      reportFiles: report.files,
      reportMessages: report.messages,
      prettyBlocks: prettyBlocks && stringTableParts(prettyBlocks)
    })
    await writeSidecar(`${stampFile(cwd, outDir)}.report`, parts)
    return true
  } catch {
    return false
  }
}

/** Writes the memos' sidecar once the report's is written, then the stamp. */
export async function recordSite(cwd: string, outDir: string, stamp: string, {report, keys = new Map(), feedLinks, cards, identity: known}: SiteRecord): Promise<void> {
  const identity = known ?? (await markerIdentity(path.resolve(cwd, outDir)))
  if (!(await report) || !identity) return
  const file = stampFile(cwd, outDir)
  try {
    const parts = sidecarParts({stamp, identity, code: briefpressCodeDigest()}, MEMO_SECTIONS, {
      keys: [serialize(keys)],
      feedLinks: feedLinks && stringTableParts(feedLinks),
      cards: cards && stringTableParts(cards)
    })
    await writeSidecar(`${file}.memos`, parts)
    await writeFile(file, `${stamp}\n${identity}\n`)
  } catch {
    // Only speed is lost: the next build analyses again.
  }
}

async function writeSidecar(file: string, parts: Uint8Array[]): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true})
  lastRead.delete(file)
  const handle = await open(file, 'w')
  try {
    await handle.writev(parts)
  } finally {
    await handle.close()
  }
}

interface SidecarHead {
  stamp: string
  /** The site's identity when the build ended (the memos' sidecar only). */
  identity?: string | undefined
  /** The code that made the memos. */
  code: string
}

/**
 * A sidecar file: a u32 length, a serialised head (stamp, code, identity
 * and where each section lies), then the sections. A build adding one brief
 * needs the keys and memos, never the report (15,000 messages at 4,000
 * briefs); a build with nothing to do needs the report and blocks only.
 */
function sidecarParts<Name extends Section>(head: SidecarHead, names: readonly Name[], sections: Record<Name, Uint8Array[] | undefined>): Uint8Array[] {
  const places: Partial<Record<Section, [number, number]>> = {}
  const parts: Uint8Array[] = []
  let offset = 0
  for (const name of names) {
    const section = sections[name]
    if (!section) continue
    const start = offset
    for (const part of section) {
      offset += part.byteLength
      parts.push(part)
    }
    places[name] = [start, offset]
  }
  const headBytes = serialize({...head, places})
  const length = Buffer.alloc(4)
  length.writeUInt32LE(headBytes.length)
  return [length, headBytes, ...parts]
}

interface Sidecar extends SidecarHead {
  reportFiles: () => RecordedFile[] | undefined
  reportMessages: () => StringTable | undefined
  prettyBlocks: () => StringTable | undefined
  keys: () => Map<string, string> | undefined
  feedLinks: () => StringTable | undefined
  cards: () => StringTable | undefined
}

function decodeSidecar(bytes: Buffer): Sidecar {
  const headEnd = 4 + bytes.readUInt32LE(0)
  const {stamp, identity, code, places} = deserialize(bytes.subarray(4, headEnd)) as SidecarHead & {places: Partial<Record<Section, [number, number]>>}
  if (typeof stamp !== 'string' || typeof code !== 'string' || (identity !== undefined && typeof identity !== 'string')) throw new TypeError('Not a sidecar')
  // Each section decoded once, when first asked for; an absent or unreadable one is undefined.
  const section = <T>(name: Section, decode: (bytes: Buffer) => T): (() => T | undefined) => {
    let decoded: {value: T | undefined} | undefined
    return () => {
      if (decoded) return decoded.value
      const place = places[name]
      decoded = {value: undefined}
      if (place && headEnd + place[1] <= bytes.length) {
        try {
          decoded.value = decode(bytes.subarray(headEnd + place[0], headEnd + place[1]))
        } catch {
          // As absent: what it would have saved is done again.
        }
      }
      return decoded.value
    }
  }
  return {
    stamp,
    identity,
    code,
    reportFiles: section('reportFiles', (part) => deserialize(part) as RecordedFile[]),
    reportMessages: section('reportMessages', (part) => new StringTable(part)),
    prettyBlocks: section('prettyBlocks', (part) => new StringTable(part)),
    keys: section('keys', (part) => deserialize(part) as Map<string, string>),
    feedLinks: section('feedLinks', (part) => new StringTable(part)),
    cards: section('cards', (part) => new StringTable(part))
  }
}

/**
 * The last sidecars read, with their files' identities: a build reads the
 * report's for its blocks, then the memos' for the pages to reuse. Shared:
 * callers only read them.
 */
const lastRead = new Map<string, {identity: string; sidecar: Sidecar}>()

async function readSidecar(file: string): Promise<Sidecar | undefined> {
  const stats = await stat(file).catch(() => undefined)
  if (!stats) return undefined
  const identity = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`
  const last = lastRead.get(file)
  if (last?.identity === identity) return last.sidecar
  const bytes = await readFile(file).catch(() => undefined)
  if (!bytes) return undefined
  try {
    const sidecar = decodeSidecar(bytes)
    lastRead.set(file, {identity, sidecar})
    return sidecar
  } catch {
    return undefined
  }
}

const reportSidecar = (cwd: string, outDir: string) => readSidecar(`${stampFile(cwd, outDir)}.report`)
const memoSidecar = (cwd: string, outDir: string) => readSidecar(`${stampFile(cwd, outDir)}.memos`)

/** The report recorded with `stamp` (and the pretty blocks printed with it), or undefined. */
export async function readSiteReport(cwd: string, outDir: string, stamp: string): Promise<{entries: ReportEntry[]; prettyBlocks: StringTable | undefined} | undefined> {
  const stored = await reportSidecar(cwd, outDir)
  if (stored?.stamp !== stamp) return undefined
  const recorded = stored.reportFiles()
  const messages = stored.reportMessages()
  return recorded && messages && {entries: recordedEntries(recorded, messages), prettyBlocks: stored.prettyBlocks()}
}

/**
 * The memos of the last build into `outDir`, whatever its inputs: entries
 * are keyed by what they were made from, so any build may use them, as long
 * as the same code made them.
 */
export async function previousMemos(cwd: string, outDir: string): Promise<{prettyBlocks?: StringTable | undefined; feedLinks?: StringTable | undefined; cards?: StringTable | undefined; reportMessages?: StringTable | undefined}> {
  const code = briefpressCodeDigest()
  const [report, memos] = await Promise.all([reportSidecar(cwd, outDir), memoSidecar(cwd, outDir)])
  const ofThisCode = (sidecar: Sidecar | undefined) => (sidecar?.code === code ? sidecar : undefined)
  return {
    prettyBlocks: ofThisCode(report)?.prettyBlocks(),
    reportMessages: ofThisCode(report)?.reportMessages(),
    feedLinks: ofThisCode(memos)?.feedLinks(),
    cards: ofThisCode(memos)?.cards()
  }
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
 * `listing`: the folder as listed by `listSiteSoon` when the build began.
 */
export async function previousSite(cwd: string, outDir: string, listing?: Promise<SiteFiles | undefined>): Promise<PreviousSite | undefined> {
  const stored = await memoSidecar(cwd, outDir)
  const keys = stored?.keys()
  if (!keys || keys.size === 0 || (await hasLeftovers(path.resolve(cwd, outDir)))) return undefined
  const current = await siteIdentity(path.resolve(cwd, outDir), listing)
  return current && current.identity === stored!.identity ? {keys, marker: current.marker, files: current.files, stats: current.stats} : undefined
}

import {createHash} from 'node:crypto'
import {reporter as vfileReporter} from 'vfile-reporter'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {messageSeverity} from '../diagnostics/reporter.js'

export const FORMATS = ['pretty', 'json', 'github'] as const
export type Format = (typeof FORMATS)[number]

/**
 * Formatted blocks of the pretty report by digest of what they show (file,
 * color, messages): a caller that keeps it between runs formats again only
 * the files whose messages changed. A `Map` will do; `set` is called for
 * every block printed, hit or not, so a caller can keep only those.
 */
export interface PrettyMemo {
  /** A block as text, or as the UTF-8 bytes a carried memo keeps (src/cache/carried-memo.ts). */
  get(key: string): string | Uint8Array | undefined
  set(key: string, block: string | Uint8Array): void
}

/**
 * vfile-reporter style: each file, then `line:col-line:col  severity
 * message  ruleId  source` per message, then one summary line. Clean files
 * are not listed, so a large archive's report shows only what needs fixing.
 * Columns are aligned within each file, not across files, so that a file's
 * block depends on that file alone and can be kept in `memo`: formatting
 * thousands of warnings (string widths of every cell) is not free.
 */
export function formatPretty(files: readonly VFile[], options: {color?: boolean; memo?: PrettyMemo | undefined} = {}): string {
  return formatPrettyEntries(files.map(reportEntry), options)
}

/**
 * A file as the report needs it: its path, the digest of what the report
 * shows of it (`reportDigest`), its counts, and the file itself, made only
 * when a block must be formatted. A build with nothing to do prints the
 * previous build's report from such entries, without rebuilding thousands
 * of messages whose blocks it has kept.
 */
export interface ReportEntry {
  path: string
  digest: string | undefined
  counts: MessageCounts
  file: () => VFile
}

/** Messages of a file by severity; `total` includes infos. */
export interface MessageCounts {
  total: number
  errors: number
  warnings: number
}

export function reportEntry(file: VFile): ReportEntry {
  return {path: file.path, digest: reportDigest(file), counts: messageCounts(file.messages), file: () => file}
}

/** `formatPretty` of the files behind `entries`. */
export function formatPrettyEntries(entries: readonly ReportEntry[], options: {color?: boolean; memo?: PrettyMemo | undefined} = {}): string {
  return formatPrettyBytes(entries, options).toString('utf8')
}

/**
 * `formatPrettyEntries` as UTF-8 bytes, to be written as they are: the
 * blocks a carried memo kept are joined as bytes, never decoded (4,000
 * blocks of a build that adds one brief were decoded, joined and encoded
 * again on the way to stderr).
 */
export function formatPrettyBytes(entries: readonly ReportEntry[], options: {color?: boolean; memo?: PrettyMemo | undefined} = {}): Buffer {
  return Buffer.concat(prettyParts(entries, options).map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)))
}

function prettyParts(entries: readonly ReportEntry[], options: {color?: boolean; memo?: PrettyMemo | undefined}): Array<string | Uint8Array> {
  const color = options.color ?? false
  // vfile-reporter's file order (vfile-sort's compareFile).
  const shown = entries.filter((entry) => entry.counts.total > 0).sort((a, b) => String(a.path || '').localeCompare(String(b.path || '')))
  if (shown.length === 0) return []
  const parts: Array<string | Uint8Array> = []
  for (const [index, entry] of shown.entries()) {
    if (index > 0) parts.push('\n\n')
    parts.push(prettyBlock(entry, color, options.memo))
  }
  const all = {total: 0, errors: 0, warnings: 0}
  for (const {counts} of shown) {
    all.total += counts.total
    all.errors += counts.errors
    all.warnings += counts.warnings
  }
  const summary = prettySummary(all, color)
  parts.push(`${summary ? `\n\n${summary}` : ''}\n`)
  return parts
}

/** vfile-reporter's report of this file alone, without its summary line. */
function prettyBlock(entry: ReportEntry, color: boolean, memo: PrettyMemo | undefined): string | Uint8Array {
  const key = memo && entry.digest !== undefined ? `${entry.digest}:${color ? 'color' : 'plain'}` : undefined
  let block = key === undefined ? undefined : memo!.get(key)
  if (block === undefined) {
    const file = entry.file()
    block = vfileReporter([file], {color, quiet: false})
    const summary = prettySummary(entry.counts, color)
    if (summary && block.endsWith(`\n\n${summary}`)) block = block.slice(0, -summary.length - 2)
  }
  if (key !== undefined) memo!.set(key, block)
  return block
}

const digests = new WeakMap<VFile, string | undefined>()

/**
 * A digest of everything any report format shows of a file: its names and,
 * of each message, its text, place, severity, rule, source, docs URL,
 * expected, actual and note. Files with the same digest print the same
 * block and the same JSON, so a build keeps both by digest. A message with
 * a cause (an internal error) has none: it is always formatted anew.
 * Computed once per file (the report asks, then the record of the build):
 * written out by hand rather than with JSON.stringify of each message, as
 * 4,000 files' digests are computed on every build.
 */
export function reportDigest(file: VFile): string | undefined {
  if (digests.has(file)) return digests.get(file)
  let text = JSON.stringify([file.history[0] ?? null, file.path ?? null, Boolean(file.stored)])
  for (const message of file.messages) {
    if (message.cause !== undefined) {
      digests.set(file, undefined)
      return undefined
    }
    // Texts after their length, so that none can pass for another field.
    text += `\n${counted(message.reason)}${counted(message.stack || undefined)}${placeKey(message.place)} ${message.fatal} ${counted(message.ruleId)}${counted(message.source)}${counted(message.url)}`
    text += `${message.expected ? `${message.expected.length}[${message.expected.map(counted).join('')}]` : '-'}${counted(message.actual)}${counted(message.note)}`
  }
  const digest = createHash('sha256').update(text).digest('hex')
  digests.set(file, digest)
  return digest
}

function counted(text: string | undefined): string {
  return text === undefined ? '-' : `${text.length}:${text}`
}

function placeKey(place: VFileMessage['place']): string {
  if (!place) return '-'
  if ('start' in place) return `${place.start.line}:${place.start.column}:${place.start.offset}-${place.end.line}:${place.end.column}:${place.end.offset}`
  return `${place.line}:${place.column}:${place.offset}`
}

/**
 * vfile-reporter's summary line (its createByline): `✖ 1 error, ⚠ 2 warnings`,
 * `4 messages (⚠ 3 warnings)` when some are infos; none without errors or warnings.
 */
function prettySummary({total, errors, warnings}: MessageCounts, color: boolean): string {
  if (errors === 0 && warnings === 0) return ''
  const paint = (code: string, text: string) => (color ? `\u001B[${code}m${text}\u001B[39m` : text)
  const parts: string[] = []
  if (errors) parts.push(`${paint('31', '✖')} ${errors} error${errors === 1 ? '' : 's'}`)
  if (warnings) parts.push(`${paint('33', '⚠')} ${warnings} warning${warnings === 1 ? '' : 's'}`)
  const summary = parts.join(', ')
  return total !== errors && total !== warnings ? `${total} messages (${summary})` : summary
}

/** A file's messages by severity (fatal: error; false: warning; else info). */
export function messageCounts(messages: readonly VFileMessage[]): MessageCounts {
  let errors = 0
  let warnings = 0
  for (const message of messages) {
    if (message.fatal) errors++
    else if (message.fatal === false) warnings++
  }
  return {total: messages.length, errors, warnings}
}

export interface JsonMessage {
  file: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  severity: 'error' | 'warning' | 'info'
  ruleId: string | null
  source: string | null
  message: string
  expected?: string[]
  actual?: string
  note?: string
  url?: string
}

export function toJsonMessage(file: VFile, message: VFileMessage): JsonMessage {
  const json: JsonMessage = {
    file: file.path,
    line: message.line ?? null,
    column: message.column ?? null,
    endLine: message.place && 'end' in message.place ? message.place.end.line : null,
    endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
    severity: messageSeverity(message),
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    message: message.reason
  }
  if (message.expected) json.expected = message.expected
  if (message.actual !== undefined) json.actual = message.actual
  if (message.note) json.note = message.note
  if (message.url) json.url = message.url
  return json
}

/** A stable JSON document: `{files, messages, counts}`. */
export function formatJson(files: readonly VFile[]): string {
  const messages = files.flatMap((file) => file.messages.map((message) => toJsonMessage(file, message)))
  const counts = {errors: 0, warnings: 0, infos: 0}
  for (const message of messages) {
    if (message.severity === 'error') counts.errors++
    else if (message.severity === 'warning') counts.warnings++
    else counts.infos++
  }
  return JSON.stringify({files: files.length, counts, messages}, null, 2) + '\n'
}

/**
 * GitHub Actions workflow commands, which become annotations on the pull
 * request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
 */
export function formatGithub(files: readonly VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const json = toJsonMessage(file, message)
      const command = json.severity === 'error' ? 'error' : json.severity === 'warning' ? 'warning' : 'notice'
      const properties = [`file=${escapeProperty(json.file)}`]
      if (json.line !== null) properties.push(`line=${json.line}`)
      if (json.column !== null) properties.push(`col=${json.column}`)
      if (json.endLine !== null) properties.push(`endLine=${json.endLine}`)
      if (json.endColumn !== null) properties.push(`endColumn=${json.endColumn}`)
      properties.push(`title=${escapeProperty(json.ruleId ?? 'briefpress')}`)
      lines.push(`::${command} ${properties.join(',')}::${escapeData(json.message)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

// Escaping as in @actions/core's command.ts.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function formatReport(format: Format, files: readonly VFile[], options: {color?: boolean; memo?: PrettyMemo | undefined} = {}): string {
  if (format === 'json') return formatJson(files)
  if (format === 'github') return formatGithub(files)
  return formatPretty(files, options)
}

export interface Counts {
  errors: number
  warnings: number
}

export function countMessages(files: readonly VFile[]): Counts {
  const counts = {errors: 0, warnings: 0}
  for (const file of files) {
    const {errors, warnings} = messageCounts(file.messages)
    counts.errors += errors
    counts.warnings += warnings
  }
  return counts
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

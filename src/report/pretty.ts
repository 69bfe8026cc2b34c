import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import wrapAnsi from 'wrap-ansi'
import {messageSeverity} from '../diagnostics/reporter.js'
import {messageCounts, plural, type MessageCounts} from './counts.js'

export interface PrettyOptions {
  /** ANSI colours (a TTY that did not ask for NO_COLOR). */
  color?: boolean
  /** Columns to wrap to (the terminal's width); undefined: one line per message, as logs and pipes want. */
  width?: number
  /** List every message, also those of rules shown once for many briefs. */
  verbose?: boolean
}

/**
 * A warning or info rule that fires in this many files or more is a habit of
 * the archive rather than a slip in one brief: it is shown once, with a
 * count, an example and its fix, instead of a line in every file (`--verbose`
 * lists them). Errors are always listed: each one blocks the build.
 */
export const GROUP_MIN_FILES = 10

/** Narrowest text column worth wrapping into; below it, continuation lines start near the margin. */
const MIN_TEXT = 30

interface RuleTally {
  counts: MessageCounts & {infos: number}
  files: Set<string>
  url: string | undefined
  first: {path: string; message: VFileMessage}
}

/**
 * vfile-reporter's layout (each file, then `line:col-line:col  severity
 * message  rule-id` per message, then one summary line), with the message
 * column never padded, messages wrapped to `width` under their own column, each
 * message's fix hint (`note`) under it, and a closing list of the rules that
 * fired with their counts and docs links. Clean files are not listed; columns
 * are aligned within each file, not across files.
 */
export function formatPretty(files: readonly VFile[], options: PrettyOptions = {}): string {
  const paint = painter(options.color ?? false)
  const width = options.width === undefined ? undefined : Math.max(options.width, 40)
  const shown = files.filter((file) => file.messages.length > 0).sort((a, b) => String(a.path || '').localeCompare(String(b.path || '')))
  if (shown.length === 0) return ''
  const rules = tallyRules(shown)
  const grouped = new Set(options.verbose ? [] : [...rules].filter(([, rule]) => rule.files.size >= GROUP_MIN_FILES && rule.counts.errors === 0).map(([id]) => id))
  const blocks: string[] = []
  for (const file of shown) {
    const listed = file.messages.filter((message) => !grouped.has(message.ruleId ?? '')).sort(compareMessage)
    if (listed.length > 0) blocks.push(fileBlock(String(file.path || ''), listed, paint, width))
  }
  if (rules.size > 0) blocks.push(rulesBlock(rules, grouped, paint, width))
  const summary = prettySummary(messageCounts(shown.flatMap((file) => file.messages)), paint)
  return `${blocks.join('\n\n')}${summary ? `\n\n${summary}` : ''}\n`
}

function fileBlock(path: string, messages: readonly VFileMessage[], paint: Paint, width: number | undefined): string {
  const rows = messages.map((message) => ({message, place: placeOf(message), label: messageSeverity(message)}))
  const placeWidth = Math.max(...rows.map((row) => row.place.length))
  const labelWidth = Math.max(...rows.map((row) => row.label.length))
  const column = placeWidth + labelWidth + 2
  const indent = width === undefined || width - column >= MIN_TEXT ? column : 4
  const lines = [paint.underline(path)]
  for (const {message, place, label} of rows) {
    const [reason = '', ...more] = message.reason.split(/\r?\n|\r/)
    const head = hang(message.ruleId ? `${reason}  ${message.ruleId}` : reason, column, indent, width)
    const last = head.length - 1
    if (message.ruleId && head[last]!.endsWith(message.ruleId)) head[last] = head[last]!.slice(0, -message.ruleId.length) + paint.dim(message.ruleId)
    lines.push(`${place.padEnd(placeWidth)} ${paint.severity(label, label.padEnd(labelWidth))} ${head[0]}`.trimEnd())
    lines.push(...head.slice(1).map((line) => ' '.repeat(indent) + line))
    // The fix hint, as the json format's `note` and the preview's overlay give it.
    for (const extra of [...more, ...(message.note ? [message.note] : [])]) lines.push(...indented(extra, indent, indent, width, paint.dim))
  }
  return lines.join('\n')
}

/** Every rule that fired, with its counts and docs link; a rule shown once for many files gets an example and its fix. */
function rulesBlock(rules: Map<string, RuleTally>, grouped: ReadonlySet<string>, paint: Paint, width: number | undefined): string {
  const order = [...rules].sort(([a, x], [b, y]) => y.counts.errors - x.counts.errors || y.counts.total - x.counts.total || a.localeCompare(b))
  const idWidth = Math.max(...order.map(([id]) => id.length))
  const lines = indented(`Rules${grouped.size > 0 ? ` (one in ${GROUP_MIN_FILES} or more files is shown once; --verbose lists each message)` : ''}:`, 0, 2, width)
  for (const [id, rule] of order) {
    const tally = `${countsPhrase(rule.counts)} in ${plural(rule.files.size, 'file')}`
    if (!grouped.has(id)) {
      const head = `${id.padEnd(idWidth)}  ${tally}`
      // A link is never broken: on the rule's line when it fits there, else on its own.
      if (rule.url && (width === undefined || head.length + rule.url.length + 4 <= width)) lines.push(`  ${head}  ${paint.dim(rule.url)}`)
      else lines.push(...indented(head, 2, 4, width), ...(rule.url ? [`    ${paint.dim(rule.url)}`] : []))
      continue
    }
    const {path, message} = rule.first
    lines.push(...indented(`${id.padEnd(idWidth)}  ${tally}; the first:`, 2, 4, width))
    // Like a link, `file:line:col` is never broken: editors and terminals open it.
    const where = `${path}:${placeOf(message)}`
    if (width === undefined || where.length + 8 + Math.min(message.reason.length, 20) <= width) lines.push(...indented(`${where}  ${message.reason}`, 4, 6, width))
    else lines.push(`    ${where}`, ...indented(message.reason, 6, 6, width))
    if (message.note) lines.push(...indented(message.note, 4, 4, width, paint.dim))
    if (rule.url) lines.push(`    ${paint.dim(rule.url)}`)
  }
  return lines.join('\n')
}

/** `text` wrapped by `hang`, each line indented to its column and painted. */
function indented(text: string, first: number, rest: number, width: number | undefined, paint = (line: string) => line): string[] {
  return hang(text, first, rest, width).map((line, index) => ' '.repeat(index === 0 ? first : rest) + paint(line))
}

function tallyRules(files: readonly VFile[]): Map<string, RuleTally> {
  const rules = new Map<string, RuleTally>()
  for (const file of files) {
    const path = String(file.path || '')
    for (const message of [...file.messages].sort(compareMessage)) {
      if (!message.ruleId) continue
      let rule = rules.get(message.ruleId)
      if (!rule) rules.set(message.ruleId, (rule = {counts: {total: 0, errors: 0, warnings: 0, infos: 0}, files: new Set(), url: message.url, first: {path, message}}))
      rule.counts.total++
      if (message.fatal) rule.counts.errors++
      else if (message.fatal === false) rule.counts.warnings++
      else rule.counts.infos++
      rule.files.add(path)
    }
  }
  return rules
}

function countsPhrase(counts: RuleTally['counts']): string {
  return [counts.errors && plural(counts.errors, 'error'), counts.warnings && plural(counts.warnings, 'warning'), counts.infos && plural(counts.infos, 'info')].filter(Boolean).join(', ')
}

/**
 * Lines of `text` for a terminal `width` wide: the first starts at column
 * `first`, the others at `rest`. No width: the text whole, on one line.
 */
function hang(text: string, first: number, rest: number, width: number | undefined): string[] {
  if (width === undefined) return [text]
  const wrap = (value: string, columns: number) => wrapAnsi(value, Math.max(columns, 10), {hard: true, trim: true}).split('\n')
  const [head = '', ...tail] = wrap(text, width - first)
  if (tail.length === 0 || first === rest) return [head, ...tail]
  return [head, ...wrap(text.slice(head.length).trimStart(), width - rest)]
}

/** `line:col` or `line:col-line:col`, as unist-util-stringify-position writes it; empty without a place. */
function placeOf(message: VFileMessage): string {
  const place = message.place
  if (!place) return ''
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}

/** vfile-sort's compareMessage: by place, then errors first, then source, rule and text. */
function compareMessage(a: VFileMessage, b: VFileMessage): number {
  const rank = (fatal: boolean | null | undefined) => (fatal ? 0 : fatal === false ? 1 : 2)
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    rank(a.fatal) - rank(b.fatal) ||
    String(a.source ?? '').localeCompare(String(b.source ?? '')) ||
    String(a.ruleId ?? '').localeCompare(String(b.ruleId ?? '')) ||
    a.reason.localeCompare(b.reason)
  )
}

/**
 * vfile-reporter's summary line (its createByline): `✖ 1 error, ⚠ 2 warnings`,
 * `4 messages (⚠ 3 warnings)` when some are infos; none without errors or warnings.
 */
function prettySummary({total, errors, warnings}: MessageCounts, paint: Paint): string {
  if (errors === 0 && warnings === 0) return ''
  const parts: string[] = []
  if (errors) parts.push(`${paint.severity('error', '✖')} ${plural(errors, 'error')}`)
  if (warnings) parts.push(`${paint.severity('warning', '⚠')} ${plural(warnings, 'warning')}`)
  const summary = parts.join(', ')
  return total !== errors && total !== warnings ? `${total} messages (${summary})` : summary
}

type Paint = ReturnType<typeof painter>

function painter(color: boolean) {
  const sgr = (open: number, close: number) => (text: string) => (color ? `\u001B[${open}m${text}\u001B[${close}m` : text)
  const colours = {error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39)}
  return {
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    severity: (label: 'error' | 'warning' | 'info', text: string) => colours[label](text)
  }
}

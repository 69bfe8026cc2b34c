import {reporter as vfileReporter} from 'vfile-reporter'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {formatGithub, type GithubOptions} from './github.js'
import {toJsonMessage} from './json-message.js'
import {formatSarif} from './sarif.js'

export {toJsonMessage, type JsonMessage} from './json-message.js'

export const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

/**
 * vfile-reporter style: each file, then `line:col-line:col  severity
 * message  ruleId  source` per message, then one summary line. Clean files
 * are not listed, so a large archive's report shows only what needs fixing.
 * Columns are aligned within each file, not across files.
 */
export function formatPretty(files: readonly VFile[], options: {color?: boolean} = {}): string {
  const color = options.color ?? false
  // vfile-reporter's file order (vfile-sort's compareFile).
  const shown = files.filter((file) => file.messages.length > 0).sort((a, b) => String(a.path || '').localeCompare(String(b.path || '')))
  if (shown.length === 0) return ''
  const all = {total: 0, errors: 0, warnings: 0}
  const blocks = shown.map((file) => {
    const counts = messageCounts(file.messages)
    all.total += counts.total
    all.errors += counts.errors
    all.warnings += counts.warnings
    // vfile-reporter's report of this file alone, without its summary line.
    const block = vfileReporter([file], {color, quiet: false})
    const summary = prettySummary(counts, color)
    return summary && block.endsWith(`\n\n${summary}`) ? block.slice(0, -summary.length - 2) : block
  })
  const summary = prettySummary(all, color)
  return `${blocks.join('\n\n')}${summary ? `\n\n${summary}` : ''}\n`
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

/** Messages of a file by severity; `total` includes infos. */
export interface MessageCounts {
  total: number
  errors: number
  warnings: number
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

export function formatReport(format: Format, files: readonly VFile[], options: {color?: boolean} & GithubOptions = {}): string {
  if (format === 'json') return formatJson(files)
  if (format === 'github') return formatGithub(files, options)
  if (format === 'sarif') return formatSarif(files, options)
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

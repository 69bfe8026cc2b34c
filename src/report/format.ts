import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {messageSeverity} from '../diagnostics/reporter.js'
import {messageCounts} from './counts.js'
import {formatPretty, type PrettyOptions} from './pretty.js'

export {messageCounts, plural, type MessageCounts} from './counts.js'
export {formatPretty, GROUP_MIN_FILES, type PrettyOptions} from './pretty.js'

export const FORMATS = ['pretty', 'json', 'github'] as const
export type Format = (typeof FORMATS)[number]

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

export function formatReport(format: Format, files: readonly VFile[], options: PrettyOptions = {}): string {
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

import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {messageSeverity} from '../diagnostics/reporter.js'

/** One message as the json format prints it, and as the github format reads it. */
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

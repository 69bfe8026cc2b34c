import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {SOURCE, docsUrl, type RuleMeta, type RuleSetting, type Severity} from './rule.js'

export type Place = Point | Position

export interface ReportDetails {
  /** What would have been fine, shown by the json format. */
  expected?: string[]
  /** What was found. */
  actual?: string
  /** Longer explanation: why it matters and what to do. */
  note?: string
}

/**
 * Turns rule findings into `VFileMessage`s on the brief's file, applying the
 * configured severity of each rule. One reporter serves the whole run, so
 * every stage (load, parse, validate, cross-brief checks) reports the same way.
 */
export class Reporter {
  readonly #settings: Readonly<Record<string, RuleSetting>>

  constructor(settings: Readonly<Record<string, RuleSetting>> = {}) {
    this.#settings = settings
  }

  severityOf(rule: RuleMeta): Severity | 'off' {
    const setting = this.#settings[rule.id]
    return setting === 'warn' ? 'warning' : (setting ?? rule.severity)
  }

  enabled(rule: RuleMeta): boolean {
    return this.severityOf(rule) !== 'off'
  }

  report(
    file: VFile,
    rule: RuleMeta,
    reason: string,
    place?: Place,
    details: ReportDetails = {}
  ): VFileMessage | undefined {
    const severity = this.severityOf(rule)
    if (severity === 'off') return undefined
    assertPlaceInFile(file, place, rule.id)
    const fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
    const message = makeMessage(file.path, {reason, place, ruleId: rule.id, source: SOURCE, url: docsUrl(rule.id), fatal, ...details})
    file.messages.push(message)
    return message
  }
}

/** What a message holds besides its file: what `makeMessage` sets. */
export interface MessageFields extends ReportDetails {
  reason: string
  place: Place | undefined
  ruleId: string | undefined
  source: string | undefined
  url: string | undefined
  fatal: boolean | null | undefined
}

/** A VFileMessage on the file at `path`: the one way reported and restored (cached, worker) messages are made. */
export function makeMessage(path: string, fields: MessageFields): VFileMessage {
  // VFileMessage is an Error: its stack trace, captured and then replaced
  // with '', was the larger part of reporting thousands of messages.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = new VFileMessage(fields.reason, {place: fields.place, ruleId: fields.ruleId, source: fields.source})
  } finally {
    Error.stackTraceLimit = limit
  }
  message.file = path
  message.url = fields.url
  message.fatal = fields.fatal
  if (fields.expected) message.expected = fields.expected
  if (fields.actual !== undefined) message.actual = fields.actual
  if (fields.note) message.note = fields.note
  return message
}

/**
 * Like markdownlint's core, refuse a report whose position is outside the
 * file: a wrong position is a bug in Briefpress, and it must show in tests
 * rather than send an author to a line that does not exist.
 */
function assertPlaceInFile(file: VFile, place: Place | undefined, ruleId: string): void {
  if (!place) return
  const text = typeof file.value === 'string' ? file.value : ''
  const lines = countLines(file, text)
  const points = 'start' in place ? [place.start, place.end] : [place]
  for (const point of points) {
    if (point.line < 1 || point.line > lines || point.column < 1) {
      throw new Error(
        `Internal error: rule ${ruleId} reported ${point.line}:${point.column}, outside ${file.path} (${lines} lines)`
      )
    }
  }
}

const lineCounts = new WeakMap<VFile, number>()

function countLines(file: VFile, text: string): number {
  let count = lineCounts.get(file)
  if (count === undefined) {
    // Lines end at `\n`, `\r\n` or a lone `\r`, as micromark and vfile-location count them.
    count = 1
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index)
      if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) count++
    }
    lineCounts.set(file, count)
  }
  return count
}

/** Severity of a message as the json and github formats name it. */
export function messageSeverity(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

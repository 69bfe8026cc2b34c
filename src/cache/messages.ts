import type {Point, Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import {makeMessage} from '../diagnostics/reporter.js'

/**
 * A diagnostic as plain data: what crosses a worker boundary and what the
 * on-disk cache keeps. `fromPlainMessage` rebuilds the very message the
 * reporter made, so a cached or parallel run prints what a cold one does.
 */
export interface PlainMessage {
  reason: string
  place: Point | Position | undefined
  ruleId: string | undefined
  source: string | undefined
  url: string | undefined
  fatal: boolean | null | undefined
  expected: string[] | undefined
  actual: string | undefined
  note: string | undefined
}

export function toPlainMessage(message: VFileMessage): PlainMessage {
  return {
    reason: message.reason,
    place: copyPlace(message.place),
    ruleId: message.ruleId,
    source: message.source,
    url: message.url,
    fatal: message.fatal,
    expected: message.expected,
    actual: message.actual,
    note: message.note
  }
}

/** A copy of a point or position (numbers only): a quarter of the cost of structuredClone, for every message of every build. */
function copyPlace(place: Point | Position | undefined): Point | Position | undefined {
  if (!place) return undefined
  return 'start' in place ? {...place, start: {...place.start}, end: {...place.end}} : {...place}
}

/** The message again, on the file at `path` (a renamed brief reports its new name). */
export function fromPlainMessage(plain: PlainMessage, path: string): VFileMessage {
  return makeMessage(path, plain)
}

/** The order of a file's messages: by line, then column (no place first), stable. */
export function compareMessages(a: {line?: number | undefined; column?: number | undefined}, b: {line?: number | undefined; column?: number | undefined}): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}

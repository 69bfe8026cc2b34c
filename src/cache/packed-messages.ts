import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import {fromPlainMessage, type PlainMessage} from './messages.js'

/**
 * A brief's own messages as the analysis pack keeps them: one JSON text,
 * sorted by place as the pipeline sorts a file's messages, with its digest
 * and counts. A build that takes 4,000 briefs from the pack leaves them so
 * (`pendOn`) and rebuilds a file's messages only when something needs them
 * (`materialize`): a rule adding a message to the file, a report format
 * that prints them, a block not kept from the last build. Rebuilding all
 * 15,000 messages, keeping them to the end and walking them for the
 * report's digests was the largest share of the collector's work in a build
 * that adds one brief.
 */
export interface PackedMessages {
  json: string
  digest: string
  counts: {total: number; errors: number; warnings: number}
}

export function packMessages(messages: readonly PlainMessage[]): PackedMessages {
  // Stable, as Array#sort is: messages at one place keep their order.
  const sorted = [...messages].sort((a, b) => line(a) - line(b) || column(a) - column(b))
  const json = JSON.stringify(sorted)
  let errors = 0
  let warnings = 0
  for (const message of sorted) {
    if (message.fatal) errors++
    else if (message.fatal === false) warnings++
  }
  return {json, digest: createHash('sha256').update(json).digest('hex'), counts: {total: sorted.length, errors, warnings}}
}

/** As VFileMessage reads them from its place (src/pipeline.ts sorts by them). */
function line(message: PlainMessage): number {
  const place = message.place
  return (place && ('start' in place ? place.start.line : place.line)) ?? 0
}

function column(message: PlainMessage): number {
  const place = message.place
  return (place && ('start' in place ? place.start.column : place.column)) ?? 0
}

const PENDING = 'briefpressPendingMessages'

/** Leaves `packed` as the messages of `file`, which must have none yet. */
export function pendOn(file: VFile, packed: PackedMessages): void {
  if (file.messages.length > 0) throw new Error(`${file.path} has messages already`)
  if (packed.counts.total > 0) file.data[PENDING] = packed
}

/** The messages a file holds still packed, if any. */
export function pendingMessages(file: VFile): PackedMessages | undefined {
  return file.data[PENDING] as PackedMessages | undefined
}

/** Rebuilds the messages left packed on `file` (if any) and returns its messages. */
export function materialize(file: VFile): VFile['messages'] {
  const packed = pendingMessages(file)
  if (packed) {
    delete file.data[PENDING]
    for (const message of JSON.parse(packed.json) as PlainMessage[]) file.messages.push(fromPlainMessage(message, file.path))
  }
  return file.messages
}

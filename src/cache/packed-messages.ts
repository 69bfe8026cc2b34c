import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import {compareMessages, fromPlainMessage, placeStart, type PlainMessage} from './messages.js'

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
  const sorted = [...messages].sort((a, b) => compareMessages(placeStart(a), placeStart(b)))
  const json = JSON.stringify(sorted)
  let errors = 0
  let warnings = 0
  for (const message of sorted) {
    if (message.fatal) errors++
    else if (message.fatal === false) warnings++
  }
  return {json, digest: createHash('sha256').update(json).digest('hex'), counts: {total: sorted.length, errors, warnings}}
}

const PENDING = 'briefpressPendingMessages'

/** A file's messages while left packed: its own, and those archive rules added from their memos. */
export interface Pending {
  own: PackedMessages
  /** Messages of archive rules, as plain data, in the order the rules added them. */
  added: PlainMessage[]
  counts: PackedMessages['counts']
}

/** Leaves `packed` as the messages of `file`, which must have none yet. */
export function pendOn(file: VFile, packed: PackedMessages): void {
  if (file.messages.length > 0) throw new Error(`${file.path} has messages already`)
  file.data[PENDING] = {own: packed, added: [], counts: {...packed.counts}} satisfies Pending
}

/** The messages a file holds still packed, if any. */
export function pendingMessages(file: VFile): Pending | undefined {
  return file.data[PENDING] as Pending | undefined
}

/**
 * Adds messages to `file` as plain data: kept packed with its own when they
 * are (an archive rule's memo hit on an unchanged brief), else rebuilt.
 */
export function addMessages(file: VFile, messages: readonly PlainMessage[]): void {
  if (messages.length === 0) return
  const pending = pendingMessages(file)
  if (!pending) {
    for (const message of messages) file.messages.push(fromPlainMessage(message, file.path))
    return
  }
  for (const message of messages) {
    pending.added.push(message)
    pending.counts.total++
    if (message.fatal) pending.counts.errors++
    else if (message.fatal === false) pending.counts.warnings++
  }
}

/**
 * What the packed messages are, as text: the own messages' digest and the
 * added messages, so that equal texts mean equal messages.
 */
export function pendingText(pending: Pending): string {
  return pending.added.length === 0 ? pending.own.digest : `${pending.own.digest}\n${JSON.stringify(pending.added)}`
}

/**
 * Rebuilds the messages left packed on `file` (if any), in the order the
 * pipeline sorts a file's messages (by place, stable), and returns them.
 */
export function materialize(file: VFile): VFile['messages'] {
  const pending = pendingMessages(file)
  if (pending) {
    delete file.data[PENDING]
    for (const message of JSON.parse(pending.own.json) as PlainMessage[]) file.messages.push(fromPlainMessage(message, file.path))
    for (const message of pending.added) file.messages.push(fromPlainMessage(message, file.path))
    if (pending.added.length > 0) file.messages.sort(compareMessages)
  }
  return file.messages
}

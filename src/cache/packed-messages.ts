import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import {compareMessages, fromPlainMessage, placeStart, type PlainMessage} from './messages.js'
import {utf8} from './string-table.js'

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
  /**
   * UTF-8 bytes, not a string: read back from the pack they are a view of
   * its buffer (v8 deserialises a Uint8Array without copying), so 4,000
   * briefs' messages cost the collector nothing until one is decoded.
   */
  json: Uint8Array
  digest: string
  counts: {total: number; errors: number; warnings: number}
}

export function packMessages(messages: readonly PlainMessage[]): PackedMessages {
  // Stable, as Array#sort is: messages at one place keep their order.
  const sorted = [...messages].sort((a, b) => compareMessages(placeStart(a), placeStart(b)))
  const json = Buffer.from(JSON.stringify(sorted), 'utf8')
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
  /** Messages of archive rules, packed as their memos keep them, in the order the rules added them. */
  added: PackedMessages[]
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
 * Adds packed messages to `file`: kept packed with its own when they are (an
 * archive rule's memo hit on an unchanged brief), else rebuilt.
 */
export function addMessages(file: VFile, messages: PackedMessages): void {
  if (messages.counts.total === 0) return
  const pending = pendingMessages(file)
  if (!pending) {
    for (const message of unpack(messages)) file.messages.push(fromPlainMessage(message, file.path))
    return
  }
  pending.added.push(messages)
  pending.counts.total += messages.counts.total
  pending.counts.errors += messages.counts.errors
  pending.counts.warnings += messages.counts.warnings
}

/**
 * What the packed messages are, as text: the digests of the own messages and
 * of each added pack, so that equal texts mean equal messages.
 */
export function pendingText(pending: Pending): string {
  let text = pending.own.digest
  for (const added of pending.added) text += `\n${added.digest}`
  return text
}

/** The plain messages of a pack. */
export function unpack(packed: PackedMessages): PlainMessage[] {
  return JSON.parse(utf8(packed.json)) as PlainMessage[]
}


/**
 * Rebuilds the messages left packed on `file` (if any), in the order the
 * pipeline sorts a file's messages (by place, stable), and returns them.
 */
export function materialize(file: VFile): VFile['messages'] {
  const pending = pendingMessages(file)
  if (pending) {
    delete file.data[PENDING]
    for (const message of unpack(pending.own)) file.messages.push(fromPlainMessage(message, file.path))
    for (const added of pending.added) for (const message of unpack(added)) file.messages.push(fromPlainMessage(message, file.path))
    if (pending.added.length > 0) file.messages.sort(compareMessages)
  }
  return file.messages
}

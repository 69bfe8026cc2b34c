import type {VFileMessage} from 'vfile-message'

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

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

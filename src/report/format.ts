import type {VFile} from 'vfile'
import {messageCounts} from './counts.js'
import {formatGithub, type GithubOptions} from './github.js'
import {toJsonMessage} from './json-message.js'
import {formatPretty, type PrettyOptions} from './pretty.js'
import {formatSarif} from './sarif.js'

export {plural} from './counts.js'
export {formatPretty, GROUP_MIN_FILES, type PrettyOptions} from './pretty.js'
export {toJsonMessage, type JsonMessage} from './json-message.js'

export const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

/** A stable JSON document: `{files, messages, counts}`. */
export function formatJson(files: readonly VFile[]): string {
  const messages = files.flatMap((file) => file.messages.map((message) => toJsonMessage(file, message)))
  const {total, errors, warnings} = messageCounts(files.flatMap((file) => file.messages))
  const counts = {errors, warnings, infos: total - errors - warnings}
  return JSON.stringify({files: files.length, counts, messages}, null, 2) + '\n'
}

export function formatReport(format: Format, files: readonly VFile[], options: PrettyOptions & GithubOptions = {}): string {
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
  const {errors, warnings} = messageCounts(files.flatMap((file) => file.messages))
  return {errors, warnings}
}

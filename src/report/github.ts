import path from 'node:path'
import type {VFile} from 'vfile'
import {plural} from './counts.js'
import {toJsonMessage, type JsonMessage} from './json-message.js'

type Command = 'error' | 'warning' | 'notice'

/**
 * GitHub shows at most this many annotations of each kind from one step
 * (and 50 from one job); workflow commands past them vanish without a word.
 */
export const ANNOTATION_LIMITS: Readonly<Record<Command, number>> = {error: 10, warning: 10, notice: 10}

export interface GithubOptions {
  /** Annotate only these files (absolute paths); the others' messages are counted in the summary line. */
  changed?: ReadonlySet<string> | undefined
  /** The folder the files' paths are relative to. */
  cwd?: string | undefined
}

/**
 * GitHub Actions workflow commands, which become annotations on the pull
 * request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
 * With `changed`, only those files are annotated. Within GitHub's limits
 * per step, the first messages are annotated and the others printed as
 * plain lines of the log; one `::notice` line then says what was left out
 * and why, so that nothing is dropped silently.
 */
export function formatGithub(files: readonly VFile[], options: GithubOptions = {}): string {
  const cwd = options.cwd ?? process.cwd()
  const shown: JsonMessage[] = []
  const unchangedFiles = new Set<string>()
  let unchanged = 0
  for (const file of files) {
    if (file.messages.length === 0) continue
    if (options.changed && !options.changed.has(path.resolve(cwd, file.path))) {
      unchangedFiles.add(file.path)
      unchanged += file.messages.length
      continue
    }
    for (const message of file.messages) shown.push(toJsonMessage(file, message))
  }
  const byCommand = {error: 0, warning: 0, notice: 0}
  for (const message of shown) byCommand[command(message)]++
  const over = (Object.keys(byCommand) as Command[]).some((kind) => byCommand[kind] > ANNOTATION_LIMITS[kind])
  const summarised = unchanged > 0 || over
  // The summary line is a notice too: it takes one of the notices' places.
  const room = {...ANNOTATION_LIMITS, notice: ANNOTATION_LIMITS.notice - (summarised ? 1 : 0)}
  const annotations: string[] = []
  const logged: string[] = []
  for (const message of shown) {
    const kind = command(message)
    if (room[kind] > 0) {
      room[kind]--
      annotations.push(annotation(message))
    } else logged.push(logLine(message))
  }
  const parts: string[] = []
  if (unchanged > 0) parts.push(`${plural(unchanged, 'more message')} in ${plural(unchangedFiles.size, 'unchanged file')}`)
  if (logged.length > 0) {
    parts.push(
      `${plural(logged.length, 'message')} ${options.changed ? 'of changed files ' : ''}not annotated: GitHub shows at most ${ANNOTATION_LIMITS.error} errors, ` +
        `${ANNOTATION_LIMITS.warning} warnings and ${ANNOTATION_LIMITS.notice} notices per step; they are listed in this step's log`
    )
  }
  const lines = [...annotations, ...logged]
  if (parts.length > 0) lines.push(`::notice title=briefpress::${escapeData(parts.join('; '))}`)
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

const COMMAND = {error: 'error', warning: 'warning', info: 'notice'} as const
const command = (message: JsonMessage): Command => COMMAND[message.severity]

function annotation(json: JsonMessage): string {
  const properties = [`file=${escapeProperty(json.file)}`]
  if (json.line !== null) properties.push(`line=${json.line}`)
  if (json.column !== null) properties.push(`col=${json.column}`)
  if (json.endLine !== null) properties.push(`endLine=${json.endLine}`)
  if (json.endColumn !== null) properties.push(`endColumn=${json.endColumn}`)
  properties.push(`title=${escapeProperty(json.ruleId ?? 'briefpress')}`)
  return `::${command(json)} ${properties.join(',')}::${escapeData(json.message)}`
}

/** A message not annotated, as a plain line of the log: `file:line:col: severity: message [rule]`. */
function logLine(json: JsonMessage): string {
  const place = json.line === null ? '' : `:${json.line}${json.column === null ? '' : `:${json.column}`}`
  return `${json.file}${place}: ${json.severity}: ${json.message.replace(/\r?\n|\r/g, ' ')} [${json.ruleId ?? 'briefpress'}]`
}

// Escaping as in @actions/core's command.ts.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

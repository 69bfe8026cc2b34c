import {parseArgs, type ParseArgsConfig} from 'node:util'
import {closest} from '../validate/front-matter.js'
import {loadConfig} from '../config/load.js'
import type {Config} from '../config/schema.js'
import type {VFile} from 'vfile'
import {countMessages, formatReport, FORMATS, plural, type Format, type PrettyOptions} from '../report/format.js'

/** Bad command-line use: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface Io {
  cwd: string
  stdout: (text: string) => void
  /** Text, or UTF-8 bytes (a Buffer: the report's kept blocks). */
  stderr: (text: string | Buffer) => void
  /** Colour in pretty output (a TTY that did not ask for NO_COLOR). */
  color: boolean
  /** Width of the terminal the pretty report goes to; undefined when it is not a terminal. */
  columns?: number | undefined
}

export const EXIT = {ok: 0, content: 1, usage: 2} as const

export const commonOptions = {
  format: {type: 'string', default: 'pretty'},
  frail: {type: 'boolean', default: false},
  config: {type: 'string'},
  verbose: {type: 'boolean', default: false},
  help: {type: 'boolean', short: 'h', default: false}
} as const satisfies ParseArgsConfig['options']

/** The help lines of `commonOptions` but `--help`. */
export const reportHelp = `  --format <pretty|json|github|sarif>
                                 How to print diagnostics (default pretty)
  --frail                        Exit 1 on warnings too
  --verbose                      List every message (pretty prints a rule that
                                 fires in 10 or more files once, with a count)
  --config <file>                Config file (default: the nearest
                                 briefpress.config.json, .mjs, .js or
                                 package.json \`briefpress\` key, from here up)
`

export function parse<const T extends ParseArgsConfig>(argv: string[], config: T): ReturnType<typeof parseArgs<T & {args: string[]; strict: true}>> {
  try {
    return parseArgs({...config, args: argv, strict: true})
  } catch (error) {
    // "Unknown option '--frial'": name the option that was meant.
    const message = (error as Error).message
    const unknown = /Unknown option '(--[^']+)'/.exec(message)?.[1]
    const guess = unknown && closest(unknown, Object.keys(config.options ?? {}).map((name) => `--${name}`))
    throw new UsageError(guess ? `${message} (did you mean \`${guess}\`?)` : message)
  }
}

export function readFormat(value: string | undefined): Format {
  const format = (value ?? 'pretty') as Format
  if (!FORMATS.includes(format)) {
    throw new UsageError(`Unexpected --format ${value}, expected one of ${FORMATS.join(', ')}`)
  }
  return format
}

/**
 * How the pretty report is laid out: wrapped to `COLUMNS` when set (to force
 * a width, in CI too), else to the terminal's width; not wrapped when it goes
 * to a pipe or a log file, where one line per message suits grep and viewers
 * that wrap lines themselves.
 */
export function prettyOptions(io: Io, verbose: boolean | undefined): PrettyOptions {
  const forced = Number(process.env.COLUMNS)
  const width = Number.isInteger(forced) && forced > 0 ? forced : io.columns
  return {color: io.color, width, verbose: verbose ?? false}
}

export async function readConfig(cwd: string, file: string | undefined): Promise<Config> {
  return (await loadConfig(cwd, file)).config
}

export function seconds(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`
}

/**
 * Prints the report (pretty to stderr, the machine formats to stdout) and
 * says whether the run failed: errors, or warnings with `--frail`.
 */
export function printReport(files: readonly VFile[], format: Format, io: Io, options: {frail?: boolean; verbose?: boolean; changed?: ReadonlySet<string> | undefined}) {
  const report = formatReport(format, files, {...prettyOptions(io, options.verbose), cwd: io.cwd, changed: options.changed})
  if (format === 'pretty') io.stderr(report)
  else io.stdout(report)
  const counts = countMessages(files)
  const failed = counts.errors > 0 || (options.frail === true && counts.warnings > 0)
  return {counts, failed, summary: `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`}
}

/** Calls `handler` on each of `signals` until the returned function is called. */
export function onSignals(handler: (signal: NodeJS.Signals) => void, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']): () => void {
  for (const signal of signals) process.on(signal, handler)
  return () => {
    for (const signal of signals) process.off(signal, handler)
  }
}

import type {Brief} from '../brief.js'
import {UsageError, type Io} from './shared.js'
import type {Config} from '../config/schema.js'
import type {Reporter} from '../diagnostics/reporter.js'
import {checkCitationLinks, LINK_CHECK_DEFAULTS} from '../links/check-links.js'
import {formatDuration, parseDuration} from '../links/duration.js'

/** `check`'s options for the online link check (parseArgs shape). */
export const linkCliOptions = {
  links: {type: 'boolean', default: false},
  'links-max-age': {type: 'string'},
  'links-timeout': {type: 'string'},
  'links-concurrency': {type: 'string'},
  'links-retries': {type: 'string'}
} as const

export const linkCheckHelp = `  --links                        Also check citation URLs online (off by default)
  --links-max-age <duration>     Reuse results cached in .briefpress-cache/ younger
                                 than this (default 1d; 0 asks again)
  --links-timeout <duration>     Per-request timeout (default 10s)
  --links-concurrency <n>        Requests at once over all hosts (default 8;
                                 always one at a time per host)
  --links-retries <n>            Retries on timeouts, 429 and 5xx (default 2)
`

type LinkValues = {[K in keyof typeof linkCliOptions]?: string | boolean | undefined}

/**
 * Runs the link check when `--links` was given: reports on the briefs' files
 * and prints one summary line. Returns without a request otherwise.
 */
export async function runLinkCheck(values: LinkValues, briefs: readonly Brief[], reporter: Reporter, config: Config, io: Io): Promise<void> {
  const given = (Object.keys(linkCliOptions) as Array<keyof typeof linkCliOptions>).filter((key) => key !== 'links' && values[key] !== undefined)
  if (!values.links) {
    if (given.length > 0) throw new UsageError(`Unexpected --${given[0]} without --links, expected --links to turn the link check on`)
    return
  }
  const start = Date.now()
  const summary = await checkCitationLinks(briefs, reporter, {
    cwd: io.cwd,
    exclude: config.linkCheck.exclude,
    maxAge: duration(values['links-max-age'], 'links-max-age', 's', LINK_CHECK_DEFAULTS.maxAge),
    timeout: duration(values['links-timeout'], 'links-timeout', 'ms', LINK_CHECK_DEFAULTS.timeout, 1),
    concurrency: count(values['links-concurrency'], 'links-concurrency', LINK_CHECK_DEFAULTS.concurrency, 1),
    retries: count(values['links-retries'], 'links-retries', LINK_CHECK_DEFAULTS.retries, 0)
  })
  const parts = [`${summary.cached} from cache`, `${summary.excluded} excluded`]
  io.stderr(
    `Checked ${summary.urls} citation ${summary.urls === 1 ? 'link' : 'links'} (${parts.join(', ')}): ` +
      `${summary.dead} dead, ${summary.redirected} redirected, ${summary.unreachable} unverified in ${formatDuration(Date.now() - start)}\n`
  )
}

function duration(value: unknown, name: string, unit: 's' | 'ms', fallback: number, min = 0): number {
  if (typeof value !== 'string') return fallback
  const ms = parseDuration(value, unit)
  if (ms === undefined || ms < min) {
    throw new UsageError(`Unexpected --${name} ${value}, expected a duration such as 500ms, 10s, 30m, 12h or 1d`)
  }
  return ms
}

function count(value: unknown, name: string, fallback: number, min: number): number {
  if (typeof value !== 'string') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > 1000) throw new UsageError(`Unexpected --${name} ${value}, expected a whole number from ${min} to 1000`)
  return n
}

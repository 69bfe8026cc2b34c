import path from 'node:path'
import type {Brief} from '../brief.js'
import type {Reporter} from '../diagnostics/reporter.js'
import type {CitationDefinition} from '../extract/citations-types.js'
import {CACHE_FILE, LinkCache} from './cache.js'
import {formatDuration} from './duration.js'
import {excludeMatcher} from './exclude.js'
import type {LinkOutcome} from './outcome.js'
import {probeUrl} from './probe.js'
import {deadCitationLink, redirectedCitationLink, unreachableCitationLink} from './rules.js'
import {PoliteScheduler} from './scheduler.js'

export interface LinkCheckOptions {
  /** Working folder: the cache lives in `.briefpress-cache/links.json` under it. */
  cwd: string
  /** `linkCheck.exclude` from the config: host names or regular expressions. */
  exclude: readonly string[]
  /** Reuse a cached outcome younger than this, in ms (0: always ask again). */
  maxAge: number
  /** Per-request timeout, in ms. */
  timeout: number
  /** Requests in flight at once, over all hosts. */
  concurrency: number
  retries: number
}

export const LINK_CHECK_DEFAULTS = {
  maxAge: 86_400_000,
  timeout: 10_000,
  concurrency: 8,
  retries: 2,
  /** Pause between two requests to the same host, in ms. */
  hostDelay: 100,
  /** First retry backoff, in ms. */
  retryDelay: 500,
  /** Longest `Retry-After` honoured, in ms. */
  maxRetryAfter: 60_000,
  maxRedirects: 10
} as const

export interface LinkCheckSummary {
  /** Distinct URLs cited (fragments aside). */
  urls: number
  /** Of which answered from the cache, asked online, and skipped by `linkCheck.exclude`. */
  cached: number
  fetched: number
  excluded: number
  dead: number
  redirected: number
  unreachable: number
}

/**
 * `check --links`: asks each distinct citation URL of the archive whether it
 * still answers, and reports dead, redirected and unverifiable links at each
 * definition that cites them (`[^3]: https://…`).
 */
export async function checkCitationLinks(briefs: readonly Brief[], reporter: Reporter, options: LinkCheckOptions): Promise<LinkCheckSummary> {
  const citing = collectUrls(briefs)
  const isExcluded = excludeMatcher(options.exclude)
  const summary: LinkCheckSummary = {urls: citing.size, cached: 0, fetched: 0, excluded: 0, dead: 0, redirected: 0, unreachable: 0}
  const cache = await LinkCache.open(path.join(options.cwd, CACHE_FILE))
  const scheduler = new PoliteScheduler({concurrency: options.concurrency, hostDelay: LINK_CHECK_DEFAULTS.hostDelay})
  const probeOptions = {...LINK_CHECK_DEFAULTS, timeout: options.timeout, retries: options.retries}

  const outcomes = new Map<string, LinkOutcome>()
  await Promise.all(
    [...citing.keys()].map(async (url) => {
      if (isExcluded(new URL(url))) {
        summary.excluded++
        return
      }
      let outcome = cache.get(url, options.maxAge)
      if (outcome) summary.cached++
      else {
        summary.fetched++
        outcome = await probeUrl(url, scheduler, probeOptions)
        cache.set(url, outcome)
      }
      outcomes.set(url, outcome)
    })
  )
  await cache.save()

  const touched = new Set<Brief>()
  for (const [url, outcome] of outcomes) {
    if (outcome.kind === 'ok') continue
    summary[outcome.kind]++
    for (const {brief, definition} of citing.get(url)!) {
      reportOutcome(brief, definition, outcome, reporter, options.timeout)
      touched.add(brief)
    }
  }
  for (const brief of touched) brief.file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  return summary
}

/** Distinct cited URLs (absolute http(s) ones, src/extract/citations.ts) without `#fragment`, which never reaches the server, and where each is cited. */
function collectUrls(briefs: readonly Brief[]): Map<string, Array<{brief: Brief; definition: CitationDefinition}>> {
  const citing = new Map<string, Array<{brief: Brief; definition: CitationDefinition}>>()
  for (const brief of briefs) {
    for (const definition of brief.citations?.definitions ?? []) {
      if (definition.url === undefined) continue
      const url = new URL(definition.url)
      url.hash = ''
      const list = citing.get(url.href)
      if (list) list.push({brief, definition})
      else citing.set(url.href, [{brief, definition}])
    }
  }
  return citing
}

function reportOutcome(brief: Brief, definition: CitationDefinition, outcome: LinkOutcome, reporter: Reporter, timeout: number): void {
  const cited = definition.url!
  // At the URL itself, as the other citation-URL rules report.
  const place = definition.targetPosition
  const label = `[^${definition.label}]`
  const chain = outcome.hops.map((hop) => `${hop.status} ${hop.url}`).concat(outcome.status !== undefined ? [`${outcome.status} ${outcome.finalUrl}`] : [])
  const via = outcome.hops.length > 0 ? ` (redirected to \`${outcome.finalUrl}\`)` : ''
  if (outcome.kind === 'dead') {
    reporter.report(brief.file, deadCitationLink, `Unexpected dead link in citation ${label}: \`${cited}\`${via} answered ${outcome.reason}, expected a page that still answers`, place, {
      actual: outcome.reason,
      expected: ['HTTP 2xx'],
      note: `Cite a working source for this claim, or an archived copy (https://web.archive.org/).${chain.length > 1 ? ` Redirect chain: ${chain.join(' → ')}.` : ''}`
    })
  } else if (outcome.kind === 'redirected') {
    reporter.report(brief.file, redirectedCitationLink, `Unexpected redirect in citation ${label}: \`${cited}\` redirects to \`${outcome.finalUrl}\`, expected the final URL`, place, {
      actual: outcome.finalUrl,
      expected: [outcome.finalUrl],
      note: `Cite \`${outcome.finalUrl}\` instead: redirects break more often than pages. Chain: ${chain.join(' → ')}.`
    })
  } else if (outcome.kind === 'unreachable') {
    reporter.report(brief.file, unreachableCitationLink, `Unexpected unverifiable link in citation ${label}: \`${cited}\`${via}: ${outcome.reason}, expected an answer within ${formatDuration(timeout)}`, place, {
      actual: outcome.reason,
      note: 'The server did not confirm the page. Try again later; if the site blocks robots, add its host to `linkCheck.exclude` in briefpress.config.json.'
    })
  }
}

import {setTimeout as sleep} from 'node:timers/promises'
import {formatDuration} from './duration.js'
import type {Hop, LinkOutcome} from './outcome.js'
import type {PoliteScheduler} from './scheduler.js'

export interface ProbeOptions {
  /** Per-request timeout, in ms. */
  timeout: number
  /** Retries after a timeout, a 429 or a 5xx (so `retries + 1` tries). */
  retries: number
  /** First backoff delay, in ms; doubled on each retry unless the server sets `Retry-After`. */
  retryDelay: number
  /** Longest `Retry-After` honoured, in ms; a longer one gives up on the URL. */
  maxRetryAfter: number
  maxRedirects: number
}

const USER_AGENT = 'briefpress-link-check/1 (+https://github.com/briefpress/briefpress)'

/** The answer to one request, or why there was none. */
type Answer =
  | {status: number; location: string | null; retryAfter: number | undefined}
  | {error: string; transient: boolean; dead: boolean}

/** Statuses worth asking again: the server may answer later. */
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504])
/** A server that refuses HEAD answers these; ask again with GET. */
const HEAD_REFUSED = new Set([405, 501])
const GONE = new Set([404, 410])
/** Network errors that mean the link itself is dead, not that the network hiccupped. */
const DEAD_ERRORS: Record<string, string> = {ENOTFOUND: 'unknown host', ECONNREFUSED: 'connection refused'}

/**
 * Follows one URL to its end, by hand (`redirect: 'manual'`) so that every
 * redirect is seen: HEAD first, GET when HEAD is refused; timeouts, 429 and 5xx
 * retried with exponential backoff, or after `Retry-After` when given.
 */
export async function probeUrl(url: string, scheduler: PoliteScheduler, options: ProbeOptions): Promise<LinkOutcome> {
  const hops: Hop[] = []
  const seen = new Set<string>([url])
  let current = url
  for (let redirects = 0; ; redirects++) {
    const answer = await requestWithRetries(current, scheduler, options)
    if ('error' in answer) {
      return {kind: answer.dead ? 'dead' : 'unreachable', reason: answer.error, finalUrl: current, hops}
    }
    const {status, location} = answer
    if (status >= 300 && status < 400 && location) {
      hops.push({url: current, status})
      let next: string
      try {
        next = new URL(location, current).href
      } catch {
        return {kind: 'unreachable', status, reason: `HTTP ${status} to an invalid Location \`${location}\``, finalUrl: current, hops}
      }
      if (seen.has(next)) return {kind: 'unreachable', status, reason: 'redirect loop', finalUrl: next, hops}
      if (redirects >= options.maxRedirects) {
        return {kind: 'unreachable', status, reason: `more than ${options.maxRedirects} redirects`, finalUrl: next, hops}
      }
      seen.add(next)
      current = next
      continue
    }
    if (status >= 200 && status < 300) {
      return {kind: hops.length > 0 ? 'redirected' : 'ok', status, reason: `HTTP ${status}`, finalUrl: current, hops}
    }
    if (GONE.has(status)) return {kind: 'dead', status, reason: `HTTP ${status}`, finalUrl: current, hops}
    const tries = TRANSIENT_STATUS.has(status) ? ` after ${plural(options.retries + 1, 'try', 'tries')}` : ''
    return {kind: 'unreachable', status, reason: `HTTP ${status}${tries}`, finalUrl: current, hops}
  }
}

async function requestWithRetries(url: string, scheduler: PoliteScheduler, options: ProbeOptions): Promise<Answer> {
  const host = new URL(url).host
  let method: 'HEAD' | 'GET' = 'HEAD'
  let answer: Answer = {error: 'not tried', transient: false, dead: false}
  // A server's `Retry-After` pauses the whole host, not only this URL.
  const hostPause = (reply: Answer) =>
    'status' in reply && TRANSIENT_STATUS.has(reply.status) && reply.retryAfter !== undefined && reply.retryAfter <= options.maxRetryAfter ? reply.retryAfter : undefined
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    answer = await scheduler.run(host, () => requestOnce(url, method, options), hostPause)
    if (method === 'HEAD' && 'status' in answer && HEAD_REFUSED.has(answer.status)) {
      // Not a failure of the link: the same try, asked the other way.
      method = 'GET'
      answer = await scheduler.run(host, () => requestOnce(url, method, options), hostPause)
    }
    const transient = 'error' in answer ? answer.transient : TRANSIENT_STATUS.has(answer.status)
    if (!transient || attempt === options.retries) break
    let delay = options.retryDelay * 2 ** attempt
    if ('status' in answer && answer.retryAfter !== undefined) {
      if (answer.retryAfter > options.maxRetryAfter) {
        return {
          error: `HTTP ${answer.status} asking to wait ${formatDuration(answer.retryAfter)} (Retry-After), longer than ${formatDuration(options.maxRetryAfter)}`,
          transient: true,
          dead: false
        }
      }
      // The scheduler holds the host that long; this URL's next try waits its turn after it.
      delay = 0
    }
    await sleep(delay)
  }
  if ('error' in answer && answer.transient) answer = {...answer, error: `${answer.error} after ${plural(options.retries + 1, 'try', 'tries')}`}
  return answer
}

async function requestOnce(url: string, method: 'HEAD' | 'GET', options: ProbeOptions): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeout),
      headers: {'user-agent': USER_AGENT, accept: '*/*'}
    })
    // Only the status matters: never download the page.
    await response.body?.cancel().catch(() => {})
    return {status: response.status, location: response.headers.get('location'), retryAfter: parseRetryAfter(response.headers.get('retry-after'))}
  } catch (error) {
    return describeError(error, options.timeout)
  }
}

function describeError(error: unknown, timeout: number): Answer {
  const name = (error as {name?: string} | null)?.name
  const cause = (error as {cause?: {code?: string; message?: string}} | null)?.cause
  const code = cause?.code ?? ''
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
    return {error: `no answer within ${formatDuration(timeout)}`, transient: true, dead: false}
  }
  if (DEAD_ERRORS[code]) return {error: `${DEAD_ERRORS[code]} (${code})`, transient: false, dead: true}
  // Certificates, resets, temporary DNS failures: the link may be fine.
  const transient = /^(ECONNRESET|EAI_AGAIN|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)
  const reason = cause?.message ?? (error instanceof Error ? error.message : String(error))
  return {error: code ? `${reason} (${code})` : reason, transient, dead: false}
}

/** `Retry-After` as seconds or an HTTP date, in ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

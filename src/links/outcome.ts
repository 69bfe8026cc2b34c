/** One request of a redirect chain: the URL asked for and the status it answered. */
export interface Hop {
  url: string
  status: number
}

/**
 * What became of one URL. `ok`, `redirected` and `dead` are definite and are
 * cached; `unreachable` (timeouts, server errors, rate limits, refusals to
 * answer a robot) may pass on its own, so it is never cached.
 */
export interface LinkOutcome {
  kind: 'ok' | 'redirected' | 'dead' | 'unreachable'
  /** Final HTTP status, when there was an answer. */
  status?: number
  /** Why, in words: `HTTP 404`, `unknown host (ENOTFOUND)`, `timed out after 3 tries`. */
  reason: string
  /** The URL the chain ended at (differs from the cited one after redirects). */
  finalUrl: string
  /** Redirects followed, in order. */
  hops: Hop[]
}

import {defineRule} from '../diagnostics/rule.js'

/**
 * Rules of `check --links`. They only run when asked (the check goes online),
 * but are registered like every other rule so that the config may set them.
 */
export const deadCitationLink = defineRule({
  id: 'dead-citation-link',
  severity: 'warning',
  description: 'With `check --links`: a citation URL is gone (HTTP 404 or 410, unknown host, connection refused).'
})

export const redirectedCitationLink = defineRule({
  id: 'redirected-citation-link',
  severity: 'warning',
  description: 'With `check --links`: a citation URL redirects; the message gives the final URL to cite instead.'
})

export const unreachableCitationLink = defineRule({
  id: 'unreachable-citation-link',
  severity: 'warning',
  description: 'With `check --links`: a citation URL could not be verified (timeouts, server errors or rate limits after retries, HTTP 401/403, TLS errors, too many redirects).'
})

export const linkRules = [deadCitationLink, redirectedCitationLink, unreachableCitationLink]

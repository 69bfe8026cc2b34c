import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

/**
 * URLs that parse but probably do not lead where the author meant: pasted
 * with sentence punctuation, elided, broken by spaces (GFM's autolink stops
 * at the first one), unencrypted, or pointing at a raw IP address.
 */
export const suspiciousCitationUrl: FileRule = {
  meta: defineRule({
    id: 'suspicious-citation-url',
    severity: 'warning',
    description: 'A citation URL looks wrong: trailing `.` or `,`, a literal `...`, spaces, `http://`, or a bare IP address as host.'
  }),
  check({file, citations}, reporter) {
    // `http://` alone is a weaker finding than a broken URL, and a brief
    // that cites old sites often has many: those URLs get one message
    // between them (the real corpus had 594 such warnings in 91 briefs).
    const plain: Array<{label: string; url: string; position: (typeof citations.definitions)[number]['targetPosition']}> = []
    for (const definition of citations.definitions) {
      const url = definition.url
      if (url === undefined) continue
      const reasons = suspicionsOf(url)
      if (reasons.length === 0) continue
      if (reasons.length === 1 && reasons[0] === HTTP) {
        plain.push({label: definition.label, url, position: definition.targetPosition})
        continue
      }
      reporter.report(
        file,
        this.meta,
        `Unexpected ${reasons.map((reason) => reason.found).join(', ')} in citation URL \`${url}\` of \`[^${definition.label}]\`, expected ${reasons.map((reason) => reason.expected).join(', ')}`,
        definition.targetPosition,
        {actual: url, expected: reasons.map((reason) => reason.expected), note: 'Open the source and copy its full address from the browser’s address bar: readers follow the URL as written.'}
      )
    }
    const [first] = plain
    if (!first) return
    const message =
      plain.length === 1
        ? `Unexpected ${HTTP.found} in citation URL \`${first.url}\` of \`[^${first.label}]\`, expected ${HTTP.expected}`
        : `Unexpected ${HTTP.found} in ${plain.length} citation URLs, of ${plain.map((entry) => `\`[^${entry.label}]\``).join(', ')}, expected ${HTTP.expected}`
    reporter.report(file, this.meta, message, first.position, {
      actual: plain.map((entry) => entry.url).join(' '),
      expected: [HTTP.expected],
      note: 'Most sites answer on `https://`: open each link with it and keep the address that works.'
    })
  }
}

interface Suspicion {
  found: string
  expected: string
}

const HTTP: Suspicion = {found: '`http://`', expected: '`https://` where the site supports it'}

/** Every reason a parsed http(s) URL looks wrong, in a fixed order. */
export function suspicionsOf(url: string): Suspicion[] {
  const reasons: Suspicion[] = []
  const last = url.at(-1)
  // A URL ending in `...` is elided, not punctuated: one reason is enough.
  if ((last === '.' && !url.endsWith('...')) || last === ',') reasons.push({found: `trailing \`${last}\``, expected: 'no sentence punctuation at the end'})
  if (url.includes('...')) reasons.push({found: 'literal `...`', expected: 'the full address instead of an elided one'})
  if (/\s/.test(url)) reasons.push({found: 'spaces', expected: 'spaces encoded as `%20`'})
  if (/^http:\/\//i.test(url)) reasons.push(HTTP)
  const host = hostOf(url)
  if (host !== undefined && isIpAddress(host)) reasons.push({found: `bare IP address \`${host}\` as host`, expected: 'a domain name'})
  return reasons
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname
  } catch {
    return undefined
  }
}

function isIpAddress(host: string): boolean {
  // URL normalises IPv4 (also `0x7f.1` forms) to dotted decimal and keeps IPv6 in brackets.
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

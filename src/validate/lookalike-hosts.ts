import {domainToUnicode} from 'node:url'
import {parse} from 'tldts'
import type {Position} from 'unist'
import type {Citations} from '../extract/citations-types.js'

/**
 * Look-alike citation hosts (`lookalike-citation-host`): a cited host one of
 * whose labels reads as the name of a site the archive cites often (or a
 * configured `trustedHosts` entry), without being that site:
 * `app-coingllass.walletuser.com` beside hundreds of `www.coinglass.com`.
 *
 * "Reads as" is what fools a reader glancing at a link, not any small edit
 * distance: a doubled or dropped letter (`coingllass`, `coinglas`), two
 * neighbouring letters swapped (`coingalss`), or look-alike characters
 * (`rn`/`m`, `vv`/`w`, `cl`/`d`, `0`/`o`, `1`/`l`, accented letters,
 * Cyrillic and Greek letters that look Latin, written in punycode in the
 * URL). A plain substitution or an extra letter is left alone: on the real
 * archive it only ever matched other genuine sites (`coinmarketcal` and
 * `coinmarketcap`, `coinness` and `coinnews`, `finance.yahoo.com` and
 * `binance`). A host that holds the very name of a cited site in another
 * domain (`binance.us`, `bitcoin.einnews.com`) is not reported either:
 * regional and hosted sites do that legitimately.
 */

/** A distinct host a brief cites, with the place of its first citation. */
export interface CitedHost {
  /** Lower case, as the URL parser gives it (international names in punycode). */
  host: string
  /**
   * The place as plain numbers, not a unist Position (three objects): the
   * build keeps every brief's hosts to its end, dozens a brief, and as
   * Positions they took about 10 KB a brief (100 MB at 10,000 briefs).
   * `positionOf` gives the Position back.
   */
  line: number
  column: number
  offset: number | undefined
  endLine: number
  endColumn: number
  endOffset: number | undefined
}

/** Each host `citations` cite, once, at its first definition's target. */
export function citedHosts(citations: Citations): CitedHost[] {
  const hosts = new Map<string, CitedHost>()
  for (const definition of citations.definitions) {
    // An absolute http(s) URL (src/extract/citations.ts); URL gives its host in lower case.
    const host = definition.url === undefined ? undefined : new URL(definition.url).hostname
    if (!host || hosts.has(host)) continue
    const {start, end} = definition.targetPosition
    hosts.set(host, {host, line: start.line, column: start.column, offset: start.offset, endLine: end.line, endColumn: end.column, endOffset: end.offset})
  }
  return [...hosts.values()]
}

/** The place of a host's first citation, as messages take it. */
export function positionOf(cited: CitedHost): Position {
  return {
    start: {line: cited.line, column: cited.column, ...(cited.offset !== undefined && {offset: cited.offset})},
    end: {line: cited.endLine, column: cited.endColumn, ...(cited.endOffset !== undefined && {offset: cited.endOffset})}
  }
}

/** A registrable domain cited in at least this many briefs is one a look-alike may imitate. */
export const MIN_REFERENCE_BRIEFS = 3

/** Names shorter than this (`mexc`, `ieee`) are left alone: too many genuine names lie one letter away. */
const MIN_NAME_LENGTH = 5

/** A host of the archive that reads as a site it cites often. */
export interface Lookalike {
  /** The look-alike host, as cited. */
  host: string
  /** The registrable domain it imitates (`coinglass.com`). */
  domain: string
  /** The host of that domain the archive cites most (`www.coinglass.com`), or the trusted host. */
  reference: string
  /** Briefs citing the domain it imitates (0 when only trusted). */
  referenceBriefs: number
  trusted: boolean
  /** How it imitates it, in words. */
  how: string
}

interface Reference {
  domain: string
  name: string
  briefs: number
  trusted: boolean
  /** Most cited host of the domain: what the message and the page name. */
  host: string
}

const TLD_OPTIONS = {allowPrivateDomains: true} as const

/**
 * Every look-alike host among `briefs` (each a list of the hosts it cites),
 * keyed by host. `trustedHosts` are references whatever their count, and
 * never look-alikes themselves.
 */
export function findLookalikes(briefs: ReadonlyArray<readonly string[]>, trustedHosts: readonly string[] = []): Map<string, Lookalike> {
  // Registrable domain → briefs citing it, and its hosts by briefs citing them.
  const domains = new Map<string, {briefs: number; hosts: Map<string, number>}>()
  const domainOf = new Map<string, string | null>()
  const registrable = (host: string) => {
    let domain = domainOf.get(host)
    if (domain === undefined) {
      const parsed = parse(host, TLD_OPTIONS)
      domain = parsed.isIp ? null : parsed.domain
      domainOf.set(host, domain)
    }
    return domain
  }
  for (const hosts of briefs) {
    const seen = new Set<string>()
    for (const host of hosts) {
      const domain = registrable(host)
      if (!domain) continue
      let entry = domains.get(domain)
      if (!entry) domains.set(domain, (entry = {briefs: 0, hosts: new Map()}))
      entry.hosts.set(host, (entry.hosts.get(host) ?? 0) + 1)
      if (!seen.has(domain)) {
        seen.add(domain)
        entry.briefs++
      }
    }
  }

  const trusted = new Set<string>()
  const references = new Map<string, Reference>()
  const addReference = (domain: string, isTrusted: boolean, host: string) => {
    const name = parse(domain, TLD_OPTIONS).domainWithoutSuffix
    if (!name || name.length < MIN_NAME_LENGTH) return
    const known = references.get(domain)
    if (known) {
      known.trusted ||= isTrusted
      return
    }
    references.set(domain, {domain, name, briefs: domains.get(domain)?.briefs ?? 0, trusted: isTrusted, host})
  }
  for (const entry of trustedHosts) {
    const host = entry.toLowerCase()
    const domain = registrable(host)
    trusted.add(host)
    if (domain) {
      trusted.add(domain)
      addReference(domain, true, host)
    }
  }
  for (const [domain, entry] of domains) {
    if (entry.briefs < MIN_REFERENCE_BRIEFS) continue
    const host = [...entry.hosts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
    addReference(domain, false, host)
  }

  // Names by their look-alike skeleton, and as written (for swapped letters).
  const bySkeleton = new Map<string, Reference[]>()
  const byName = new Map<string, Reference[]>()
  for (const reference of references.values()) {
    push(bySkeleton, skeleton(reference.name), reference)
    push(byName, reference.name, reference)
  }

  const found = new Map<string, Lookalike>()
  for (const [domain, entry] of domains) {
    if (trusted.has(domain)) continue
    for (const host of entry.hosts.keys()) {
      if (trusted.has(host)) continue
      const match = imitated(host, domain, entry.briefs, bySkeleton, byName)
      if (match) found.set(host, {host, domain: match.reference.domain, reference: match.reference.host, referenceBriefs: match.reference.briefs, trusted: match.reference.trusted, how: match.how})
    }
  }
  return found
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The reference `host` (in `domain`, cited in `briefs` briefs) imitates, if any. */
function imitated(host: string, domain: string, briefs: number, bySkeleton: Map<string, Reference[]>, byName: Map<string, Reference[]>): {reference: Reference; how: string} | undefined {
  const parsed = parse(host, TLD_OPTIONS)
  const suffixLabels = parsed.publicSuffix ? parsed.publicSuffix.split('.').length : 0
  const labels = host.split('.').slice(0, suffixLabels ? -suffixLabels : undefined)
  // The look-alike is the one cited in fewer briefs; a trusted host, cited or not, is imitated
  // by hosts cited in fewer than MIN_REFERENCE_BRIEFS, never by a site the archive cites often.
  const eligible = (reference: Reference) => reference.domain !== domain && (reference.briefs > briefs || (reference.trusted && briefs < MIN_REFERENCE_BRIEFS))
  for (const label of labels) {
    const parts = label.includes('-') ? [label, ...label.split('-')] : [label]
    for (const part of parts) {
      if (part.length < 3) continue
      const readable = part.startsWith('xn--') ? domainToUnicode(part) || part : part
      for (const reference of bySkeleton.get(skeleton(readable)) ?? []) {
        if (part !== reference.name && eligible(reference)) return {reference, how: describe(readable, reference.name)}
      }
      for (const swapped of swaps(part)) {
        for (const reference of byName.get(swapped) ?? []) {
          if (eligible(reference)) return {reference, how: 'two letters swapped'}
        }
      }
    }
  }
  return undefined
}

function describe(written: string, name: string): string {
  if (/[^\x00-\x7f]/.test(written)) return 'look-alike characters (international letters, shown in punycode in the link)'
  if (written.replace(/(.)\1+/g, '$1') === name.replace(/(.)\1+/g, '$1')) return 'a doubled or dropped letter'
  return 'look-alike letters (such as rn for m, 0 for o, 1 for l)'
}

/** `part` with each pair of neighbouring letters swapped in turn (not the same letter twice). */
function* swaps(part: string): Generator<string> {
  for (let index = 0; index + 1 < part.length; index++) {
    if (part[index] === part[index + 1]) continue
    yield part.slice(0, index) + part[index + 1] + part[index] + part.slice(index + 2)
  }
}

/** Cyrillic, Greek and other letters that look like Latin ones in a browser's address bar and link text (after UTS #39). */
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ь: 'b', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g', ɑ: 'a', ɩ: 'i', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', γ: 'y', ϲ: 'c', ϳ: 'j',
  '0': 'o', '1': 'l', '|': 'l'
}

/**
 * What a name looks like to a reader: compatibility forms and accents
 * dropped (`ｃ`, `é` → `c`, `e`), look-alike letters mapped, `rn`/`vv`/`cl`
 * read as `m`/`w`/`d`, and repeated letters read once.
 */
export function skeleton(name: string): string {
  let text = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  text = [...text].map((char) => CONFUSABLE[char] ?? char).join('')
  return text.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd').replace(/(.)\1+/g, '$1')
}

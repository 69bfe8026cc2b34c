/**
 * Small parsers for the figures briefs write: money ("\$1.37 billion",
 * "95,975 USD", "~91.9k", "2.35T"), percentages ("−3.2%", "↓0.38%") and
 * ranges of either. They work on text already cleaned by `cleanText`.
 */

/** Markdown escapes, emphasis, footnote references and odd dashes removed; columns may shift. */
export function cleanText(raw: string): string {
  return raw
    .replace(/\[\^[^\]\s]*\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!&|~<>$])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/[\u2011\u2010]/g, '-')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
}

const UNITS: Record<string, number> = {
  k: 1e3, thousand: 1e3,
  m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, mil: 1e6,
  b: 1e9, bn: 1e9, billion: 1e9,
  t: 1e12, tn: 1e12, trillion: 1e12
}

/** "95,975" → 95975, "1.37" → 1.37; undefined when not a number. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/,(?=\d{3}\b)/g, '').trim()
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned)
}

/** Multiplier of a unit word or letter ("billion", "B", "k"), 1 when absent. */
export function unitFactor(unit: string | undefined): number | undefined {
  if (!unit) return 1
  return UNITS[unit.toLowerCase()]
}

/** Rounds away binary noise (1.37 * 1e9 = 1370000000.0000002). */
function tidy(value: number): number {
  return Number(value.toPrecision(12))
}

export interface MoneyMatch {
  /** A single amount, or the low end of a range. */
  value: number
  /** Set for "\$90,322–\$92,114", "$87–88K", "between $1 and $2". */
  range?: [number, number]
  /** The magnitude letter or word as written ("k", "billion"), lower case. */
  unit?: string
  /** Negative when written "-$88.7m" or "–\$55.5m". */
  negative: boolean
  index: number
  end: number
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const UNIT = String.raw`(?:\s?(?:thousand|million|billion|trillion|mil|mn|bn|tn)\b|[kKmMbBtT](?![a-zA-Z]))`
const APPROX = String.raw`(?:~|≈|about\s|around\s|approx\.?\s|roughly\s)?`
const DASH = String.raw`\s?(?:-|–|—|−|to)\s?`
// "$95,975", "USD 90k", "95,975 USD", optionally a range to a second amount.
const MONEY = new RegExp(
  String.raw`(?<sign>[-–−]\s?)?${APPROX}(?:(?<cur>\$|US\$|USD\s?)\s?${APPROX}(?<a>${NUM})(?<ua>${UNIT})?|(?<a2>${NUM})(?<ua2>${UNIT})?\s?USD\b|(?<![\w.,$])(?<a3>${NUM})(?<ua3>[kK])(?![a-zA-Z]))` +
    String.raw`(?:${DASH}${APPROX}(?:\$|USD\s?)?(?<b>${NUM})(?<ub>${UNIT})?(?:\s?USD\b)?)?`,
  'g'
)
const BETWEEN = new RegExp(String.raw`between\s+(?:\$|USD\s?)(?<a>${NUM})(?<ua>${UNIT})?\s+and\s+(?:\$|USD\s?)(?<b>${NUM})(?<ub>${UNIT})?`, 'gi')

/** Every amount of money in the text, in order. */
export function findMoney(text: string): MoneyMatch[] {
  const found: MoneyMatch[] = []
  for (const match of text.matchAll(BETWEEN)) {
    const range = toRange(match.groups!.a!, match.groups!.ua, match.groups!.b!, match.groups!.ub)
    if (range) found.push({value: range[0], range, unit: unitName(match.groups!.ub ?? match.groups!.ua), negative: false, index: match.index, end: match.index + match[0].length})
  }
  for (const match of text.matchAll(MONEY)) {
    const g = match.groups!
    const start = match.index
    if (found.some((m) => start < m.end && start + match[0].length > m.index)) continue
    const a = g.a ?? g.a2 ?? g.a3!
    const ua = g.ua ?? g.ua2 ?? g.ua3
    // "- \$312 million liquidated" opens a list item: that dash is a bullet, not a minus.
    const bullet = g.sign !== undefined && /\s/.test(g.sign) && /^\s*$/.test(text.slice(0, start))
    const negative = g.sign !== undefined && !bullet
    // "fell from $3.40T to $3.31T" is a move, not a range: read both amounts.
    if (g.b !== undefined && /\sto\s/.test(match[0]) && /\bfrom\s*$/i.test(text.slice(Math.max(0, start - 6), start))) {
      const joiner = match[0].search(/\sto\s/)
      for (const part of findMoney(match[0].slice(0, joiner))) found.push({...part, index: start + part.index, end: start + part.end})
      const secondAt = joiner + match[0].slice(joiner).search(/[^\sto]/)
      for (const part of findMoney(match[0].slice(secondAt))) found.push({...part, index: start + secondAt + part.index, end: start + secondAt + part.end})
      continue
    }
    if (g.b !== undefined) {
      const range = toRange(a, ua, g.b, g.ub)
      if (range) {
        found.push({value: range[0], range, unit: unitName(g.ub ?? ua), negative, index: start, end: start + match[0].length})
        continue
      }
    }
    const factor = unitFactor(ua?.trim())
    const number = parseNumber(a)
    if (factor === undefined || number === undefined) continue
    // When the second part is not a range ("$2.17-$0.5"), keep only the first amount.
    const end = g.b !== undefined ? start + match[0].indexOf(a) + a.length + (ua?.length ?? 0) : start + match[0].length
    found.push({value: tidy(number * factor), unit: unitName(ua), negative, index: start, end})
  }
  return found.sort((x, y) => x.index - y.index)
}

/** "$87–88K" shares the unit; "$3.67–$3.68 trillion" too. Undefined when not ordered sensibly. */
function toRange(a: string, ua: string | undefined, b: string, ub: string | undefined): [number, number] | undefined {
  const first = parseNumber(a)
  const second = parseNumber(b)
  const secondFactor = unitFactor(ub?.trim())
  const firstFactor = unitFactor((ua ?? ub)?.trim())
  if (first === undefined || second === undefined || firstFactor === undefined || secondFactor === undefined) return undefined
  const low = tidy(first * firstFactor)
  const high = tidy(second * secondFactor)
  // "$193-197" and "$1,115-1,133" are ranges; "$86,783–86,899" too. But
  // "$2.17–$2.5 billion" → fine; a high far below the low is a truncated
  // form such as "$88,144–88,644" already handled, otherwise not a range.
  // A reversed range is kept as written, so that `implausible-value` can tell
  // the author, rather than silently swapped.
  if (high * 10 < low) return undefined
  return [low, high]
}

function unitName(unit: string | undefined): string | undefined {
  const trimmed = unit?.trim().toLowerCase()
  return trimmed ? trimmed : undefined
}

/** Parses one amount of money ("\$1.37 billion" → 1.37e9); undefined when there is none. */
export function parseMoney(text: string): number | undefined {
  const [first] = findMoney(cleanText(text))
  if (!first || first.range) return undefined
  return first.negative ? -first.value : first.value
}

export interface PercentMatch {
  value?: number
  range?: [number, number]
  /** True when the text carries a sign (+, -, −, –, ↑, ↓, ±). */
  signed: boolean
  index: number
  end: number
}

const SIGN = String.raw`[+\-–−—↑↓↗↘▲▼]|±`
// "+1,764%" is one number, not "764%".
const PCT_NUM = String.raw`(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
// "-3.2%", "↓0.38%", "+1–2%", "-1% to -2.78%", "3.05%–3.4%", "±0.5%", "≈–5–6%".
const PERCENT = new RegExp(
  String.raw`(?<s1>${SIGN})?\s?[~≈]?\s?(?<s1b>${SIGN})?(?<a>${PCT_NUM})\s?(?<pa>%)?` +
    String.raw`(?:\s?(?:-|–|—|−|to)\s?(?<s2>${SIGN})?\s?[~≈]?(?<b>${PCT_NUM}))?\s?%`,
  'g'
)

/** Every percentage in the text, in order, with its written sign. */
export function findPercents(text: string): PercentMatch[] {
  const found: PercentMatch[] = []
  for (const match of text.matchAll(PERCENT)) {
    const g = match.groups!
    const start = match.index
    // "7-day", "24-hour" never reach here (no %); "1.5-2%" does: a range.
    const sign1 = g.s1 ?? g.s1b
    const a = Number(g.a!.replace(/,/g, ''))
    if (g.b !== undefined) {
      const b = Number(g.b.replace(/,/g, ''))
      const sign2 = g.s2 ?? sign1
      const first = applySign(a, sign1)
      const second = applySign(b, sign2)
      if (sign1 === '±') {
        found.push({range: [-Math.max(a, b), Math.max(a, b)], signed: true, index: start, end: start + match[0].length})
        continue
      }
      found.push({range: [Math.min(first, second), Math.max(first, second)], signed: sign1 !== undefined || g.s2 !== undefined, index: start, end: start + match[0].length})
      continue
    }
    if (sign1 === '±') {
      found.push({range: [-a, a], signed: true, index: start, end: start + match[0].length})
      continue
    }
    found.push({value: applySign(a, sign1), signed: sign1 !== undefined, index: start, end: start + match[0].length})
  }
  return found
}

function applySign(value: number, sign: string | undefined): number {
  return sign !== undefined && /[-–−—↓↘▼]/.test(sign) ? -value : value
}

/** Parses one percentage ("−3.2%" → -3.2); undefined when there is none. */
export function parsePercent(text: string): number | undefined {
  const [first] = findPercents(cleanText(text))
  return first?.value
}

/** Flips a percentage or range to negative ("fell 9.4%"). */
export function negate(match: PercentMatch): PercentMatch {
  if (match.value !== undefined) return {...match, value: -Math.abs(match.value)}
  const [lo, hi] = match.range!
  return {...match, range: [-Math.max(Math.abs(lo), Math.abs(hi)), -Math.min(Math.abs(lo), Math.abs(hi))]}
}

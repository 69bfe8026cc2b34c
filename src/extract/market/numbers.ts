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
    // A wiki link ("[[Bitcoin]]", "[[Spot BTC ETFs|spot ETFs]]") is its words.
    .replace(/\[\[(?:[^\]|]*\|)?([^\]|]+)\]\]/g, '$1')
    // A bare address ("…/bitcoin-etfs-record-470m-in-outflows") holds words, never a figure.
    .replace(/<?\b(?:https?:\/\/|www\.)[^\s>)]+>?/g, '')
    // Any ASCII punctuation may be escaped in Markdown ("+1.2\%" pasted from a document editor).
    .replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/[\u2011\u2010]/g, '-')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
}

/**
 * European notation, rewritten the English way where it cannot be read otherwise: "97.845,20 \$"
 * (dots for thousands, a decimal comma), "1,94 %", "USD 3,29 trillion", "98 310 \$" (a comma
 * followed by one or two digits is never a thousands separator). "USD 100,215" stays as written.
 */
export function englishNotation(text: string): string {
  // "(≈ S$417.6m)", "(R$ 559.194)", "(≈ ₩4.4조)": an amount restated in another currency, an aside (blanked, so columns keep their place).
  text = text.replace(CONVERSION, (aside) => ' '.repeat(aside.length))
  // A line that writes its decimals with a comma ("+1,95%", "US$ 3.709,75") sets its thousands apart with dots:
  // its "US$ 100.196" is 100,196, not 100.196.
  if (COMMA_DECIMAL.test(text)) text = text.replace(DOT_THOUSANDS, (number) => number.replace(/\./g, ','))
  return text
    // "187 Mio. $", "66,8 Mrd. $", "3,51 Bio. $": German magnitudes (a Billion is a trillion).
    .replace(/(\d)\s?(Mio|Mrd|Bio)\.?(?=\s|$)/g, (_, digit: string, unit: string) => `${digit} ${GERMAN_UNITS[unit]}`)
    // Spanish magnitudes: "1,1 mil millones USD" is 1.1 billion, "486,3 millones" 486.3 million.
    .replace(/(\d)\s?mil millones\b/g, '$1 billion')
    .replace(/(\d)\s?millones\b/g, '$1 million')
    // Portuguese magnitudes: "US$ 639,5 milhões", "US$ 3,42 trilhões", "US$ 73,9 bi".
    .replace(/(\d)\s?(milhões|bilhões|trilhões)(?=\s|[.,;:)]|$)/g, (_, digit: string, unit: string) => `${digit} ${PORTUGUESE_UNITS[unit]}`)
    .replace(/((?:US|R)\$\s?\d+(?:,\d+)?)\s?(mi|bi|tri)\b/g, (_, amount: string, unit: string) => `${amount} ${PORTUGUESE_UNITS[unit]}`)
    // "+%0,64", "-%0,16": the percent sign written first, as in Turkish.
    .replace(/(^|[\s(:+\-−–])%(\d+(?:[.,]\d+)?)(?![\d%])/g, '$1$2%')
    .replace(EUROPEAN, european)
    .replace(PERCENT_WORDS, '$1%')
    // Emoji arrows sign a move as ▼ and ▲ do ("🔻 1.8%", "⬆️ 2%").
    .replace(/🔻|🔽|⬇️?/gu, '▼')
    .replace(/🔺|🔼|⬆️?/gu, '▲')
}
const COMMA_DECIMAL = /(?<![\d,.])\d{1,3}(?:\.\d{3})*,\d{1,2}(?![\d,])/
const DOT_THOUSANDS = /(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d,]|\.\d)/g
const GERMAN_UNITS: Record<string, string> = {Mio: 'million', Mrd: 'billion', Bio: 'trillion'}
const PORTUGUESE_UNITS: Record<string, string> = {milhões: 'million', mi: 'million', bilhões: 'billion', bi: 'billion', trilhões: 'trillion', tri: 'trillion'}
// ("-1.2 pct" drops the abbreviation's dot; "up 1.29 percent." and "-1.2 pct. The week …" keep the full stop that ends a sentence.)
const PERCENT_WORDS = /(\d)\s?(?:per ?cent\b|pct\b(?:\.(?!\s+[A-Z]))?)/gi

/** "3.5 per cent", "-1.2 pct" written as "3.5%", "-1.2%" (also for a sentence joined from two lines cleaned apart). */
export function percentWords(text: string): string {
  return text.replace(PERCENT_WORDS, '$1%')
}
// "97.845,20 $", "1,94 %", "USD 184,20", and "99.240 $" (thousands set apart by dots before a trailing sign;
// "0.276 USD" is English), "98 420,50" and "2 911.40 USD" (thousands set apart by spaces), and a table cell of "171,35" alone.
const EUROPEAN = /(?<![\d.,])(\d{1,3}(?:\.\d{3})+,\d+|[1-9]\d{0,2}(?:\.\d{3})+(?=\s?[$€])|\d+,\d{1,2}(?=\s?(?:%|\$|€|USD\b|[kKmMbBtT]\b|tn\b|bn\b|mn\b|thousand|million|billion|trillion))(?!\d)|(?<=(?:USD|\$|€)\s?)\d+,\d{1,2}(?!\d)|\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?=\s?(?:\$|€|USD\b))|\d{1,3}(?: \d{3})+(?=\s?[-–—]\s?\d{1,3}(?: \d{3})+(?:[.,]\d+)?\s?(?:\$|€|USD\b))|\d{1,3}(?: \d{3})+,\d{1,2}(?!\d)|^\d+,\d{1,2}$)/g
function european(number: string): string {
  return number.replace(/[. ](?=\d{3}\b)/g, '').replace(',', '.')
}

const UNITS: Record<string, number> = {
  k: 1e3, thousand: 1e3,
  m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, mil: 1e6, mln: 1e6, millones: 1e6, millions: 1e6, millionen: 1e6,
  b: 1e9, bn: 1e9, billion: 1e9, bln: 1e9,
  t: 1e12, tn: 1e12, trillion: 1e12, trln: 1e12
}

/** "95,975" → 95975, "1.37" → 1.37; undefined when not a number. */
function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/[,\s\u00a0\u202f](?=\d{3}\b)/g, '').trim()
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned)
}

/** Multiplier of a unit word or letter ("billion", "B", "k"), 1 when absent. */
function unitFactor(unit: string | undefined): number | undefined {
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
  /** Set for "\$90,322–\$92,114", "$87–88K", "between $1 and $2", "68k–67k" (always low to high). */
  range?: [number, number]
  /** The magnitude letter or word as written ("k", "billion"), lower case. */
  unit?: string
  /** Negative when written "-$88.7m" or "–\$55.5m". */
  negative: boolean
  /**
   * True for an amount written with no currency at all ("2.35T", "62.3B",
   * "145.7m"): money only where a label says so (market cap, liquidations, flows).
   */
  bare?: boolean
  index: number
  end: number
}

// Never part of a longer number: "USD 184,20" and "3.601,15" (decimal commas) are not 184 and 3.601.
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![,.]?\d)`
/** "USD 70 400": thousands set apart by spaces, read only right after a currency. */
const SPACED_NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:\.\d+)?`
// ("$3.4 T", "3.29 T USD": a capital magnitude set apart by a space, as some exports write it.)
const UNIT = String.raw`(?:\s?(?:thousand|millions?|millones|billion|trillion|mil|mn|bn|tn|mln|bln|trln)\b|[kKmMbBtT](?![a-zA-Z])|\s[MBT](?![\w-]))`
/** Magnitudes that make a bare number an amount of money in a money context. */
const BIG_UNIT = String.raw`(?:\s?(?:millions?|millones|billion|trillion|mn|bn|tn|mln|bln|trln)\b|[mMbBtT](?![a-zA-Z]))`
const APPROX = String.raw`(?:~|≈|about\s|around\s|approx\.?\s|approximately\s|roughly\s)?`
const DASH = String.raw`\s?(?:-|–|—|−|to)\s?`
/** After an amount: the currency as a word ("95,975 USD", "70,000 dollars", "1.2 billion US dollars"). */
const CURRENCY_AFTER = String.raw`\s?(?:USD\b|US\s?dollars?\b|dollars?\b|\$(?![\w$]))`
// "$95,975", "US$81.3K", "USD 90k", "95,975 USD", "70,000 dollars", "~91.9k", optionally a range to a second amount.
const MONEY = new RegExp(
  String.raw`(?<sign>[-–−]\s?)?${APPROX}(?:(?<cur>\$|US\$|USD\s?)\s?${APPROX}(?<a>${SPACED_NUM}|${NUM})(?<ua>${UNIT})?|(?<a2>${NUM})(?<ua2>${UNIT})?${CURRENCY_AFTER}|(?<![\w.,$])(?<a3>${NUM})(?<ua3>[kK])(?![a-zA-Z]))` +
    String.raw`(?:${DASH}${APPROX}(?:\$|US\$|USD\s?)?(?<b>${NUM})(?<ub>${UNIT})?(?:${CURRENCY_AFTER})?)?`,
  'g'
)
/** Currencies that are not the dollar: "KRW 2.4tn", "EUR 310m" are not amounts in USD. */
const OTHER_CURRENCY = String.raw`(?:KRW|EUR|GBP|JPY|HKD|CNY|CNH|RMB|AUD|CAD|CHF|SGD|INR|RUB|BRL|TRY|won|yen|euros?|pounds?|yuan)`
/** "(≈ S$417.6m)", "(R$ 559.194)": an amount restated in another currency in brackets (see englishNotation). */
const CONVERSION = new RegExp(String.raw`\(\s*(?:[~≈]|about|approx\.?|roughly|around)?\s*(?:(?!US\$)[A-Z]{1,3}\$|[₩₹€£¥₦]|(?:${OTHER_CURRENCY}|NGN|MXN|TL)\b)\s?\d[\d.,\s]*(?:[kKmMbBtT]\b|bn\b|tn\b|mn\b|million\b|billion\b|trillion\b|mi\b|bi\b|tri\b|조|억)?\s*\)`, 'g')
/** "2.35T", "62.3B", "-145.7m", "2.77tn", "2.3–2.4T": no currency, a magnitude. */
const BARE = new RegExp(
  String.raw`(?<sign>[-–−]\s?)?(?<![\w.,$/€£¥₩])(?<!\b${OTHER_CURRENCY}\s?)(?<a>${NUM})(?<ua>${BIG_UNIT})?(?:${DASH}(?<b>${NUM})(?<ub>${BIG_UNIT}))?(?!\s?(?:%|[A-Za-z]{2,}\b(?<!\b(?:in|of|and|to|on|vs|at|with|from|across|over|for|as|per|after|while|total|net|combined|overall|inflows?|outflows?|liquidations?|liquidated|longs?|shorts?|redemptions?|wiped|now|this|today|currently|up|down|flat|unchanged|versus|against)\b)))`,
  'g'
)
// "between $66,400 and $68,350", "between US$390M and US$410M", "between 66,400 and 68,350 dollars", "between 99 240 USD and 101 480 USD".
const BETWEEN = new RegExp(
  String.raw`between\s+(?:(?:(?:US\s?)?\$|USD\s?)(?<a>${NUM})(?<ua>${UNIT})?\s+and\s+(?:(?:US\s?)?\$|USD\s?)(?<b>${NUM})(?<ub>${UNIT})?|(?<a2>${NUM})(?<ua2>${UNIT})?(?:${CURRENCY_AFTER})?\s+and\s+(?<b2>${NUM})(?<ub2>${UNIT})?${CURRENCY_AFTER}|(?<a3>${NUM})(?<ua3>[kK])\s+and\s+(?<b3>${NUM})(?<ub3>[kK])(?![a-zA-Z]))`,
  'gi'
)

/** "68–69k", "~87–88K USD": two plain numbers sharing one k; "2.3–2.5 trillion USD", "66,400 to 68,350 dollars": a range the currency word closes. */
const SHARED_K = new RegExp(
  String.raw`(?<![\w.,$])(?:[~≈]\s?)?(?<a>${NUM})(?<ua>${UNIT})?(?:\s?[-–—]\s?|\sto\s)(?<b>${NUM})(?:(?<ub>[kK])(?![a-zA-Z])(?:${CURRENCY_AFTER})?|(?<ub2>${UNIT})?${CURRENCY_AFTER})`,
  'g'
)

/** Every amount of money in the text, in order; with `bare`, also amounts written with a magnitude and no currency. */
export function findMoney(text: string, options: {bare?: boolean} = {}): MoneyMatch[] {
  const found: MoneyMatch[] = []
  const overlaps = (start: number, end: number) => found.some((m) => start < m.end && end > m.index)
  for (const match of text.matchAll(BETWEEN)) {
    const g = match.groups!
    // ("between 100.2k and 100.9k": a k on both ends is money enough.)
    const [a, ua, b, ub] = g.a !== undefined ? [g.a, g.ua, g.b!, g.ub] : g.a2 !== undefined ? [g.a2, g.ua2, g.b2!, g.ub2] : [g.a3!, g.ua3, g.b3!, g.ub3]
    const range = toRange(a, ua, b, ub)
    if (range) found.push({value: range[0], range, unit: unitName(ub ?? ua), negative: false, index: match.index, end: match.index + match[0].length})
  }
  for (const match of text.matchAll(SHARED_K)) {
    if (text[match.index - 1] === '$' || /\$\s?$/.test(text.slice(Math.max(0, match.index - 2), match.index))) continue
    // "from 2.3 to 2.5 trillion USD" is a move, not a range (the MONEY pass reads its amounts).
    if (/\sto\s/.test(match[0]) && /\bfrom\s*$/i.test(text.slice(Math.max(0, match.index - 6), match.index))) continue
    const g = match.groups!
    const range = toRange(g.a!, g.ua, g.b!, g.ub ?? g.ub2)
    if (range) found.push({value: range[0], range, unit: unitName(g.ub ?? g.ub2 ?? g.ua), negative: false, index: match.index, end: match.index + match[0].length})
  }
  for (const match of text.matchAll(MONEY)) {
    const g = match.groups!
    const start = match.index
    if (overlaps(start, start + match[0].length)) continue
    // "HK$210M", "A$1.2B", "NT$": another dollar.
    if (g.cur === '$' && /\p{L}$/u.test(text.slice(Math.max(0, start + match[0].indexOf('$') - 1), start + match[0].indexOf('$')))) continue
    const a = g.a ?? g.a2 ?? g.a3!
    const ua = g.ua ?? g.ua2 ?? g.ua3
    const negative = isMinus(g.sign, text, start)
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
  if (options.bare) {
    for (const match of text.matchAll(BARE)) {
      const g = match.groups!
      if (!g.ua && !g.ub) continue
      const start = match.index
      if (overlaps(start, start + match[0].length)) continue
      const negative = isMinus(g.sign, text, start)
      if (g.b !== undefined) {
        const range = toRange(g.a!, g.ua, g.b, g.ub)
        if (range) found.push({value: range[0], range, unit: unitName(g.ub ?? g.ua), negative, bare: true, index: start, end: start + match[0].length})
        continue
      }
      const factor = unitFactor(g.ua?.trim())
      const number = parseNumber(g.a!)
      if (factor === undefined || number === undefined) continue
      found.push({value: tidy(number * factor), unit: unitName(g.ua), negative, bare: true, index: start, end: start + match[0].length})
    }
  }
  return found.sort((x, y) => x.index - y.index)
}

/** A dash before an amount is a minus, unless it is a list bullet ("- \$312 million liquidated") or joins words ("ETF -"). */
function isMinus(sign: string | undefined, text: string, start: number): boolean {
  if (sign === undefined) return false
  if (/\s/.test(sign) && /^\s*$/.test(text.slice(0, start))) return false
  // "BTC – $71k" and "flows: – $5m"? A spaced en dash after a word is punctuation, not a sign.
  if (/\s/.test(sign) && /[A-Za-z)]\s*$/.test(text.slice(0, start)) && sign[0] !== '-') return false
  return true
}

/**
 * "$87–88K" shares the unit; "$3.67–$3.68 trillion" too. A range written high
 * to low ("68k–67k") is read low to high. Undefined when the two ends cannot
 * be one range (a second number ten times smaller is not its high end).
 */
function toRange(a: string, ua: string | undefined, b: string, ub: string | undefined): [number, number] | undefined {
  const first = parseNumber(a)
  const second = parseNumber(b)
  const secondFactor = unitFactor(ub?.trim())
  const firstFactor = unitFactor((ua ?? ub)?.trim())
  if (first === undefined || second === undefined || firstFactor === undefined || secondFactor === undefined) return undefined
  const low = tidy(first * firstFactor)
  const high = tidy(second * secondFactor)
  if (high * 10 < low || low * 10 < high) return undefined
  return low <= high ? [low, high] : [high, low]
}

/** The unit as the recognisers compare it: wire-service "mln", "bln", "trln" are "mn", "bn", "tn". */
function unitName(unit: string | undefined): string | undefined {
  // ("millions", "millones": million.)
  const trimmed = unit?.trim().toLowerCase().replace(/^(m|b|tr)ln$/, (_, head: string) => `${head === 'tr' ? 't' : head}n`).replace(/^(?:millions|millones)$/, 'million')
  return trimmed ? trimmed : undefined
}

/** Parses one amount of money ("\$1.37 billion" → 1.37e9); undefined when there is none. */
export function parseMoney(text: string): number | undefined {
  const [first] = findMoney(englishNotation(cleanText(text)))
  if (!first || first.range) return undefined
  return first.negative ? -first.value : first.value
}

export interface PercentMatch {
  value?: number
  range?: [number, number]
  /** True when the text carries a sign (+, -, −, –, ↑, ↓, ±). */
  signed: boolean
  /** A bound or an either-way figure, not a value: "sub-1%", "over 5%", "up to 3%", "±2%". */
  bound?: boolean
  index: number
  end: number
}

const SIGN = String.raw`[+\-–−—↑↓↗↘▲▼]|±`
// "+1,764%" is one number, not "764%".
const PCT_NUM = String.raw`(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
// "-3.2%", "↓0.38%", "+1–2%", "-1% to -2.78%", "3.05%–3.4%", "±0.5%", "≈–5–6%".
const PERCENT = new RegExp(
  String.raw`(?<s1>${SIGN})?\s?[~≈]?\s?(?<s1b>${SIGN})?(?<a>${PCT_NUM})(?:\s?(?<pa>%))?` +
    // A dash spaced on one side only is the second figure's sign ("US$97,240 −1.6%"), not a range.
    String.raw`(?:(?:(?:-|–|—|−)|\s(?:-|–|—|−|to)\s|to\s)(?<s2>${SIGN})?\s?[~≈]?(?<b>${PCT_NUM}))?\s?%`,
  'g'
)

/** Words that make a percentage a bound rather than the figure ("sub-1%", "more than 5%", "up to 3%"). */
const BOUND_BEFORE = /\b(?:sub|under|below|less than|fewer than|more than|over|above|at least|at most|up to|upwards of|in excess of|north of|south of|within)[\s~≈\-‑]*$/i

/** Every percentage in the text, in order, with its written sign. */
export function findPercents(text: string): PercentMatch[] {
  const found: PercentMatch[] = []
  // "between 1.5% and 2%", "between +0.5 and +0.9%": a range, as "1.5–2%".
  for (const match of text.matchAll(/\bbetween\s+([+−–-])?\s?(\d+(?:\.\d+)?)\s?%?\s+and\s+([+−–-])?\s?(\d+(?:\.\d+)?)\s?%/gi)) {
    const [a, b] = [applySign(Number(match[2]), match[1]), applySign(Number(match[4]), match[3] ?? match[1])]
    found.push({range: [Math.min(a, b), Math.max(a, b)], signed: match[1] !== undefined || match[3] !== undefined, index: match.index, end: match.index + match[0].length})
  }
  // "flat to +0.4%": a range from no move to the figure.
  for (const match of text.matchAll(/\bflat\s+to\s+([+−–-])?\s?(\d+(?:\.\d+)?)\s?%/gi)) {
    const end = applySign(Number(match[2]), match[1])
    found.push({range: [Math.min(0, end), Math.max(0, end)], signed: match[1] !== undefined, index: match.index, end: match.index + match[0].length})
  }
  const inRange = (at: number) => found.some((range) => at >= range.index && at < range.end)
  for (const match of text.matchAll(PERCENT)) {
    const g = match.groups!
    const start = match.index
    if (inRange(start)) continue
    const bound = BOUND_BEFORE.test(text.slice(Math.max(0, start - 16), start + (g.s1 === '-' ? 1 : 0))) || (g.s1 ?? g.s1b) === '±'
    // A hyphen joined to a word ("sub-1%", "low-2%") is not a minus sign.
    const hyphen = g.s1 === '-' && /\p{L}$/u.test(text.slice(Math.max(0, start - 1), start))
    // "7-day", "24-hour" never reach here (no %); "1.5-2%" does: a range.
    // ("111 200 USD — +2,1 %": the sign next to the figure wins over a dash before it.)
    const sign1 = hyphen ? g.s1b : g.s1b ?? g.s1
    const a = Number(g.a!.replace(/,/g, ''))
    // "US$ 3,709.75 — +2.36%": a price, then its signed change; a range of percentages does not open on a price.
    if (g.b !== undefined && g.pa === undefined && g.s2 !== undefined && a >= 100) {
      const at = start + match[0].indexOf(g.s2, g.a!.length)
      found.push({value: applySign(Number(g.b.replace(/,/g, '')), g.s2), signed: true, bound, index: at, end: start + match[0].length})
      continue
    }
    if (g.b !== undefined) {
      const b = Number(g.b.replace(/,/g, ''))
      const sign2 = g.s2 ?? sign1
      const first = applySign(a, sign1)
      const second = applySign(b, sign2)
      if (sign1 === '±') {
        found.push({range: [-Math.max(a, b), Math.max(a, b)], signed: true, bound, index: start, end: start + match[0].length})
        continue
      }
      found.push({range: [Math.min(first, second), Math.max(first, second)], signed: sign1 !== undefined || g.s2 !== undefined, bound, index: start, end: start + match[0].length})
      continue
    }
    if (sign1 === '±') {
      found.push({range: [-a, a], signed: true, bound, index: start, end: start + match[0].length})
      continue
    }
    found.push({value: applySign(a, sign1), signed: sign1 !== undefined, bound, index: start, end: start + match[0].length})
  }
  return found.sort((x, y) => x.index - y.index)
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

/**
 * Plain numbers with no currency: "~89.6", "71,420", "0.105", "68–69k", "71.9k–70.9k"
 * (k allowed, nothing else after them). Only where a label or a ticker says
 * "price" are they money: see `plainPriceAfter` and the prices table.
 */
const PLAIN = new RegExp(String.raw`(?<![\w.,$%/])[~≈]?\s?(?<a>${NUM})(?<ua>[kK])?(?:\s?[-–—]\s?[~≈]?(?<b>${NUM})(?<ub>[kK])?)?(?![\w%]|[.,]\d|\s?[-–—]\s?\d[\d.,]*\s?%|\s?-?(?:days?|weeks?|months?|years?|hours?|[dhw])\b|\s?(?:%|[€£¥]|x\b|bps\b|[mMbBtT]\b|million|billion|trillion|days?\b|hours?\b|h\b|th\b|st\b|nd\b|rd\b))`, 'g')

export function findPlainNumbers(text: string): MoneyMatch[] {
  const found: MoneyMatch[] = []
  for (const match of text.matchAll(PLAIN)) {
    const g = match.groups!
    const start = match.index
    const end = start + match[0].length
    if (g.b !== undefined) {
      const range = toRange(g.a!, g.ua, g.b, g.ub)
      if (range) found.push({value: range[0], range, unit: unitName(g.ub ?? g.ua), negative: false, bare: true, index: start, end})
      continue
    }
    const number = parseNumber(g.a!)
    const factor = unitFactor(g.ua)
    if (number === undefined || factor === undefined) continue
    found.push({value: tidy(number * factor), unit: unitName(g.ua), negative: false, bare: true, index: start, end})
  }
  return found
}

/** Millions and billions ("$713M", "-145.7m"): a flow or a liquidation total, where thousands are a price level and trillions a cap. */
export function inMillionsOrBillions(money: {unit?: string}): boolean {
  return money.unit !== undefined && /^(m|mn|mm|million|b|bn|billion)$/.test(money.unit)
}

/** Within 1%: "$477M" and "$477.2M" are one figure rounded twice. */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.01 * Math.max(a, b)
}

import fc from 'fast-check'

/**
 * Paraphrased briefs with known figures, for measuring the market-figure
 * extractor (test/market-paraphrase.test.ts).
 *
 * A random `Truth` (the market on one day) is written out as a whole brief in
 * one of many wordings, layouts, units and sign conventions, together with
 * DISTRACTORS: neighbouring figures (open interest, weekly changes, support
 * levels, cumulative ETF flows…) that a reader never takes for the fields
 * under test. The brief records what it stated, which distractor values it
 * wrote, and which wording family wrote each line.
 *
 * Choices come from `Dice` (arrays of small numbers, one per component), so
 * that fast-check shrinks a failing brief towards fewer components, fewer
 * distractors and the first (plainest) wording of each family.
 *
 * Adding a wording: one more entry in the family's array below. Every wording
 * must read, to a human, unambiguously as the truth.
 */

// ─── Truth ──────────────────────────────────────────────────────────────────

export type Coin = 'BTC' | 'ETH' | 'SOL'
export const COINS: readonly Coin[] = ['BTC', 'ETH', 'SOL']

export interface CoinTruth {
  price: number
  /** 24h change in percent, two decimals at most. */
  change: number
  /** How far below and above the price the day's range reached (fractions). */
  rangeBelow: number
  rangeAbove: number
}

export interface Truth {
  /** Date of the brief (YYYY-MM-DD). */
  date: string
  coins: Record<Coin, CoinTruth>
  marketCap: {usd: number; change: number}
  fearGreed: number
  liquidations: {total: number; longPct: number}
  etf: Record<'BTC' | 'ETH', {direction: 'inflow' | 'outflow'; amountUsd: number}>
}

const cents = (min: number, max: number) => fc.integer({min: min * 100, max: max * 100}).map((value) => value / 100)
const change = (max: number) => fc.integer({min: -max * 100, max: max * 100}).map((value) => value / 100)
const coinTruth = (min: number, max: number): fc.Arbitrary<CoinTruth> =>
  fc.record({price: cents(min, max), change: change(12), rangeBelow: fc.integer({min: 3, max: 30}).map((v) => v / 1000), rangeAbove: fc.integer({min: 3, max: 30}).map((v) => v / 1000)})

export const truthArb: fc.Arbitrary<Truth> = fc.record({
  date: fc.integer({min: 0, max: 364}).map((day) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)),
  // Prices that can be one day's, as the plausibility check expects: Bitcoin at 8–70 ethers and 120–4,000 solana.
  coins: fc.record({BTC: coinTruth(20_000, 150_000), ETH: coinTruth(1_500, 5_000), SOL: coinTruth(20, 400)}).filter(({BTC, ETH, SOL}) => BTC.price / ETH.price >= 8 && BTC.price / ETH.price <= 70 && BTC.price / SOL.price >= 120 && BTC.price / SOL.price <= 4_000),
  // A total cap that leaves Bitcoin a real-world share of it (40–70%), as the plausibility check expects.
  marketCap: fc.record({dominance: fc.integer({min: 40, max: 70}), change: change(8)}),
  fearGreed: fc.integer({min: 5, max: 95}),
  liquidations: fc.record({total: fc.integer({min: 600, max: 25_000}).map((tenths) => tenths * 1e5), longPct: fc.integer({min: 20, max: 85})}),
  etf: fc.record({
    BTC: fc.record({direction: fc.constantFrom('inflow' as const, 'outflow' as const), amountUsd: fc.integer({min: 50, max: 12_000}).map((t) => t * 1e5)}),
    ETH: fc.record({direction: fc.constantFrom('inflow' as const, 'outflow' as const), amountUsd: fc.integer({min: 20, max: 4_000}).map((t) => t * 1e5)})
  })
}).map(({marketCap, ...truth}) => ({...truth, marketCap: {usd: Math.round((truth.coins.BTC.price * SUPPLY.BTC) / (marketCap.dominance / 100) / 1e9) * 1e9 + 3.7e8, change: marketCap.change}}))

// ─── What a brief says ──────────────────────────────────────────────────────

/** The fields a brief stated (recall counts only these). */
export interface Stated {
  price: Partial<Record<Coin, {price?: boolean; range?: [number, number]; change?: boolean}>>
  marketCap?: {change: boolean}
  fearGreed?: boolean
  liquidations?: {long: boolean; short: boolean}
  etf: Partial<Record<'BTC' | 'ETH', {days: string[]}>>
}

export type DistractorKind =
  | 'level' | 'ath' | 'other-period-change' | 'ath-gap' | 'other-asset' | 'asset-cap' | 'stablecoin-cap' | 'fg-other-number'
  | 'open-interest' | 'largest-liquidation' | 'past-liquidation' | 'weekly-liquidation'
  | 'etf-cumulative' | 'etf-month-to-date' | 'etf-weekly' | 'etf-aum' | 'etf-issuer' | 'etf-price-level'
  | 'earlier-moment'

export interface Distractor {
  kind: DistractorKind
  value: number
}

export interface Line {
  text: string
  /** Wording families (and distractors) that wrote this line. */
  tags: string[]
}

export interface Brief {
  source: string
  truth: Truth
  stated: Stated
  distractors: Distractor[]
  /** Tags of each file line (1-based), for telling which wording a figure came from. */
  lineTags: Map<number, string[]>
  /** The wording each component was written in ("BTC" → "price:bullet#3"; also "cap", "fg", "liq", "etf BTC", "etf ETH"). */
  wordings: Record<string, string>
}

// ─── Dice ───────────────────────────────────────────────────────────────────

/** Choices for one component; a roll of 0 (what shrinking tends to) is the first option, or "no". */
export class Dice {
  private at = 0
  constructor(private readonly rolls: readonly number[]) {}
  next(): number {
    return this.rolls[this.at++] ?? 0
  }
  pick<T>(options: readonly T[]): T {
    return options[this.next() % options.length]!
  }
  /** True with `percent` % probability; false on a roll of 0. */
  chance(percent: number): boolean {
    return this.next() % 100 >= 100 - percent
  }
}

const rolls = fc.array(fc.nat({max: 9999}), {minLength: 24, maxLength: 24})

// ─── Number formats ─────────────────────────────────────────────────────────

const grouped = (value: number, decimals = 0) => value.toLocaleString('en-US', {minimumFractionDigits: decimals, maximumFractionDigits: decimals})
const thousands = (value: number) => (value >= 10_000 ? (value / 1000).toFixed(1) : (value / 1000).toFixed(2))

/** A coin's price, written so that rounding stays under 0.5%. */
const coinPriceFormats: Record<'big' | 'small', ReadonlyArray<(v: number) => string>> = {
  big: [
    (v) => `$${grouped(v)}`,
    (v) => `$${grouped(v, 2)}`,
    (v) => `$${thousands(v)}k`,
    (v) => `$${thousands(v)}K`,
    (v) => `US$${thousands(v)}K`,
    (v) => `~${thousands(v)}k`,
    (v) => `${grouped(v)} USD`,
    (v) => `USD ${grouped(v)}`,
    (v) => `${grouped(v)} dollars`,
    (v) => `about $${grouped(v)}`,
    (v) => `≈$${grouped(v)}`
  ],
  small: [
    (v) => `$${v.toFixed(2)}`,
    (v) => `$${v.toFixed(1)}`,
    (v) => `${v.toFixed(2)} USD`,
    (v) => `US$${v.toFixed(2)}`,
    (v) => `~$${v.toFixed(1)}`,
    (v) => `${v.toFixed(2)} dollars`,
    (v) => `USD ${v.toFixed(2)}`
  ]
}

function coinPrice(coin: Coin, value: number, dice: Dice): string {
  return dice.pick(coinPriceFormats[coin === 'SOL' ? 'small' : 'big'])(value)
}

/** Step the written range ends are rounded to (outwards), per coin. */
const RANGE_STEP: Record<Coin, number> = {BTC: 100, ETH: 10, SOL: 0.5}

function statedRange(coin: Coin, truth: CoinTruth): [number, number] {
  const step = RANGE_STEP[coin]
  const low = Math.floor((truth.price * (1 - truth.rangeBelow)) / step) * step
  const high = Math.ceil((truth.price * (1 + truth.rangeAbove)) / step) * step
  return [Number(low.toFixed(2)), Number(high.toFixed(2))]
}

const rangeFormats: ReadonlyArray<(a: string, b: string, k: boolean) => string> = [
  (a, b) => `$${a}–$${b}`,
  (a, b) => `$${a}-$${b}`,
  (a, b) => `$${a} to $${b}`,
  (a, b, k) => (k ? `${a}–${b}` : `$${a}–${b}`),
  (a, b) => `between $${a} and $${b}`
]

/** "$70.9k–$71.9k" or, reversed, "71.9k–70.9k". */
function coinRange(coin: Coin, range: [number, number], dice: Dice): string {
  const inK = coin !== 'SOL' && dice.chance(50)
  const write = (v: number) => (coin === 'SOL' ? v.toFixed(2) : inK ? `${thousands(v)}k` : grouped(v))
  const [first, second] = dice.chance(25) ? [range[1], range[0]] : range
  const format = dice.pick(rangeFormats)
  // "between" reads badly high-to-low.
  return format === rangeFormats[4] ? format(write(range[0]), write(range[1]), inK) : format(write(first), write(second), inK)
}

/** |change| as written: "2.1" or "2.13". */
const magnitude = (pct: number) => {
  const hundredths = Math.round(Math.abs(pct) * 100)
  return hundredths % 10 === 0 ? (hundredths / 100).toFixed(1) : (hundredths / 100).toFixed(2)
}

const FALLING_SIGNS = ['−', '-', '–', '↓', '▼', '↓ ']
const RISING_SIGNS = ['+', '▲', '↑', '+ ']
/** "−2.1%", "▲0.8%", "0.0%". */
function signedPct(pct: number, dice: Dice): string {
  if (pct === 0) return dice.pick(['0.0%', '0.00%', '±0.0%'])
  return `${dice.pick(pct < 0 ? FALLING_SIGNS : RISING_SIGNS)}${magnitude(pct)}%`
}

const FALLING_VERBS = ['slipped', 'fell', 'declined', 'dropped', 'lost', 'eased', 'slid', 'dipped', 'shed', 'retreated']
const RISING_VERBS = ['rose', 'gained', 'climbed', 'added', 'advanced', 'rallied', 'ticked up', 'firmed']
const verb = (pct: number, dice: Dice) => dice.pick(pct < 0 ? FALLING_VERBS : RISING_VERBS)
const adverb = (pct: number, dice: Dice) => dice.pick(pct < 0 ? ['down', 'lower by'] : ['up', 'higher by'])

/** Big amounts: "$627.4M", "-US$145.7m", "2.77tn", "$1.23 billion". */
type Scale = 'm' | 'b' | 't'
const SCALE: Record<Scale, number> = {m: 1e6, b: 1e9, t: 1e12}
const UNIT_WORDS: Record<Scale, string[]> = {m: ['M', 'm', 'mn', ' million', 'M'], b: ['B', 'bn', ' billion', 'B'], t: ['T', 'tn', ' trillion', 'T']}
const bigFormats: ReadonlyArray<(n: string, unit: string, sign: string) => string> = [
  (n, u, s) => `${s}$${n}${u}`,
  (n, u, s) => `${s}US$${n}${u}`,
  (n, u, s) => `${s}${n}${u} USD`,
  (n, u, s) => `${s}$${n}${u}`,
  (n, u, s) => `${s}~$${n}${u}`
]

function bigMoney(value: number, dice: Dice, opts: {sign?: string; scales?: Scale[]} = {}): string {
  const natural: Scale = value >= 1e12 ? 't' : value >= 1e9 ? 'b' : 'm'
  const smaller: Scale = natural === 't' ? 'b' : 'm'
  const scale = dice.pick<Scale>(opts.scales ?? [natural, natural, natural, smaller])
  const n = value / SCALE[scale]
  // Rounding stays under 0.5%.
  const written = n >= 1000 ? grouped(n, 0) : n >= 100 ? n.toFixed(dice.pick([0, 1])) : n >= 10 ? n.toFixed(dice.pick([1, 2])) : n >= 1 ? n.toFixed(2) : n.toFixed(3)
  // "+~$399M" reads badly: no approximation after a sign.
  const format = dice.pick(opts.sign ? bigFormats.slice(0, 4) : bigFormats)
  return format(written, dice.pick(UNIT_WORDS[scale]), opts.sign ?? '')
}

// ─── Names ──────────────────────────────────────────────────────────────────

const SUPPLY: Record<Coin, number> = {BTC: 19.9e6, ETH: 120.7e6, SOL: 540e6}

const COIN_NAMES: Record<Coin, {name: string; labels: string[]; prose: string[]}> = {
  BTC: {name: 'Bitcoin', labels: ['BTC', 'Bitcoin', 'Bitcoin (BTC)', 'BTC/USD'], prose: ['Bitcoin', 'BTC', 'Bitcoin (BTC)']},
  ETH: {name: 'Ethereum', labels: ['ETH', 'Ethereum', 'Ethereum (ETH)', 'Ether'], prose: ['Ethereum', 'Ether', 'ETH', 'Ethereum (ETH)']},
  SOL: {name: 'Solana', labels: ['SOL', 'Solana', 'Solana (SOL)'], prose: ['Solana', 'SOL', 'Solana (SOL)']}
}

function fearGreedLabel(value: number): string {
  return value < 25 ? 'Extreme Fear' : value < 45 ? 'Fear' : value <= 55 ? 'Neutral' : value <= 75 ? 'Greed' : 'Extreme Greed'
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The last trading day before the brief, in the ways briefs write it. */
function flowDays(date: string): string[] {
  const day = new Date(`${date}T00:00:00Z`)
  do day.setUTCDate(day.getUTCDate() - 1)
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6)
  const m = day.getUTCMonth()
  const d = day.getUTCDate()
  return [`${MONTHS[m]} ${d}`, WEEKDAYS[day.getUTCDay()]!, `${MONTH_NAMES[m]} ${d}`, `${d} ${MONTHS[m]}`, day.toISOString().slice(0, 10)]
}

// ─── Distractor values (always well away from the truth) ────────────────────

/** A round level at least 3% above (or below) the price. */
function level(coin: Coin, price: number, side: 'above' | 'below', dice: Dice): number {
  const step = coin === 'BTC' ? dice.pick([1000, 5000]) : coin === 'ETH' ? dice.pick([50, 100, 500]) : dice.pick([5, 10])
  const target = side === 'above' ? price * (1.03 + dice.next() % 8 / 100) : price * (0.97 - dice.next() % 8 / 100)
  return side === 'above' ? Math.ceil(target / step) * step : Math.floor(target / step) * step
}

/** A percentage between `min` and `max` in size, either sign, at least 0.5 points away from ±`pct`. */
function otherPct(pct: number, dice: Dice, min = 1.5, max = 15): number {
  let size = Math.round((min + ((dice.next() % 100) / 100) * (max - min)) * 100) / 100
  if (Math.abs(size - Math.abs(pct)) < 0.5) size += 3
  return dice.chance(50) ? -size : size
}

/** A fraction of `value` at least 8% away from it and from the other values given. */
function apart(value: number, fraction: number, ...others: number[]): number {
  let result = value * fraction
  for (const other of [value, ...others]) if (Math.abs(result - other) < 0.08 * Math.max(result, other)) result *= 0.8
  return result
}

// ─── Writing context ────────────────────────────────────────────────────────

export class Writer {
  readonly stated: Stated = {price: {}, etf: {}}
  readonly distractors: Distractor[] = []
  readonly wordings: Record<string, string> = {}
  constructor(readonly truth: Truth) {}
  /** Records a distractor value and returns it, for writing in place. */
  distract(kind: DistractorKind, value: number): number {
    this.distractors.push({kind, value})
    return value
  }
}

/** Something to place in a section: a bullet, a sentence of a paragraph, or a block of its own (table, sub-section). */
export interface Item {
  form: 'bullet' | 'sentence' | 'block'
  lines: Line[]
}
/** Picks a wording of a family and names it ("price:bullet#3"). */
function wording<T>(d: Dice, family: string, list: readonly T[]): [T, string] {
  const index = d.next() % list.length
  return [list[index]!, `${family}#${index}`]
}
/** Adds a wording's name to the lines of an item that carry figures. */
function named(item: Item, name: string, w: Writer, component: string): Item {
  w.wordings[component] = name
  return {...item, lines: item.lines.map((line) => (line.tags.some((tag) => !tag.startsWith('distractor:')) ? {...line, tags: [name, ...line.tags.filter((tag) => !/^(cap|fg|liq|etf):/.test(tag))]} : line))}
}
const bullet = (text: string, ...tags: string[]): Item => ({form: 'bullet', lines: [{text: text.startsWith('- ') ? text : `- ${text}`, tags}]})
const sentence = (text: string, ...tags: string[]): Item => ({form: 'sentence', lines: [{text, tags}]})

// ─── Prices ─────────────────────────────────────────────────────────────────

interface CoinCtx {
  coin: Coin
  t: CoinTruth
  w: Writer
  d: Dice
  label: string
  name: string
  px: () => string
  pct: () => string
  abs: string
}

/** Marks price and change stated; returns nothing, for use in template strings. */
function states(c: CoinCtx, what: {price?: boolean; range?: [number, number]; change?: boolean}): string {
  const entry = (c.w.stated.price[c.coin] ??= {})
  if (what.price) entry.price = true
  if (what.range) entry.range = what.range
  if (what.change) entry.change = true
  return ''
}
const both = (c: CoinCtx) => states(c, {price: true, change: true})
const withRange = (c: CoinCtx) => {
  const range = statedRange(c.coin, c.t)
  states(c, {range, change: true})
  return coinRange(c.coin, range, c.d)
}
const lvl = (c: CoinCtx, side: 'above' | 'below') => {
  const value = c.w.distract('level', level(c.coin, c.t.price, side, c.d))
  return c.coin === 'SOL' ? `$${value}` : `$${grouped(value)}`
}
const week = (c: CoinCtx) => signedPct(c.w.distract('other-period-change', otherPct(c.t.change, c.d)), c.d)

/** One wording per entry: a bullet stating a coin's price and 24h change. */
const priceBullets: ReadonlyArray<(c: CoinCtx) => string> = [
  (c) => `**${c.label}:** ${c.px()} (${c.pct()})${both(c)}`,
  (c) => `**${c.label}**: ${c.px()}, ${c.pct()} 24h${both(c)}`,
  (c) => `${c.label} ${c.px()} (${c.pct()})${both(c)}`,
  (c) => `${c.label}: ${c.px()}, ${adverb(c.t.change, c.d)} ${c.abs}% on the day${both(c)}`,
  (c) => `**${c.label}:** ${c.px()} | 24h: ${c.pct()}${both(c)}`,
  (c) => `**${c.name}** at **${c.px()}** (${c.pct()} in 24h)${both(c)}`,
  (c) => `${c.label}: ${c.pct()} to ${c.px()}${both(c)}`,
  (c) => `**${c.label}:** ${withRange(c)} (${c.pct()})`,
  (c) => `${c.label}: last ${c.px()}, 24h range ${withRange(c)}, ${c.pct()}${both(c)}`,
  (c) => `**${c.label}:** ${c.px()} (${c.pct()} 24h, ${week(c)} 7d)${both(c)}`,
  (c) => `**${c.label}:** ${c.px()} (7d ${week(c)}, 24h ${c.pct()})${both(c)}`,
  (c) => `**${c.label}:** ${c.px()} (${c.pct()}), below resistance at ${lvl(c, 'above')}${both(c)}`,
  (c) => `**${c.label}:** ${c.px()} (${c.pct()}); support ${lvl(c, 'below')}, resistance ${lvl(c, 'above')}${both(c)}`,
  (c) => `${c.label} ${c.px()}, ${c.pct()} (24h) / ${week(c)} (week)${both(c)}`
]

/** One wording per entry: a sentence stating a coin's price and 24h change. */
const priceSentences: ReadonlyArray<(c: CoinCtx) => string> = [
  (c) => `${c.name} ${verb(c.t.change, c.d)} ${c.abs}% to ${c.px()}.${both(c)}`,
  (c) => `${c.name} traded at ${c.px()}, ${adverb(c.t.change, c.d)} ${c.abs}% on the day.${both(c)}`,
  (c) => `${c.name} changed hands at ${c.px()} after a ${c.t.change < 0 ? `pullback of ${c.abs}%` : `${c.abs}% gain`}.${both(c)}`,
  (c) => `${c.name} is at ${c.px()} (${c.pct()} over 24 hours).${both(c)}`,
  (c) => `At ${c.px()}, ${c.name} is ${adverb(c.t.change, c.d)} ${c.abs}% over 24 hours.${both(c)}`,
  (c) => `${c.name} ended the session ${c.abs}% ${c.t.change < 0 ? 'lower' : 'higher'} at ${c.px()}.${both(c)}`,
  (c) => `${c.name} ${verb(c.t.change, c.d)} ${c.abs}% in the past 24 hours and now trades at ${c.px()}.${both(c)}`,
  (c) => `${c.name} ${verb(c.t.change, c.d)} ${c.abs}% to ${c.px()}, leaving it ${week(c)} on the week.${both(c)}`,
  (c) => `${c.name} ${verb(c.t.change, c.d)} ${c.abs}% to ${c.px()}, still short of the ${lvl(c, 'above')} level.${both(c)}`,
  (c) => `${c.name} held above support at ${lvl(c, 'below')} and ${verb(c.t.change, c.d)} ${c.abs}% to ${c.px()}.${both(c)}`,
  (c) => {
    const ath = c.w.distract('ath', Math.round(c.t.price * (1.2 + (c.d.next() % 40) / 100)))
    const gap = c.w.distract('ath-gap', Number((100 - (c.t.price / ath) * 100).toFixed(1)))
    return `${c.name}, ${gap}% below its $${grouped(ath)} all-time high, ${verb(c.t.change, c.d)} ${c.abs}% to ${c.px()} over the day.${both(c)}`
  },
  (c) => `${c.name} ${verb(c.t.change, c.d)} ${c.abs}% over 24 hours, trading in a ${withRange(c)} range.`,
  (c) => (Math.abs(c.t.change) < 0.3 ? `${c.name} was roughly flat at ${c.px()} (${c.pct()}).${both(c)}` : `${c.name} ${verb(c.t.change, c.d)} ${c.abs}% to ${c.px()}.${both(c)}`)
]

/** Sub-sections "### Bitcoin (BTC)" with labelled lines, as some authors write them. */
const perAssetBodies: ReadonlyArray<(c: CoinCtx) => string[]> = [
  (c) => [`**Current Price:** ${c.px()}`, `**24h Change:** ${c.pct()}${both(c)}`],
  (c) => [`- **Price:** ${c.px()}`, `- **24h Change:** ${c.pct()}${both(c)}`, `- **7d Change:** ${week(c)}`],
  (c) => [`- Price: ${c.px()}`, `- 24h change: ${adverb(c.t.change, c.d)} ${c.abs}%${both(c)}`, `- Key levels: support ${lvl(c, 'below')}, resistance ${lvl(c, 'above')}`],
  (c) => [`**Current Price:** ${c.px()}  `, `**24h Change:** ${c.pct()}  `, `**24h Range:** ${withRange(c)}${both(c)}`]
]
const perAssetTitles: ReadonlyArray<(coin: Coin) => string> = [(coin) => `${COIN_NAMES[coin].name} (${coin})`, (coin) => coin, (coin) => `${COIN_NAMES[coin].name}`]

function coinCtx(coin: Coin, w: Writer, d: Dice, style: 'label' | 'prose'): CoinCtx {
  const t = w.truth.coins[coin]
  const names = COIN_NAMES[coin]
  return {
    coin, t, w, d,
    label: d.pick(names.labels),
    name: d.pick(style === 'label' ? names.labels : names.prose),
    px: () => coinPrice(coin, t.price, d),
    pct: () => signedPct(t.change, d),
    abs: magnitude(t.change)
  }
}

/** A GFM table of the coins, columns in varying order and header wording. */
function priceTable(coins: Coin[], w: Writer, d: Dice): Item {
  type Column = {header: string; cell: (c: CoinCtx) => string}
  const columns: Column[] = [
    {header: d.pick(['Price', 'Price (USD)', 'Last', 'Spot', 'Price ($)']), cell: (c) => `${c.px()}${states(c, {price: true})}`},
    {header: d.pick(['24h Change', '24h %', 'Change (24h)', '24h', '24h Chg']), cell: (c) => `${c.pct()}${states(c, {change: true})}`}
  ]
  if (d.chance(40)) columns.push({header: d.pick(['7d', '7d Change', 'Change (7d)', 'Weekly']), cell: (c) => week(c)})
  if (d.chance(30)) {
    columns.push({
      header: d.pick(['24h Range', 'Range (24h)']),
      cell: (c) => {
        const range = statedRange(c.coin, c.t)
        states(c, {range})
        return coinRange(c.coin, range, c.d)
      }
    })
  }
  if (d.chance(25)) columns.push({header: 'Market Cap', cell: (c) => bigMoney(c.w.distract('asset-cap', c.t.price * SUPPLY[c.coin]), c.d)})
  if (d.chance(50)) columns.reverse()
  const header = [d.pick(['Asset', 'Coin', 'Token', 'Asset']), ...columns.map((column) => column.header)]
  const rows = coins.map((coin) => {
    const c = coinCtx(coin, w, d, 'label')
    return {text: `| ${[c.label, ...columns.map((column) => column.cell(c))].join(' | ')} |`, tags: ['price:table']}
  })
  return {form: 'block', lines: [{text: `| ${header.join(' | ')} |`, tags: []}, {text: `|${header.map(() => '---').join('|')}|`, tags: []}, ...rows]}
}

// ─── Market cap ─────────────────────────────────────────────────────────────

interface CapCtx {
  w: Writer
  d: Dice
  cap: () => string
  pct: () => string
  abs: string
  change: number
}
const capStated = (c: CapCtx, change = true) => {
  c.w.stated.marketCap = {change}
  return ''
}
const stable = (c: CapCtx) => bigMoney(c.w.distract('stablecoin-cap', (200 + (c.d.next() % 120)) * 1e9 + 4e8), c.d, {scales: ['b']})

/** One wording per entry: total crypto market cap and its 24h change. */
const capWordings: ReadonlyArray<(c: CapCtx) => Item> = [
  (c) => bullet(`**Total Market Cap:** ${c.cap()} (${c.pct()})${capStated(c)}`, 'cap:bullet'),
  (c) => bullet(`Total crypto market cap: ${c.cap()}, ${c.pct()} 24h${capStated(c)}`, 'cap:bullet'),
  (c) => sentence(`Total crypto market cap ${verb(c.change, c.d)} ${c.abs}% to ${c.cap()}.${capStated(c)}`, 'cap:prose'),
  (c) => bullet(`Global market cap ${c.cap()} (${c.pct()})${capStated(c)}`, 'cap:bullet'),
  (c) => bullet(`**Market Cap:** ${c.cap()} | 24h: ${c.pct()}${capStated(c)}`, 'cap:bullet'),
  (c) => sentence(`The overall crypto market capitalisation stands at ${c.cap()}, ${adverb(c.change, c.d)} ${c.abs}% over 24 hours.${capStated(c)}`, 'cap:prose'),
  (c) => sentence(`Stablecoin market cap rose ${c.w.distract('stablecoin-cap', (c.d.next() % 9) / 10 + (Math.abs(c.change) < 1.5 ? 2.1 : 0.1)).toFixed(1)}% to ${stable(c)}; total crypto market cap ${verb(c.change, c.d)} ${c.abs}% to ${c.cap()}.${capStated(c)}`, 'cap:prose', 'distractor:stablecoin-cap'),
  (c) => bullet(`Total market cap: ${c.cap()} (${c.pct()}); stablecoin market cap ${stable(c)}${capStated(c)}`, 'cap:bullet', 'distractor:stablecoin-cap'),
  (c) => bullet(`Total market cap ${c.cap()} (${c.pct()}), with Bitcoin's market cap at ${bigMoney(c.w.distract('asset-cap', c.w.truth.coins.BTC.price * SUPPLY.BTC), c.d)}${capStated(c)}`, 'cap:bullet', 'distractor:asset-cap'),
  (c) => bullet(`Total market cap: ${c.cap()}${capStated(c, false)}`, 'cap:bullet')
]

// ─── Fear & Greed ───────────────────────────────────────────────────────────

interface FgCtx {
  w: Writer
  d: Dice
  v: number
  label: string
}
const fgStated = (c: FgCtx) => {
  c.w.stated.fearGreed = true
  return ''
}
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`
/** A small number that is not the index value. */
const fgOther = (c: FgCtx, min: number, max: number) => {
  let value = min + (c.d.next() % (max - min + 1))
  if (Math.abs(value - c.v) < 2) value = c.v + 5 <= 100 ? c.v + 5 : c.v - 5
  return c.w.distract('fg-other-number', value)
}
const mood = (c: FgCtx) => (c.v < 45 ? 'fear' : c.v <= 55 ? 'neutral territory' : 'greed')

/** One wording per entry: the Fear & Greed Index reading. */
const fearGreedWordings: ReadonlyArray<(c: FgCtx) => Item> = [
  (c) => bullet(`**Fear & Greed Index:** ${c.v} (${c.label})${fgStated(c)}`, 'fg:bullet'),
  (c) => bullet(`Fear & Greed: ${c.v}/100 — ${c.label.toLowerCase()}${fgStated(c)}`, 'fg:bullet'),
  (c) => sentence(`The Crypto Fear and Greed Index sits at ${c.v} ("${c.label}").${fgStated(c)}`, 'fg:prose'),
  (c) => bullet(`Fear & Greed: ${c.label} (${c.v})${fgStated(c)}`, 'fg:bullet'),
  (c) => sentence(`Sentiment is in ${mood(c)}, with the Fear & Greed Index at ${c.v}.${fgStated(c)}`, 'fg:prose'),
  (c) => sentence(`The Fear & Greed Index, in ${mood(c)} for the ${ordinal(fgOther(c, 3, 15))} straight day, reads ${c.v}.${fgStated(c)}`, 'fg:prose', 'distractor:fg-other-number'),
  (c) => bullet(`Fear & Greed Index: ${c.v} (${c.label}; 7-day average ${fgOther(c, 10, 90)})${fgStated(c)}`, 'fg:bullet', 'distractor:fg-other-number'),
  (c) => sentence(`The Fear & Greed Index (7-day average ${fgOther(c, 10, 90)}) is at ${c.v}.${fgStated(c)}`, 'fg:prose', 'distractor:fg-other-number'),
  (c) => {
    const previous = fgOther(c, Math.max(0, c.v - 12), Math.min(100, c.v + 12))
    const points = c.w.distract('fg-other-number', Math.abs(previous - c.v))
    return sentence(`The Fear & Greed Index ${previous > c.v ? 'fell' : 'rose'} ${points} points to ${c.v}.${fgStated(c)}`, 'fg:prose', 'distractor:fg-other-number')
  },
  (c) => bullet(`Fear & Greed Index at ${c.v}, against ${fgOther(c, 5, 95)} a week ago${fgStated(c)}`, 'fg:bullet', 'distractor:fg-other-number')
]

// ─── Liquidations ───────────────────────────────────────────────────────────

interface LiqCtx {
  w: Writer
  d: Dice
  total: number
  long: number
  short: number
  longPct: number
  money: (value: number) => string
}
const liqStated = (c: LiqCtx, long: boolean, short = long) => {
  c.w.stated.liquidations = {long, short}
  return ''
}
const oi = (c: LiqCtx) => bigMoney(c.w.distract('open-interest', (20 + (c.d.next() % 70)) * 1e9 + 3e8), c.d, {scales: ['b']})
const largest = (c: LiqCtx) => c.money(c.w.distract('largest-liquidation', Math.round(apart(c.total, 0.02 + (c.d.next() % 10) / 100, c.long, c.short) / 1e5) * 1e5))

/** One wording per entry: 24h liquidations, with or without the long/short split. */
const liquidationWordings: ReadonlyArray<(c: LiqCtx) => Item> = [
  (c) => bullet(`**Liquidations (24h):** ${c.money(c.total)} (longs ${c.money(c.long)}, shorts ${c.money(c.short)})${liqStated(c, true)}`, 'liq:bullet'),
  (c) => bullet(`24h liquidations: ${c.money(c.total)}, ${c.longPct}% longs${liqStated(c, true, false)}`, 'liq:bullet'),
  (c) => sentence(`Roughly ${c.money(c.total)} in leveraged positions were liquidated over the past 24 hours, about ${c.longPct}% of them longs.${liqStated(c, true, false)}`, 'liq:prose'),
  (c) => bullet(`Liquidations: ${c.money(c.total)} over 24h (long ${c.money(c.long)} / short ${c.money(c.short)})${liqStated(c, true)}`, 'liq:bullet'),
  (c) => sentence(`Total liquidations over 24h reached ${c.money(c.total)}; longs accounted for ${c.money(c.long)} and shorts ${c.money(c.short)}.${liqStated(c, true)}`, 'liq:prose'),
  (c) => bullet(`**${c.money(c.total)} liquidated in 24h**: shorts ${c.money(c.short)}, longs ${c.money(c.long)}${liqStated(c, true)}`, 'liq:bullet'),
  (c) => sentence(`Liquidations totaled ${c.money(c.total)} in the past day, with longs making up ${c.longPct}% of the total.${liqStated(c, true, false)}`, 'liq:prose'),
  (c) => bullet(`Liquidations: ${c.money(c.total)} in 24h (${c.longPct}% longs); open interest ${oi(c)}${liqStated(c, true, false)}`, 'liq:bullet', 'distractor:open-interest'),
  (c) => sentence(`Open interest ${c.d.pick(['slipped', 'rose'])} to ${oi(c)} while liquidations reached ${c.money(c.total)} over 24 hours.${liqStated(c, false)}`, 'liq:prose', 'distractor:open-interest'),
  (c) => bullet(`24h liquidations ${c.money(c.total)}; the largest single liquidation was a ${largest(c)} BTC long on Binance${liqStated(c, false)}`, 'liq:bullet', 'distractor:largest-liquidation'),
  (c) => bullet(`${c.money(c.total)} liquidated over 24h, the most since March's ${c.money(c.w.distract('past-liquidation', apart(c.total, 1.6, c.long, c.short)))} wipeout${liqStated(c, false)}`, 'liq:bullet', 'distractor:past-liquidation'),
  (c) => ({
    form: 'block',
    lines: [
      {text: '| Metric | Value |', tags: []},
      {text: '|---|---|', tags: []},
      {text: `| 24h liquidations | ${c.money(c.total)} |`, tags: ['liq:table']},
      {text: `| Longs liquidated | ${c.money(c.long)} |`, tags: ['liq:table']},
      {text: `| Shorts liquidated | ${c.money(c.short)} |${liqStated(c, true)}`, tags: ['liq:table']},
      {text: `| Open interest | ${oi(c)} |`, tags: ['distractor:open-interest']}
    ]
  })
]

// ─── ETF flows ──────────────────────────────────────────────────────────────

interface EtfCtx {
  w: Writer
  d: Dice
  asset: 'BTC' | 'ETH'
  name: string
  dir: 'inflow' | 'outflow'
  amount: number
  day: string
  amt: () => string
  signed: () => string
}
const etfStated = (c: EtfCtx) => {
  c.w.stated.etf[c.asset] = {days: flowDays(c.w.truth.date)}
  return ''
}
const issuerOf = (c: EtfCtx) => (c.asset === 'BTC' ? c.d.pick(['IBIT', 'FBTC', "BlackRock's IBIT"]) : c.d.pick(['ETHA', "BlackRock's ETHA"]))
const issuer = (c: EtfCtx) => bigMoney(c.w.distract('etf-issuer', apart(c.amount, 0.3 + (c.d.next() % 50) / 100)), c.d, {scales: ['m']})
const cumulative = (c: EtfCtx) => bigMoney(c.w.distract('etf-cumulative', (c.asset === 'BTC' ? 40 + (c.d.next() % 25) : 8 + (c.d.next() % 8)) * 1e9 + 2e8), c.d, {scales: ['b']})
const monthToDate = (c: EtfCtx) => bigMoney(c.w.distract('etf-month-to-date', apart(c.amount, 3 + (c.d.next() % 8))), c.d)
const aum = (c: EtfCtx) => bigMoney(c.w.distract('etf-aum', (c.asset === 'BTC' ? 90 + (c.d.next() % 80) : 10 + (c.d.next() % 15)) * 1e9 + 4e8), c.d, {scales: ['b']})
const flowVerb = (c: EtfCtx) => (c.dir === 'inflow' ? c.d.pick(['attracted', 'took in', 'drew']) : c.d.pick(['bled', 'shed', 'lost']))

/** One wording per entry: one spot ETF group's daily net flow. */
const etfWordings: ReadonlyArray<(c: EtfCtx) => Item> = [
  (c) => bullet(`**Spot ${c.asset} ETFs:** ${c.signed()} net ${c.dir} (${c.day})${etfStated(c)}`, 'etf:bullet'),
  (c) => sentence(`U.S. spot ${c.name} ETFs saw net ${c.dir}s of ${c.amt()} on ${c.day}.${etfStated(c)}`, 'etf:prose'),
  (c) => bullet(`${c.asset} ETF flows: ${c.signed()} (${c.day})${etfStated(c)}`, 'etf:bullet'),
  (c) => sentence(`Spot ${c.name} ETFs recorded ${c.amt()} in net ${c.dir}s on ${c.day}.${etfStated(c)}`, 'etf:prose'),
  (c) => bullet(`**${c.name} ETFs**: **${c.amt()} ${c.dir} on ${c.day}**${etfStated(c)}`, 'etf:bullet'),
  (c) => bullet(`Spot ${c.asset} ETFs: ${c.signed()} net on ${c.day} (${issuerOf(c)} ${c.dir === 'inflow' ? '+' : '-'}${issuer(c)})${etfStated(c)}`, 'etf:bullet', 'distractor:etf-issuer'),
  (c) => sentence(`${issuerOf(c)} alone ${c.dir === 'inflow' ? 'took in' : 'saw redemptions of'} ${issuer(c)}, while spot ${c.name} ETFs as a group saw net ${c.dir}s of ${c.amt()} on ${c.day}.${etfStated(c)}`, 'etf:prose', 'distractor:etf-issuer'),
  (c) => sentence(`Spot ${c.name} ETFs saw net ${c.dir}s of ${c.amt()} on ${c.day}, bringing cumulative net inflows since launch to ${cumulative(c)}.${etfStated(c)}`, 'etf:prose', 'distractor:etf-cumulative'),
  (c) => bullet(`Spot ${c.asset} ETFs: ${c.signed()} net on ${c.day}; month-to-date ${c.dir === 'inflow' ? '+' : '-'}${monthToDate(c)}, AUM ${aum(c)}${etfStated(c)}`, 'etf:bullet', 'distractor:etf-month-to-date', 'distractor:etf-aum'),
  (c) => sentence(`Spot ${c.name} ETFs ${flowVerb(c)} a net ${c.amt()} on ${c.day}.${etfStated(c)}`, 'etf:prose')
]

// ─── Distractors on lines of their own ──────────────────────────────────────

type Slot = 'overview' | 'derivatives' | 'flows' | 'sentiment' | 'headlines'
interface Placed {
  slot: Slot
  item: Item
}

/** One wording per entry: a line that carries only neighbours of the true figures. */
const standaloneDistractors: ReadonlyArray<(w: Writer, d: Dice) => Placed> = [
  (w, d) => {
    const coin = d.pick(COINS)
    const value = w.distract('level', level(coin, w.truth.coins[coin].price, 'above', d))
    return {slot: 'overview', item: bullet(`${COIN_NAMES[coin].name} faces resistance at $${grouped(value)}.`, 'distractor:level')}
  },
  (w, d) => {
    const coin = d.pick(COINS)
    const value = w.distract('level', level(coin, w.truth.coins[coin].price, 'above', d))
    return {slot: 'overview', item: sentence(`Traders are watching the $${grouped(value)} level for ${COIN_NAMES[coin].name}.`, 'distractor:level')}
  },
  (w, d) => {
    const coin = d.pick(COINS)
    const pct = w.distract('other-period-change', otherPct(w.truth.coins[coin].change, d, 2, 40))
    return {slot: 'overview', item: sentence(`Year to date, ${COIN_NAMES[coin].name} is ${pct < 0 ? 'down' : 'up'} ${magnitude(pct)}%.`, 'distractor:other-period-change')}
  },
  (w, d) => {
    const coin = d.pick(COINS)
    const pct = w.distract('other-period-change', otherPct(w.truth.coins[coin].change, d))
    return {slot: 'overview', item: bullet(`${coin} 7-day change: ${signedPct(pct, d)}`, 'distractor:other-period-change')}
  },
  (w, d) => {
    const coin = d.pick(COINS)
    const target = w.distract('level', level(coin, w.truth.coins[coin].price, 'above', d) * 1.1)
    return {slot: 'overview', item: sentence(`Analysts at one desk set a year-end target of $${grouped(Math.round(target))} for ${COIN_NAMES[coin].name}.`, 'distractor:level')}
  },
  (w, d) => {
    const coin = d.pick(COINS)
    const target = w.distract('level', level(coin, w.truth.coins[coin].price, 'above', d))
    return {slot: 'overview', item: sentence(`Analysts see ${COIN_NAMES[coin].name} reaching $${grouped(target)} by year-end.`, 'distractor:level')}
  },
  (w, d) => {
    const coin = d.pick(COINS)
    const then = w.distract('level', level(coin, w.truth.coins[coin].price, 'below', d))
    const pct = w.distract('other-period-change', otherPct(w.truth.coins[coin].change, d, 5, 30))
    return {slot: 'overview', item: sentence(`${COIN_NAMES[coin].name} is up from $${grouped(then)} a month ago (${signedPct(pct, d)}).`, 'distractor:other-period-change', 'distractor:level')}
  },
  (w, d) => ({slot: d.pick(['overview', 'derivatives'] as const), item: bullet(`Open interest: ${bigMoney(w.distract('open-interest', (20 + (d.next() % 70)) * 1e9 + 3e8), d, {scales: ['b']})} (${signedPct(w.distract('open-interest', (10 + (d.next() % 40)) / 10), d)})`, 'distractor:open-interest')}),
  (w, d) => ({slot: d.pick(['overview', 'derivatives'] as const), item: sentence(`The largest single liquidation was a ${bigMoney(w.distract('largest-liquidation', Math.round(apart(w.truth.liquidations.total, 0.03 + (d.next() % 5) / 100) / 1e5) * 1e5), d, {scales: ['m']})} ETH-USDT long on Binance.`, 'distractor:largest-liquidation')}),
  (w, d) => ({slot: 'overview', item: bullet(`Stablecoin market cap: ${bigMoney(w.distract('stablecoin-cap', (200 + (d.next() % 120)) * 1e9 + 4e8), d, {scales: ['b']})}`, 'distractor:stablecoin-cap')}),
  (w, d) => ({slot: d.pick(['flows', 'overview'] as const), item: sentence(`Spot Bitcoin ETFs now hold ${bigMoney(w.distract('etf-aum', (90 + (d.next() % 80)) * 1e9 + 4e8), d, {scales: ['b']})} in assets.`, 'distractor:etf-aum')}),
  (w, d) => ({slot: d.pick(['flows', 'overview'] as const), item: sentence(`Month to date, spot Bitcoin ETFs have seen net outflows of ${bigMoney(w.distract('etf-month-to-date', apart(w.truth.etf.BTC.amountUsd, 4)), d)}.`, 'distractor:etf-month-to-date')}),
  (w, d) => ({slot: d.pick(['flows', 'headlines'] as const), item: bullet(`Weekly: spot Bitcoin ETFs logged ${bigMoney(w.distract('etf-weekly', apart(w.truth.etf.BTC.amountUsd, 2.5)), d)} of net inflows over the week.`, 'distractor:etf-weekly')}),
  (w, d) => ({slot: 'headlines', item: bullet(`**IBIT Leads Issuers:** BlackRock's IBIT alone drew ${bigMoney(w.distract('etf-issuer', apart(w.truth.etf.BTC.amountUsd, 0.45)), d, {scales: ['m']})} of inflows.`, 'distractor:etf-issuer')}),
  (w, d) => ({slot: 'headlines', item: bullet(`**Weekly Liquidations Top ${bigMoney(w.distract('weekly-liquidation', apart(w.truth.liquidations.total, 4)), d, {scales: ['b']})}:** leverage was flushed across majors over the week.`, 'distractor:weekly-liquidation')}),
  (w, d) => {
    const value = w.distract('etf-price-level', level('BTC', w.truth.coins.BTC.price, 'above', d))
    return {slot: 'overview', item: sentence(`ETF desks flagged Bitcoin at $${grouped(value)} as the level to watch.`, 'distractor:etf-price-level')}
  },
  (w, d) => {
    const value = w.distract('etf-price-level', level('BTC', w.truth.coins.BTC.price, 'below', d))
    return {slot: 'flows', item: sentence(`The average cost basis of spot ETF buyers sits near $${grouped(value)}.`, 'distractor:etf-price-level')}
  },
  (w, d) => {
    const xrp = w.distract('other-asset', Number((0.4 + (d.next() % 300) / 100).toFixed(2)))
    const bnb = w.distract('other-asset', 500 + (d.next() % 500))
    return {slot: 'overview', item: bullet(`XRP $${xrp} (${signedPct(w.distract('other-asset', 0.3 + (d.next() % 50) / 10), d)}) · BNB $${bnb}`, 'distractor:other-asset')}
  },
]

// ─── Layout ─────────────────────────────────────────────────────────────────

const TITLES: Record<Slot, string[]> = {
  overview: ['Market Overview', 'Market Overview (24h)', 'Market Snapshot', 'Prices', 'Key Figures', 'Crypto Market Summary', 'Price Action', 'MARKET OVERVIEW (24H)', 'Markets at a Glance', 'Market Wrap', 'Daily Market Recap', 'Overview'],
  derivatives: ['Derivatives', 'Derivatives & Liquidations', 'Liquidations', 'Derivatives and Funding'],
  flows: ['ETF Flows', 'Flows', 'ETF & Spot Flows', 'Fund Flows'],
  sentiment: ['Sentiment', 'Market Sentiment', 'Social & Sentiment'],
  headlines: ['Top Headlines', 'Key Developments', 'Headlines']
}
const FILLER_HEADLINES = [
  '**Exchange Lists Two New Tokens:** trading opens later this week.',
  '**Payments Firm Expands Stablecoin Payouts:** twelve more countries are covered.',
  '**Lawmakers Schedule Market-Structure Hearing:** the date is not yet final.'
]

export interface Components {
  layout: number[]
  coins: Record<Coin, number[]>
  cap: number[]
  fearGreed: number[]
  liquidations: number[]
  etf: Record<'BTC' | 'ETH', number[]>
  distractors: Array<{kind: number; rolls: number[]}>
}

export const componentsArb: fc.Arbitrary<Components> = fc.record({
  layout: rolls,
  coins: fc.record({BTC: rolls, ETH: rolls, SOL: rolls}),
  cap: rolls,
  fearGreed: rolls,
  liquidations: rolls,
  etf: fc.record({BTC: rolls, ETH: rolls}),
  distractors: fc.array(fc.record({kind: fc.nat({max: 999}), rolls}), {maxLength: 6})
})

/** Writes the brief for a truth; every choice comes from `parts`. */
export function writeBrief(truth: Truth, parts: Components): Brief {
  const w = new Writer(truth)
  const layout = new Dice(parts.layout)
  const items: Record<Slot, Item[]> = {overview: [], derivatives: [], flows: [], sentiment: [], headlines: []}
  const assetSections: Array<{title: string; lines: Line[]}> = []

  const marker = layout.pick(['##', '##', '###', 'bold'] as const)
  const subHeading = marker === '##' ? '###' : marker === '###' ? '####' : '###'
  // Prices: one layout per brief (bullets, prose, table, per-asset sub-sections or sections).
  const priceLayout = layout.pick(['bullets', 'prose', 'table', 'per-asset-sub', 'per-asset-top', 'mixed'] as const)
  const coins = COINS.filter((coin) => new Dice(parts.coins[coin]).chance(coin === 'BTC' ? 95 : 85))
  const coinDice = (coin: Coin) => {
    const d = new Dice(parts.coins[coin])
    d.next() // the "stated?" roll
    return d
  }
  if (priceLayout === 'table' && coins.length > 0) {
    items.overview.push(priceTable(coins, w, coinDice(coins[0]!)))
    for (const coin of coins) w.wordings[coin] = 'price:table'
  }
  for (const coin of priceLayout === 'table' ? [] : coins) {
    const d = coinDice(coin)
    const form = priceLayout === 'mixed' ? d.pick(['bullets', 'prose'] as const) : priceLayout
    if (form === 'bullets') {
      const [write, name] = wording(d, 'price:bullet', priceBullets)
      items.overview.push(named(bullet(write(coinCtx(coin, w, d, 'label')), name), name, w, coin))
    } else if (form === 'prose') {
      const [write, name] = wording(d, 'price:prose', priceSentences)
      items.overview.push(named(sentence(write(coinCtx(coin, w, d, 'prose')), name), name, w, coin))
    } else {
      const [write, name] = wording(d, `price:${form}`, perAssetBodies)
      w.wordings[coin] = name
      const body = write(coinCtx(coin, w, d, 'label')).map((text) => ({text, tags: [name]}))
      const title = d.pick(perAssetTitles)(coin)
      if (form === 'per-asset-sub') items.overview.push({form: 'block', lines: [{text: `${subHeading} ${title}`, tags: []}, {text: '', tags: []}, ...body]})
      else assetSections.push({title, lines: body})
    }
  }

  if (new Dice(parts.cap).chance(85)) {
    const d = new Dice(parts.cap)
    d.next()
    const {usd, change: pct} = truth.marketCap
    const cap: CapCtx = {w, d, change: pct, abs: magnitude(pct), pct: () => signedPct(pct, d), cap: () => bigMoney(usd, d)}
    const [write, name] = wording(d, 'cap', capWordings)
    items.overview.push(named(write(cap), name, w, 'cap'))
  }

  if (new Dice(parts.fearGreed).chance(85)) {
    const d = new Dice(parts.fearGreed)
    d.next()
    const slot = d.pick(['overview', 'overview', 'sentiment'] as const)
    const [write, name] = wording(d, 'fg', fearGreedWordings)
    items[slot].push(named(write({w, d, v: truth.fearGreed, label: fearGreedLabel(truth.fearGreed)}), name, w, 'fg'))
  }

  if (new Dice(parts.liquidations).chance(85)) {
    const d = new Dice(parts.liquidations)
    d.next()
    const {total, longPct} = truth.liquidations
    const long = (total * longPct) / 100
    const ctx: LiqCtx = {w, d, total, long, short: total - long, longPct, money: (value) => bigMoney(value, d, {scales: value >= 1e9 ? ['b', 'b', 'm'] : ['m']})}
    const slot = d.pick(['overview', 'derivatives', 'derivatives'] as const)
    const [write, name] = wording(d, 'liq', liquidationWordings)
    items[slot].push(named(write(ctx), name, w, 'liq'))
  }

  const etfSlot = layout.pick(['overview', 'flows', 'flows', 'derivatives'] as const)
  for (const asset of ['BTC', 'ETH'] as const) {
    if (!new Dice(parts.etf[asset]).chance(80)) continue
    const d = new Dice(parts.etf[asset])
    d.next()
    const {direction, amountUsd} = truth.etf[asset]
    const ctx: EtfCtx = {
      w, d, asset, dir: direction, amount: amountUsd,
      name: asset === 'BTC' ? d.pick(['Bitcoin', 'BTC']) : d.pick(['Ethereum', 'Ether', 'ETH']),
      day: d.pick(flowDays(truth.date)),
      amt: () => bigMoney(amountUsd, d),
      signed: () => bigMoney(amountUsd, d, {sign: direction === 'outflow' ? d.pick(['-', '−', '–']) : '+'})
    }
    const [write, name] = wording(d, 'etf', etfWordings)
    items[etfSlot].push(named(write(ctx), name, w, `etf ${asset}`))
  }

  for (const {kind, rolls: r} of parts.distractors) {
    const d = new Dice(r)
    const placed = standaloneDistractors[kind % standaloneDistractors.length]!(w, d)
    const slot = placed.slot === 'derivatives' && items.derivatives.length === 0 ? 'overview' : placed.slot
    const list = items[slot]
    list.splice(d.next() % (list.length + 1), 0, placed.item)
  }
  for (const [index, text] of FILLER_HEADLINES.entries()) if (index === 0 || layout.chance(50)) items.headlines.push(bullet(text, 'filler'))

  // Sections, in the strongest style the brief uses.
  const heading = (title: string) => (marker === 'bold' ? `**${title}**` : `${marker} ${title}`)
  const withTitle = layout.chance(50)
  const footnotes = layout.chance(30)
  const escape = layout.chance(50)
  // The same figures at an earlier moment, before the overview: a morning snapshot (the overview is then
  // the afternoon update) or a section about an earlier day. Per-asset sections say nothing of their
  // moment, so they only follow an earlier day.
  const earlier = layout.chance(25) ? (priceLayout === 'per-asset-top' ? 'day' : layout.pick(['snapshot', 'day'] as const)) : undefined
  const lines: Line[] = []
  const push = (text: string, tags: string[] = []) => lines.push({text, tags})
  if (withTitle && marker !== 'bold') push(`${marker === '###' ? '##' : '#'} Daily Crypto Brief — ${truth.date}`), push('')
  if (earlier) for (const line of earlierMoment(earlier, w, new Dice([...parts.layout].reverse()), marker === 'bold' ? 'bold' : '##')) push(line.text, line.tags)
  const order: Slot[] = ['overview', 'derivatives', 'flows', 'sentiment', 'headlines']
  for (const slot of order) {
    if (items[slot].length === 0 && slot !== 'overview' && slot !== 'headlines') continue
    push(heading(slot === 'overview' && earlier === 'snapshot' ? 'Afternoon update (15:00 UTC)' : layout.pick(TITLES[slot])))
    push('')
    for (const block of blocks(items[slot])) {
      for (const line of block) push(footnotes && line.tags.some((tag) => /^(price:(bullet|prose)|cap|fg|liq|etf)#/.test(tag)) && !line.text.startsWith('|') ? `${line.text}[^1]` : line.text, line.tags)
      push('')
    }
    if (slot === 'overview') {
      for (const section of assetSections) {
        push(marker === 'bold' ? `## ${section.title}` : heading(section.title))
        push('')
        for (const line of section.lines) push(line.text, line.tags)
        push('')
      }
    }
  }
  if (footnotes) push('[^1]: https://example.com/market-data')

  const header = ['---', `title: "Daily Crypto Market Brief — ${truth.date}"`, `date: ${truth.date}`, '---']
  const body = lines.map((line) => (escape ? line.text.replace(/\$/g, '\\$') : line.text))
  const source = [...header, ...body].join('\n') + '\n'
  const lineTags = new Map<number, string[]>()
  lines.forEach((line, index) => lineTags.set(header.length + index + 1, line.tags))
  return {source, truth, stated: w.stated, distractors: w.distractors, lineTags, wordings: w.wordings, [fc.toStringMethod]: () => source} as Brief
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/**
 * "**Morning snapshot (07:30 UTC)**" or "## Friday recap", with BTC and the total market cap as they were
 * then (distractors 2–6% away from the truth), only for figures the brief also states now.
 */
function earlierMoment(kind: 'snapshot' | 'day', w: Writer, d: Dice, marker: 'bold' | '##'): Line[] {
  const back = 1 + (d.next() % 3)
  const day = WEEKDAY_NAMES[(new Date(`${w.truth.date}T00:00:00Z`).getUTCDay() - back + 7) % 7]!
  const title = kind === 'snapshot' ? 'Morning snapshot (07:30 UTC)' : back === 1 && d.chance(50) ? 'Yesterday' : `${day} recap`
  const away = (value: number) => value * (d.chance(50) ? 1 : -1) * (0.02 + (d.next() % 5) / 100) + value
  const lines: Line[] = [{text: marker === 'bold' ? `**${title}**` : `## ${title}`, tags: []}, {text: '', tags: []}]
  const btc = w.stated.price.BTC
  if (btc?.price || btc?.range) {
    const price = Math.round(w.distract('earlier-moment', away(w.truth.coins.BTC.price)))
    lines.push({text: `- BTC: ${coinPrice('BTC', price, d)} (${signedPct(w.distract('earlier-moment', otherPct(w.truth.coins.BTC.change, d, 0.5, 4)), d)})`, tags: ['distractor:earlier-moment']})
  }
  if (w.stated.marketCap) lines.push({text: `- Total market cap: ${bigMoney(w.distract('earlier-moment', away(w.truth.marketCap.usd)), d)}`, tags: ['distractor:earlier-moment']})
  return lines.length > 2 ? [...lines, {text: '', tags: []}] : []
}

/** Consecutive bullets make one list, consecutive sentences one paragraph (one line); blocks stand alone. */
function blocks(items: Item[]): Line[][] {
  const result: Line[][] = []
  let previous: Item['form'] | undefined
  for (const item of items) {
    const last = result.at(-1)
    if (item.form === 'bullet' && previous === 'bullet' && last) last.push(...item.lines)
    else if (item.form === 'sentence' && previous === 'sentence' && last) {
      const line = last[0]!
      last[0] = {text: `${line.text} ${item.lines[0]!.text}`, tags: [...line.tags, ...item.lines[0]!.tags]}
    } else result.push([...item.lines])
    previous = item.form
  }
  return result
}

/** A whole brief from a random truth. */
export const briefArb: fc.Arbitrary<Brief> = fc.tuple(truthArb, componentsArb).map(([truth, parts]) => writeBrief(truth, parts))

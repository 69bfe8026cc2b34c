import {extractMarketData, type MarketData} from '../../src/extract/market/index.js'
import {findSections} from '../../src/extract/sections.js'
import {parseBrief} from '../market-helpers.js'
import {COINS, type Brief, type Coin} from './generator.js'

/**
 * Scores the extractor on one generated brief: which stated fields it read
 * correctly (recall) and every figure it gave that is not the truth (wrong
 * figures, each with the likely cause: a distractor's value, a flipped sign).
 * Only the numeric fields below are compared (and an ETF flow's direction
 * and day); other properties the extractor adds are ignored.
 */

export const FIELDS = [
  'BTC price', 'BTC 24h change', 'ETH price', 'ETH 24h change', 'SOL price', 'SOL 24h change',
  'market cap', 'market cap 24h change', 'fear & greed',
  'liquidations 24h', 'liquidations long', 'liquidations short',
  'BTC ETF flow', 'ETH ETF flow'
] as const
export type Field = (typeof FIELDS)[number]
/** Fields that can only be wrong (nothing true to read). */
export type WrongField = Field | 'other ETF flow'

export interface Wrong {
  field: WrongField
  expected: string
  got: string
  /** File line the figure was read from, when the extractor says. */
  line?: number
  /** "distractor:open-interest", "sign", "spurious" or "other". */
  cause: string
  /** Wording families of that line. */
  tags: string[]
  /** The wording the brief wrote this field in, or "unstated". */
  wording: string
}

export interface Score {
  stated: Set<Field>
  read: Set<Field>
  /** Stated fields not read, with the wording they were written in. */
  missed: Array<{field: Field; wording: string}>
  wrong: Wrong[]
  data: MarketData
}

/** Money is written rounded to within 0.5%. */
const MONEY_TOLERANCE = 0.006
const near = (got: number, want: number, tolerance = MONEY_TOLERANCE) => Math.abs(got - want) <= tolerance * Math.max(Math.abs(got), Math.abs(want))
const nearPct = (got: number, want: number) => Math.abs(got - want) <= 0.006
const sorted = (range: readonly [number, number]): [number, number] => [Math.min(...range), Math.max(...range)]
const within = (value: number, range: readonly [number, number], slack = MONEY_TOLERANCE) => {
  const [low, high] = sorted(range)
  return value >= low * (1 - slack) && value <= high * (1 + slack)
}
const fmt = (value: number | readonly number[] | string | undefined) => (Array.isArray(value) ? `[${value.join(', ')}]` : String(value))

export function extract(brief: Brief): MarketData {
  const {text, tree} = parseBrief(brief.source)
  // As the pipeline does: the brief's date lets the extractor resolve "Friday" (extractors without that option ignore it).
  return extractMarketData(tree, text, findSections(tree, text), {date: brief.truth.date})
}

export function score(brief: Brief, data: MarketData = extract(brief)): Score {
  const {truth, stated} = brief
  const result: Score = {stated: new Set(), read: new Set(), missed: [], wrong: [], data}
  const wrong = (field: WrongField, expected: unknown, got: number | readonly number[] | string, line: number | undefined, kind: 'money' | 'pct' | 'index' | 'text') => {
    const wording = field === 'other ETF flow' ? 'unstated' : (brief.wordings[componentOf(field)] ?? 'unstated')
    result.wrong.push({field, expected: fmt(expected as number), got: fmt(got), line, cause: causeOf(brief, expected, got, kind), tags: line === undefined ? [] : (brief.lineTags.get(line) ?? []), wording})
  }

  // Prices: a price near the truth (or inside the range the brief stated), a range equal to the stated one or tightly around the price.
  for (const coin of COINS) {
    const t = truth.coins[coin]
    const s = stated.price[coin]
    if (s?.price || s?.range) result.stated.add(`${coin} price`)
    if (s?.change) result.stated.add(`${coin} 24h change`)
    for (const quote of data.prices.filter((q) => q.symbol === coin)) {
      let levelOk = false
      if (quote.price !== undefined) {
        if (near(quote.price, t.price) || (s?.range && within(quote.price, s.range))) levelOk = true
        else wrong(`${coin} price`, s?.range ?? t.price, quote.price, quote.line, 'money')
      }
      if (quote.range !== undefined) {
        const [low, high] = sorted(quote.range)
        const asStated = s?.range !== undefined && near(low, s.range[0]) && near(high, s.range[1])
        const tightAround = within(t.price, [low, high]) && high / low <= 1.1
        if (asStated || tightAround) levelOk = true
        else wrong(`${coin} price`, s?.range ?? t.price, quote.range, quote.line, 'money')
      }
      if (levelOk && (s?.price || s?.range)) result.read.add(`${coin} price`)
      let changeOk = false
      if (quote.change24hPct !== undefined) {
        if (nearPct(quote.change24hPct, t.change)) changeOk = true
        else wrong(`${coin} 24h change`, t.change, quote.change24hPct, quote.line, 'pct')
      }
      if (quote.change24hRange !== undefined) {
        const [low, high] = sorted(quote.change24hRange)
        if (t.change >= low - 0.006 && t.change <= high + 0.006 && high - low <= 2) changeOk = true
        else wrong(`${coin} 24h change`, t.change, quote.change24hRange, quote.line, 'pct')
      }
      if (changeOk && s?.change) result.read.add(`${coin} 24h change`)
    }
  }

  if (stated.marketCap) result.stated.add('market cap')
  if (stated.marketCap?.change) result.stated.add('market cap 24h change')
  const cap = data.marketCap
  if (cap) {
    if (cap.usd !== undefined) {
      if (near(cap.usd, truth.marketCap.usd)) stated.marketCap && result.read.add('market cap')
      else wrong('market cap', truth.marketCap.usd, cap.usd, cap.line, 'money')
    }
    if (cap.usdRange !== undefined) {
      if (within(truth.marketCap.usd, cap.usdRange) && sorted(cap.usdRange)[1] / sorted(cap.usdRange)[0] <= 1.05) stated.marketCap && result.read.add('market cap')
      else wrong('market cap', truth.marketCap.usd, cap.usdRange, cap.line, 'money')
    }
    if (cap.change24hPct !== undefined) {
      if (nearPct(cap.change24hPct, truth.marketCap.change)) stated.marketCap?.change && result.read.add('market cap 24h change')
      else wrong('market cap 24h change', truth.marketCap.change, cap.change24hPct, cap.line, 'pct')
    }
    if (cap.change24hRange !== undefined) {
      const [low, high] = sorted(cap.change24hRange)
      if (truth.marketCap.change >= low - 0.006 && truth.marketCap.change <= high + 0.006) stated.marketCap?.change && result.read.add('market cap 24h change')
      else wrong('market cap 24h change', truth.marketCap.change, cap.change24hRange, cap.line, 'pct')
    }
  }

  if (stated.fearGreed) result.stated.add('fear & greed')
  // The extractor gives no line for the index: take the first line naming it.
  const fgLine = brief.source.split('\n').findIndex((line) => /fear\s*(?:&|and)\s*greed/i.test(line)) + 1 || undefined
  if (data.fearGreed !== undefined) {
    if (data.fearGreed === truth.fearGreed) stated.fearGreed && result.read.add('fear & greed')
    else wrong('fear & greed', truth.fearGreed, data.fearGreed, fgLine, 'index')
  }
  if (data.fearGreedRange !== undefined) {
    const [low, high] = sorted(data.fearGreedRange)
    if (truth.fearGreed >= low && truth.fearGreed <= high && high - low <= 10) stated.fearGreed && result.read.add('fear & greed')
    else wrong('fear & greed', truth.fearGreed, data.fearGreedRange, fgLine, 'index')
  }

  // Liquidations: only the 24h window is under test.
  const total = truth.liquidations.total
  const long = (total * truth.liquidations.longPct) / 100
  const short = total - long
  if (stated.liquidations) result.stated.add('liquidations 24h')
  if (stated.liquidations?.long) result.stated.add('liquidations long')
  if (stated.liquidations?.short) result.stated.add('liquidations short')
  for (const liquidation of data.liquidations.filter((item) => item.window === '24h')) {
    if (liquidation.amountUsdRange ? within(total, liquidation.amountUsdRange) : near(liquidation.amountUsd, total)) stated.liquidations && result.read.add('liquidations 24h')
    else wrong('liquidations 24h', total, liquidation.amountUsdRange ?? liquidation.amountUsd, liquidation.line, 'money')
    if (liquidation.long !== undefined) {
      if (near(liquidation.long, long, 0.012)) stated.liquidations?.long && result.read.add('liquidations long')
      else wrong('liquidations long', long, liquidation.long, liquidation.line, 'money')
    }
    if (liquidation.short !== undefined) {
      if (near(liquidation.short, short, 0.012)) stated.liquidations?.short && result.read.add('liquidations short')
      else wrong('liquidations short', short, liquidation.short, liquidation.line, 'money')
    }
  }

  // ETF flows: asset, direction, amount and (when given) day must all be the truth's.
  for (const asset of ['BTC', 'ETH'] as const) if (stated.etf[asset]) result.stated.add(`${asset} ETF flow`)
  for (const flow of data.etfFlows) {
    if (flow.asset !== 'BTC' && flow.asset !== 'ETH') {
      wrong('other ETF flow', 'none', `${flow.asset} ${flow.direction} ${flow.amountUsd}`, flow.line, 'text')
      continue
    }
    const field = `${flow.asset} ETF flow` as const
    const want = truth.etf[flow.asset]
    const days = stated.etf[flow.asset]?.days.map(normaliseDay) ?? []
    const amountOk = flow.amountUsdRange ? within(want.amountUsd, flow.amountUsdRange) : near(flow.amountUsd, want.amountUsd)
    if (!amountOk) wrong(field, want.amountUsd, flow.amountUsdRange ?? flow.amountUsd, flow.line, 'money')
    else if (flow.direction !== want.direction) wrong(field, want.direction, flow.direction, flow.line, 'text')
    else if (flow.day !== undefined && !days.includes(normaliseDay(flow.day))) wrong(field, `day ${days[0] ?? '(none)'}`, `day ${flow.day}`, flow.line, 'text')
    else if (resolved(flow) !== undefined && resolved(flow) !== days.at(-1)) wrong(field, `date ${days.at(-1) ?? '(none)'}`, `date ${resolved(flow)}`, flow.line, 'text')
    else if (stated.etf[flow.asset]) result.read.add(field)
  }
  for (const field of result.stated) if (!result.read.has(field)) result.missed.push({field, wording: brief.wordings[componentOf(field)] ?? '?'})
  return result
}

/** The flow's day resolved to YYYY-MM-DD, for extractors that give one. */
const resolved = (flow: MarketData['etfFlows'][number]) => (flow as {date?: string}).date

function componentOf(field: Field): string {
  if (/^(BTC|ETH|SOL) (price|24h)/.test(field)) return field.slice(0, 3)
  if (field.startsWith('market cap')) return 'cap'
  if (field === 'fear & greed') return 'fg'
  if (field.startsWith('liquidations')) return 'liq'
  return `etf ${field.slice(0, 3)}`
}

function normaliseDay(day: string): string {
  return day.toLowerCase().replace(/^on\s+/, '').replace(/\./g, '').replace(/^(\w{3})\w*\s+(\d+)$/, '$1 $2').replace(/^(\d+)\s+(\w{3})\w*$/, '$2 $1')
}

/** Why a figure is wrong: the distractor whose value it is, a flipped sign, or a figure the brief never stated. */
function causeOf(brief: Brief, expected: unknown, got: number | readonly number[] | string, kind: 'money' | 'pct' | 'index' | 'text'): string {
  const values = typeof got === 'number' ? [got] : Array.isArray(got) ? (got as number[]) : []
  for (const value of values) {
    const match = brief.distractors.find((d) => (kind === 'pct' ? nearPct(Math.abs(value), Math.abs(d.value)) : kind === 'index' ? value === d.value : near(value, d.value)))
    if (match) return `distractor:${match.kind}`
  }
  if (kind === 'pct' && typeof got === 'number' && typeof expected === 'number' && nearPct(-got, expected)) return 'sign'
  if (kind === 'text') return 'text'
  return 'other'
}

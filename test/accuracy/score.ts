/**
 * Scores the market-data extractor against hand labels (fixtures/corpus-labels*.json,
 * described in fixtures/corpus-labels.md). Per field: precision (figures shown that are
 * right) and recall (stated figures that are read). A figure counts as right when it
 * matches the label's main reading or one of its `alt` readings.
 */
import type {MarketData} from '../../src/extract/market/index.js'

type Pair = [number, number]
export interface Reading {price?: number | null; range?: Pair | null; change24hPct?: number | null; change24hRange?: Pair | null}
export interface LabelFlow {asset: string; direction: 'inflow' | 'outflow'; amountUsd?: number; amountUsdRange?: Pair; day?: string}
export interface Label {
  file: string
  btc?: Reading & {alt?: Reading[]}
  eth?: Reading & {alt?: Reading[]}
  sol?: Reading & {alt?: Reading[]}
  marketCapUsd?: number | null
  marketCapUsdRange?: Pair | null
  marketCapChange24hPct?: number | null
  marketCapChange24hRange?: Pair | null
  fearGreed?: number | null
  fearGreedRange?: Pair | null
  liquidationsUsd?: number | null
  liquidationsUsdRange?: Pair | null
  etfFlows?: LabelFlow[]
}

/** One scalar-or-range figure: what the extractor showed, or what the label says (with alternatives). */
interface Figure {value?: number; range?: Pair}

export const FIELDS = ['btc.price', 'btc.change24h', 'eth.price', 'eth.change24h', 'sol.price', 'sol.change24h', 'marketCap', 'marketCap.change24h', 'fearGreed', 'liquidations24h', 'etf.BTC', 'etf.ETH'] as const
export type Field = (typeof FIELDS)[number]

export interface FieldScore {shown: number; right: number; stated: number; read: number; wrong: string[]; missed: string[]}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b))
const samePair = (a: Pair, b: Pair) => near(Math.min(...a), Math.min(...b)) && near(Math.max(...a), Math.max(...b))
function matches(shown: Figure, stated: Figure): boolean {
  if (shown.value !== undefined && stated.value !== undefined) return near(shown.value, stated.value)
  if (shown.range && stated.range) return samePair(shown.range, stated.range)
  return false
}
const figure = (value?: number | null, range?: Pair | null): Figure | undefined =>
  value != null ? {value} : range != null ? {range} : undefined

/** The label's readings of one field: the main one first, then the alternatives. */
function stated(label: Label, field: Field): Figure[] {
  const [asset, part] = field.split('.') as [string, string | undefined]
  if (asset === 'btc' || asset === 'eth' || asset === 'sol') {
    const reading = label[asset]
    if (!reading) return []
    return [reading, ...(reading.alt ?? [])].flatMap((r) =>
      part === 'price'
        ? [figure(r.price), figure(undefined, r.range)].filter((f): f is Figure => !!f)
        : [figure(r.change24hPct, r.change24hRange)].filter((f): f is Figure => !!f)
    )
  }
  // A label may hold both a point and a band (two sources): either reading is right.
  const both = (value?: number | null, range?: Pair | null) => [figure(value), figure(undefined, range)].filter((f): f is Figure => !!f)
  if (field === 'marketCap') return both(label.marketCapUsd, label.marketCapUsdRange)
  if (field === 'marketCap.change24h') return both(label.marketCapChange24hPct, label.marketCapChange24hRange)
  if (field === 'fearGreed') return both(label.fearGreed, label.fearGreedRange)
  if (field === 'liquidations24h') return both(label.liquidationsUsd, label.liquidationsUsdRange)
  return []
}

/** What the extractor shows for one field (a price shows as its single value when it has one). */
function shown(data: MarketData, field: Field): Figure[] {
  const [asset, part] = field.split('.') as [string, string | undefined]
  if (asset === 'btc' || asset === 'eth' || asset === 'sol') {
    const quote = data.prices.find((p) => p.symbol === asset.toUpperCase())
    if (!quote) return []
    const f = part === 'price' ? figure(quote.price, quote.range) : figure(quote.change24hPct, quote.change24hRange)
    return f ? [f] : []
  }
  if (field === 'marketCap') return [figure(data.marketCap?.usd, data.marketCap?.usdRange)].filter((f): f is Figure => !!f)
  if (field === 'marketCap.change24h') return [figure(data.marketCap?.change24hPct, data.marketCap?.change24hRange)].filter((f): f is Figure => !!f)
  if (field === 'fearGreed') return [figure(data.fearGreed, data.fearGreedRange)].filter((f): f is Figure => !!f)
  if (field === 'liquidations24h') {
    const total = data.liquidations.find((l) => l.window === '24h')
    return total ? [total.amountUsdRange ? {range: total.amountUsdRange} : {value: total.amountUsd}] : []
  }
  return []
}

function flowMatches(flow: MarketData['etfFlows'][number], label: LabelFlow): boolean {
  if (flow.direction !== label.direction) return false
  const amount = flow.amountUsdRange ? {range: flow.amountUsdRange} : {value: flow.amountUsd}
  const expected = label.amountUsdRange ? {range: label.amountUsdRange} : {value: label.amountUsd!}
  if (!matches(amount, expected)) return false
  const day = (flow as {date?: string}).date
  return !(day && label.day && day !== label.day)
}

export function emptyScores(): Record<Field, FieldScore> {
  return Object.fromEntries(FIELDS.map((f) => [f, {shown: 0, right: 0, stated: 0, read: 0, wrong: [], missed: []}])) as unknown as Record<Field, FieldScore>
}

/** Adds one brief's comparison to `scores`. */
export function scoreBrief(scores: Record<Field, FieldScore>, date: string, label: Label, data: MarketData): void {
  for (const field of FIELDS) {
    const score = scores[field]
    if (field.startsWith('etf.')) {
      const asset = field.slice(4)
      const flows = data.etfFlows.filter((f) => f.asset === asset)
      const expected = (label.etfFlows ?? []).filter((f) => f.asset === asset)
      for (const flow of flows) {
        score.shown++
        if (expected.some((l) => flowMatches(flow, l))) score.right++
        else score.wrong.push(`${date} ${JSON.stringify(flow)}`)
      }
      for (const l of expected) {
        score.stated++
        if (flows.some((flow) => flowMatches(flow, l))) score.read++
        else score.missed.push(`${date} ${JSON.stringify(l)}`)
      }
      continue
    }
    const want = stated(label, field)
    const got = shown(data, field)
    for (const g of got) {
      score.shown++
      if (want.some((w) => matches(g, w))) score.right++
      else score.wrong.push(`${date} ${JSON.stringify(g)} expected ${JSON.stringify(want[0] ?? null)}`)
    }
    if (want.length > 0) {
      score.stated++
      if (got.some((g) => want.some((w) => matches(g, w)))) score.read++
      else score.missed.push(`${date} expected ${JSON.stringify(want[0])}`)
    }
  }
}

const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`)

/** A plain table: field, precision (right/shown), recall (read/stated). */
export function formatScores(title: string, scores: Record<Field, FieldScore>): string {
  const rows = FIELDS.map((f) => {
    const s = scores[f]
    return `${f.padEnd(20)} ${pct(s.right, s.shown)} ${`${s.right}/${s.shown}`.padStart(8)}   ${pct(s.read, s.stated)} ${`${s.read}/${s.stated}`.padStart(8)}`
  })
  return [`${title}`, `${'field'.padEnd(20)} precision   (n)      recall    (n)`, ...rows].join('\n')
}

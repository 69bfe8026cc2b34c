import type {BriefData, PriceQuote} from '../data/brief-data-schema.js'
import {shortDate, utcMidnight} from './dates.js'

/**
 * The series behind a price chart: one point per calendar day, `undefined`
 * where no brief stated a figure, so a chart draws a gap rather than a zero
 * or a straight line across missing days.
 */

export interface ChartPoint {
  /** `YYYY-MM-DD`. */
  date: string
  value: number | undefined
}

export interface DatedValue {
  date: string
  value: number
}

export interface SeriesSummary {
  first: DatedValue
  last: DatedValue
  min: DatedValue
  max: DatedValue
  /** Calendar days from first to last point, both included. */
  days: number
  /** Days without a figure. */
  missing: number
}

const DAY_MS = 86_400_000

/**
 * Every calendar day from the earliest to the latest observation, each with
 * its value or `undefined`. Should one day be observed twice, the first wins.
 */
export function dailySeries(observations: readonly DatedValue[]): ChartPoint[] {
  const byDay = new Map<string, number>()
  for (const {date, value} of observations) if (Number.isFinite(value) && !byDay.has(date)) byDay.set(date, value)
  const days = [...byDay.keys()].sort()
  if (days.length === 0) return []
  const points: ChartPoint[] = []
  // Stepping in UTC milliseconds: a local-time step would skip or repeat a day at a DST change.
  for (let time = utcMidnight(days[0]!).getTime(), end = utcMidnight(days.at(-1)!).getTime(); time <= end; time += DAY_MS) {
    const date = isoDay(time)
    points.push({date, value: byDay.get(date)})
  }
  return points
}

/**
 * `YYYY-MM-DD` of a UTC midnight, remembered: every asset's series walks
 * the same days (thousands of them), and formatting a Date was most of the
 * charts' cost in a build that adds one brief.
 */
const isoDays = new Map<number, string>()
function isoDay(time: number): string {
  let day = isoDays.get(time)
  if (day === undefined) {
    day = new Date(time).toISOString().slice(0, 10)
    isoDays.set(time, day)
  }
  return day
}

/**
 * The figure a chart shows for one quote: the stated price, else the middle
 * of the stated range (a brief often gives "$103.5K–$104.9K" and no price).
 */
export function chartValue(quote: PriceQuote): number | undefined {
  if (quote.price !== undefined) return quote.price
  return quote.range ? (quote.range[0] + quote.range[1]) / 2 : undefined
}

const firstQuotes = new WeakMap<readonly PriceQuote[], Map<string, PriceQuote>>()

/**
 * Each symbol's first quote in a brief (by line), the one its charts and
 * tables show. Indexed once per brief: a site asks for every asset of every
 * brief.
 */
export function firstQuotesOf(prices: readonly PriceQuote[]): ReadonlyMap<string, PriceQuote> {
  let bySymbol = firstQuotes.get(prices)
  if (!bySymbol) {
    bySymbol = new Map()
    for (const quote of [...prices].sort((a, b) => a.line - b.line)) if (!bySymbol.has(quote.symbol)) bySymbol.set(quote.symbol, quote)
    firstQuotes.set(prices, bySymbol)
  }
  return bySymbol
}

/** The daily series of one asset across the archive (the first quote of the symbol in each brief). */
export function assetSeries(briefs: readonly Pick<BriefData, 'date' | 'prices'>[], symbol: string): ChartPoint[] {
  const observations: DatedValue[] = []
  for (const brief of briefs) {
    const quote = firstQuotesOf(brief.prices).get(symbol)
    const value = quote && chartValue(quote)
    if (value !== undefined) observations.push({date: brief.date, value})
  }
  return dailySeries(observations)
}

/** First, last, lowest and highest figure (earliest day on a tie); `undefined` without any figure. */
export function summarize(points: readonly ChartPoint[]): SeriesSummary | undefined {
  const known = points.filter((point): point is DatedValue => point.value !== undefined && Number.isFinite(point.value))
  if (known.length === 0) return undefined
  const pick = (better: (a: number, b: number) => boolean) => known.reduce((best, point) => (better(point.value, best.value) ? point : best))
  return {
    first: known[0]!,
    last: known.at(-1)!,
    min: pick((a, b) => a < b),
    max: pick((a, b) => a > b),
    days: points.length,
    missing: points.length - known.length
  }
}

/**
 * The chart in words, for `<desc>` and for the page beside the chart:
 * "Lowest $98,120 on 3 Nov 2026, highest $104,900 on 20 Nov 2026, last
 * $104,200 on 20 Nov 2026. 2 of 18 days have no figure."
 */
export function summaryText(points: readonly ChartPoint[]): string {
  const summary = summarize(points)
  if (!summary) return 'No figures in this period.'
  const at = (point: DatedValue) => `${formatUsd(point.value)} on ${shortDate(point.date)}`
  const range = summary.days === 1 ? `${at(summary.last)}.` : `Lowest ${at(summary.min)}, highest ${at(summary.max)}, last ${at(summary.last)}.`
  const gaps = summary.missing === 0 ? '' : ` ${summary.missing} of ${summary.days} days have no figure.`
  return range + gaps
}

/**
 * `$104,250`, `$312.40`, `$141`, `$0.092`, `$0.00001234`: whole dollars
 * from $1,000; from $1, cents unless the amount is whole (`$141`, not
 * `$141.00`); below $1, four significant digits without trailing zeros
 * (`$0.092`, not `$0.09200`). Written without `Intl` so it is the same on
 * every machine.
 */
export function formatUsd(value: number): string {
  const size = Math.abs(value)
  const decimals = size >= 1000 ? 0 : size >= 1 || size === 0 ? 2 : Math.min(20, 3 - Math.floor(Math.log10(size)))
  const [whole, digits] = size.toFixed(decimals).split('.') as [string, string | undefined]
  // Cents drop only when all zero; below $1 the trailing zeros go one by one.
  const fraction = digits?.replace(size >= 1 || size === 0 ? /^0+$/ : /0+$/, '')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${value < 0 ? '-' : ''}$${grouped}${fraction ? `.${fraction}` : ''}`
}

import type {Brief} from '../../brief.js'
import {defineRule} from '../../diagnostics/rule.js'
import type {PriceQuote} from '../../extract/market/types.js'
import type {ArchiveRule} from '../rule-types.js'

/** Days either side of a brief within which its neighbours' prices count. */
const WINDOW_DAYS = 7
/** Neighbours taken on each side, nearest first. */
const PER_SIDE = 3
const DAY_MS = 86_400_000

interface Point {
  date: string
  day: number
  brief: Brief
  quote: PriceQuote
  value: number
}

export const dayOverDay: ArchiveRule = {
  meta: defineRule({
    id: 'day-over-day',
    severity: 'warning',
    description:
      "A price far from the middle of the nearest days that state one (up to three days before and three after, within a week), by more than `dayOverDayTolerance` points beyond what those days' own spread allows, and not explained by the brief's stated 24h change: a stale or mistyped price. Days whose figure was not read are skipped, not treated as gaps; only the odd day is reported."
  }),
  check(briefs, reporter, config) {
    const tolerance = config.dayOverDayTolerance
    for (const points of seriesBySymbol(briefs).values()) {
      points.forEach((point, index) => {
        const before = neighbours(points, index, -1)
        const after = neighbours(points, index, 1)
        const stated = statedChange(point.quote)
        if (before.length + after.length < 2) {
          // One neighbour: only the day before, with the brief's own 24h change, can say which is wrong.
          const previous = before[0]
          if (!previous || previous.day !== point.day - 1 || !stated) return
          const implied = percent(point.value, previous.value)
          if (implied >= stated[0] - tolerance && implied <= stated[1] + tolerance) return
          const expected = previous.value * (1 + (stated[0] + stated[1]) / 200)
          reporter.report(
            point.brief.file,
            this.meta,
            `Unexpected ${point.quote.symbol} price ${money(point.value)}: ${signed(implied)} from ${money(previous.value)} on ${previous.date} (${previous.brief.file.path}), while the brief states ${range(stated)} in 24h; expected about ${money(expected)} (tolerance ${tolerance} points)`,
            {line: point.quote.line, column: 1},
            {note: 'A price copied from an older source, or a 24h change from another time, makes the archive contradict itself.'}
          )
          return
        }
        const around = [...before, ...after]
        const middle = median(around.map((other) => other.value))
        const off = percent(point.value, middle)
        // A fast market moves far in a week: the neighbours' own spread widens what is allowed.
        const spread = median(around.map((other) => Math.abs(percent(other.value, middle))))
        const allowed = tolerance + 3 * spread
        if (Math.abs(off) <= allowed) return
        // A day at a turn of the market (the day of a crash) agrees with one side: only a figure off from both is odd.
        if (before.length > 0 && after.length > 0) {
          const side = (points: Point[]) => Math.abs(percent(point.value, median(points.map((other) => other.value))))
          if (Math.min(side(before), side(after)) <= allowed) return
        }
        // The brief's own 24h change may explain the move.
        if (stated && off >= stated[0] - allowed && off <= stated[1] + allowed) return
        const states = stated ? `, while the brief states ${range(stated)} in 24h` : ''
        reporter.report(
          point.brief.file,
          this.meta,
          `Unexpected ${point.quote.symbol} price ${money(point.value)}: ${signed(off)} from ${money(middle)}, the middle of the ${around.length} nearest days that state one${states}; expected within ${Number(allowed.toFixed(1))}% of it`,
          {line: point.quote.line, column: 1},
          {note: `The nearest days that state a ${point.quote.symbol} price (${around.map((other) => other.brief.file.path).join(', ')}) agree with each other, so this day's figure is the odd one out: a price copied from an older source, or a typo.`}
        )
      })
    }
  }
}

/** Each symbol's stated prices, one per day, in date order. Days with two briefs are left out (duplicate-date reports them). */
function seriesBySymbol(briefs: readonly Brief[]): Map<string, Point[]> {
  const byDate = new Map<string, Brief | undefined>()
  for (const brief of briefs) {
    // A brief with front-matter errors still has a day: the one it states, else its file name's.
    const date = brief.frontMatter?.date ?? brief.claimed?.date ?? /\d{4}-\d{2}-\d{2}/.exec(brief.file.basename ?? '')?.[0]
    if (!date || !brief.extracted) continue
    byDate.set(date, byDate.has(date) ? undefined : brief)
  }
  const series = new Map<string, Point[]>()
  for (const [date, brief] of byDate) {
    if (!brief) continue
    const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS
    if (!Number.isFinite(day)) continue
    for (const quote of brief.extracted!.market.prices) {
      const value = valueOf(quote)
      if (value === undefined) continue
      const points = series.get(quote.symbol) ?? []
      // The first quote of a symbol in a brief is its figure.
      if (points.at(-1)?.date !== date) points.push({date, day, brief, quote, value})
      series.set(quote.symbol, points)
    }
  }
  for (const points of series.values()) points.sort((a, b) => a.day - b.day)
  return series
}

/** Up to PER_SIDE points before (-1) or after (+1) `index`, nearest first, within WINDOW_DAYS. */
function neighbours(points: readonly Point[], index: number, direction: -1 | 1): Point[] {
  const found: Point[] = []
  for (let at = index + direction; at >= 0 && at < points.length && found.length < PER_SIDE; at += direction) {
    if (Math.abs(points[at]!.day - points[index]!.day) > WINDOW_DAYS) break
    found.push(points[at]!)
  }
  return found
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function percent(value: number, reference: number): number {
  return (value / reference - 1) * 100
}

function statedChange(quote: PriceQuote): [number, number] | undefined {
  if (quote.change24hRange) return [Math.min(...quote.change24hRange), Math.max(...quote.change24hRange)]
  return quote.change24hPct === undefined ? undefined : [quote.change24hPct, quote.change24hPct]
}

/** The stated price, or the middle of the stated range. */
function valueOf(quote: PriceQuote): number | undefined {
  if (quote.price !== undefined && quote.price > 0) return quote.price
  if (quote.range && quote.range[0] > 0 && quote.range[1] > 0) return (quote.range[0] + quote.range[1]) / 2
  return undefined
}

function range([low, high]: [number, number]): string {
  return low === high ? signed(low) : `${signed(low)} to ${signed(high)}`
}

function money(value: number): string {
  const digits = value >= 100 ? 0 : value >= 1 ? 2 : 4
  const [whole, fraction] = value.toFixed(digits).split('.')
  return `$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${Number(value.toFixed(2))}%`
}

import type {Brief} from '../../brief.js'
import {defineRule} from '../../diagnostics/rule.js'
import type {PriceQuote} from '../../extract/market/types.js'
import type {ArchiveRule} from '../rule-types.js'

const DAY_MS = 86_400_000

export const dayOverDay: ArchiveRule = {
  meta: defineRule({
    id: 'day-over-day',
    severity: 'warning',
    description:
      "Between consecutive days, a price disagrees with the previous day's price and its own stated 24h change by more than `dayOverDayTolerance` percentage points (a stale or mistyped price)."
  }),
  check(briefs, reporter, config) {
    const byDate = new Map<string, Brief>()
    const duplicated = new Set<string>()
    for (const brief of briefs) {
      const date = brief.frontMatter?.date
      if (!date || !brief.extracted) continue
      if (byDate.has(date)) duplicated.add(date)
      byDate.set(date, brief)
    }
    // With two briefs for one day there is no single "previous day" to trust: duplicate-date reports it.
    for (const date of duplicated) byDate.delete(date)
    for (const [date, today] of byDate) {
      const yesterday = byDate.get(previousDay(date))
      if (!yesterday) continue
      const before = new Map(yesterday.extracted!.market.prices.map((quote) => [quote.symbol, quote]))
      for (const quote of today.extracted!.market.prices) {
        const previous = before.get(quote.symbol)
        const now = valueOf(quote)
        const then = previous && valueOf(previous)
        const stated = quote.change24hRange ?? (quote.change24hPct !== undefined ? ([quote.change24hPct, quote.change24hPct] as const) : undefined)
        if (now === undefined || then === undefined || !stated) continue
        const implied = (now / then - 1) * 100
        const [low, high] = [Math.min(...stated), Math.max(...stated)]
        const gap = implied < low ? low - implied : implied > high ? implied - high : 0
        if (gap <= config.dayOverDayTolerance) continue
        const expected = then * (1 + (low + high) / 200)
        reporter.report(
          today.file,
          this.meta,
          `Unexpected ${quote.symbol} price ${money(now)}: ${signed(implied)} from ${money(then)} on ${previousDay(date)} (${yesterday.file.path}), while the brief states ${stated[0] === stated[1] ? signed(stated[0]) : `${signed(low)} to ${signed(high)}`} in 24h; expected about ${money(expected)} (tolerance ${config.dayOverDayTolerance} points)`,
          {line: quote.line, column: 1},
          {note: 'A price copied from an older source, or a 24h change from another time, makes the archive contradict itself.'}
        )
      }
    }
  }
}

/** The stated price, or the middle of the stated range. */
function valueOf(quote: PriceQuote): number | undefined {
  if (quote.price !== undefined && quote.price > 0) return quote.price
  if (quote.range && quote.range[0] > 0 && quote.range[1] > 0) return (quote.range[0] + quote.range[1]) / 2
  return undefined
}

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
}

function money(value: number): string {
  const digits = value >= 100 ? 0 : value >= 1 ? 2 : 4
  const [whole, fraction] = value.toFixed(digits).split('.')
  return `$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${Number(value.toFixed(2))}%`
}

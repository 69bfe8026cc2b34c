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
      "Between consecutive days, a price disagrees with the previous day's price and its own stated 24h change by more than `dayOverDayTolerance` percentage points (a stale or mistyped price). When the next day agrees with the day before, only the odd day is reported."
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
    const tolerance = config.dayOverDayTolerance
    // Each date's previous day, worked out once: date arithmetic on every
    // lookup was a third of this rule's time on 4,000 briefs.
    const days = new Map<string, string>()
    const dayBefore = (date: string) => {
      let day = days.get(date)
      if (day === undefined) days.set(date, (day = previousDay(date)))
      return day
    }
    /** The day whose previous day is this one. */
    const dayAfter = new Map<string, string>()
    for (const date of byDate.keys()) dayAfter.set(dayBefore(date), date)

    // Every disagreement between a day and the day before, by symbol, worked out once.
    const found = new Map<string, Map<string, Finding> | undefined>()
    const findingsAt = (date: string | undefined): Map<string, Finding> | undefined => {
      if (date === undefined) return undefined
      if (!found.has(date)) found.set(date, findingsOf(date))
      return found.get(date)
    }
    const findingsOf = (date: string): Map<string, Finding> | undefined => {
      const today = byDate.get(date)
      const yesterday = byDate.get(dayBefore(date))
      if (!today || !yesterday) return undefined
      const findings = new Map<string, Finding>()
      const before = yesterday.extracted!.market.prices
      for (const quote of today.extracted!.market.prices) {
        // The day before's last quote of the symbol.
        const previous = before.findLast((other) => other.symbol === quote.symbol)
        const then = previous && valueOf(previous)
        const comparison = then === undefined ? undefined : compare(quote, then)
        if (!comparison || comparison.gap <= tolerance) continue
        const {implied, low, high, gap} = comparison
        findings.set(quote.symbol, {date, today, yesterday, quote, then: then!, implied, low, high, gap})
      }
      return findings
    }
    // One wrong day contradicts both neighbours. When the next day agrees with
    // the day before the wrong one (two days of moves allowed), only the wrong
    // day is reported: the next day's author has nothing to fix.
    const agrees = (finding: Finding, outlier: Finding) => {
      const across = compare(finding.quote, outlier.then)
      return across !== undefined && across.gap <= 2 * tolerance
    }

    const report = (date: string) => {
      for (const finding of findingsAt(date)?.values() ?? []) {
        const outlier = findingsAt(dayBefore(date))?.get(finding.quote.symbol)
        if (outlier && agrees(finding, outlier)) continue
        const {today, yesterday, quote, then, implied, low, high} = finding
        const now = valueOf(quote)!
        const expected = then * (1 + (low + high) / 200)
        const confirming = findingsAt(dayAfter.get(date))?.get(quote.symbol)
        const next = confirming && agrees(confirming, finding) ? confirming.today : undefined
        const note = next
          ? `The next day's brief (${next.file.path}) agrees with the day before, so this day's ${quote.symbol} figures are the odd ones out: a price or 24h change copied from an older source.`
          : 'A price copied from an older source, or a 24h change from another time, makes the archive contradict itself.'
        reporter.report(
          today.file,
          this.meta,
          `Unexpected ${quote.symbol} price ${money(now)}: ${signed(implied)} from ${money(then)} on ${dayBefore(date)} (${yesterday.file.path}), while the brief states ${low === high ? signed(low) : `${signed(low)} to ${signed(high)}`} in 24h; expected about ${money(expected)} (tolerance ${tolerance} points)`,
          {line: quote.line, column: 1},
          {note}
        )
      }
    }

    for (const date of byDate.keys()) report(date)
  }
}

interface Finding {
  date: string
  today: Brief
  yesterday: Brief
  quote: PriceQuote
  /** The previous day's price. */
  then: number
  implied: number
  low: number
  high: number
  gap: number
}

/** How far the move from `then` to the quote's price is from its stated 24h change, in points. */
function compare(quote: PriceQuote, then: number): {implied: number; low: number; high: number; gap: number} | undefined {
  const now = valueOf(quote)
  const stated = quote.change24hRange ?? (quote.change24hPct !== undefined ? ([quote.change24hPct, quote.change24hPct] as const) : undefined)
  if (now === undefined || !stated) return undefined
  const implied = (now / then - 1) * 100
  const [low, high] = [Math.min(...stated), Math.max(...stated)]
  const gap = implied < low ? low - implied : implied > high ? implied - high : 0
  return {implied, low, high, gap}
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

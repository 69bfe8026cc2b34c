import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

/** A 24h move beyond this is far more likely a typo than a market event. */
const MAX_ABS_CHANGE = 50

export const implausibleValue: FileRule = {
  meta: defineRule({
    id: 'implausible-value',
    severity: 'error',
    description: 'A figure cannot be right: a price at or below zero, a 24h change beyond ±50%, or a range whose low exceeds its high.'
  }),
  check({file, extracted}, reporter) {
    const {market} = extracted
    const at = (line: number) => ({line, column: 1})
    for (const quote of market.prices) {
      if (quote.price !== undefined && quote.price <= 0) {
        reporter.report(file, this.meta, `Unexpected ${quote.symbol} price ${quote.price}, expected a price above zero`, at(quote.line))
      }
      if (quote.range && quote.range[0] > quote.range[1]) {
        reporter.report(file, this.meta, `Unexpected ${quote.symbol} range ${quote.range[0]}–${quote.range[1]} whose low exceeds its high, expected low–high`, at(quote.line))
      }
      if (quote.range && quote.range[0] <= 0) {
        reporter.report(file, this.meta, `Unexpected ${quote.symbol} range starting at ${quote.range[0]}, expected prices above zero`, at(quote.line))
      }
      const changes = quote.change24hRange ?? (quote.change24hPct !== undefined ? [quote.change24hPct] : [])
      const extreme = changes.find((change) => Math.abs(change) > MAX_ABS_CHANGE)
      if (extreme !== undefined) {
        reporter.report(file, this.meta, `Unexpected ${quote.symbol} 24h change of ${extreme}%, expected at most ±${MAX_ABS_CHANGE}%`, at(quote.line), {
          note: 'Check the sign and the decimal point; a weekly or monthly change belongs outside the 24h figure.'
        })
      }
    }
    for (const item of [...market.liquidations, ...market.etfFlows]) {
      if (item.amountUsdRange && item.amountUsdRange[0] > item.amountUsdRange[1]) {
        reporter.report(file, this.meta, `Unexpected range ${item.amountUsdRange[0]}–${item.amountUsdRange[1]} whose low exceeds its high, expected low–high`, at(item.line))
      }
    }
  }
}

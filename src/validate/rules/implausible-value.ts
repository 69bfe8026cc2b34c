import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

/**
 * Reports the figures the extractor withheld as implausible (src/extract/market/plausible.ts).
 * A warning, not an error: the day is still published, with a dash where the figure would be.
 */
export const implausibleValue: FileRule = {
  meta: defineRule({
    id: 'implausible-value',
    severity: 'warning',
    description: 'A figure is out of bounds (a 24h change beyond ±50%, a day range wider than 20%, liquidations over $10B, a total market cap outside $0.5T–$10T, a daily ETF flow over $3B, a price outside its asset\'s band or the range stated beside it, a total cap that gives Bitcoin under 35% or over 75% of it, prices of BTC, ETH and SOL that cannot be one day\'s): it is withheld from the key figures and the data.'
  }),
  check({file, extracted}, reporter) {
    for (const item of extracted.market.withheld) {
      if (item.reason !== 'implausible') continue
      reporter.report(file, this.meta, `Unexpected ${item.field} of ${item.value}, expected ${item.expected}`, {line: item.line, column: 1}, {
        note: 'The figure is withheld from the key figures, brief.json and the charts. A figure this far out is most often another day\'s or another window\'s (a week, a month, a crash being recalled) or another measure\'s (open interest, holdings); else check the decimal point, the unit and the sign. If it is right (a record day), the dash stays and this warning says why.'
      })
    }
  }
}

import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

/**
 * Tells the author which figures the panel leaves out although the brief
 * names them with a number: Briefpress shows a dash rather than guess.
 */
export const unreadFigure: FileRule = {
  meta: defineRule({
    id: 'unread-figure',
    severity: 'info',
    description: 'A line names liquidations, ETF flows, the total market cap or Fear & Greed next to a number, but no figure of that kind could be placed with confidence: the key figures show a dash.'
  }),
  check({file, extracted}, reporter) {
    for (const item of extracted.market.unread) {
      const text = item.text.length > 90 ? `${item.text.slice(0, 89)}…` : item.text
      reporter.report(file, this.meta, `Unexpected ${item.field} with no figure read from “${text}”, expected one written like ${item.example}`, {line: item.line, column: item.column}, {
        actual: item.text,
        note: `No ${item.field} is shown for this day. A figure is read only when its words say what it is (24h, total, net, the asset) and nothing makes it something else (open interest, one asset, one fund, a week, a forecast).`
      })
    }
  }
}

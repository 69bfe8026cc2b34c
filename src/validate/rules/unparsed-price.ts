import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

export const unparsedPrice: FileRule = {
  meta: defineRule({
    id: 'unparsed-price',
    severity: 'warning',
    description: 'A market-overview line quotes an asset (the subject of the line, bullet or table row, followed by a money-like figure), but no price for that asset could be read anywhere in the brief. Lines about derivatives, funding, liquidations, flows, options, market cap or supply are never reported.'
  }),
  check({file, extracted}, reporter) {
    for (const line of extracted.market.unparsed) {
      const text = line.text.length > 80 ? `${line.text.slice(0, 77)}…` : line.text
      reporter.report(
        file,
        this.meta,
        `Unexpected ${line.symbol} quote with no readable price in “${text}”, expected a price such as \`$95,975\`, \`95,975 USD\` or a range \`$90,322–$92,114\``,
        {line: line.line, column: line.column},
        {actual: line.text, note: `No ${line.symbol} price was read from the whole brief. Write the price with a dollar sign or USD and comma thousands ("$95,975.00"); mark figures that are not prices (a target, a level) with words such as "support" or "target".`}
      )
    }
  }
}

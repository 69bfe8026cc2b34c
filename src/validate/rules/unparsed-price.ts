import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

export const unparsedPrice: FileRule = {
  meta: defineRule({
    id: 'unparsed-price',
    severity: 'warning',
    description: 'A market-overview line names an asset and a figure, but no price could be read from it.'
  }),
  check({file, extracted}, reporter) {
    for (const line of extracted.market.unparsed) {
      const text = line.text.length > 80 ? `${line.text.slice(0, 77)}…` : line.text
      reporter.report(
        file,
        this.meta,
        `Unexpected ${line.symbol} figure that is not a readable price in “${text}”, expected a price such as \`$95,975\`, \`95,975 USD\` or a range \`$90,322–$92,114\``,
        {line: line.line, column: line.column},
        {actual: line.text, note: 'Write the price with a currency sign or unit next to the asset, or mark figures that are not prices (a target, a level) with words such as "support" or "target".'}
      )
    }
  }
}

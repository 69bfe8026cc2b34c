import {findMoney, inMillionsOrBillions} from '../numbers.js'
import type {Liquidation, Recogniser} from '../types.js'
import {DAY_WINDOW, OTHER_WINDOW, WHOLE_MARKET} from './liquidations.js'

/** The column that holds the total, when the table has sides beside it. */
const TOTAL_COLUMN = /^(?:total|all|amount|sum|usd|\$|value|liquidated)\b/i

/**
 * A table of the day's liquidations under a title that names them ("## Liquidations by venue (24h)",
 * "LIQS"): the whole market's row gives the total (its Total or Amount column, or its only amount), and
 * the columns headed Longs and Shorts its sides. A title or column of another window gives nothing.
 */
export const liquidationTable: Recogniser<Liquidation> = {
  name: 'liquidation-table',
  match(context) {
    const table = context.table
    const title = `${context.section.title} ${table?.caption ?? ''}`
    if (!table || !/liquidat|\bliqs?\b/i.test(title) || (OTHER_WINDOW.test(title) && !DAY_WINDOW.test(title))) return []
    // The whole market's row: "| **All venues** | … |", "| Total | 100% | $238M |".
    if (!WHOLE_MARKET.test(table.cells[0]?.trim() ?? '')) return []
    const amountIn = (index: number) => (index > 0 ? findMoney(table.cells[index] ?? '', {bare: true}).find((money) => inMillionsOrBillions(money) && !money.negative && !money.range) : undefined)
    const columnOf = (pattern: RegExp) => table.header.findIndex((name, index) => index > 0 && pattern.test(name.trim()) && amountIn(index) !== undefined)
    const amounts = table.cells.map((_, index) => amountIn(index)).filter((money) => money !== undefined)
    const totalColumn = columnOf(TOTAL_COLUMN)
    const total = totalColumn > 0 ? amountIn(totalColumn) : amounts.length === 1 ? amounts[0] : undefined
    if (!total || (totalColumn > 0 && OTHER_WINDOW.test(table.header[totalColumn]!) && !DAY_WINDOW.test(table.header[totalColumn]!))) return []
    const result: Liquidation = {amountUsd: total.value, window: '24h', line: context.line, evidence: context.text}
    const long = amountIn(columnOf(/^longs?\b/i))
    const short = amountIn(columnOf(/^shorts?\b/i))
    // The sides count only when they add up to the total.
    if (long && short && Math.abs(long.value + short.value - total.value) <= 0.01 * total.value) Object.assign(result, {long: long.value, short: short.value})
    return [result]
  }
}

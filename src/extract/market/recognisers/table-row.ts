import {assetOfLabel, inPriceBand, PRICE_BANDS} from '../assets.js'
import {findMoney, findPercents, findPlainNumbers} from '../numbers.js'
import type {LineContext, PriceQuote, Recogniser} from '../types.js'

const PRICE_HEADER = /price|level|spot|close|last|usd|\$|range/i
const CHANGE_HEADER = /24\s?h|change|chg|%|move|perf/i
const FORECAST = /\b(forecasts?|projected|projections?|targets?|expected)\b/i
const OTHER_PERIOD = /7\s?d|week|month|30\s?d|ytd|yoy|year|cap/i

/** The table each quote was read from (the line of its first row), so that rows of one table can complete each other. */
export const tableOfQuote = new WeakMap<PriceQuote, number>()

/**
 * A GFM prices table: `| BTC | \$87,310 | -1.0% | -6.0% |`. The asset is the
 * first cell; price and 24h-change columns come from the header (the first
 * column with money, the first with a percentage, when the header is vague).
 */
export const tableRow: Recogniser<PriceQuote> = {
  name: 'table-row',
  match(context: LineContext) {
    if (!context.table) return []
    const {header, cells} = context.table
    const asset = assetOfLabel(cells[0] ?? '')
    if (!asset) return []
    const priceColumn = pickColumn(header, cells, PRICE_HEADER, (cell) => findMoney(cell).some((money) => !money.negative && (!money.unit || money.unit === 'k')) || plainPrice(asset.symbol, cell) !== undefined)
    const changeColumn = pickColumn(header, cells, CHANGE_HEADER, (cell) => findPercents(cell).length > 0, priceColumn)
    const quote: PriceQuote = {asset: asset.name, symbol: asset.symbol, line: context.line}
    // "~\$892–\$1,055 range forecast" in the price column is not where it trades.
    const priceCell = priceColumn === undefined || FORECAST.test(cells[priceColumn]!) ? undefined : cells[priceColumn]!
    // "| ARB | ~0.105 |": a plain number in a price column is a price.
    const money = priceCell === undefined ? undefined : findMoney(priceCell).find((m) => !m.negative && (!m.unit || m.unit === 'k')) ?? (PRICE_HEADER.test(header[priceColumn!] ?? '') ? plainPrice(asset.symbol, priceCell) : undefined)
    if (money?.range) quote.range = money.range
    else if (money) quote.price = money.value
    // "| BTC | $95,720 (+1.7%) |": the change may share the price's cell.
    const changeCell = changeColumn !== undefined ? cells[changeColumn]! : money ? priceCell : undefined
    const percent = changeCell === undefined ? undefined : findPercents(changeCell).find((item) => !item.bound)
    if (percent?.value !== undefined) quote.change24hPct = percent.value
    else if (percent?.range) quote.change24hRange = percent.range
    if (quote.price === undefined && quote.range === undefined && quote.change24hPct === undefined && quote.change24hRange === undefined) return []
    tableOfQuote.set(quote, context.table.startLine)
    return [quote]
  }
}

function pickColumn(header: string[], cells: string[], wanted: RegExp, fits: (cell: string) => boolean, not?: number): number | undefined {
  for (let column = 1; column < cells.length; column++) {
    if (column === not) continue
    if (wanted.test(header[column] ?? '') && !OTHER_PERIOD.test(header[column] ?? '') && fits(cells[column]!)) return column
  }
  for (let column = 1; column < cells.length; column++) {
    if (column === not || OTHER_PERIOD.test(header[column] ?? '')) continue
    if (fits(cells[column]!)) return column
  }
  return undefined
}

/** The cell is one plain number (or range), inside the asset's band when it has one. */
function plainPrice(symbol: string, cell: string) {
  const numbers = findPlainNumbers(cell)
  if (numbers.length !== 1 || cell.replace(/[\s~≈$]/g, '').length > numbers[0]!.end - numbers[0]!.index + 4) return undefined
  const [number] = numbers
  return PRICE_BANDS[symbol] === undefined || inPriceBand(symbol, number!.value) ? number : undefined
}

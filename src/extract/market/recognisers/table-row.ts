import {assetOfLabel, inPriceBand, PRICE_BANDS} from '../assets.js'
import {findMoney, findPercents, findPlainNumbers} from '../numbers.js'
import {providerTwin} from '../providers.js'
import {OTHER_CURRENCY} from '../topics.js'
import type {LineContext, PriceQuote, Recogniser} from '../types.js'
import {setChange} from './change.js'

const PRICE_HEADER = /price|level|spot|close|last|now|current|usd|\$|range|\bpx\b/i
const CHANGE_HEADER = /24\s?h|change|chg|%|move|perf/i
/** A column that can only hold the 24h change, so a bare number in it is a percentage. */
const BARE_CHANGE_HEADER = /^(?:24\s?h|Δ\s?24\s?h|24\s?h\s?(?:%|chg|change|Δ)(?:\s?(?:%|pct))?|%\s?24\s?h|(?:chg|change)\s?24\s?h(?:\s?(?:%|pct))?|change \(24\s?h\)|1d|1d %)$/i
/** "+0.8", "-2.8", "(1.2)": a signed or bracketed number under 100. */
const BARE_PERCENT = /^(\()?[+]?([−–-])?\s?(\d{1,2}(?:\.\d+)?)\)?$/
const OTHER_MEASURE = /\b(?:vol(?:ume)?|yoy|y\/y|ytd|mtd|7\s?d|30\s?d|week\w*|month\w*|dominance|funding|oi)\b/i
const FORECAST = /\b(forecasts?|projected|projections?|targets?|expected)\b/i
const OTHER_PERIOD = /7\s?d|week|month|30\s?d|ytd|yoy|year|cap|\b(?:1|4|8|12)\s?h\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b/i
/** A column of levels ("| | Support | Resistance |", "24h high", "ATH", "Target") never holds where the asset trades. */
const SR_HEADER = /\b(?:support|resistance|[SR][1-3])\b/i
/** A column of an earlier moment's prices: "Fri close", "Asia close", "Open", "Prev", "24h ago". */
const EARLIER_HEADER = /\b(?:open(?:ing)?|prev(?:ious)?|prior|yesterday|yday|ago|(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?|asia(?:n)?|europe(?:an)?|london|close)\b/i
const LEVEL_HEADER = /\b(?:support|resistance|targets?|pivot|stop|invalidation|entry|high|low|ath|all-time|floor|ceiling|[SR][1-3])\b/i

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
    // A key-value table's row for one of the asset's figures: "| BTC 24h change | -2.8% |", "| BTC 24h range | $92,410 – $96,030 |".
    if (!asset) return figureRow(context)
    const pricedCell = (cell: string) => findMoney(cell).some((money) => !money.negative && (!money.unit || money.unit === 'k')) || plainPrice(asset.symbol, cell) !== undefined
    // A table of levels ("| | Support | Resistance | Notes |") gives a price only from a column headed as one.
    const levels = header.some((name) => SR_HEADER.test(name))
    const headed = header.findIndex((name, index) => index > 0 && PRICE_HEADER.test(name) && !LEVEL_HEADER.test(name) && pricedCell(cells[index] ?? ''))
    const firstPriced = !levels ? pickColumn(header, cells, PRICE_HEADER, pricedCell, undefined, LEVEL_HEADER) : headed > 0 ? headed : undefined
    // "| Asset | Fri close | Now (07:00 UTC) | 24h |": an earlier moment's column gives way to a later price column.
    const later = firstPriced !== undefined && EARLIER_HEADER.test(header[firstPriced] ?? '') ? header.findIndex((name, index) => index > firstPriced && PRICE_HEADER.test(name) && !EARLIER_HEADER.test(name) && !LEVEL_HEADER.test(name) && !OTHER_PERIOD.test(name) && pricedCell(cells[index] ?? '')) : -1
    const priceColumn = later > 0 ? later : firstPriced
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
    // "Flat (vol +41.7% YoY)": a percentage of something else than the day's move.
    const percent = changeCell === undefined || OTHER_MEASURE.test(changeCell) ? undefined : findPercents(changeCell).find((item) => !item.bound)
    // "| 24h (CoinGecko) | 24h (CoinMarketCap) |": two providers' changes, a band.
    const twin = percent && changeColumn !== undefined ? findPercents(cells[providerTwin(header, changeColumn)] ?? '').find((item) => !item.bound) : undefined
    if (percent && twin && twin.value !== undefined && percent.value !== undefined && twin.value !== percent.value) quote.change24hRange = [Math.min(percent.value, twin.value), Math.max(percent.value, twin.value)]
    else if (percent) setChange(quote, percent)
    else {
      // "| BTC | 96,412 | +0.2 | -0.8 |" under "| Asset | Last | 1h | 24h |": a 24h column of bare percentages.
      const column = header.findIndex((name, index) => index > 0 && BARE_CHANGE_HEADER.test(name.trim()))
      const bare = column > 0 ? BARE_PERCENT.exec((cells[column] ?? '').trim()) : null
      if (bare) quote.change24hPct = (bare[1] || bare[2] ? -1 : 1) * Number(bare[3])
    }
    return quote.price === undefined && quote.range === undefined && quote.change24hPct === undefined && quote.change24hRange === undefined ? [] : [quote]
  }
}

function pickColumn(header: string[], cells: string[], wanted: RegExp, fits: (cell: string) => boolean, not?: number, never?: RegExp): number | undefined {
  // (A column in another currency, "24h (KRW market)", "Price (EUR)", is never the dollar figure's.)
  const excluded = (column: number) => column === not || OTHER_PERIOD.test(header[column] ?? '') || OTHER_CURRENCY.test(header[column] ?? '') || (never?.test(header[column] ?? '') ?? false)
  for (let column = 1; column < cells.length; column++) {
    if (!excluded(column) && wanted.test(header[column] ?? '') && fits(cells[column]!)) return column
  }
  for (let column = 1; column < cells.length; column++) {
    if (excluded(column)) continue
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

const CHANGE_ROW = /\b24\s?-?h(?:ours?)?\s*(?:change|chg|%|move)|\b(?:change|chg)\s*\(?\s*24\s?-?h\)?|\bday(?:['’]s)? (?:change|move)/i
const RANGE_ROW = /\b24\s?-?h(?:ours?)?\s*range\b|\bday(?:['’]s)? range\b|\brange\s*\(?\s*24\s?-?h\)?/i

/** "| BTC 24h change | -2.8% |" gives the change alone, "| BTC 24h range | $92,410 – $96,030 |" the day's range; the table's other rows join them to the price. */
function figureRow(context: LineContext): PriceQuote[] {
  const [label = '', ...values] = context.table!.cells
  const kind = CHANGE_ROW.test(label) ? CHANGE_ROW : RANGE_ROW.test(label) ? RANGE_ROW : undefined
  const asset = kind && !OTHER_MEASURE.test(label) ? assetOfLabel(label.replace(kind, ' ')) : undefined
  if (!asset) return []
  const value = values.join(' ')
  const quote: PriceQuote = {asset: asset.name, symbol: asset.symbol, line: context.line}
  if (kind === CHANGE_ROW) {
    const [percent] = findPercents(value)
    if (!percent || percent.bound) return []
    setChange(quote, percent)
  } else {
    const band = findMoney(value).find((money) => money.range && !money.negative && (!money.unit || money.unit === 'k'))
    if (!band?.range) return []
    quote.range = band.range
  }
  return [quote]
}

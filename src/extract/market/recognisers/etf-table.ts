import {findDays, isStaleDay} from '../days.js'
import {findMoney, inMillionsOrBillions} from '../numbers.js'
import type {EtfFlow, Recogniser} from '../types.js'
import {ASSETS, ETF, LONGER_SPAN, NOT_A_DAY_FLOW} from './etf-flows.js'
import {bareAmount, MILLIONS} from '../table-contexts.js'

/** Words a flow column's header may hold besides the asset ("BTC ETFs (net, USD)"). */
const HEADER_WORDS = /\b(?:spot|etfs?|etps?|funds?|net|flows?|usd|us\$?|\$|m|mn|millions?)\b|[()$,/]/gi

/**
 * A table of daily ETF flows with a column per asset: `| Date | BTC | ETH | IBIT only |`
 * then `| Fri 10 Apr | -118.9M | -9.8M | +12.4M |`. The section's title or the header
 * says ETF; a row is read when its first cell names a day of the brief's last week, and a
 * column when its header names one asset and nothing else ("IBIT only", "Week net" are
 * not the market's day). An unsigned amount says no direction, and is not read.
 */
export const etfTable: Recogniser<EtfFlow> = {
  name: 'etf-table',
  match(context) {
    const table = context.table
    const caption = table?.caption ?? ''
    // ("Week 49 in the US spot funds (USD):" over rows "| Tue 2 Dec | −412M | −37M |": a week's days, each its own.)
    const dayRow = /^\W*(?:mon|tue|wed|thu|fri)[a-z]*\.?,?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s+[a-z]{3,9}\.?)?\W*$/i.test(table?.cells[0] ?? '')
    if (!table || !ETF.test(`${context.section.title} ${caption} ${table.header.join(' ')}`) || LONGER_SPAN.test(context.section.title) || (LONGER_SPAN.test(caption) && !dayRow)) return []
    // "Fri 10 Apr" names one day twice; "Week to 10 Apr" or "Month to date" is no day.
    // (A table of funds under "US spot ETF net flows, Wednesday 26 May (US$ millions)": its "Total (day)" row is that day's.)
    const first = table.cells[0] ?? ''
    const totalRow = /^\W*total\b(?:\s*\(\s*(?:day|daily|net)\s*\))?\W*$/i.test(first) && /\bnet\b/i.test(caption)
    const days = findDays(totalRow ? caption : first, context.date)
    const [day] = days
    if (!day?.iso || new Set(days.map((found) => found.iso)).size > 1 || LONGER_SPAN.test(first) || (!totalRow && NOT_A_DAY_FLOW.test(first)) || isStaleDay(day, context.date, 10)) return []
    const flows: EtfFlow[] = []
    const scope = `${context.section.title} ${caption} ${table.header.join(' ')}`
    // ("| Date | Asset | Net flow (USD M) |" then "| 2034-11-02 | BTC | +402.6 |": a row per day and asset, the asset in its own column.)
    const assetColumn = table.header.findIndex((name) => /^\s*(?:asset|coin|underlying)\s*$/i.test(name))
    for (const [column, cell] of table.cells.entries()) {
      const header = table.header[column] ?? ''
      // A column per asset ("BTC ETFs (net, USD)"), or the total of a table of funds under a title that names one asset.
      const total = /^\s*(?:net\s+)?total\s*$/i.test(header)
      const netColumn = assetColumn > 0 && /^\s*(?:daily\s+)?net(?:\s+flows?)?\b/i.test(header)
      if (column === 0 || (!total && NOT_A_DAY_FLOW.test(header)) || LONGER_SPAN.test(header) || (assetColumn > 0 && !netColumn)) continue
      const assets = ASSETS.filter(([, pattern]) => pattern.test(netColumn ? table.cells[assetColumn] ?? '' : total ? context.section.title : header))
      if (assets.length !== 1 || (!total && !netColumn && /\p{L}{2,}/u.test(header.replace(assets[0]![1], '').replace(HEADER_WORDS, '')))) continue
      const money = findMoney(cell, {bare: true})
      const millions = money.length === 0 && (MILLIONS.test(scope) || table.millions) ? bareAmount(cell) : undefined
      const amount = money[0] ?? millions
      if (money.length > 1 || !amount || amount.range || (!millions && !inMillionsOrBillions(amount))) continue
      // In a table of net flows in millions, an unsigned amount is an inflow (its outflows carry a minus).
      const direction = amount.negative ? 'outflow' : /^\s*\+/.test(cell) || (millions && (/\bnet\b/i.test(scope) || table.millions)) ? 'inflow' : undefined
      if (!direction) continue
      flows.push({asset: assets[0]![0], direction, amountUsd: amount.value, line: context.line, evidence: context.text, day: day.text, date: day.iso})
    }
    return flows
  }
}

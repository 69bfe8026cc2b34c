import {isStaleDay, soleDayOf} from '../days.js'
import {findMoney} from '../numbers.js'
import type {EtfFlow, Recogniser} from '../types.js'
import {ASSETS, ETF, LONGER_SPAN, NOT_A_DAY_FLOW} from './etf-flows.js'
import {bareAmount, MILLIONS} from '../table-contexts.js'

/**
 * The total row of a table of funds: "| **Total** | **+400.1** |", "| Total BTC | -$387.2M |",
 * "| Total, spot BTC ETFs |", "| Sum, spot BTC ETFs |": a total word and nothing but the asset and the market's words.
 */
function totalRow(cell: string): {asset?: string} | undefined {
  const words = cell.trim()
  // (A fund list's "NET" line is its total.)
  if (/^\W*net\W*$/i.test(words)) return {}
  if (!/\b(?:total|sum|all funds|combined)\b/i.test(words)) return undefined
  if (words.replace(/\b(?:total|sum|net|all|funds?|flows?|spot|us|u\.s|etfs?|etps?|combined|btc|bitcoin|eth|ether(?:eum)?|sol|solana|xrp)\b|[(),.:;\s*_-]/gi, '') !== '') return undefined
  const asset = assetOf(words)
  return asset ? {asset} : {}
}

/**
 * A table of one day's flows fund by fund, read at its total row: the section title
 * (or the header) says ETF and names the day ("## Flows: Tuesday, Dec 1", "### ETF flows
 * (Mon 12/14)"); the asset is the row's, a column's, or the title's (bare ETFs are
 * Bitcoin's). A column of a week, AUM or holdings is no day's flow; an unsigned total
 * says no direction and is not read.
 */
export const etfFundTable: Recogniser<EtfFlow> = {
  name: 'etf-fund-table',
  match(context) {
    const table = context.table
    const total = table ? totalRow(table.cells[0] ?? '') : undefined
    if (!table || !total) return []
    // (The total row may say ETF itself: "| Total, spot BTC ETFs | −688.0M |".)
    // ("Spot BTC ETFs:" on the line above the table is its caption.)
    const caption = table.caption ?? ''
    const scope = `${context.section.title} ${caption} ${table.header.join(' ')} ${table.cells[0]}`
    if (!ETF.test(scope) && !/\bflows?\b/i.test(context.section.title)) return []
    if (LONGER_SPAN.test(context.section.title) || NOT_A_DAY_FLOW.test(context.section.title)) return []
    // ("## The Tuesday FAQ" in Tuesday's brief names the edition, not the flows' day.)
    // ("**Tuesday 18 January**, spot BTC ETFs, net, million USD:" above the table names it too.)
    const titleDay = [soleDayOf(context.section.title, context.date), soleDayOf(caption, context.date)].find((day) => day && day.iso !== context.date)
    const flows: EtfFlow[] = []
    for (const [column, cell] of table.cells.entries()) {
      const header = table.header[column] ?? ''
      if (column === 0 || NOT_A_DAY_FLOW.test(header) || LONGER_SPAN.test(header)) continue
      // The day the title names, or the column's own ("| Fund | Friday, March 8 |").
      const day = titleDay ?? soleDayOf(header, context.date)
      if (day && isStaleDay(day, context.date, 5)) continue
      const asset = total.asset ?? assetOf(header) ?? assetOf(caption) ?? assetOf(context.section.title) ?? (ASSETS.some(([, pattern]) => pattern.test(scope)) ? undefined : 'BTC')
      // "+400.1" under "Net flow (US$M)": millions, signed.
      const money = findMoney(cell, {bare: true})
      // (Or under "## Flows (Monday Sep 8, $M)": the unit the title gives.)
      const millions = money.length === 0 && MILLIONS.test(`${header} ${context.section.title} ${caption}`) ? bareAmount(cell) : undefined
      const [amount, ...more] = millions ? [millions] : money
      if (!asset || !amount || more.length > 0 || amount.range) continue
      const direction = amount.negative ? 'outflow' : /^\s*\+/.test(cell) ? 'inflow' : undefined
      if (!direction) continue
      const flow: EtfFlow = {asset, direction, amountUsd: amount.value, line: context.line, evidence: `${context.section.title}: ${context.text}`}
      if (day) {
        flow.day = day.text
        if (day.iso) flow.date = day.iso
      }
      flows.push(flow)
    }
    return flows
  }
}

function assetOf(words: string): string | undefined {
  const found = ASSETS.filter(([, pattern]) => pattern.test(words))
  return found.length === 1 ? found[0]![0] : undefined
}

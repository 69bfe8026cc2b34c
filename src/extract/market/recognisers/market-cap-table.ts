import {findMoney, findPercents} from '../numbers.js'
import type {MarketCap, Recogniser} from '../types.js'
import {setChange} from './change.js'

/** A row for the whole market: "| **Total** | — | +0.9% | +4.8% | $3.84T |", "| Crypto market | … |". */
const TOTAL_ROW = /^(?:total(?: crypto\w*)?|all(?: crypto\w*| coins| assets)?|(?:total |whole |global )?(?:crypto )?market(?: total)?|global)$/i
const CAP_HEADER = /\b(?:market cap\w*|mkt\.? cap|m-?cap|cap|capitali[sz]ation)\b/i
const CHANGE_HEADER = /24\s?h|\b1d\b|\bday\b|change|chg/i
const OTHER_PERIOD = /7\s?d|week|month|30\s?d|ytd|yoy|year/i

/**
 * The total row of a prices table with a market-cap column: the cap is that
 * column's amount, its change the 24h column's percentage. A row naming an
 * asset is the asset's own cap, never the total.
 */
export const marketCapTable: Recogniser<MarketCap> = {
  name: 'market-cap-table',
  match(context) {
    if (!context.table) return []
    const {header, cells} = context.table
    if (!TOTAL_ROW.test((cells[0] ?? '').trim())) return []
    const capColumn = header.findIndex((name, column) => column > 0 && CAP_HEADER.test(name) && !OTHER_PERIOD.test(name))
    const amount = capColumn > 0 ? findMoney(cells[capColumn] ?? '', {bare: true}).find((money) => !money.negative && money.value >= 1e11) : undefined
    if (!amount) return []
    const result: MarketCap = {line: context.line}
    if (amount.range) result.usdRange = amount.range
    else result.usd = amount.value
    const changeColumn = header.findIndex((name, column) => column > 0 && column !== capColumn && CHANGE_HEADER.test(name) && !OTHER_PERIOD.test(name))
    const percent = changeColumn > 0 ? findPercents(cells[changeColumn] ?? '').find((item) => !item.bound) : undefined
    setChange(result, percent)
    return [result]
  }
}

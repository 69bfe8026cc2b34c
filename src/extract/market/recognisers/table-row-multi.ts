import {findAssetMentions} from '../assets.js'
import {findMoney, findPercents} from '../numbers.js'
import type {PriceQuote, Recogniser} from '../types.js'
import {setChange} from './change.js'

/**
 * A prices-table row for several assets at once, paired in order:
 * `| ADA, DOGE | \$0.5677, \$0.17495 | –1.93%, –1.81% |`. Read only when
 * the price cell has exactly one amount per asset, so nothing is guessed.
 */
export const tableRowMulti: Recogniser<PriceQuote> = {
  name: 'table-row-multi',
  match(context) {
    if (!context.table) return []
    const {cells} = context.table
    const assets = distinct(findAssetMentions(cells[0] ?? '').filter((mention) => mention.quote))
    if (assets.length < 2) return []
    const priceCell = cells.slice(1).find((cell) => findMoney(cell).length > 0)
    const prices = priceCell ? findMoney(priceCell).filter((money) => !money.negative && (!money.unit || money.unit === 'k')) : []
    if (prices.length !== assets.length) return []
    const changeCell = cells.slice(1).find((cell) => cell !== priceCell && findPercents(cell).length === assets.length)
    const changes = changeCell ? findPercents(changeCell) : []
    return assets.map((asset, index) => {
      const quote: PriceQuote = {asset: asset.name, symbol: asset.symbol, line: context.line}
      const money = prices[index]!
      if (money.range) quote.range = money.range
      else quote.price = money.value
      setChange(quote, changes[index]?.bound ? undefined : changes[index])
      return quote
    })
  }
}

function distinct<T extends {symbol: string}>(mentions: T[]): T[] {
  const seen = new Set<string>()
  return mentions.filter((mention) => !seen.has(mention.symbol) && seen.add(mention.symbol))
}

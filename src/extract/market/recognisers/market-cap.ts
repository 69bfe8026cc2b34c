import {findMoney} from '../numbers.js'
import type {MarketCap, Recogniser} from '../types.js'
import {readChange} from './change.js'

const TOTAL_CAP = /\b(?:total|global|overall|aggregate|crypto(?:currency)?|market)\b[\w\s]{0,20}?market\s+cap(?:itali[sz]ation)?|^\s*[-*]?\s*market\s+cap(?:itali[sz]ation)?\b/i
const OF_AN_ASSET = /\b(bitcoin|btc|ethereum|eth|solana|xrp|bnb|usdt|usdc|stablecoin|tether|defi|altcoin|meme\w*|sector|ai|rwa|token|coin)\S*\s*(?:['’]s\s*)?(?:total\s+)?market\s+cap/i

/**
 * "Total crypto market cap fell 3.2% to \$4.24 trillion", "**Total Market
 * Cap**: \$3.97 trillion (-0.5% in 24h)": the first amount of at least
 * \$100B after the phrase (not one it fell *from*), and the change around it.
 */
export const marketCap: Recogniser<MarketCap> = {
  name: 'market-cap',
  match(context) {
    const {text} = context
    const phrase = TOTAL_CAP.exec(text)
    if (!phrase || OF_AN_ASSET.test(text.slice(Math.max(0, phrase.index - 20), phrase.index + phrase[0].length))) return []
    // The clause of the phrase: "Stablecoin cap rose 2.1%; total market cap rose 0.4%" gives 0.4%.
    const sentenceStart = Math.max(text.lastIndexOf('. ', phrase.index) + 1, text.lastIndexOf(';', phrase.index) + 1, 0)
    const ends = [text.indexOf('. ', phrase.index + phrase[0].length), text.indexOf(';', phrase.index + phrase[0].length)].filter((at) => at !== -1)
    const end = ends.length === 0 ? text.length : Math.min(...ends) + 1
    const amounts = findMoney(text.slice(0, end), {bare: true}).filter((money) => money.index >= phrase.index && money.value >= 1e11 && !money.negative)
    const amount = amounts.find((money) => !/\bfrom\s*$/i.test(text.slice(Math.max(0, money.index - 8), money.index))) ?? amounts[0]
    const result: MarketCap = {line: context.line}
    if (amount?.range) result.usdRange = amount.range
    else if (amount) result.usd = amount.value
    Object.assign(result, readChange(text, sentenceStart, end))
    return result.usd === undefined && result.usdRange === undefined ? [] : [result]
  }
}

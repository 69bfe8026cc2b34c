import {findMoney} from './numbers.js'
import {PRICE_AGGREGATORS} from './topics.js'

/** "per CoinGecko", "on CoinMarketCap", "(CMC)", "according to Messari": a figure attributed to a price aggregator. */
const ATTRIBUTED = new RegExp(String.raw`^\s*(?:\(\s*|(?:per|on|via|from|at|according to)\s+)(${PRICE_AGGREGATORS})\b\)?`, 'i')
/** "Two aggregators put … at", "both trackers show": the next two amounts are theirs. */
const TWO_SOURCES_BEFORE = /\b(?:two|both)\s+(?:aggregators|trackers|sources|providers|data (?:sites|providers|feeds))\b[^.;\d$]{0,60}$/i
/** What joins two providers' figures: "/", "|", "and", "vs", a comma. */
const JOIN = /^\s*(?:[/|,;]|and|vs\.?|versus|while|but|whereas)?\s*(?:and\s+|but\s+)?$/i
/** "CoinMarketCap's tally is a little higher at $3.44tn", "another tracker has it at …". */
const OTHER_SOURCE_AMOUNT = new RegExp(String.raw`^[^.]{0,80}?\b(?:${PRICE_AGGREGATORS}|another (?:tracker|source|aggregator)|other (?:tracker|source|aggregator)s?)\b[^.]{0,60}?(?:tally|reading|figure|estimate|count|version|puts it|has it|has|reads|shows?|says)\b[^.]{0,40}?(?=(?:US)?\$\s?\d)`, 'i')

/**
 * Another provider's reading of the amount that ends at `amount.end`, within `within` of it (a fraction):
 * "$99,550 per CoinGecko / $99,512 per CoinMarketCap", "$3.40T (CoinGecko) | $3.38T (CoinMarketCap)",
 * "US$3.41tn, according to CoinGecko; CoinMarketCap's tally is a little higher at US$3.44tn",
 * "$3.75 trillion according to one aggregator, $3.79 trillion according to the other", "Two aggregators put the
 * total market at $3.23 trillion and $3.25 trillion". The two make a band;
 * `end` is where the other reading ends in `text`.
 */
export function otherProvider(text: string, amount: {value: number; index: number; end: number}, within: number, options: {bare?: boolean} = {}): {value: number; end: number} | undefined {
  const close = (other: {value: number; range?: unknown}) => !other.range && other.value !== amount.value && Math.abs(other.value - amount.value) / amount.value <= within
  const after = (offset: number) => {
    const [other] = findMoney(text.slice(offset), options)
    return other && {...other, index: offset + other.index, end: offset + other.end}
  }
  const own = ATTRIBUTED.exec(text.slice(amount.end))
  if (own) {
    const other = after(amount.end + own[0].length)
    const theirs = other && ATTRIBUTED.exec(text.slice(other.end))
    if (other && theirs && theirs[1]!.toLowerCase() !== own[1]!.toLowerCase() && JOIN.test(text.slice(amount.end + own[0].length, other.index)) && close(other)) return {value: other.value, end: other.end}
  }
  // "Two aggregators put the total market at $3.23 trillion and $3.25 trillion".
  const and = TWO_SOURCES_BEFORE.test(text.slice(0, amount.index)) ? /^\s*(?:and|or|vs\.?)\s+(?=(?:US)?\$?\s?\d)/i.exec(text.slice(amount.end)) : null
  if (and) {
    const other = after(amount.end + and[0].length)
    if (other && close(other)) return {value: other.value, end: other.end}
  }
  const pair = /^\s*(?:according to|per|on|from)\s+one\b[^.$\d]{0,30}?[,;]\s*(?:and\s+|but\s+)?(?=(?:US)?\$\s?\d)/i.exec(text.slice(amount.end))
  if (pair) {
    const other = after(amount.end + pair[0].length)
    if (other && /^\s*(?:according to|per|on|from)\s+the other\b/i.test(text.slice(other.end, other.end + 40)) && close(other)) return {value: other.value, end: other.end}
  }
  const next = OTHER_SOURCE_AMOUNT.exec(text.slice(amount.end))
  const other = next && after(amount.end + next[0].length)
  return other && close(other) ? {value: other.value, end: other.end} : undefined
}

const AGGREGATOR = new RegExp(PRICE_AGGREGATORS, 'i')

/** The column headed as `column` is but for another provider ("24h (CoinGecko)" and "24h (CoinMarketCap)"), or -1. */
export function providerTwin(header: readonly string[], column: number): number {
  const own = header[column] ?? ''
  const rest = (name: string) => name.replace(AGGREGATOR, '').replace(/\W+/g, ' ').trim().toLowerCase()
  if (!AGGREGATOR.test(own)) return -1
  return header.findIndex((name, index) => index !== column && AGGREGATOR.test(name) && AGGREGATOR.exec(name)![0].toLowerCase() !== AGGREGATOR.exec(own)![0].toLowerCase() && rest(name) === rest(own))
}

/** Another provider's reading of a change right after it: ", while CoinMarketCap has it at 3.6%", "on 24 hours per CoinGecko (CoinMarketCap shows 1.9%)". */
const OTHER_PROVIDER_CHANGE = new RegExp(String.raw`^(?:[^.;\d%]|\b24\b){0,40}?(?:\b(?:while|whereas|and|but)\s+|\(\s*)(?:${PRICE_AGGREGATORS}|another (?:tracker|source|aggregator|feed)|the other (?:tracker|source|aggregator|feed))\b[^.;\d%]{0,20}?\b(?:has it at|has|shows|reads|puts it at|at)\s+(\d+(?:\.\d+)?)\s?%`, 'i')

/** The other provider's reading of a change of `value` right after it, with the same sign: `after` is the text that follows it. */
export function otherProviderChange(after: string, value: number): number | undefined {
  const other = OTHER_PROVIDER_CHANGE.exec(after)
  if (other) return Math.sign(value) * Number(other[1])
  // "−2.1% (Coinbase) / −2.0% (Binance)": each reading named by its source in brackets.
  const named = NAMED_PAIR.exec(after)
  if (!named || named[1]!.toLowerCase() === named[4]!.toLowerCase()) return undefined
  return (/^[−–-]$/.test(named[2] ?? '') ? -1 : 1) * Number(named[3])
}

/** The words right after a change, when they name its source in brackets and give a second source's reading. */
const NAMED_PAIR = /^\s*\(\s*([A-Z][\w.]{2,20})\s*\)\s*(?:\/|\||vs\.?|and)\s*([+−–-])?\s?(\d+(?:\.\d+)?)\s?%\s*\(\s*([A-Z][\w.]{2,20})\s*\)/

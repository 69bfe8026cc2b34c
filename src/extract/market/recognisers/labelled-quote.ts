import {inPriceBand} from '../assets.js'
import {findMoney, findPercents, findPlainNumbers} from '../numbers.js'
import {OTHER_CURRENCY} from '../topics.js'
import type {PriceQuote, Recogniser} from '../types.js'
import {setChange} from './change.js'
import {signFromWords} from './sign-words.js'

const CLOCK_LABEL = /^[\s>*+\-]*\d{1,2}:\d{2}\s*(?:UTC|GMT|Z|ET|CET)?\b[^:\d]{0,16}:\s*/i
const LABEL = /^[\s>*+\-]*(?:\d+[.)]\s+)?([A-Za-z0-9][\w\s()%/&.-]{0,40}?)\s*:\s*(.+)$/
const PRICE_LABEL = /\b(?:current|spot|last|latest)?\s*price\b|\btrading at\b|\bspot\b|\blast\b|\bquote\b/i
const NOT_PRICE_LABEL = /\b(target|support|resistance|high|low|ath|all-time|open|close|previous|prior|forecast|entry|stop|strike|level|cap|volume|dominance|supply|week|month|year|ytd)\b/i
const CHANGE_LABEL = /\b24\s?-?h(?:ours?|r)?\b|\bdaily\b|\bday\b|\b1d\b/i
const CHANGE_WORD = /\bchange|\bmove|\bperformance|%|\breturn/i
/** "Seven-day change", "30-day move", "Week change": another period's, though "day" is in it. */
const OTHER_PERIOD_LABEL = /\b(?:[2-9]\d*|1\d+|two|three|four|five|six|seven|ten|fourteen|thirty|ninety)[\s-]*days?\b|\bweek|\bmonth|\bquarter|\bytd\b|\byear|\bwtd\b|\bmtd\b/i

/**
 * Lines under an asset's own heading, as other authors write them:
 * `## Bitcoin (BTC)` then `**Current Price:** $123,858.60` and
 * `**24h Change:** -1.2%`. The label before the colon decides the role; the
 * asset is the heading's (set on the line's context).
 */
export const labelledQuote: Recogniser<PriceQuote> = {
  name: 'labelled-quote',
  match(context) {
    const asset = context.asset
    if (!asset || context.table) return []
    // "- 08:00 UTC: spot 107.4k ▼ 0.7 pct", "- 14:00 UTC refresh: spot 106.75k": the time is the line's moment, not its label.
    const text = context.text.replace(CLOCK_LABEL, '')
    const labelled = LABEL.exec(text)
    if (!labelled) return valueLine(text, asset, context.line)
    const [, label, value] = labelled as unknown as [string, string, string]
    const quote: PriceQuote = {asset: asset.name, symbol: asset.symbol, line: context.line}
    // "24h Change: -1.2%", or the period alone: "24h: +0.9%".
    const isChange = CHANGE_LABEL.test(label) && !OTHER_PERIOD_LABEL.test(label.replace(/\b24\s?-?h(?:ours?|r)?\b/gi, '')) && (CHANGE_WORD.test(label) || /^\s*(?:24\s?-?h(?:ours?|r)?|1d|d\/d)\s*$/i.test(label))
    // "24h Range: $77,900 – $80,150", "Day range: …": the day's low and high.
    if (/\brange\b/i.test(label) && !/\b(week|7d|month|30d|year|52)/i.test(label)) {
      const band = findMoney(value).find((m) => m.range && !m.negative && (m.unit === undefined || m.unit === 'k')) ?? findPlainNumbers(value).find((n) => n.range && inPriceBand(asset.symbol, n.range[0]))
      if (band?.range) quote.range = band.range
      return quote.range ? [quote] : []
    }
    if (PRICE_LABEL.test(label) && !NOT_PRICE_LABEL.test(label) && !isChange) {
      const money = findMoney(value).find((m) => !m.negative && (m.unit === undefined || m.unit === 'k'))
      const plain = money ? undefined : findPlainNumbers(value).find((n) => n.index < 4 && inPriceBand(asset.symbol, n.value))
      const amount = money ?? plain
      if (amount?.range) quote.range = amount.range
      else if (amount) quote.price = amount.value
      // "$71,420 (+1.2% 24h)": the change beside the price, unless it says another period or currency ("₹9,714,000 (INR change 24h: +0.8%)").
      const percent = findPercents(value)[0]
      if (percent && !percent.bound && !/week|7d|month|30d|ytd|year/i.test(value.slice(percent.end, percent.end + 16)) && !OTHER_CURRENCY.test(value.slice(0, percent.index))) setChange(quote, signFromWords(percent, value, 0))
    } else if (isChange && !OTHER_CURRENCY.test(label)) {
      const percent = findPercents(value)[0]
      if (percent && !percent.bound) setChange(quote, signFromWords(percent, value, 0))
    }
    return quote.price === undefined && quote.range === undefined && quote.change24hPct === undefined && quote.change24hRange === undefined ? [] : [quote]
  }
}

/**
 * The title's value on a line of its own: "**Bitcoin**" then "$94,560 · up 1.2% in 24h". Only a line that
 * opens on an amount in the asset's band, with no word before it that makes it a level.
 */
function valueLine(text: string, asset: {symbol: string; name: string}, line: number): PriceQuote[] {
  const [amount] = findMoney(text)
  // ("spot $193.20 ▲ 4.5%": a word that says price may lead.)
  if (!amount || amount.negative || !/^[\s>*+\-~≈]*(?:(?:spot|price|last|now|current(?:ly)?|trading at)\s*:?\s*[~≈]?\s*)?$/i.test(text.slice(0, amount.index)) || (amount.unit !== undefined && amount.unit !== 'k')) return []
  // "$200 is the obvious magnet": a sentence about the amount, not a figure line.
  if (wordsAfter(text.slice(amount.end).split(/[.;!?]\s/)[0]!) > 3) return []
  if (!inPriceBand(asset.symbol, amount.range ? amount.range[0] : amount.value)) return []
  const quote: PriceQuote = {asset: asset.name, symbol: asset.symbol, line}
  if (amount.range) quote.range = amount.range
  else quote.price = amount.value
  const rest = text.slice(amount.end)
  const percent = findPercents(rest)[0]
  if (percent && !percent.bound && !/week|7\s?d|month|30\s?d|ytd|year/i.test(rest.slice(percent.end, percent.end + 16))) setChange(quote, signFromWords(percent, rest, 0))
  return [quote]
}

/** Words after an amount other than its change and period ("▲ 4.5%", "up 1.2% in 24h", "(−0.8% on the day)"). */
function wordsAfter(rest: string): number {
  const words = rest.replace(/[+−–-]?\d[\d.,]*\s*%/g, ' ').match(/\p{L}[\p{L}'’/-]*/gu) ?? []
  return words.filter((word) => !/^(?:up|down|on|the|day|in|over|past|last|24h|h|hours?|today|change|flat|d\/d|1d|usd|usdt|vs|since|yesterday|session|daily|pct|percent)$/i.test(word)).length
}

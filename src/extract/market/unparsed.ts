import {cleanText} from './numbers.js'
import {findAssetMentions} from './assets.js'
import {NON_PRICE_TOPIC, quotesEarlierSnapshot, sentenceAt, sentenceStart} from './topics.js'
import type {LineContext, PriceQuote, UnparsedPrice} from './types.js'

/**
 * What may stand before the subject of a line or sentence: a bullet, a number,
 * an emoji or a short label ("Snapshot:", "Prices (spot):").
 */
const OPENING = /^[^\w$]*(?:[A-Za-z][\w ()&/-]{0,28}:\s*)?$/

/**
 * A figure written as money, in any way the recognisers may not read:
 * "$95,975", "95.975,00 $", "95 975 USD", "€88k", "68 434", "91.9k",
 * "ninety-five thousand", "95,975 dollars".
 */
const MONEY_LIKE = new RegExp(
  [
    String.raw`[$€£]\s?[~≈]?\s?\d(?:[\d.,]*\d)?(?:\s?[kK]\b)?(?:\s?[-–—]\s?[$€£]?\d(?:[\d.,]*\d)?(?:\s?[kK]\b)?)?`,
    String.raw`\d(?:[\d.,\s]*\d)?\s?(?:[$€£]|USD\b|US\s?dollars|dollars)`,
    String.raw`(?<![\d.,])\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2})?(?![\d%]|\s?%|\s?(?:bps|x)\b)`,
    String.raw`(?<![\d.,])\d+(?:[.,]\d+)?\s?[kK]\b`,
    String.raw`\b(?:[a-z]+[- ])?[a-z]+ (?:thousand|hundred)\b`
  ].join('|'),
  'i'
)
/** Words before the figure that make it a level or an amount of something else, not a quote. */
const NOT_A_QUOTE = /\b(support|resistance|target\w*|highs?|lows?|ath|all-time|record|peak|top|bottom|above|below|under|over|from|since|strikes?|pain|worth|of|by|for|to retest|toward|approach\w*|break\w*|clear\w*|reject\w*|reclaim\w*|test\w*|touch\w*|level|handle|zone|area|(?:\d+|fifty|hundred|two hundred)-day)\b/i
/** Words after the figure that make it a level or a forecast ("\$892–\$1,055 range forecast", "\$100K support"). */
const LEVEL_AFTER = /^[^|;]{0,12}?\b(forecasts?|projected|projections?|targets?|support|resistance|strike|max pain|ath|peak|intraday)\b/i
const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i

/**
 * Lines of the overview that look like an attempt to quote the price of an
 * asset for which the brief yields no price at all: the asset is the subject
 * of the line, bullet, sentence or table row, and a money-like figure follows
 * it closely ("- **Bitcoin**: 95.975,00 \$ (+1%)"). Lines about derivatives,
 * open interest, funding, liquidations, flows, options, market cap, supply
 * and the like name assets next to figures that are not their price: never.
 */
export function findUnparsed(contexts: readonly LineContext[], quotes: readonly PriceQuote[]): UnparsedPrice[] {
  const priced = new Set(quotes.filter((quote) => quote.price !== undefined || quote.range !== undefined).map((quote) => quote.symbol))
  const unparsed: UnparsedPrice[] = []
  for (const context of contexts) {
    if (quotesEarlierSnapshot(context.text)) continue
    const found = context.table ? unparsedInRow(context, priced) : unparsedInLine(context, priced)
    if (found) unparsed.push(found)
  }
  return unparsed
}

function unparsedInLine(context: LineContext, priced: ReadonlySet<string>): UnparsedPrice | undefined {
  const {text} = context
  const mentions = findAssetMentions(text)
  for (const [index, mention] of mentions.entries()) {
    if (!mention.quote || priced.has(mention.symbol)) continue
    const start = sentenceStart(text, mention.index)
    if (!OPENING.test(text.slice(start, mention.index))) continue
    // The figure must be the asset's own: before the next asset or the end of the clause.
    const next = mentions.slice(index + 1).find((other) => other.symbol !== mention.symbol)
    const clauseEnd = text.slice(mention.end).search(/[;.](?:\s|$)(?!\d)/)
    const end = Math.min(next?.index ?? text.length, clauseEnd === -1 ? text.length : mention.end + clauseEnd, mention.end + 40)
    const figure = moneyLike(text.slice(mention.end, end))
    if (figure === undefined) continue
    if (NON_PRICE_TOPIC.test(text.slice(start, Math.min(text.length, mention.end + figure + 30)))) continue
    return located(context, mention.symbol, mention.name)
  }
  return undefined
}

function unparsedInRow(context: LineContext, priced: ReadonlySet<string>): UnparsedPrice | undefined {
  const {header, cells} = context.table!
  const mentions = findAssetMentions(cells[0] ?? '')
  const symbols = new Set(mentions.map((mention) => mention.symbol))
  // A row about one asset; "ADA, DOGE" rows and rows about flows or caps are not quotes.
  if (symbols.size !== 1 || !mentions[0]!.quote || priced.has(mentions[0]!.symbol)) return undefined
  if (NON_PRICE_TOPIC.test(cells[0]!) || header.some((title) => NON_PRICE_TOPIC.test(title))) return undefined
  const rest = cells.slice(1).join(' | ')
  if (moneyLike(rest) === undefined) return undefined
  return located(context, mentions[0]!.symbol, mentions[0]!.name)
}

/** Index of the first money-like figure in `text` that is not a level, a date or a year. */
function moneyLike(text: string): number | undefined {
  const match = MONEY_LIKE.exec(text)
  if (!match) return undefined
  const before = text.slice(0, match.index)
  const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40)
  if (NOT_A_QUOTE.test(before) || MONTH.test(before) || /^(?:19|20)\d\d$/.test(match[0].trim()) || LEVEL_AFTER.test(after)) return undefined
  return match.index
}

function located(context: LineContext, symbol: string, name: string): UnparsedPrice {
  const word = new RegExp(`\\b(${symbol}|${name})\\b`, 'i')
  const at = word.exec(context.raw)?.index
  if (context.table) return {symbol, line: context.line, column: (at ?? context.raw.search(/\S/)) + 1, text: context.text.trim()}
  // The sentence that quotes the asset, as the author wrote it (the context's text has European notation rewritten).
  const words = cleanText(context.raw).replace(/\s+/g, ' ').trim()
  return {symbol, line: context.line, column: (at ?? context.raw.search(/\S/)) + 1, text: sentenceAt(words, Math.max(0, words.search(word)))}
}

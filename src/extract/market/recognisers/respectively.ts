import {findAssetMentions, inPriceBand, PRICE_BANDS, type AssetMention} from '../assets.js'
import {findMoney, findPercents} from '../numbers.js'
import {sentenceStart} from '../topics.js'
import type {PriceQuote, Recogniser} from '../types.js'
import {signFromWords} from './sign-words.js'

const IN_ORDER = /\b(?:respectively|in that order)\b/gi
/** What joins the members of a list of assets: "bitcoin, ether and solana". */
const JOINER = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$/i
/** Where the figures of the list end: the next clause about something else. */
const CUTOFF = /;|\.\s|\b(?:while|whereas|the total|total crypto|market cap\w*)\b/i
/** Another span than the day's: its percentages are not the 24h changes. */
const OTHER_SPAN = /\b(?:week\w*|7-?d(?:ay)?|seven-day|month\w*|year\w*|ytd|mtd)\b/i

/**
 * "bitcoin, ether and solana changed hands at $97,420, $3,184 and $148.60 respectively, having moved
 * +1.2%, -0.4% and +2.9%": a list of assets and as many figures of one kind, paired in order. Figures
 * are paired only when their count is the list's; else none are (a dash beats a guess).
 */
export const respectively: Recogniser<PriceQuote> = {
  name: 'respectively',
  match(context) {
    if (context.table) return []
    const {text} = context
    const quotes: PriceQuote[] = []
    for (const word of text.matchAll(IN_ORDER)) {
      const list = listBefore(text, word.index)
      if (!list) continue
      const listEnd = list.at(-1)!.end
      const rest = text.slice(listEnd)
      const cut = rest.slice(word.index - listEnd + word[0].length).search(CUTOFF)
      const nextMention = findAssetMentions(rest).find((mention) => mention.index > 0)
      let end = cut === -1 ? text.length : word.index + word[0].length + cut
      if (nextMention) end = Math.min(end, listEnd + nextMention.index)
      const window = text.slice(listEnd, end)
      const amounts = findMoney(window).filter((money) => !money.negative && !money.range && (money.unit === undefined || money.unit === 'k'))
      const percents = findPercents(window).filter((percent) => !percent.bound && percent.value !== undefined)
      const prices = amounts.length === list.length && list.every((mention, index) => PRICE_BANDS[mention.symbol] === undefined || inPriceBand(mention.symbol, amounts[index]!.value))
      const otherSpan = OTHER_SPAN.test(text.slice(sentenceStart(text, list[0]!.index), end))
      const changes = percents.length === list.length && !otherSpan
      if (!prices && !changes) continue
      for (const [index, mention] of list.entries()) {
        const quote: PriceQuote = {asset: mention.name, symbol: mention.symbol, line: context.line}
        if (prices) quote.price = amounts[index]!.value
        if (changes) {
          const percent = percents[index]!
          const signed = signFromWords({...percent, index: percent.index + listEnd, end: percent.end + listEnd}, text, listEnd)
          if (signed.value !== undefined) quote.change24hPct = signed.value
        }
        quotes.push(quote)
      }
    }
    return quotes
  }
}

/** The list of two or more assets that ends last before `at` ("bitcoin, ether and solana"), or undefined. */
export function listBefore(text: string, at: number): AssetMention[] | undefined {
  const mentions = findAssetMentions(text.slice(0, at)).filter((mention) => mention.quote)
  let list: AssetMention[] = []
  for (const mention of mentions) {
    const previous = list.at(-1)
    if (previous && JOINER.test(text.slice(previous.end, mention.index))) list.push(mention)
    else list = [mention]
  }
  return list.length >= 2 && new Set(list.map((mention) => mention.symbol)).size === list.length ? list : undefined
}

/** Whether the mention is a member of a list that "respectively" or "in that order" pairs with figures. */
export function inPairedList(text: string, mention: AssetMention): boolean {
  for (const word of text.matchAll(IN_ORDER)) {
    if (word.index < mention.index) continue
    if (listBefore(text, word.index)?.some((member) => member.index === mention.index)) return true
  }
  return false
}

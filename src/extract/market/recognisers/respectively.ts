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
    for (const word of pairingPoints(text)) {
      const list = word.list ?? listBefore(text, word.index)
      if (!list) continue
      const listEnd = list.at(-1)!.end
      const rest = text.slice(listEnd)
      const cut = rest.slice(word.end - listEnd).search(CUTOFF)
      const nextMention = findAssetMentions(rest).find((mention) => mention.index > 0)
      let end = cut === -1 ? text.length : word.end + cut
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
function listBefore(text: string, at: number): AssetMention[] | undefined {
  const list = listsAt(text).filter((members) => members.at(-1)!.end <= at).at(-1)
  return list && isList(list) ? list : undefined
}

/** Each run of joined assets as it stands at each of its members: "bitcoin", then "bitcoin, ether", then "bitcoin, ether and solana". */
function listsAt(text: string): AssetMention[][] {
  const lists: AssetMention[][] = []
  let list: AssetMention[] = []
  for (const mention of findAssetMentions(text).filter((item) => item.quote)) {
    const previous = list.at(-1)
    list = previous && JOINER.test(text.slice(previous.end, mention.index)) ? [...list, mention] : [mention]
    lists.push(list)
  }
  return lists
}

/** Two or more assets, each once. */
const isList = (list: readonly AssetMention[]) => list.length >= 2 && new Set(list.map((member) => member.symbol)).size === list.length

/** What may stand between a list of assets and its amounts: "BTC and ETH at …", "… trade near …". */
const LIST_AT = /^\s+(?:(?:are|were|trade[sd]?|traded|trading|sit|sat|stand|stood|changed hands)\s+)?(?:at|near|around|about)\s+/i

/**
 * Where a list's figures are paired in order: "respectively" or "in that order", and right after as many
 * amounts as the list has members, given at once ("BTC and ETH at 96.7k and 3.52k, up 1.1% and 0.9%").
 * One pass over the text's mentions (a paragraph of figures may name hundreds), kept for the next caller.
 */
function pairingPoints(text: string): Array<{index: number; end: number; list?: AssetMention[]}> {
  if (lastPoints?.text === text) return lastPoints.points
  const points: Array<{index: number; end: number; list?: AssetMention[]}> = [...text.matchAll(IN_ORDER)].map((word) => ({index: word.index, end: word.index + word[0].length}))
  for (const list of listsAt(text)) {
    if (!isList(list)) continue
    const mention = list.at(-1)!
    const lead = LIST_AT.exec(text.slice(mention.end, mention.end + 40))
    if (!lead) continue
    const from = mention.end + lead[0].length
    const amounts = findMoney(text.slice(from, from + 40 * list.length)).slice(0, list.length)
    // The amounts follow one another as the members do: "96.7k and 3.52k", "$97,420, $3,184 and $148.60".
    const joined = amounts.length === list.length && amounts[0]!.index === 0 && amounts.every((amount, index) => index === 0 || JOINER.test(text.slice(from + amounts[index - 1]!.end, from + amount.index)))
    if (joined) points.push({index: from + amounts.at(-1)!.end, end: from + amounts.at(-1)!.end, list})
  }
  points.sort((a, b) => a.index - b.index)
  lastPoints = {text, points}
  return points
}
let lastPoints: {text: string; points: Array<{index: number; end: number; list?: AssetMention[]}>} | undefined

/** Whether the mention is a member of a list whose figures are paired in order. */
export function inPairedList(text: string, mention: AssetMention): boolean {
  for (const word of pairingPoints(text)) {
    if (word.index < mention.index) continue
    if ((word.list ?? listBefore(text, word.index))?.some((member) => member.index === mention.index)) return true
  }
  return false
}

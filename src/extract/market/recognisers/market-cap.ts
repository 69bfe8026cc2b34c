import {findAssetMentions} from '../assets.js'
import {findDays, isStaleDay} from '../days.js'
import {findMoney, parsePercent} from '../numbers.js'
import type {LineContext, MarketCap, Recogniser} from '../types.js'
import {readChange} from './change.js'
import {otherProvider, providerTwin} from '../providers.js'
import {EARLIER_FIGURE_BEFORE, NEARLY_BEFORE, OLD_VALUE_AFTER} from '../topics.js'

const TOTAL_CAP =
  /\b(?:total|global|overall|aggregate|crypto(?:currency)?|market)\b[\w\s]{0,20}?(?:market|mkt)\.?\s+cap(?:itali[sz]ation)?|^\s*[-*]?\s*(?:market|mkt)\.?\s+cap(?:itali[sz]ation)?\b|\b(?:total|global|overall|aggregate)\s+(?:(?:crypto(?:currency)?|digital[- ]assets?)\s+)?(?:market\s+)?(?:cap\b|cap(?:it|ti)ali[sz]ation|mcap|valuation|value(?!\s+locked))|\bcrypto(?:currency)?\s+(?:market(?:'s)?\s+)?(?:cap(?:it|ti)ali[sz]ation|mcap|valuation|value(?!\s+locked))|\b(?:total )?value of (?:the (?:whole |entire |overall )?crypto(?:currency)? market|all (?:crypto\w*|digital assets))|\b(?:combined|total|overall|aggregate) market\s+value of (?:all )?(?:crypto\w*|digital assets)|\b(?:the )?(?:whole|entire) (?:crypto(?:currency)? )?market\b|\bthe (?:crypto(?:currency)? )?market as a whole\b|\ball of crypto\b|\ball crypto\b(?=\W{0,6}(?:US)?\$?\s?\d)|\bcrypto(?:currency)? (?:market )?cap\b|\bthe (?:crypto(?:currency)? )?market (?:is|was) (?:now )?(?:worth|valued at)\b|\bcapitali[zs]a(?:ción|ção|tion) total(?:e)?\b|\b(?:total|overall|whole|broader|broad) (?:crypto )?market\b(?!\s+(?:volume|liquidations?|open interest|oi|turnover|sentiment|breadth)\b)|(?<=^\W{0,6}|[.;:·]\s{1,3})(?:market|mkt)\.?\s+cap(?:itali[sz]ation)?\b(?=\W{0,4}(?:\$|US\$|USD\s?)?\d)|(?:^\W{0,4}|^\s*\d+\/\s*|[·|│┃•/]\s*)(?:(?:tot(?:al)?|ttl)(?![23]\b)(?: crypto)?(?: market)?(?: m-?cap| cap)?|m-?cap|cap|mcap|tmc)(?:\s+usd)?(?=\W{0,6}[\d$])(?!\W{0,6}24\s?-?h)/i
/** "… $3.9 trillion a week ago": another moment's figure. */
const PAST_AFTER = /^\s*(?:(?:\w+\s+){0,3}?ago\b|(?:\w+\s+){0,2}(?:earlier|before)\b|(?:at |on )?(?:yesterday|last (?:week|month|night))\b)/i
const OF_AN_ASSET = /\b(bitcoin|btc|ethereum|eth|solana|xrp|bnb|usdt|usdc|stablecoin|tether|defi|altcoin|meme\w*|sector|ai|rwa|token|coin)\S*\s*(?:['’]s\s*)?(?:total\s+)?(?:market\s+cap|m-?cap\b)/i

/**
 * "Total crypto market cap fell 3.2% to \$4.24 trillion", "**Total Market
 * Cap**: \$3.97 trillion (-0.5% in 24h)": the first amount of at least
 * \$100B after the phrase (not one it fell *from*), and the change around it.
 */
export const marketCap: Recogniser<MarketCap> = {
  name: 'market-cap',
  match(context) {
    // The first phrase that gives a cap ("The broader market followed. Total crypto market capitalization rose …").
    for (const phrase of context.text.matchAll(TOTAL_CAPS)) {
      const found = fromPhrase(context, phrase)
      if (found) return [found]
    }
    // Under "## Total market" or "### Market cap", a line that opens on its amount ("**$3.59T** on CoinGecko, +0.8% on the day") is the cap's.
    if (TOTAL_CAP.test(context.section.title) && !context.table && /^\W{0,4}(?:[\w']+:?\s+){0,2}(?:US)?\$?\s?\d/.test(context.text)) {
      const found = fromPhrase(context, {0: '', index: 0})
      if (found) return [found]
    }
    return []
  }
}

const TOTAL_CAPS = new RegExp(TOTAL_CAP.source, 'gi')

function fromPhrase(context: LineContext, phrase: {0: string; index: number}): MarketCap | undefined {
  const {text} = context
  if (OF_AN_ASSET.test(text.slice(Math.max(0, phrase.index - 20), phrase.index + phrase[0].length))) return undefined
  // "**Bitcoin (BTC):** … Market cap: ~$1.55T": a bare "market cap" in an asset's own line is the asset's.
  const item = text.slice(0, phrase.index).split(/ \| |[·┃]/).at(-1)!
  // ("Bitcoin $103,100 (−0.3%). Ether $3,240 (−0.7%). Market cap $3.47T.": after several assets' sentences, the market's.)
  const quoted = new Set(findAssetMentions(item).filter((mention) => mention.quote).map((mention) => mention.symbol))
  if (/^\W*(?:market|mkt)\.?\s+cap/i.test(phrase[0]) && (quoted.size === 1 || (quoted.size > 1 && !/[.!?]\s+$/.test(item)))) return undefined
  // The clause of the phrase: "Stablecoin cap rose 2.1%; total market cap rose 0.4%" gives 0.4%.
  // A ticker strip's items end at their separators ("`MCAP 3.36T` · `F&G 61` · `BTC.D 56.1%`").
  const marks = context.table ? ['. ', ';'] : ['. ', ';', ' · ', ' | ', '┃']
  const sentenceStart = Math.max(...marks.map((mark) => text.lastIndexOf(mark, phrase.index) + 1), 0)
  // … unless the next item is the cap's own change ("USD 3,31 trillion · 24 h: +0,6 %").
  // ("approx. 3.36 trillion": an abbreviation's dot ends nothing.)
  const ends = marks.map((mark) => indexOfMark(text, mark, phrase.index + phrase[0].length)).filter((at) => at !== -1 && !/^\W{0,3}(?:24\s?-?h\w*|change|chg|1d)\b|^\W{0,4}\d+(?:\.\d+)?\s?%/i.test(text.slice(at + 2)))
  const end = ends.length === 0 ? text.length : Math.min(...ends) + 1
  const clause = text.slice(sentenceStart, end)
  // A forecast, or a figure of another day ("as of Feb 10", "in September"), is not today's cap.
  // ("may" in lower case: "the December and May tops" names a month.)
  if (/\b(could|would|might|forecast\w*|project\w*|expected|by 20\d\d)\b/i.test(clause) || /\bmay\b/.test(clause)) return undefined
  const amounts = findMoney(text.slice(0, end), {bare: true}).filter((money) => money.index >= phrase.index && money.value >= 1e11 && !money.negative)
  // Not a level it moved from, nor a peak or record it is measured against.
  const amount = amounts.find(
    (money) => (NEARLY_BEFORE.test(text.slice(Math.max(0, money.index - 20), money.index)) || !/\b(?:from|off|below|above|over|under|vs\.?|versus|lost|gained|shed|added|erased|wiped|down|up|by)\s*[~≈]?\s*$/i.test(text.slice(Math.max(0, money.index - 10), money.index))) && !/^\s*(?:\w+\s+)?(?:peak|high|ath|record|low|top)\b/i.test(text.slice(money.end, money.end + 20)) && !EARLIER_FIGURE_BEFORE.test(text.slice(Math.max(0, money.index - 30), money.index)) && !OLD_VALUE_AFTER.test(text.slice(money.end, money.end + 6)) && !PAST_AFTER.test(text.slice(money.end, money.end + 32))
  )
  // A day named with the figure ("$2.97T as of December 20") must be the brief's or the day before.
  const own = amount ? text.slice(Math.min(phrase.index, sentenceStart), Math.min(end, amount.end + 40)) : ''
  if (findDays(own, context.date).some((day) => isStaleDay(day, context.date))) return undefined
  const result: MarketCap = {line: context.line}
  const second = amount && !amount.range ? otherProvider(text, amount, 0.05, {bare: true})?.value ?? twinColumn(context, amount.value) : undefined
  if (amount?.range) result.usdRange = amount.range
  else if (second !== undefined) result.usdRange = [Math.min(amount!.value, second), Math.max(amount!.value, second)]
  else if (amount) result.usd = amount.value
  // The change in the phrase's own words; one before the phrase counts only when no asset owns it
  // ("BTC closed with a 1.30% daily loss as the market cap slipped to $2.98T (−1.17% 24h)" gives −1.17%).
  const ownChange = readChange(text, phrase.index, end)
  const lead = text.slice(sentenceStart, phrase.index)
  Object.assign(result, ownChange.change24hPct !== undefined || ownChange.change24hRange !== undefined || findAssetMentions(lead).length > 0 ? ownChange : readChange(text, sentenceStart, phrase.index))
  // ("Cap 3.38T (+0.9). F&G 61.", "Cap 3.35T, -0.9.": a signed bare number right after the cap is its change in percent.)
  const signedAfter = amount && result.change24hPct === undefined && result.change24hRange === undefined ? /^\s*(?:\(\s*([+−–-]\d{1,2}(?:\.\d+)?)\s*\)|,\s*([+−–-]\d{1,2}(?:\.\d+)?)(?!\d|\.\d|\s?%)(?=\s*(?:[.;,)](?!\d)|$)))/.exec(text.slice(amount.end)) : null
  if (signedAfter) result.change24hPct = parsePercent(`${signedAfter[1] ?? signedAfter[2]}%`)
  return result.usd === undefined && result.usdRange === undefined ? undefined : result
}

/** "| Metric | CoinGecko | CoinMarketCap |" over "| Total market cap | $3.26T | $3.27T |": the other provider's column, within 5%. */
function twinColumn(context: LineContext, value: number): number | undefined {
  if (!context.table) return undefined
  const {header, cells} = context.table
  const column = cells.findIndex((cell) => findMoney(cell, {bare: true}).some((money) => money.value === value))
  const [other] = findMoney(cells[providerTwin(header, column)] ?? '', {bare: true})
  return other && !other.range && other.value !== value && Math.abs(other.value - value) / value <= 0.05 ? other.value : undefined
}

/** The first `mark` at or after `from`, skipping the dot of an abbreviation ("approx.", "ca.", "vs."). */
function indexOfMark(text: string, mark: string, from: number): number {
  let at = text.indexOf(mark, from)
  while (at !== -1 && mark === '. ' && /\b(?:approx|ca|vs|est|abt|appr)$/i.test(text.slice(Math.max(0, at - 6), at))) at = text.indexOf(mark, at + 1)
  return at
}

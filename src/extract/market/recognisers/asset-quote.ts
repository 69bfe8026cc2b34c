import {findAssetMentions, inPriceBand} from '../assets.js'
import {findMoney, findPercents, findPlainNumbers, negate, type MoneyMatch, type PercentMatch} from '../numbers.js'
import type {PriceQuote, Recogniser} from '../types.js'
import {findDays, isStaleDay} from '../days.js'
import {otherProvider, otherProviderChange} from '../providers.js'
import {NEARLY_BEFORE, NON_PRICE_TOPIC, OLD_VALUE_AFTER, opensOnNonPriceTopic, quotesEarlierSnapshot, sentenceStart} from '../topics.js'
import {OTHER_SPAN_AFTER, OTHER_SPAN_BEFORE, setChange} from './change.js'
import {gappedVerbFalls, hasSignWord, signFromWords} from './sign-words.js'
import {inPairedList} from './respectively.js'
import {minutesOf} from '../moments.js'

/** Words just before an amount that make it a reference level, not the price. */
const NOT_PRICE_BEFORE =
  /\b(máxim[oa]|mínim[oa]|soporte|resistencia|objetivo|Hoch|Tief|Höchststand|Tiefststand|Widerstand|Unterstützung|Kursziel|plus haut|plus bas|reach(?:ing|es)?|see[sn]?|seeing|predict\w*|forecast\w*|expect\w*|could|would|might|targets?|targeting|projected|highs?|lows?|peak|record|ath|all-time|top|bottom|support|resistance|floor|ceiling|pivot|invalidation|stop(?:-loss)?|breakout|breakdown|trigger|cost basis|reali[sz]ed price|fair value|sma|ema|ma|average|averages|mean|vwap|pain|from|since|target|above|below|under|over|less than|more than|beyond|north of|south of|shy of|upwards of|in excess of|breaking|breaks?|broke|through|trough|nadir|side of|tagged|tapped|hit|hits|printed|wicked|failed|fails|stalled|capped|topped|peaked|bottomed|lost|loses|losing|regain\w*|recaptur\w*|defend\w*|flipped|eyes|eyeing|aims?|aiming|sights|clear\w*|reject\w*|turned back|reclaim\w*|retest\w*|revisit\w*|test\w*|touch\w*|knock\w*|toward|towards|approach\w*|cap|capitali[sz]ation|oi|volume|liquidat\w*|strike|crossing|cross\w*|prior|previous|yesterday's|(?:last |this past )?(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]s|vs\.?|versus|handle|level of|open(?:ed)?|inflows?|outflows?|expir\w*|worth|piled|bought|sold|shorted|longed|entered|entry|entries|hurdles?|zones?|barriers?|walls?|obstacles?|before)\b[^$\d]{0,14}$/i
/**
 * "−1.6%    7d −4.5%": a period written as the next figure's label (that figure with no label of its own
 * after it) is not the first figure's, which stays the day's.
 */
const LABELS_NEXT_FIGURE = /^\s*(?:7\s?-?d|1\s?w|wk|week|30\s?-?d|1\s?m|mtd|ytd)\s*:?\s*[+−–-]\s?\d[\d.,]*\s?%(?!\s*\)?\s*(?:\w+\s+)?(?:24\s?h|7\s?-?d|1\s?w|wk|week|30\s?-?d|month|mo\b|1\s?m|mtd|ytd|yoy|year))/i
/** Words just after a percentage that make it something other than the 24h change. */
const NOT_CHANGE_AFTER =
  /^\s*\)?\s*(?:\w+\s+)?(week|wk|w\/w|wow|intra-?(?:week|month)|7-?d|7-day|month|30-?d|mo\b|m\/m|mom\b|mtd|wtd|yoy|y\/y|ytd|year|qtd|q\/q|qoq|(?:over|across|during|through|since) the weekend|(?:since|from) (?:the )?(?:\w+ )?open\b|(?:over|in|during|for) (?:the )?(?:(?:past|last|prior|following|next) )?(?:\w+ ){0,2}(?:weeks?|months?|years?|days)\b|(?:from|off|since) (?:its |the |a |last )?(?:[\w'’.,$-]+ ){0,3}(?:high|peak|ath|top|record|lows?|bottom|trough)|(?:from|since) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last)\b|(?:from|since|vs\.?|versus|than|compared (?:with|to)) (?:a|one|two|three|four|five|six|seven|\d+) (?:weeks?|months?|years?|days) (?:ago|earlier|before)\b|below|above|since|dominance|share|of\b(?!\s+(?:the\s+)?(?:day|session)\b)|probability|odds|annuali[sz]ed|apr|apy|longs?|shorts?|funding|premium|discount|retrac)/i
const NOT_CHANGE_BEFORE = /\b(ago|a (?:week|month|year)|q[1-4]|quarter\w*|\d+\s?-?(?:d|days?|w|wk|weeks?|mo|months?)|dominance|share|funding|rates?|odds|probability|oi|open interest|volume|ytd|yoy|mtd|wtd|weekend|weekly|monthly|week|apr|apy|ratio|supply|fibo\w*|retracement|account\w* for|make up|makes up)\b[^%]{0,16}$/i

/** Words right after an amount that make it a level or a forecast: "\$68,000 support", "3,000 is the line", "\$150k by year-end". */
const LEVEL_AFTER =
  /^\s*(?:\w+\s+){0,2}(?:support|resistance|floor|ceiling|pivot|invalidation|breakout|breakdown|trigger|wall|cluster|magnet|line in the sand|max pain|strike|target|ath|peak|spike|wick|levels?\b|mark\b|zone|area\b|handle|threshold|barrier|round (?:number|figure)|psychological|intraday\b(?! range))|^\W{0,3}(?:is|as|remains|stays) (?:the |a )?(?:\w+ )?(?:line|level|pivot|floor|ceiling|magnet|key)\b|^[\s-]*(?:by|before|within|in)[\s-]+(?:the\s+)?(?:year[- ]end|end of|(?:next|this)\s+\w+|20\d\d|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december)/i
/** A sentence that opens on the asset's price: "At $20,000, " before the name. */
const AT_PRICE_LEAD = /^\W*(?:at|around|near)\s+([~≈]?\s?(?:US)?\$\s?\d[\d,.]*\s?[kK]?)\s*,\s*$/i

/** What joins a level to the next one of a list: ", then", " and", " / ". */
const LEVEL_LIST_JOIN = /^\s*(?:\$|USD|€)?\s*[,/]?\s*(?:then|and|or|&|\/)?\s*[~≈]?\s*$/i
/** "\$ETH > \$3,000": a comparison with a level. */
const COMPARED_BEFORE = /[<>≥≤]\s*[~≈]?\s*$/
/**
 * What may stand between an asset's name and a bare number that is its price: "SOL ~89.6", "ETH at 2,030",
 * "Bitcoin drifted back to about 75,600", "Ether is doing a little better: 2,340" (a few words ending on a
 * verb or preposition of place, or a colon); the level and past-move words are checked apart.
 */
const BARE_PRICE_LEAD =
  /^(?:\/USDT?|\/USD)?[\s:(=@~≈—–→`-]*(?:(?:is|was|at|near|around|about|trades?|trading|traded|sits|hovers|holds|changed hands at|price|quieter|steady|steadier|flat|firm|firmer|softer|little changed|unchanged)\s+)*[~≈]?\s*$|^\s*(?:[\w'’.,%+−-]+\s+){1,8}?(?:to|at|near|around|about|is|was|sits at|stands at)\s+(?:about\s+|around\s+|roughly\s+|near\s+)?[~≈]?\s*$|^\s*(?:[\w'’]+\s+){0,5}?[\w'’]+\s*:\s*[~≈]?\s*$/i
const CLOSE_OF_ANOTHER_DAY = /\b(?:yesterday|yest\.?|prior|previous|the day before|last night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^.$\d]*\b(?:closed|settled|ended|finished)\b|\b(?:closed|settled|ended|finished)\s+(?:(?:on\s+)?(?:yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|the (?:prior|previous) (?:day|session))\b|\b(?:closed|settled|ended|finished)\s+(?:yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s\b|\b(?:closed|settled|ended|finished)\s+the\s+(?:(?:US|U\.S\.|Asian?|European|London|New York)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|prior|previous)\s+(?:session|trading day)\b/i
/** The clause up to `at` (from a little before the asset's name) speaks of a close of another day. */
const closesAnotherDay = (segment: string, from: number, at: number) => CLOSE_OF_ANOTHER_DAY.test(segment.slice(Math.max(0, from - 40), at).split(';').at(-1)!)
/** "S 99k / R 102k", "S1: 96,000": support and resistance in a desk's shorthand (capitals only). */
const SR_BEFORE = /(?:^|[\s·|,;(/])[SR][12]?\s*[:=]?\s*[~≈]?\s*$/
/** "BTC wed night was 93.8k, now spot is 90.1k": a price another day or earlier was. */
const WAS_EARLIER = /\b(?:yesterday|yday|last night|earlier|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?(?:['’]s)?(?:\s+(?:night|morning|evening|afternoon|close|open))?)\b[^.;$\d]{0,16}\b(?:was|stood|sat|traded|closed)\s+(?:at\s+|near\s+|around\s+|about\s+)?[~≈]?\s*$/i
/** "BTC yesterday at this time: $103,740": the asset's label names another moment. */
const EARLIER_LABEL = /^\W*(?:yesterday|yday|a (?:day|week|month) ago|24 hours ago|last (?:week|night|month))\b[^$\d.;,]{0,20}:\s*[~≈]?\s*$/i
const PAST_TENSE = /\b(?:went|was|were|closed|ended|finished|had|woke|saw|watched|left)\b/i
const PAST_LEAD = /\b(?:ago|a (?:day|week|month|year) earlier|last (?:week|month|year))\b[^.;]*$/i
/** "extended its October gain to 13.4%": a month's move. */
const MONTH_MOVE_BEFORE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monthly|quarterly|annual|yearly)\s+(?:gains?|loss(?:es)?|rally|decline|advance|drop|move|performance|returns?|slide)\b[^%]{0,20}$/i
const FROM_A_PEAK_BEFORE = /\b(?:below|above|under|beneath|off|from)\b[^%]{0,40}\b(?:highs?|peak|ath|all-time|record|lows?)\b[^%]{0,30}$/i

const OTHER_PERIOD_IN_SENTENCE = /\b((?:on|for|over) the (?:week|month|quarter|year)|(?:for|in|during|over|across) (?:all of |the whole of )?(?:19|20)\d\d\b(?![-/.]\d)|(?:^|[.!?]\s+)\W*the (?:week|month|quarter|year)\b|year[- ]to[- ]date|ytd|month[- ]to[- ]date|mtd|this (?:week|month|year)|(?:past|last|prior) (?:week|month|year|\d+ days)|week[- ]over[- ]week|wow|w\/w|\d+[- ]?(?:day|week|month)s?\b|(?:seven|fourteen|thirty)[- ]day\b|(?:weekly|monthly|yearly)(?!\s+(?:letter|newsletter|note|digest|column|edition|issue|podcast|show|report))|since (?:january|february|march|april|may|june|july|august|september|october|november|december|launch|the start))/i

/** Amounts that can be a coin's price: no M/B/T magnitude (those are caps and volumes). */
function isPriceAmount(money: MoneyMatch): boolean {
  return !money.negative && (money.unit === undefined || money.unit === 'k' || money.unit === 'thousand')
}

/**
 * Prose and bullets: "Bitcoin traded at \$123,586, down 1.23%", "**ETH:**
 * \$4,098 (+6.5%)", "SOL +2.32% (\$192.98)". Each asset mention owns the
 * text up to the next mention; when its own sentence gives no price, the
 * following sentence ("The leading cryptocurrency trades at …") may.
 */
export const assetQuote: Recogniser<PriceQuote> = {
  name: 'asset-quote',
  match(context) {
    if (context.table) return []
    const {text} = context
    // The brief itself says these figures are not today's.
    if (quotesEarlierSnapshot(text)) return []
    const mentions = findAssetMentions(text)
    // Known assets are handled as mentions; the rest end a segment too.
    const others = otherAssetQuotes(text).filter((at) => !mentions.some((mention) => mention.index === at))
    const quotes: PriceQuote[] = []
    const recaps = new Set<PriceQuote>()
    const nowQuotes = new Set<PriceQuote>()
    for (const [index, mention] of mentions.entries()) {
      if (!mention.quote) continue
      // The same asset named twice in a row ("Bitcoin (BTC)") is one mention.
      const previous = mentions[index - 1]
      if (previous && previous.symbol === mention.symbol && previous.quote && !/[\d%]|[.;!?]\s/.test(text.slice(previous.end, mention.index))) continue
      const lead = text.slice(sentenceStart(text, mention.index), mention.index)
      if (opensOnNonPriceTopic(lead)) continue
      // "bitcoin, ether and solana … respectively": the list's figures are paired by `respectively`.
      if (inPairedList(text, mention)) continue
      // "(a week ago BTC was near \$92,350)": the asset as it was, not as it is.
      if (PAST_LEAD.test(lead.slice(-40))) continue
      // ("i went to bed wednesday with btc at 98k" in Saturday's brief: a past day, told in the past tense.)
      const ownClause = lead.slice(Math.max(...['. ', '; ', '! ', '? ', ': ', ' — '].map((mark) => lead.lastIndexOf(mark))) + 1)
      if (PAST_TENSE.test(ownClause) && findDays(ownClause, context.date).some((day) => isStaleDay(day, context.date))) continue
      // ("Yesterday's note had BTC at 101,640": a sentence that opens on another moment, in the past tense.)
      // (Only when the asset is that clause's own: "Yesterday's CPI print did what …, and Bitcoin … is now trading near 96.02k" is not.)
      if (PAST_TENSE.test(ownClause) && PAST_OPENING.test(lead) && lead.length <= 48 && !/[,;]/.test(lead)) continue
      // The next asset named, or this one named again after a figure ("BTC $80 … BTC $81"): a new statement.
      const nextKnown = mentions.slice(index + 1).find((other) => !other.comparison && (other.symbol !== mention.symbol || /[\d%]/.test(text.slice(mention.end, other.index))))
      // An asset missing from the table still ends the segment: its price is not this one's.
      const nextOther = others.find((at) => at > mention.end)
      const next = nextOther !== undefined && (!nextKnown || nextOther < nextKnown.index) ? {index: nextOther} : nextKnown
      const sentenceEnd = endOfSentence(text, mention.end)
      let end = Math.min(next?.index ?? text.length, sentenceEnd)
      const quote = readSegment(text, mention.end, end, mention.symbol)
      const recapPrice = RECAPS.has(quote) ? quote.price : undefined
      // "At $20,000, Bitcoin is up 0.4% over 24 hours": the price may open the sentence before the name.
      const opening = AT_PRICE_LEAD.exec(lead)
      const [led] = opening ? findMoney(opening[1]!) : []
      // ("At $105,000, Bitcoin would face the next wall": a condition.)
      if (quote.price === undefined && quote.range === undefined && led && isPriceAmount(led) && !led.range && inPriceBand(mention.symbol, led.value) && !CONDITIONAL.test(text.slice(mention.end, sentenceEnd)) && !LEVEL_AFTER.test(text.slice(mention.end, sentenceEnd))) quote.price = led.value
      // ("Bitcoin finished the US Friday session at $90,940 and has eased overnight. At 07:00 UTC it is changing hands at
      // $90,580": the next sentence's price beats another day's close.)
      const hasLevel = (quote.price !== undefined || quote.range !== undefined) && !RECAPS.has(quote)
      const hasChange = quote.change24hPct !== undefined || quote.change24hRange !== undefined
      const following = text.slice(sentenceEnd, endOfSentence(text, sentenceEnd + 1))
      // The next sentence may go on about the same asset ("The asset closed at …"), unless it
      // names another asset or opens on another topic ("Total market cap slipped 0.01%").
      // ("We stand aside until 105.1k holds": a condition, not where it trades.)
      // ("Yesterday at this time it was at 106 840 USD": another moment.)
      const goesOn = !findAssetMentions(following).some((other) => other.symbol !== mention.symbol) && !NON_PRICE_TOPIC.test(following.slice(0, 40)) && !MARKET_WIDE.test(following.slice(0, 60)) && !CONDITIONAL.test(following) && !LEVEL_SUBJECT.test(following) && !PAST_OPENING.test(following)
      if ((!hasLevel || !hasChange) && (!next || next.index > sentenceEnd) && goesOn) {
        end = Math.min(next?.index ?? text.length, endOfSentence(text, sentenceEnd + 1))
        const more = readSegment(text, sentenceEnd, end)
        if (!hasLevel && (more.price !== undefined || more.range !== undefined || !RECAPS.has(quote))) Object.assign(quote, {price: more.price, range: more.range})
        if (!hasChange) Object.assign(quote, {change24hPct: more.change24hPct, change24hRange: more.change24hRange})
      }
      // "Bitcoin, which stood at $112,480 when yesterday's letter went out, … now sits at $113,900": what the
      // asset's own words say it is now beats the first price they give.
      const now = nowStatement(text, mention.end, next?.index ?? text.length, mention.symbol)
      if (now) Object.assign(quote, {price: now.price}, (now.change24hPct !== undefined || now.change24hRange !== undefined) && {change24hPct: now.change24hPct, change24hRange: now.change24hRange})
      // "Is Bitcoin back above 100k? Yes, for now. It trades at 101.2k": a later sentence about "it" gives what the asset's own did not.
      else if (quote.price === undefined && quote.range === undefined) Object.assign(quote, pronounStatement(text, sentenceEnd, next?.index ?? text.length, mention.symbol, quote))
      const cleaned = Object.fromEntries(Object.entries(quote).filter(([, value]) => value !== undefined))
      if (Object.keys(cleaned).length === 0) continue
      const read: PriceQuote = {asset: mention.name, symbol: mention.symbol, ...cleaned, line: context.line}
      if (recapPrice !== undefined && read.price === recapPrice) recaps.add(read)
      // ("At the time of the US close bitcoin was $99,840. … As of writing BTC trades at $98,310": the asset named again as it is now.)
      if (read.price !== undefined && NOW_BEFORE.test(lead)) nowQuotes.add(read)
      quotes.push(read)
    }
    // "Bitcoin closed the US Friday session at $89,050 … As of 07:00 UTC BTC is at $89,870": the asset named again with a price.
    const priced = (quote: PriceQuote) => quote.price !== undefined || quote.range !== undefined
    return quotes.filter((quote) => (!recaps.has(quote) || !quotes.some((other) => other !== quote && other.symbol === quote.symbol && !recaps.has(other) && priced(other))) && (nowQuotes.has(quote) || !priced(quote) || !quotes.some((other) => other.symbol === quote.symbol && nowQuotes.has(other))))
  }
}

/** The words for the moment of writing, and a sentence that opens on them before the asset's name ("As of writing BTC trades at …"). */
const WRITING_MOMENT = String.raw`as (?:i|we) write|as of (?:this )?writing|at (?:the time of )?writing|at press time|right now|currently|now`
const NOW_BEFORE = new RegExp(String.raw`^\W*(?:${WRITING_MOMENT})\b[^.;:]{0,12}$`, 'i')

/** Words that say where the asset trades now, before a verb of place or the amount ("As I write it sits at", "It now sits at", "by the time of writing it had steadied at", "At the time of writing it last changed hands at"; not "has now given back"). */
const NOW_LEAD = new RegExp(String.raw`\b(?:${WRITING_MOMENT}|presently|by (?:the time of )?writing|this morning|at last check)\b(?=\s*,?\s*(?:(?:it|bitcoin|btc|ether|eth|solana|sol|the coin|the price|price)\s+)?(?:(?:is|has been|had)\s+)?(?:now\s+|last\s+)?(?:sits?|sitting|trades?|trading|stands?|standing|changing hands|changes hands|changed hands|hovers?|hovering|steadied|settled|stabili[sz]ed|at|around|near|priced|quoted)\b|\s*[:=]?\s*[~≈$\d])`, 'gi')

/** The price (and change) of the first sentence in `text[from, end)` that says where the asset is now. */
function nowStatement(text: string, from: number, end: number, symbol: string): Figures | undefined {
  let at = from
  while (at < end) {
    const sentenceEnd = Math.min(endOfSentence(text, at), end)
    const sentence = text.slice(at, sentenceEnd)
    for (const cue of sentence.matchAll(NOW_LEAD)) {
      // ("Glassnode's realised price … now stands near 58,900", "Support I'm watching now: 88k": the sentence is about another figure.)
      if (NON_PRICE_TOPIC.test(sentence.slice(0, cue.index)) || OTHER_FIGURE.test(sentence.slice(0, cue.index))) continue
      const figures = readSegment(text, at + cue.index + cue[0].length, sentenceEnd, symbol)
      if (figures.price !== undefined && inPriceBand(symbol, figures.price)) return figures
    }
    at = sentenceEnd + 1
  }
  return undefined
}
/**
 * The figures of the first sentence in `text[from, end)` that opens on "It" and says where the asset is
 * (not a condition, not a past moment), for an asset whose own sentence gave no price.
 */
function pronounStatement(text: string, from: number, end: number, symbol: string, known: Figures): Figures {
  let at = from
  while (at < end) {
    const sentenceEnd = Math.min(endOfSentence(text, at + 1), end)
    const sentence = text.slice(at, sentenceEnd)
    if (/^\W*it\b(?!['’]s been)/i.test(sentence) && !CONDITIONAL.test(sentence) && !/\b(?:yesterday|ago|earlier|last (?:week|month|night)|was)\b/i.test(sentence)) {
      const figures = readSegment(text, at, sentenceEnd, symbol)
      const level = figures.price ?? figures.range?.[0]
      if (level !== undefined && inPriceBand(symbol, level)) return known.change24hPct !== undefined || known.change24hRange !== undefined ? {price: figures.price, range: figures.range} : figures
    }
    at = sentenceEnd
  }
  return {}
}

const OTHER_FIGURE = /\b(?:reali[sz]ed|cost|basis|euros?|€|£|ratio|average|fair value|premium|discount|support|resistance|targets?|levels?|stop|floor|ceiling|pivot)\b/i

/** A sentence about a level: "The next hurdle is 108 200 USD", "Support has moved up to 103 000". */
const LEVEL_SUBJECT = /^\W*(?:the\s+)?(?:next\s+|first\s+|key\s+|main\s+)?(?:hurdle|barrier|obstacle|wall|resistance|support|target|level|line|floor|ceiling|magnet|pivot|stop)s?\b/i

/** A sentence that opens on another moment: "Yesterday at this time it was at …", "A week ago, …". */
const PAST_OPENING = /^\W*(?:yesterday|last (?:week|month|night)|(?:a|one) (?:day|week|month) (?:ago|earlier)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^.]{0,30}\bwas)\b/i

/** A sentence of conditions or plans: its amounts are levels to watch. */
const CONDITIONAL = /\b(?:until|unless|if|once|should|could|would|will|might|needs? to|watch\w*|wait\w*)\b/i

/** A sentence about the whole market ("The total value of all cryptocurrencies …"), not the asset before it. */
const MARKET_WIDE = /\b(?:total|overall|whole|entire|combined|all (?:crypto\w*|coins|digital assets)|crypto market|cryptocurrencies|market (?:cap|value))\b/i

/** Words that are not an asset's name even when a price follows ("Price: \$95,000"). */
const NOT_A_NAME = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Tonight|Price|Prices|Spot|Level|Last|Close|Open|Current|Range|Trading|Now|Today|Yesterday|High|Low|Target|Support|Resistance|USD|US|ETF|ETFs|UTC|GMT|ET|EST|EDT|CET|CEST|BST|JST|SGT|HKT|KST|PT|PST|PDT)$/

/**
 * Where another, unknown asset's quote begins: "Name (\$", "Name: \$",
 * "TICKER \$1.2", "TICKER (\$1.2", "TICKER +10%" or "TICKER (+10%)". Ends
 * the segment of the asset before it.
 */
function otherAssetQuotes(text: string): number[] {
  const starts: number[] = []
  for (const match of text.matchAll(/\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s?\(\$|[A-Z][A-Za-z]+:\s?\$|[A-Z][A-Z0-9]{1,5}\s[~≈]?\$\d|[A-Z][A-Z0-9]{1,5}\s\(?[+−–-]\d+(?:\.\d+)?%|[A-Z][A-Z0-9]{1,5}\s?\([~≈]?\$\d)/g)) {
    const word = /^[A-Za-z0-9]+/.exec(match[1]!)![0]
    if (!NOT_A_NAME.test(word)) starts.push(match.index)
  }
  return starts
}

function endOfSentence(text: string, from: number): number {
  const match = /[.;!?](?=\s+[A-Z(*]|\s*$)/.exec(text.slice(from))
  return match ? from + match.index + 1 : text.length
}

/** "78,050 one minute before and 76,200 five minutes after": a moment, not where it trades now. */
const MOMENT_AFTER = /^\s*(?:\w+\s+){0,2}(?:minutes?|mins?|hours?|hrs?|seconds?)\s+(?:before|after|earlier|later|ago|prior)\b|^\s*(?:earlier|ago|before the|at the (?:open|close|time(?! of (?:writing|publication|press))))\b|^\s*(?:during|in) the (?:\w+\s+){0,2}(?:session|hours|trading)\b|^\s*(?:a|one|two|three|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|before)\b|^\s*before (?:(?:a|an|the|some)\s+(?:\w+\s+)?)?(?:recover\w*|rebound\w*|bounc\w*|paring|buyers|sellers|revers\w*)\b/i
/** The words after an amount, past a currency written after it ("97 200 USD a week ago"), for MOMENT_AFTER. */
const pastCurrency = (segment: string, end: number) => segment.slice(end, end + 40).replace(/^\s*(?:USDT?|dollars?)\b/i, '').slice(0, 30)
const PAST_MOVE_BEFORE =
  /\b(?:after|following)\s+(?:a|an|the|its|last)?\s*(?:[\w.]+\s+){0,3}?(?:flush|drop|dip|crash|sell-?off|slide|plunge|fall|decline|wick|spike|rally|surge|run|move|jump|pump|slump)\w*\s+(?:to|near|toward|towards|at|below|above|under)\s+(?:about|around|roughly|near|~|≈)?\s*$/i
/** An hour right after a figure: "114.9k at 08:00 UTC", "113.7k by noon", "112.4k (08:00 UTC)". */
const CLOCK_AFTER = /^\s*(?:(?:at|by)\s+|\(\s*)(\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm)\b|noon\b|midday\b|lunch(?:time)?\b)/i
const CLOCK = /\b(\d{1,2}):(\d{2})\b|\b(noon|midday|lunch(?:time)?)\b/gi
/** "16:00" in minutes; "noon", "midday", "lunchtime" as 12:00. */
const hourOf = (written: string) => minutesOf(written, true) ?? 12 * 60

/**
 * The figure is tied to an hour (one right after it, or the last named before it in its sentence) and the
 * line names a later hour after it: an earlier snapshot of the day, not where the asset trades now.
 */
function earlierHour(segment: string, money: {index: number; end: number}, beyond: string): boolean {
  const after = CLOCK_AFTER.exec(pastCurrency(segment, money.end))
  const before = after ? undefined : [...segment.slice(sentenceStart(segment, money.index), money.index).matchAll(CLOCK)].at(-1)
  const own = after?.[1] ?? before?.[0]
  if (own === undefined || /\d\s?(?:am|pm)/i.test(own)) return false
  return [...`${segment.slice(money.end)} ${beyond}`.matchAll(CLOCK)].some((match) => hourOf(match[0]) > hourOf(own))
}
const MOVE_AMOUNT_BEFORE = /\b(?:up|down|gained|gains|added|adds|rose|fell|climbed|dropped|jumped|slipped|shed|sheds|lost)\s+(?:by\s+)?(?:about\s+|roughly\s+|some\s+|nearly\s+|almost\s+|another\s+)?[~≈]?\s*$/i
const LONGER_RANGE_AFTER = /^[^,;.]{0,40}?\b(?:since (?:last \w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the weekend|early (?:last )?week)|all week|for (?:\w+ )?(?:days|weeks|sessions)|over the (?:weekend|week|past week))\b/i
const APPROXIMATE_BEFORE = /\b(?:near|around|about|approximately|roughly|close to)\s*[~≈]?\s*$|[~≈]\s*$/i
/** A figure of two significant digits or fewer (90,000; 3,100), the kind a writer rounds to. */
const isRound = (value: number) => value >= 100 && value % 10 ** (Math.floor(Math.log10(value)) - 1) === 0

type Figures = Pick<PriceQuote, 'price' | 'range' | 'change24hPct' | 'change24hRange'>
/** Figures whose price is a close of another day, read because nothing else in its sentence says where the asset trades. */
const RECAPS = new WeakSet<Figures>()

/** The first price, range and 24h change in `text[from, end)`. */
function readSegment(text: string, from: number, end: number, symbol?: string): Figures {
  // Only the sentence the segment starts in is scanned, so that a long paragraph is read in linear time.
  const base = sentenceStart(text, from)
  return readWindow(text.slice(base, end), from - base, symbol, text.slice(end))
}


/** Words right after a figure that say it is where the asset trades now. */
const NOW_AFTER = /^\s*(?:now|currently|right now|rn|at press time|as (?:I|we) write)\b/i

/**
 * A line labelled as levels ("Price targets: BTC $105k, ETH $4k", "Key levels — BTC 95k / 99k") or as flows over a span
 * ("October to date: BTC 2,460.1 · ETH 440.7", "Since launch: …", "Holdings: …", "Week: BTC (1,858.1) · ETH (561.3)"): no amount
 * in it is a price.
 */
const LEVELS_LABEL = /^\W*(?:[\w'’]+\s+){0,3}?(?:targets?|support|resistance|supports|resistances|levels|pivots?|stops?|invalidations?|to date|MTD|YTD|WTD|since (?:launch|inception)|cumulative|holdings|AUM|(?:net )?(?:in|out)?flows?|week(?:ly)?|month(?:ly)?|quarter(?:ly)?)\s*(?::|[—–]\s)/i

function readWindow(segment: string, from: number, symbol?: string, beyond = ''): Figures {
  const figures: Figures = {}
  if (LEVELS_LABEL.test(segment.slice(0, from))) return figures
  // "SOL ~89.6", "BTC: 71,420", "ETH at 2,030": a plain number right after the ticker, inside the asset's band.
  let plain = symbol === undefined ? undefined : findPlainNumbers(segment.slice(from)).find((number) => number.index < 40)
  const lead = plain && segment.slice(from, from + plain.index)
  // ("98.9k to 99.4k": the low end of a range the amounts below read whole.)
  if (plain && !plain.range && /^\s?(?:[-–—]|to)\s?[~≈]?\$?\d/.test(segment.slice(from + plain.end, from + plain.end + 8))) plain = undefined
  // "SOL: 157.10 at the close, 154.20 now": the figure the words call now is the price, whatever came before it.
  const nowFigure = symbol === undefined ? undefined : [...findPlainNumbers(segment.slice(from)), ...findMoney(segment.slice(from)).filter(isPriceAmount)].find((number) => number.index < 60 && !number.range && NOW_AFTER.test(segment.slice(from + number.end, from + number.end + 16)) && inPriceBand(symbol, number.value))
  if (nowFigure) {
    figures.price = nowFigure.value
    plain = undefined
  }
  if (plain && lead !== undefined && !MOMENT_AFTER.test(pastCurrency(segment, from + plain.end)) && !earlierHour(segment, {index: from + plain.index, end: from + plain.end}, beyond) && !LEVEL_AFTER.test(segment.slice(from + plain.end, from + plain.end + 24)) && BARE_PRICE_LEAD.test(lead) && !NOT_PRICE_BEFORE.test(lead) && !PAST_MOVE_BEFORE.test(lead) && !WAS_EARLIER.test(lead) && !EARLIER_LABEL.test(lead) && !/\b(?:ago|a (?:week|month) earlier)\b/i.test(lead) && !OLD_VALUE_AFTER.test(segment.slice(from + plain.end, from + plain.end + 6)) && !SR_BEFORE.test(lead) && inPriceBand(symbol!, plain.range ? plain.range[0] : plain.value) && (!plain.range || inPriceBand(symbol!, plain.range[1]))) {
    if (plain.range) figures.range = plain.range
    else figures.price = plain.value
  }
  let approximate = false
  // A close of another day is read only when nothing later in the segment says where it trades now.
  let close: MoneyMatch | undefined
  // Where the last level read ended: "Support at 97.000 $, then 95.500 $" lists two levels.
  let levelEnd = -1
  // Where another provider's reading of the price ends: it made a band with the first, and is not read again.
  let otherEnd = -1
  for (const money of findMoney(segment)) {
    if (money.index < from || money.index < otherEnd || !isPriceAmount(money)) continue
    if (levelEnd >= 0 && LEVEL_LIST_JOIN.test(segment.slice(levelEnd, money.index))) {
      levelEnd = money.end
      continue
    }
    // "just over \$3,970" is where it trades, give or take; "north of \$112,000" is a bound.
    const nearly = !isRound(money.value) && NEARLY_BEFORE.test(segment.slice(from, money.index)) && !/\b(?:began|started|opened|week|month|year)\b/i.test(segment.slice(from, money.index))
    // "plunged to \$105,000 intraday before recovering to \$111,700": a level touched, not where it trades.
    // ("remained near $3,375 levels": where it trades, loosely written, not a level.)
    const looseLevels = /^\s*levels\b/i.test(segment.slice(money.end, money.end + 8)) && /\b(?:remain(?:s|ed)?|trad(?:es|ed|ing)|hover(?:s|ed|ing)?|holds?|held|sits?|sat|steady|stable)\s+(?:near|around|at|about)\s*[~≈]?\s*$/i.test(segment.slice(from, money.index))
    if ((!nearly && (NOT_PRICE_BEFORE.test(segment.slice(from, money.index)) || COMPARED_BEFORE.test(segment.slice(from, money.index)))) || (LEVEL_AFTER.test(segment.slice(money.end, money.end + 24)) && !looseLevels)) {
      levelEnd = money.end
      continue
    }
    if (MOMENT_AFTER.test(pastCurrency(segment, money.end))) continue
    // "was at 114.9k at 08:00 UTC and 113.7k by noon, and at our 16:00 UTC cut it was at 112.93k": a figure
    // tied to an hour before one the line names later is not where it trades now.
    if (earlierHour(segment, money, beyond)) continue
    // "BTC is up $1,775 from yesterday's snapshot", "ETH has gained $56": the size of a move, not a price.
    // ("inside a 1 700 USD band" as a size too cost a held-out set a right price: not kept.)
    if (MOVE_AMOUNT_BEFORE.test(segment.slice(from, money.index))) continue
    // "On Sunday it reached 104 900 USD, its highest level since 4 March": a peak it touched, not where it trades.
    // (hit, touched, peaked at … are levels whatever follows: NOT_PRICE_BEFORE.)
    if (/\b(?:reached|spiked to)\s*[~≈]?\s*$/i.test(segment.slice(from, money.index)) && /^\s*,?\s*its (?:highest|lowest)\b/i.test(segment.slice(money.end, money.end + 24))) continue
    // "Yesterday BTC closed at \$99,610; this morning it trades at \$100,450": a close of another day.
    if (closesAnotherDay(segment, from, money.index)) {
      close ??= money.range ? undefined : money
      continue
    }
    // "Bitcoin, which a week and a half ago was changing hands near \$97,000, …": a past price.
    if (/\b(?:ago|a (?:week|month) earlier)\b[^,;]*$/i.test(segment.slice(from, money.index))) continue
    if (WAS_EARLIER.test(segment.slice(from, money.index)) || EARLIER_LABEL.test(segment.slice(from, money.index))) continue
    // "within 0.5% of 106 000 USD": a distance to a level.
    if (/\bwithin\s+(?:[~≈]?\s?\d[\d.]*\s?%|a (?:whisker|hair|touch|stone's throw))\s+of\s*[~≈]?\s*$/i.test(segment.slice(from, money.index))) continue
    // "3.55T → 3.47T", "100.9k -> 99.8k": the value before the arrow is the old one.
    if (OLD_VALUE_AFTER.test(segment.slice(money.end, money.end + 6))) continue
    // "S 99k / R 102k": a desk's shorthand for support and resistance.
    if (SR_BEFORE.test(segment.slice(from, money.index))) continue
    // "after a Dec 1 flush to about 85k": a level of a past move, not where it trades.
    if (PAST_MOVE_BEFORE.test(segment.slice(from, money.index))) continue
    if (money.range) {
      // "inside the 110k to 113k range it has respected since Friday afternoon": a range of several days.
      if (!LONGER_RANGE_AFTER.test(segment.slice(money.end, money.end + 60))) figures.range ??= money.range
    }
    else if (figures.price === undefined) {
      figures.price = money.value
      approximate = isRound(money.value) && APPROXIMATE_BEFORE.test(segment.slice(Math.max(from, money.index - 16), money.index))
      // "$99,550 per CoinGecko / $99,512 per CoinMarketCap": two providers' prices, a band.
      const other = otherProvider(segment, money, 0.03)
      if (other) {
        figures.range = [Math.min(money.value, other.value), Math.max(money.value, other.value)]
        delete figures.price
        otherEnd = other.end
      }
    } else if (approximate && !isRound(money.value) && Math.abs(money.value - figures.price) / figures.price < 0.02) {
      // "consolidated near $90,000 … closing at $89,810": the exact figure beats the round one it rounds.
      figures.price = money.value
      approximate = false
    }
  }
  // "BTC closed Monday at \$94,020 (+1.4%)" in a recap of that day: its close is the latest figure it gives.
  const recap = close !== undefined && figures.price === undefined && figures.range === undefined
  if (recap) {
    figures.price = close!.value
    RECAPS.add(figures)
  }
  for (const percent of findPercents(segment)) {
    if (percent.index < from) continue
    if (NOT_CHANGE_AFTER.test(segment.slice(percent.end, percent.end + 40)) && !LABELS_NEXT_FIGURE.test(segment.slice(percent.end, percent.end + 40))) continue
    const ownDay = /^\s*\)?\s*(?:(?:over|in|during|across) the (?:past|last) (?:24 hours|day)|(?:in|over) 24 ?h(?:ours)?|24 ?h\b|on the day|d\/d|(?:from|since|vs\.?|versus) (?:this time |the same time )?yesterday\b)/i.test(segment.slice(percent.end, percent.end + 40))
    // ("starts the week at 99,240 $ (+0.9 % in 24h)": a period named before is overruled by the day's own.)
    if ((!ownDay && NOT_CHANGE_BEFORE.test(segment.slice(from, percent.index))) || OTHER_SPAN_BEFORE.test(segment.slice(from, percent.index))) continue
    // "sits below its July 13 all-time high of $112,640: 7.4%": a distance from a peak, not a move.
    if (FROM_A_PEAK_BEFORE.test(segment.slice(from, percent.index)) || MONTH_MOVE_BEFORE.test(segment.slice(from, percent.index))) continue
    // "closed Tuesday at $101,180, a 0.7% gain on the session; this morning …": that day's move.
    if (!recap && closesAnotherDay(segment, from, percent.index)) continue
    // "fell as much as 3.4% … and was last down 2.6%": the day's extreme, not its change.
    if (/\bas (?:much|high|low|far) as\s*$/i.test(segment.slice(from, percent.index))) continue
    if (OTHER_SPAN_AFTER.test(segment.slice(percent.end, percent.end + 40))) continue
    // "Year to date, Solana is up 2%": a period named earlier in the sentence, and no 24h nearer.
    const opening = segment.slice(sentenceStart(segment, from), percent.index)
    if (!ownDay && OTHER_PERIOD_IN_SENTENCE.test(opening) && !/\b24\s?-?h|\b24 hours|\bon the day|\bdaily\b|\bd\/d\b/i.test(opening)) continue
    // "about 5% lower than where it started the week": a distance from another point, not the day's move.
    if (/^\s*(?:lower|higher|more|less|below|above|down|up|off)\s+(?:than|from)\s+(?!(?:yesterday|24 hours ago|a day ago)\b)/i.test(segment.slice(percent.end, percent.end + 40))) continue
    if (percent.bound) break
    let signed: PercentMatch = signFromWords(percent, segment, from)
    // "Ether lost 4.0% … and Solana 5.1% …": the verb before "and" is this asset's too.
    if (!percent.signed && !hasSignWord(segment.slice(from, percent.end + 32)) && gappedVerbFalls(segment.slice(0, from))) signed = negate(percent)
    // "CoinGecko's aggregate shows the 24-hour decline at 3.1%, while CoinMarketCap has it at 3.6%": two providers, a band.
    const second = signed.value !== undefined ? otherProviderChange(segment.slice(percent.end, percent.end + 80), signed.value) : undefined
    if (second !== undefined) figures.change24hRange = [Math.min(signed.value!, second), Math.max(signed.value!, second)]
    else setChange(figures, signed)
    break
  }
  return figures
}

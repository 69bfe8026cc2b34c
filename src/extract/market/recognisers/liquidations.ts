import {assetOfLabel, findAssetMentions} from '../assets.js'
import {clauses, lastMatch, ownWords} from '../clauses.js'
import {findDays, isStaleDay} from '../days.js'
import {findMoney, findPercents, inMillionsOrBillions, type MoneyMatch} from '../numbers.js'
import {otherProvider} from '../providers.js'
import type {Liquidation, Recogniser} from '../types.js'
import {isTitleLine} from '../figure-first.js'
import {columnHeader} from '../table-contexts.js'

/**
 * Labels that give an amount near "liquidations" another role. The nearest
 * label before the amount (or right after it: "$713M liquidated") decides.
 */
const LABELS: ReadonlyArray<[role: string, pattern: RegExp]> = [
  ['total', /\bliquidat\w*|\bwiped out|\bflushed|\bwipeout/i],
  ['open-interest', /\bopen interest|\bOI\b|\bnotional\b|\bpositions? (?:open|outstanding)/i],
  ['single', /\blargest|\bbiggest|\bsingle\b|\bone (?:trader|whale|position|order)/i],
  ['long', /\blongs?\b/i],
  ['short', /\bshorts?\b/i],
  ['other', /\bmarket value|\bvolume|\bfunding|\bmarket cap|\binflows?|\boutflows?|\bETFs?\b|\bstablecoins?|\btvl\b|\bhack|\bstolen|\bexploit|\bfees?\b|\brevenue|\bsupply\b|\bhold(?:s|ings)?\b|\bworth\b/i]
]
const SIDE_SHARE_AFTER = /^\s*[,;·–—-]?\s*(longs?|shorts?)\s*[:=]?\s*[~≈]?\s*(\d+(?:\.\d+)?)\s?(?:%|pct\b|percent\b)/i
/** The amount is a forecast or a map, not what happened. */
const HYPOTHETICAL = /\b(if|would|could|may|might|risk (?:of|concentrat\w*|zones?)|liquidation risk|at risk|exposed|exposure|clusters?|pockets?|zones?|maps?|heatmap|walls?|levels? (?:of|near|at)|potential|expected|should|estimates?|ranging|range from|vary|varies|will|gonna|going to|ends? with|mark my words|predict\w*|forecast\w*|no (?:reliable )?(?:24-?hour |daily )?(?:total|figure|data))\b/i
/** Words that make a clause about something else than liquidations, or another source's or venue's count. */
const OTHER_TOPIC = /\b(?:ETFs?|inflows?|outflows?|open interest|OI|volume|funding|market cap|cap|stablecoins?|dominance|TVL|largest|biggest|single|Coinalyze|CoinGlass|Hyblock|Laevitas|Binance|Bybit|OKX|Hyperliquid|Deribit|BitMEX|Bitget)\b/i

function carriedRole(role: string | undefined, first: boolean, words: string): string | undefined {
  if (role !== undefined && role !== 'total') return role
  return first && !/\b(?:longs?|shorts?)\b/i.test(words) ? 'total' : undefined
}
/** The amount is one venue's or one part's ("Binance alone saw", "on Bybit", "longs only"). */
const ONE_PART = /(?<!\b(?:24\s?h|24 hours|day|hour|session|overnight)\s)\balone\b|\b(?:longs?|shorts?|bitcoin|btc|ether|eth)\s+only\b|\b(?:on|at)\s+(?:Binance|OKX|Bybit|Hyperliquid|Coinbase|Bitget|Deribit|BitMEX|Kraken|HTX|MEXC|Gate(?:\.io)?)\b[^,;]*$/i
/** A comparison that ends before the amount ("lighter than on the weekend but still notable: $455M"): its day is the other figure's. */
const COMPARED_BEFORE = /\b(?:than|compared (?:with|to)|versus|vs\.?)\s[^$\d.;:]{0,40}?(?:\bbut\b|:)/gi
const beforeOwn = (before: string): string => before.replace(COMPARED_BEFORE, ' ')
/** Where an amount's own words end and a comparison with another figure begins ("$150 million over 24 hours, which is about a fifth of Thursday's", "tiny next to Thursday's flush"). */
const COMPARED = /,\s*(?:which|while|compared|versus|vs\.?|up from|down from|against|(?:\w+\s+)?(?:less|more|lower|higher|smaller|bigger|larger|greater|heavier|lighter|calmer|quieter) than|(?:about |roughly |only )?(?:half|a (?:third|quarter|fifth|tenth)) of|twice|double)\b|\b(?:compared (?:with|to)|next to)\b/i
/** Windows other than the day: these are not the 24h total. */
export const OTHER_WINDOW = /\b(?:first|last|one|an|single|that|heaviest|busiest|worst|peak) hour\b|\b(?:early|mid|late)[- ](?:january|february|march|april|may|june|july|august|september|october|november|december)|\b(?:in|during|of|for) (?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)|\b(1|one|4|four|8|12|twelve)[- ]?(?:h|hr|hours?)\b|\b(48|72)[- ]?(?:h|hr|hours?)\b|\b(?:two|three|four|2|3|4)[- ]days?\b|\b(?:two|three|four|five|several|\d+)\s+(?:trading\s+)?sessions\b|\bweek(?:end|ly)?\b|\b(?:7|30)\s?-?d(?:ays?)?\b|\btrailing\b|\bmonth|\bsince\b|\bthis year|\bin (?:a |one )?(?:minute|hour)s?|\bwithin (?:minutes|an hour|hours)|\bcumulative|\bYTD\b|\bOctober 10|\bcrash\b/i
export const DAY_WINDOW = /\b24\s?-?h(?:ours?|r)?\b|\b24 hours|\btwenty[- ]four hours\b|\b(?:past|last) day\b|\bone day|\bdaily|\bon the day|\btoday\b|\bovernight|\bsession\b/i
/** A line labelled with the day's window alone ("Past 24h: $690M", "24h total: …", a table row "| 24h | $286.4M |", a code block's "24h   US$522.4M"). */
const DAY_LABEL = new RegExp(`^\\W*(?:total\\s+)?(?:(?:past|last)\\s+)?(?:${DAY_WINDOW.source})\\W*(?:total)?\\s*(?::|\\||\\s(?=\\s*(?:US)?\\$?\\d))`, 'i')

/** Providers of liquidation data. */
const PROVIDER = /\b(?:CoinGlass|Coinalyze|CoinAnk|Hyblock|Laevitas|Kingfisher|Velo|Amberdata|Glassnode|Kaiko)\b/gi

/**
 * Another provider's count of the same total in the line: an amount within a quarter of it, with a
 * second provider's name just before it or in brackets just after it, and no side or single order of its own.
 */
function otherProviderTotal(text: string, item: MoneyMatch, money: readonly MoneyMatch[]): number | undefined {
  const names = new Set([...text.matchAll(PROVIDER)].map((match) => match[0].toLowerCase()))
  if (names.size < 2) return undefined
  // "… We use CoinGlass.": the brief chose, and this total is the chosen provider's.
  const chosen = /\bwe (?:use|follow|take|go with|prefer)\s+(\w+)/i.exec(text)?.[1]?.toLowerCase()
  if (chosen && text.slice(Math.max(0, item.index - 48), item.index).toLowerCase().includes(chosen)) return undefined
  const other = money.find((candidate) => candidate !== item && !candidate.range && !candidate.negative && candidate.value !== item.value && Math.abs(candidate.value - item.value) <= 0.25 * Math.max(item.value, candidate.value) &&
    (new RegExp(`${PROVIDER.source}[^$\\d.;]{0,40}$`, 'i').test(text.slice(Math.max(0, candidate.index - 48), candidate.index)) || new RegExp(`^\\s*\\(\\s*${PROVIDER.source}`, 'i').test(text.slice(candidate.end, candidate.end + 20))) &&
    !/^\s*(?:\w+\s+){0,3}(?:of\s+)?(?:it\s+)?(?:longs?|shorts?)\b/i.test(text.slice(candidate.end, candidate.end + 24)) && !/\b(?:largest|biggest|single|longs?|shorts?)\b[^$]{0,12}$/i.test(text.slice(Math.max(0, candidate.index - 20), candidate.index)))
  return other?.value
}

/** An item of a list of windows that is the day's: "… · 24h: $395M · …". */
const WINDOW_ITEM = /((?:^|[·|;•]|\s[—–]\s)\s*)(24\s?-?h(?:ours?|r)?\s*:)/i

/**
 * 24h total liquidations with their long/short split: "$627 million in
 * liquidations (70% longs)", "24h liquidations: ~$182.8M", "Liquidations
 * totaled $344M over 24 hours", "liquidations 412m". An amount counts only
 * when its nearest label is liquidations, not open interest, the largest
 * single position, one side or one asset; a window other than the day, a day
 * more than one before the brief, or a conditional ("if BTC falls…") makes
 * the figure something else, and then nothing is read.
 */
export const liquidations: Recogniser<Liquidation> = {
  name: 'liquidations',
  match(context) {
    // Desk shorthand and slang: "Liqs 24h: 312M", "$588M rekt", "forced out". Under a "Liquidations"
    // title, "Past 24h: $690M" is the total.
    // ("Liquidaciones 24h", "liquidações": the same word in Spanish and Portuguese; "297M wiped".)
    let text = context.text.replace(/\bliqs?\b\.?/gi, 'liquidations').replace(/\bliquida(?:ciones|ções|cion|ción|ção)\b/gi, 'liquidations').replace(/\brekt\b|\bforced out\b|\bforce-closed\b|\bforcibly closed\b|\bforced closures?\b|\bwiped\b(?!\s+out)/gi, 'liquidated')
    // ("### Liquidations (24h)" then "- Total: $142M": the title's window.)
    // (A desk's "LIQS" title is the same.)
    const title = context.section.title.replace(/\bliqs?\b/gi, 'liquidations')
    if (/liquidat/i.test(title) && !/liquidat|wiped|flushed/i.test(text) && (DAY_LABEL.test(text) || /^\W*total\s*:/i.test(text) && DAY_WINDOW.test(title))) text = `Liquidations ${DAY_LABEL.test(text) ? '' : '24h '}${text}`
    // ("12h: $212M · 24h: $395M · 7d: $2.1B" under that title: the item labelled with the day's window.)
    else if (/liquidat/i.test(title) && !/liquidat|wiped|flushed/i.test(text)) text = text.replace(WINDOW_ITEM, '$1Liquidations $2')
    if (isTitleLine(context.raw)) return []
    if (!/liquidat|wiped out|wipeout|flushed/i.test(text)) return sidesWithTotal(text, context)
    const found: Liquidation[] = []
    const money = findMoney(text, {bare: true}).filter(inMillionsOrBillions)
    // The clause before spoke of liquidations and this one of nothing else: "Liquidations were tiny — roughly
    // $131M across all venues in the last day", "Weekend liquidations added up to $318M; the past 24h saw $96M".
    let topic = false
    let previousEnd = 0
    // "**Were there liquidations?**" then "Yes, 530 million dollars across all exchanges in 24 hours": the answer goes on with the question's topic.
    let asked = false
    for (const clause of clauses(text)) {
      const words = text.slice(clause.index, clause.end)
      const answer = asked && /^\W*(?:yes|yeah|about|around|roughly|some|\$|US\$|\d)/i.test(words)
      asked = /liquidat|wiped out|flushed|wipeout/i.test(words) && /\?\s*$/.test(words)
      const named = /liquidat|wiped out/i.test(words)
      // Only within one sentence.
      if (/[.!?]\s*$/.test(text.slice(previousEnd, clause.index)) || /[.!?]\s*$/.test(text.slice(Math.max(0, clause.index - 3), clause.index))) topic = false
      previousEnd = clause.end
      const firstAmount = money.find((item) => item.index >= clause.index && item.index < clause.end)
      // (It must name the day's window itself: "…; Thursday's were $1.1B" is not carried.)
      const carried: boolean = !named && (topic || answer) && firstAmount !== undefined && !OTHER_TOPIC.test(text.slice(clause.index, firstAmount.index)) && DAY_WINDOW.test(words)
      topic = named || carried
      // "Estimates of the 24h liquidation total range from $540M (CoinAnk) to $610M (CoinGlass)": the providers' band.
      const counts = named ? providersBand(words, money.filter((item) => item.index >= clause.index && item.index < clause.end)) : undefined
      if (counts) {
        found.push({amountUsd: counts[0], amountUsdRange: counts, window: '24h', line: context.line, evidence: words.trim()})
        continue
      }
      if (HYPOTHETICAL.test(words)) continue
      if (!named && !carried && !(found.length > 0 && /\b(longs?|shorts?)\b/i.test(words))) continue
      const owned = ownWords(text, clause, money)
      const totals: typeof owned = []
      let long: number | undefined
      let short: number | undefined
      for (const [index, entry] of owned.entries()) {
        // "$298M liquidated …, the most since March's $500M": the word right after an amount is that amount's.
        const before = index === 0 ? entry.before : entry.before.replace(ATTACHED_LABEL, '')
        // ("…; approximately $1.38-1.63 billion came from long positions": one side, carried or not.)
        // A carried clause gives a side, or its first amount as the total when it names no side.
        // A table's columns by asset ("| | BTC | ETH | All |"): an asset's column is its part, "All" the total.
        const column = columnOf(context, text, entry.item.index)
        if (column === 'part') continue
        // "US$265M     longs US$101M / shorts US$222M": a side word right before the next amount is that amount's label;
        // "$1.47bn     longs 86 pct": before a share, it labels the share.
        const after = (index < owned.length - 1 && /^\s*(?:longs?|shorts?)\s*[:=]?\s*(?:US)?\s*$/i.test(entry.after)) || SIDE_SHARE_AFTER.test(entry.after) ? '' : entry.after
        const labelled = carried ? carriedRole(roleOf(before, after), entry.item === firstAmount, text.slice(entry.item.end, entry.item.end + 32)) : roleOf(before, after) ?? labelledWindow(words, entry)
        // (The row's own label still decides: "| Largest single liquidation | | $18.6M |" under "all venues".)
        const role = column === 'total' && (labelled === undefined || labelled === 'total') ? 'total' : labelled
        // "…and the heaviest hour alone wiped out $97M": a total of another window is not a second total.
        const own = `${beforeOwn(entry.before).slice(-40)} ${entry.after.slice(0, 40)}`
        if (role === 'total' && OTHER_WINDOW.test(own) && !DAY_WINDOW.test(own)) continue
        // "…, a calm session compared with Thursday (22.10.), when more than USD 1,3 billion was liquidated": another day's total.
        if (role === 'total' && index > 0 && findDays(`${beforeOwn(entry.before).slice(-60)} ${entry.after.slice(0, 80).split(COMPARED)[0]}`, context.date).some((day) => isStaleDay(day, context.date))) continue
        if (role === 'total') totals.push(entry)
        else if (role === 'long') long ??= entry.item.value
        else if (role === 'short') short ??= entry.item.value
      }
      const [total] = totals
      // "…reached $412M; longs accounted for $300M and shorts $112M": a split in the next clause is the last total's.
      const previous = found.at(-1)
      if (!total && previous && previous.line === context.line) {
        if (long !== undefined && previous.long === undefined && long < previous.amountUsd) previous.long = long
        if (short !== undefined && previous.short === undefined && short < previous.amountUsd) previous.short = short
      }
      if (!total || total.item.negative) continue
      // "Binance alone saw US$58m", "Bitcoin long positions alone absorbed …": a part, not the market's total.
      if (ONE_PART.test(total.before)) continue
      // "$598M on one tracker, $621M on the other": two providers' totals, a band.
      const provided = total.item.range ? undefined : otherProvider(text, total.item, 0.25, {bare: true})
      // Two different totals in one clause ("estimates range from $100m to over $600m"): neither.
      if (!provided && totals.some((other) => other.item.value !== total.item.value)) continue
      // The amount's own words say the window; else the clause does.
      // (Up to a comparison: "$150 million over 24 hours, which is about a fifth of Thursday's".)
      const own = `${beforeOwn(total.before).slice(-60)} ${total.after.slice(0, 80).split(COMPARED)[0]}`
      const windowWords = OTHER_WINDOW.test(own) || DAY_WINDOW.test(own) ? own : words
      if (OTHER_WINDOW.test(windowWords) && !DAY_WINDOW.test(windowWords)) continue
      // A named day must be the brief's or the day before it.
      if (findDays(windowWords, context.date).some((day) => isStaleDay(day, context.date))) continue
      const item = total.item
      // "$356m (CoinGlass) to $388m (Coinalyze)": two providers' totals, a band.
      const next = owned[owned.indexOf(total) + 1]
      const pair = !item.range && next && !next.item.range && /^\s*(?:\([^)]{1,30}\)\s*)?(?:to|[–-])\s*$/i.test(total.after) && Math.abs(next.item.value - item.value) <= 0.25 * item.value ? next.item.value : undefined
      // "CoinGlass counted $640 million …; Coinalyze's tally was lower at $590 million", "$274M (CoinGlass) vs $301M (Coinalyze)".
      const second = pair ?? provided?.value ?? (item.range ? undefined : otherProviderTotal(text, item, money))
      const band = second !== undefined ? ([Math.min(item.value, second), Math.max(item.value, second)] as [number, number]) : item.range
      const result: Liquidation = {amountUsd: band ? band[0] : item.value, window: '24h', line: context.line, evidence: words.trim()}
      if (/\byesterday\b/i.test(windowWords)) yesterdays.add(result)
      if (band) result.amountUsdRange = band
      if (long !== undefined) result.long = long
      if (short !== undefined) result.short = short
      for (const percent of findPercents(words)) {
        if (percent.value === undefined || percent.value <= 0 || percent.value >= 100 || item.range) continue
        const after = words.slice(percent.end, percent.end + 24)
        // "62% longs", "longs making up 78% of the total", "with shorts at 40%".
        const lead = words.slice(Math.max(0, percent.index - 28), percent.index)
        const side = /^\W*(?:\w+\s+){0,2}(long|short)s?\b/i.exec(after)?.[1] ?? /\b(long|short)s?\s+(?:made up|making up|make up|accounted for|accounting for|were|at|represented|comprised|of)\s+(?:about\s+|roughly\s+|~)?$/i.exec(lead)?.[1]
        if (side?.toLowerCase() === 'long') result.long ??= Math.round((item.value * percent.value) / 100)
        else if (side?.toLowerCase() === 'short') result.short ??= Math.round((item.value * percent.value) / 100)
      }
      // ("$1.47bn     longs 86 pct" in a data block: the share in the next column.)
      const share = item.range || result.long !== undefined || result.short !== undefined ? null : SIDE_SHARE_AFTER.exec(text.slice(item.end))
      if (share && Number(share[2]) < 100) result[share[1]!.toLowerCase().startsWith('long') ? 'long' : 'short'] = Math.round((item.value * Number(share[2])) / 100)
      // "liquidations stayed under 400 million USD": a bound, which yields to an exact figure elsewhere.
      if (/\b(?:under|below|more than|less than|upwards of|in excess of|north of|south of|shy of)\s*[~≈]?\s*$/i.test(total.before)) bounds.add(result)
      found.push(result)
    }
    // "Yesterday this column counted $412 million. The past twenty-four hours were harsher: $655 million was
    // liquidated": beside the day's own total, yesterday's is not a second reading.
    const today = found.filter((item) => !yesterdays.has(item))
    if (found.length === 0) return sidesWithTotal(text, context)
    return today.length > 0 && today.length < found.length ? today : found
  }
}

/** Totals whose own words say yesterday. */
const yesterdays = new WeakSet<Liquidation>()

/**
 * "Longs lost $720 million and shorts $88 million across the market, for a total of $808 million", "Longs
 * US$74M, shorts US$330M, total US$404M": a long and a short amount that add up to a total are the day's
 * liquidations, though the line never says the word, when its section or its verbs speak of them.
 */
function sidesWithTotal(line: string, context: {section: {title: string}; line: number}): Liquidation[] {
  return line.split(/(?<=[.!?])\s+(?=[A-Z])/).flatMap((sentence) => sentenceSides(sentence, line, context))
}

function sentenceSides(text: string, line: string, context: {section: {title: string}; line: number}): Liquidation[] {
  if (!/liquidat|derivativ|leverage|wiped|flush|squeez|futures|positioning|forced/i.test(`${context.section.title} ${line}`) && !/\b(?:longs?|shorts?)\s+(?:lost|were hit|got hit|paid)\b/i.test(text)) return []
  const amounts = findMoney(text, {bare: true}).filter(inMillionsOrBillions)
  const labelled = (pattern: RegExp) => amounts.find((item) => pattern.test(text.slice(Math.max(0, item.index - 24), item.index)))
  const long = labelled(/\blongs?\b[^$\d]{0,18}$/i)
  const short = labelled(/\bshorts?\b[^$\d]{0,18}$/i)
  const total = labelled(/\b(?:total(?:\s+of)?|tally|in all|altogether|combined|overall|together)\b[^$\d]{0,20}$/i) ?? amounts.find((item) => /^\s*(?:\w+\s+)?in all\b/i.test(text.slice(item.end, item.end + 16)))
  if (!long || !short || !total || long === short || total === long || total === short || long.range || short.range || total.range) return []
  if (HYPOTHETICAL.test(text) || Math.abs(long.value + short.value - total.value) > 0.01 * total.value) return []
  const own = text.slice(Math.max(0, total.index - 60), total.end + 60)
  if (OTHER_WINDOW.test(own) && !DAY_WINDOW.test(own)) return []
  return [{amountUsd: total.value, long: long.value, short: short.value, window: '24h', line: context.line, evidence: text.trim()}]
}

/**
 * Two providers' counts of the day's total given as a band ("range from $540M (CoinAnk) to $610M (CoinGlass),
 * depending on the provider", "ranged from US$300m to US$340m depending on the data provider"): the clause
 * names the day and the providers, and its two amounts are within a quarter of each other.
 */
function providersBand(words: string, amounts: readonly MoneyMatch[]): [number, number] | undefined {
  if (!/\brang(?:e|es|ed|ing)\s+from\b/i.test(words) || !/\b(?:providers?|sources?|depending|coverage)\b/i.test(words) && !new RegExp(PROVIDER.source, 'i').test(words) || !DAY_WINDOW.test(words) || OTHER_WINDOW.test(words)) return undefined
  if (/\b(?:if|would|could|might|will|longs?|shorts?)\b[^$]*\brang/i.test(words)) return undefined
  if (amounts.length !== 2 || amounts.some((item) => item.range || item.negative)) return undefined
  const [low, high] = [Math.min(amounts[0]!.value, amounts[1]!.value), Math.max(amounts[0]!.value, amounts[1]!.value)]
  return high - low <= 0.25 * high ? [low, high] : undefined
}

/**
 * "Liquidations: $96M in the last 4 hours, $402M over 24h": under a line's "Liquidations:" label, an
 * amount with no label of its own is the total of the window its own words name, if that is the day.
 */
function labelledWindow(words: string, entry: {before: string; after: string}): string | undefined {
  if (!/^[^:$\d]{0,30}\bliquidations?\s*(?:\(\s*all\s*\)\s*)?:/i.test(words) || /\b(?:longs?|shorts?)\b/i.test(words.split(':')[0]!)) return undefined
  const own = `${entry.before.split(/[,;]/).at(-1)} ${entry.after.split(/[,;]/)[0]}`
  return DAY_WINDOW.test(own) && !OTHER_WINDOW.test(own) ? 'total' : undefined
}

/** A table's row or column for the whole market: "Total", "All venues", "Aggregate", "Market-wide". */
export const WHOLE_MARKET = /^(?:all|total|market|aggregate|overall|sum|combined|across)\b|\bmarket[- ]wide\b/i

/** The role a table column's header gives its amounts: one asset's or the alts' ('part'), or all of them ('total'). */
function columnOf(context: {table?: {header: readonly string[]}}, text: string, at: number): 'part' | 'total' | undefined {
  const header = columnHeader(context.table, text, at)?.trim()
  if (!header) return undefined
  if (WHOLE_MARKET.test(header)) return 'total'
  // ("| Metric | On Halvard | All venues |": one venue's column.)
  return assetOfLabel(header) || /^(?:alts?|altcoins?|others?|rest)\b|^(?:on|at)\s+(?!all\b)\S|\b(?:only|alone)\b/i.test(header) ? 'part' : undefined
}

/** Totals written as a bound ("under $400M"), for `oneTotal` to set aside when an exact figure is given. */
export const bounds = new WeakSet<Liquidation>()

const ATTACHED_LABEL = /^\s*\)?\s*(?:(?:in|of|to|worth|were|was|being|leveraged|forced|positions?|long|short|crypto|market|futures)\s+)*(?:liquidat\w*|wiped out)/i

function roleOf(before: string, after: string): string | undefined {
  const tail = before.slice(-80)
  // ("$300M+ in short liquidations": the plus says "or more".)
  const head = after.replace(/^\+/, '').slice(0, 64)
  // "$19B in long liquidations", "$136.6M from long positions": one side only.
  const sideAfter = /^\s*\)?\s*(?:in|of|from)?\s*(long|short)s?\b/i.exec(head.slice(0, 24))?.[1]
  if (sideAfter) return sideAfter.toLowerCase()
  // "$136B in market value", "$62.3B in open interest".
  for (const [role, pattern] of LABELS) if (role !== 'total' && new RegExp(`^\\s*\\)?\\s*(?:in|of)?\\s*(?:${pattern.source})`, 'i').test(head.slice(0, 32))) return role
  if (/\b(largest|biggest|single)\b/i.test(tail)) return 'single'
  // "concentrated in ETH ($85.6M), BTC ($74.6M)": an asset named right before the amount.
  if (assetBefore(tail.slice(-10), 10)) return 'asset'
  // ("Traders lost $398.9 million to forced liquidations".)
  const following = /^\s*\)?\s*(?:(?:in|of|to|worth|total|were|was|got|being|leveraged|forced|positions?|crypto|market|futures)\s+)*(liquidat\w*|wiped out)/i.exec(head)
  // Labels before the amount: the nearest one decides.
  let best: {role: string; at: number} | undefined
  for (const [role, pattern] of LABELS) {
    const match = lastMatch(tail, pattern)
    if (match && (!best || match.index > best.at)) best = {role, at: match.index}
  }
  if (following) {
    if (best && best.role !== 'total' && tail.length - best.at < 12) return best.role
    return assetBefore(tail, tail.length) ? 'asset' : 'total'
  }
  if (!best) return undefined
  if (best.role === 'total') {
    // "Short liquidations: $200M": one side; "BTC liquidations: $66M": one asset.
    const side = /\b(long|short)s?[\s-]*$/i.exec(tail.slice(0, best.at))?.[1]
    if (side) return side.toLowerCase()
    // ("Liquidations of Bitcoin positions over 24 hours: 148 million USD": the label names one asset.)
    if (assetBefore(tail, best.at) || assetBefore(tail, tail.length, tail.length - best.at)) return 'asset'
    // Too far from its label: a later amount in a long clause is not the total.
    if (tail.length - best.at > 72) return undefined
  }
  return best.role
}

/** An asset named just before `at` ("BTC liquidations", "Ethereum liquidations hit"), unless the words say all markets. */
function assetBefore(text: string, at: number, width = 22): boolean {
  const window = text.slice(Math.max(0, at - width), at)
  return findAssetMentions(window).length > 0 && !/\b(total|all|crypto|market|across|aggregate|overall)\b/i.test(window)
}

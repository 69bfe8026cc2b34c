import {findAssetMentions} from '../assets.js'
import {clauses, lastMatch, ownWords} from '../clauses.js'
import {findDays, isStaleDay, soleDayOf} from '../days.js'
import {isTitleLine} from '../figure-first.js'
import {findMoney, inMillionsOrBillions, sameAmount, type MoneyMatch} from '../numbers.js'
import {columnHeader} from '../table-contexts.js'
import type {EtfFlow, Recogniser} from '../types.js'

/** The assets whose funds a brief names: "spot bitcoin funds", "Ether funds", "the XRP products". */
const FUND_ASSETS = String.raw`(?:bitcoin|btc|ether(?:eum)?|eth|solana|sol|xrp)`
// ("the bitcoin funds lost $412 million": a day's flow of the US funds, as news desks call them.)
export const ETF = new RegExp(String.raw`\bETFs?\b|\bETPs?\b|\bexchange[- ]traded (?:funds?|products?)\b|\b(?:spot|the) ${FUND_ASSETS} (?:funds|products)\b|\bspot funds\b`, 'i')
const ISSUER = /\b(IBIT|FBTC|GBTC|ARKB|BITB|HODL|BTCO|EZBC|BRRR|BTCW|MSBT|ETHA|FETH|ETHE|ETHW|BSOL|GSOL|XRPC|BlackRock|iShares|Fidelity|Grayscale|ARK(?: 21Shares)?|21Shares|Bitwise|VanEck|Invesco|Franklin|WisdomTree|Valkyrie|Morgan Stanley|(?<=[A-Z][a-z]+['’]s )(?!(?:BTC|ETH|SOL|XRP|ETFs?|USD|US|SEC)\b)[A-Z]{3,5})\b/
export const ASSETS: ReadonlyArray<[symbol: string, pattern: RegExp]> = [
  ['BTC', /\b(bitcoin|btc)\b/i],
  ['ETH', /\b(ethereum|ether|eth)\b/i],
  ['SOL', /\b(solana|sol)\b/i],
  ['XRP', /\bxrp\b/i]
]
/** Words that make an amount near "ETF" something other than one day's net flow. */
export const NOT_A_DAY_FLOW =
  /\b(avg|average|typical(?:ly)?|per day|trading days|(?:two|three|four|five|six|seven|several|\d+) (?:\w+ )?(?:trading )?(?:days|sessions)|\d+-(?:month|week(?!end))|respectively|ending|through|thru|since|(?<!\b\d{1,2}(?:st|nd|rd|th)?[\s-])(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:['’]s)?\b(?!\s+\d)|(?<!\b\d{1,2}(?:st|nd|rd|th)?[\s-])\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b|holds?|holdings?|held|AUM|assets under|net assets|total (?:net )?assets|cumulative|since (?:launch|inception|january)|year[- ]to[- ]date|YTD|month[- ]to[- ]date|MTD|WTD|(?:month|week|year) so far|\bto[- ]date\b|\b(?:mon|tue|wed|thu|fri)\w*\s?(?:[-–+&/]|and)\s?(?:mon|tue|wed|thu|fri)\w*\b|so far this (?:month|week|year)|w\/w|week(?!ends?\b)|wks?\b|weekly|monthly|this month|last month|in (?:january|february|march|april|may|june|july|august|september|october|november|december)|quarter|Q[1-4]\b|streak|total(?:ed|ing|led)?\b|combined|together|between them|(?:mon|tues|wednes|thurs|fri)day and (?:mon|tues|wednes|thurs|fri)day|sum|over (?:the )?(?:past |last )?(?:two|three|four|five|six|seven|several|\d+) (?:\w+ )?(?:trading )?(?:days|sessions)|\d+-day|(?:two|three|four|five|six|seven|eight|nine|ten|several|multi)-(?:day|session)|revenue|worth|valued|market cap|gross|(?:for|over|in) the (?:month|week|year|quarter)|target|forecast|predict\w*|expect\w*|could|would|first month|debut|launch)/i
/** A paragraph that speaks of a span longer than a day: an amount in it with no day of its own may be that span's. */
export const LONGER_SPAN = /\b(?:week(?!end)\w*|(?:two|three|four|five|six|seven|several|\d+)[- ](?:trading[- ])?(?:days?|sessions?)|month[- ]to[- ]date|MTD|this month|year[- ]to[- ]date|YTD|cumulative|since (?:launch|inception))\b/i
const OUTFLOW = /\bin the red\b|\boutflows?|\bredemptions?|\bexits?\b|\bselling\b|\bwithdr[ae]w\w*|\bbled\b|\bbleed(?:s|ing)?\b|\b(?:leaving|left|out of) (?:the )?(?:U\.?S\.? |US )?(?:spot )?(?:\w+ )?(?:ETFs?|ETPs?|funds|products)\b|\bshed(?:s|ding)?\b|\blos(?:t|es|ing)\b|\bnet (?:selling|negative|sold)|\bnegative\b|\bpulled\b(?!\s+in\b)|\bexited\b/i
const INFLOW = /\bin the green\b|\binflows?|\bbuying\b|\b(?:pulled|pulling|raked|hauled|brought|came|comes|coming|flowed|flowing) in\b|\babsorbed\b|\bnet (?:buying|positive|creations?|bought)|\battract(?:ed|s|ing)\b|\badd(?:ed|s|ing)\b|\bpositive\b|\bdrew\b|\bbought\b|\btook in\b|\btak(?:e|es|ing) in\b|\bgather(?:s|ed|ing)?\b|\bpull(?:s|ing)? in\b|\bgained\b/i

/**
 * One day's aggregate net flow of a spot ETF, per asset: "U.S. spot Bitcoin
 * ETFs saw net inflows of $457 million on December 17", "BTC ETFs
 * -US$145.7m (Feb 2)". An amount counts when its own words say ETF and flow,
 * no issuer is named nearer to it than the asset (IBIT alone is not the
 * market), and nothing makes it holdings, a total over several days or a
 * forecast. The day is resolved against the brief's date.
 */
export const etfFlows: Recogniser<EtfFlow> = {
  name: 'etf-flows',
  match(context) {
    const {text} = context
    if ((!ETF.test(text) && !ETF.test(context.section.title)) || isTitleLine(context.raw)) return []
    const flows: EtfFlow[] = []
    const money = findMoney(text, {bare: true}).filter(inMillionsOrBillions)
    // A line label ("**ETF Flows:** …") speaks for every clause of the line.
    const label = /^[^:]{0,40}:/.exec(text)?.[0] ?? ''
    const lineHasEtf = ETF.test(text)
    for (const clause of clauses(text)) {
      const words = text.slice(clause.index, clause.end)
      // "saw outflows of $191M and $98M respectively": which amount is whose is left to the reader.
      if (/\brespectively\b/i.test(words)) continue
      // "Monday alone saw $1.2 billion in inflows" after a sentence about ETFs: the line's subject carries over.
      // Under an "ETF Flows" title, "**Friday net flow (BTC):** …" is an ETF's too.
      const scope = ETF.test(words) || ETF.test(label) || lineHasEtf || ETF.test(context.section.title) ? words : undefined
      if (!scope) continue
      const owned = ownWords(text, clause, money)
      for (const {item, before, after} of owned) {
        const lead = text.slice(clause.index, item.index)
        // A day named with the amount ("$366.6M on Friday alone", "(Oct 21)") makes it a day's flow
        // whatever the sentence says around it; without one, the whole clause must not speak of a longer span.
        // (A day before a connector is the previous amount's: "…over the five sessions to Friday, and the ether funds lost …".)
        const phrase = ownPhrase(before)
        // "Negative on Nov 13 (-$463M) and Nov 14 (-$2.1M)": the day just before the bracket is the amount's.
        const bracketed = /\(\s*[+−–-]?\s*$/.test(before) ? daysIn(before, context.date).at(-1) : undefined
        // A line's or a clause's label names the day for its amounts ("**Friday net flow (BTC):** an inflow of $72.1M",
        // "… saw first net-positive inflow week since Oct. Dec 8 outflow: -$168.8M").
        const ownDay = (bracketed && /^\s*\(\s*[+−–-]?\s*$/.test(before.slice(bracketed.end)) ? bracketed : nearestDay(`${phrase}\u0000${after}`, phrase.length, context.date)) ?? soleDay(clause.index < label.length ? label : (/^[^:]{0,40}:/.exec(words)?.[0] ?? ''), context.date) ?? openingDay(lead, context.date)
        // What follows the amount is its own only up to the next clause ("…, bringing cumulative inflows to …").
        const ownAfter = after.slice(0, 80).split(AFTER_CUT)[0]!
        // (The clause's opening words are an earlier amount's when one stands between, "snap 4-day, $1B outflow streak with
        // $477M inflows (Oct 21)", but a line's label speaks for all of them: "Last week: −$1.48B BTC / −$0.42B ETH".)
        const opening = before.length < lead.length ? (clause.index < label.length ? label : '') : lead.slice(0, 40).replace(/\S*$/, '')
        const span = ownDay ? `${opening}|${phrase}|${ownAfter}` : `${lead}|${ownAfter}`
        // "Total U.S. spot Bitcoin ETF outflows hit $903 million on November 20": with its own day, a total is that
        // day's, and so is the day that "extended their streak with a $118.5M net inflow on Tuesday".
        // (Nor is "-$96.3M net (first outflow in seven sessions)" on Thursday a span's: a record is told against the sessions before.)
        if (NOT_A_DAY_FLOW.test(ownDay ? span.replace(/\btotal(?:ed|ing|led)?\b|\bstreak\b|\b(?:first|largest|biggest|best|worst|strongest|weakest)\b[^.;()]{0,30}?\b(?:in|since)\s+(?:\w+\s+){0,2}(?:sessions?|days?|weeks?|months?)\b/gi, '') : span) || sameAmountElsewhere(text, item, money)) continue
        // A table column headed "Week net", "AUM" or "MTD" is not a day's flow.
        const header = columnHeader(context.table, text, item.index) ?? ''
        if (NOT_A_DAY_FLOW.test(header) || LONGER_SPAN.test(header)) continue
        if (ownDay && /^\s*[–-]\s*\d/.test(`${phrase}\u0000${after}`.slice(ownDay.end))) continue
        // A flow word near the amount, or a sign on it ("-US$145.7m").
        const near = `${lead}|${after.slice(0, 40)}`
        if (!/flow|\bnet\b/i.test(near) && !OUTFLOW.test(near) && !INFLOW.test(near) && !item.negative && !/^\s*\(?[+−–-]/.test(text.slice(item.index - 2, item.index + 1))) continue
        // Only the line says ETF ("Monday alone saw $1.2B in inflows"): the amount must carry its own day, or
        // take it from the sentence before, which names the funds and one day and gives no amount
        // ("Friday was ugly for the spot bitcoin funds. Net outflows came to 412.7 million dollars").
        const introduced = !ETF.test(words) && !ETF.test(label) && !ownDay ? introducingDay(text, clause.index, money, context.date) : undefined
        // Under an ETF title or in a line about ETFs, "Ether funds added US$164.8m" names the funds too.
        const funds = (lineHasEtf || ETF.test(context.section.title)) && FUNDS.test(words)
        if (!ETF.test(words) && !ETF.test(label) && !ownDay && !introduced && !funds) continue
        // "an outflow just shy of $240 million — US$238.9M on Farside's tally", "inflows top $650M", "another near-$900M day": a bound, not the figure.
        if (/\b(?:shy of|north of|south of|more than|less than|upwards of|in excess of|nearly|almost|over|under|above|below|tops?|topped|topping|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beyond)\s*[~≈]?\s*[+−–-]?\s*$|\bnear-\s*[+−–-]?\s*$|\bnear$/i.test(before)) continue
        if (issuerIsSubject(lead, after) || onePart(lead, before)) continue
        // "revised Thursday's figure from −$112.3M to −$118.5M", "swung from −$50M to +$120M": the old value.
        if (/\bfrom\s*[~≈]?\s*[+−–-]?\s*$/i.test(before) && /^\s*(?:to|→|->)\s*[~≈]?\s*[+−–-]?\s*(?:US)?\$?\s?\d/i.test(text.slice(item.end, item.end + 20))) continue
        // "ETFs +188.5M (Thu) … ETH ETFs ~flat": bare ETFs in the amount's own clause are not the line's other asset.
        // ("**Flows.** Last week ETFs +706M net; Fri +97.2M": the line's bare ETFs speak for its clauses.)
        // (The funds named up to the amount's clause: "Monday's redemptions follow Friday's −$779.0M … Spot ETH ETFs shed $74.2M" gives the first no asset.)
        // (Under "## Spot ETF flows", "- Tue 1 Jun: +$164.3M" is the title's funds'.)
        const asset = assetOf(before, after) ?? (/\bETFs?\b/.test(words) ? lineAsset(words) ?? bareEtfAsset(words) : lineAsset(text.slice(0, clause.end)) ?? bareEtfAsset(text)) ?? (ETF.test(context.section.title) && !findAssetMentions(text).length ? lineAsset(context.section.title) ?? bareEtfAsset(context.section.title) : undefined) ?? lastFundsAsset(text.slice(0, clause.index), lead)
        if (!asset) continue
        // "ETH ETFs lost $428.52 million, BTC ETFs $326.52 million", "took in a net $312.4M on Wednesday, and spot ether
        // ETFs a net $22.7M": the verb of the amount before is this one's too.
        const previous = owned[owned.findIndex((entry) => entry.item === item) - 1]
        const gapped = previous && /^(?:\s+on\s+[^,$]{1,30})?\s*(?:,\s*)?(?:and\s+)?(?:[\w.]+\s+){0,3}(?:ETFs?|funds)\s*(?:a\s+)?(?:net\s+)?$/i.test(before) ? directionOf(previous.before, previous.after.split(CONTRAST)[0]!) : undefined
        const direction = item.negative || /^\s*[−–-]/.test(before.slice(-2)) ? 'outflow' : /\+\s*$/.test(before) ? 'inflow' : directionOf(before, after.split(CONTRAST)[0]!) ?? gapped ?? partDirection(lead, before, ownDay !== undefined) ?? plainNetFlow(before, ownDay !== undefined)
        if (!direction) continue
        const flow: EtfFlow = {asset, direction, amountUsd: item.range ? item.range[0] : item.value, line: context.line, evidence: words.trim()}
        if (item.range) flow.amountUsdRange = item.range
        const issuers = issuerAmounts(text, clause, money)
        if (issuers.length > 0) flow.issuers = issuers
        // "US spot crypto ETFs saw $338M", "combined $755M": every asset together, not one.
        // ("US spot crypto ETFs saw $338M: BTC ETFs +$102.6M": an asset's funds named in the amount's own phrase are that asset's.)
        const ownFunds = ASSETS.some(([, pattern]) => new RegExp(String.raw`(?:${pattern.source})\s+(?:spot\s+)?(?:ETFs?|ETPs?|funds)\b`, 'i').test(phrase))
        if (/\bcrypto (?:ETF|ETP|fund|product)s?\b|\bcombined\b|\bacross (?:the )?(?:category|products|assets)\b/i.test(ownFunds ? phrase : phrase + lead.slice(0, 40))) continue
        // Else the day the section's title names ("## Spot ETF Flows — 12/23").
        let day = ownDay ?? introduced ?? (owned.length === 1 ? soleDay(`${lead} ${ownAfter}`, context.date) : undefined) ?? (ETF.test(context.section.title) || /\bflows?\b/i.test(context.section.title) ? soleDayOf(context.section.title, context.date) : undefined)
        if (!day) {
          // An undated amount takes its span from the words before it: "$259.6M in outflows the same day" is
          // the day last named; "…in the week ending January 24. Bitcoin ETFs alone recorded $1.09 billion" is
          // that week's, not a day's.
          if (/^\W*(?:[\w-]+\s+){0,4}?(?:the same day|that day|same session)\b/i.test(after.slice(0, 60))) {
            // (The day of the flow read just before, when there is one: "… took in $174M, reversing Tuesday's outflow. Ether ETFs lost $9M the same day.")
            const previous = flows.at(-1)
            day = previous?.day !== undefined ? daysIn(previous.day, context.date)[0] : daysIn(text.slice(0, item.index), context.date).at(-1)
            if (!day) continue
          } else {
            // Undated after "Wednesday October 8 saw …" (a day of another week), or after a longer span: not today's.
            const earlier = lastSpanBefore(text, item.index, context.date)
            if (earlier === 'longer' || (earlier && isStaleDay(earlier, context.date, 5))) continue
            // "…$1.09 billion in outflows (led by IBIT); Ethereum ETFs posted $630 million—the second-largest weekly
            // outflow on record. … in the week ending January 24": an undated amount in a line about a week is that week's.
            if (!earlier && /\bweekly\b|\bweek ending\b|\bweek to\b|\bthis week\b|\blast week\b|\bover the week\b/i.test(text.slice(item.end))) continue
          }
        }
        // A flow of another week is news, not the day's figure.
        if (day && isStaleDay(day, context.date, 5)) continue
        if (day) {
          flow.day = day.text
          if (day.iso) flow.date = tradingDay(day.iso, day.text)
        }
        flows.push(flow)
      }
    }
    return flows
  }
}

/** An asset's funds named without "ETF": "Ether funds", "the XRP products", "the spot bitcoin complex". */
const FUNDS = new RegExp(String.raw`\b${FUND_ASSETS}\s+(?:funds|products|ETPs|complex)\b`, 'i')

/** Words that turn to another flow: "took in $174M, reversing Tuesday's outflow". */
const CONTRAST = /\b(?:after|following|revers\w*|snapp\w*|ending|breaking|erasing|undoing)\b/i
/** Where the words after an amount stop being its own ("…, bringing cumulative inflows to …", "… reversing Tuesday's outflow"). */
const AFTER_CUT = new RegExp(String.raw`[,;]|\b(?:bringing|taking|lifting|pushing|while|whereas|but)\b|${CONTRAST.source}`, 'i')

/** The one day of the sentence before `at`, when that sentence names the funds and states no amount. */
function introducingDay(text: string, at: number, money: readonly MoneyMatch[], date: string | undefined) {
  const start = lastMatch(text.slice(0, at).replace(/[.!?]\s*$/, ''), /[.!?]\s+/)
  const sentence = text.slice(start ? start.index + start[0].length : 0, at)
  // ("Flows … were not yet available for Wednesday": that day has no figure.)
  if (!ETF.test(sentence) || /\b(?:not|no|yet|pending|unavailable|delayed)\b/i.test(sentence) || money.some((item) => item.index < at && item.index >= at - sentence.length)) return undefined
  return soleDay(sentence, date)
}

/** The words of the amount's own phrase: after the last connector before it ("… streak with $477M" → "with"). */
function ownPhrase(before: string): string {
  const cut = lastMatch(before, /\b(?:with|including|while|and|but|whereas|after|following|vs\.?)\b|[,(—:;]|\s–\s(?=\p{L})/u)
  return cut ? before.slice(cut.index + cut[0].length) : before
}

/**
 * "ETFs +$248.7m Fri", "US spot ETFs logged a net +$412.6M": ETFs named with no asset, in a clause
 * that names none either, are Bitcoin's (the convention of every brief that writes them so).
 */
function bareEtfAsset(words: string): string | undefined {
  if (!/\bETFs?\b/.test(words)) return undefined
  // Another asset's ETFs ("XRP ETFs", "gold ETFs") or every crypto asset's are not Bitcoin's.
  return ASSETS.some(([, pattern]) => pattern.test(words)) || /\b(?:crypto|altcoin|staking|all (?:crypto|assets|coins|digital)|gold|equity|equities|bond|index)\b/i.test(words) || /\b[A-Z]{2,5} ETFs?\b/.test(words.replace(/\b(?:US|U\.S\.) /g, '')) ? undefined : 'BTC'
}

/** The single asset a line's ETFs are about ("U.S. spot Bitcoin ETFs …", "the spot bitcoin funds"), when it names only one. */
function lineAsset(text: string): string | undefined {
  const found = new Set<string>()
  for (const match of text.matchAll(/\b(\w+)\s+(?:spot\s+)?(?:ETFs?|ETPs?|funds|products)\b/gi)) for (const [symbol, pattern] of ASSETS) if (pattern.test(match[1]!)) found.add(symbol)
  return found.size === 1 ? [...found][0] : undefined
}

/** Words after which an asset is what another is measured against: "outpaced BTC", "than ether". */
const COMPARED = /\b(?:outpac\w*|outperform\w*|outrun|outran|lagg?\w*|trail\w*|than|vs\.?|versus|against|unlike|compared (?:with|to)|relative to)\s+(?:the\s+)?$/i

/**
 * "U.S. spot Bitcoin ETFs recorded net inflows of $477 million on Oct 21. On Oct 23, flows totaled $20.33 million. …
 * Ethereum ETFs …": a clause whose subject is the flows, naming no asset, speaks of the funds named last before it in the line.
 */
function lastFundsAsset(earlier: string, lead: string): string | undefined {
  // (Only when the flows are the clause's subject: "northgate's fund alone was -$61.0M" names another.)
  if (!/^\W*(?:on\s+[^,]{3,30},\s*)?(?:the\s+)?(?:net\s+|daily\s+)*(?:flows?|inflows?|outflows?)\b[^,$]{0,30}$/i.test(lead)) return undefined
  const last = lastMatch(earlier, /\b(\w+)\s+(?:spot\s+)?(?:ETFs?|ETPs?|funds|products)\b/i)
  return last ? ASSETS.find(([, pattern]) => pattern.test(last[1]!))?.[0] : undefined
}

function assetOf(before: string, after: string): string | undefined {
  // "$240M BTC", "$300M in Ethereum ETF inflows": the asset named right after the amount.
  for (const [symbol, pattern] of ASSETS) if (new RegExp(`^\\s*(?:${pattern.source})`, 'i').test(after)) return symbol
  // "$54.1M outflow from Ethereum ETFs": the asset of the flow word's own phrase.
  for (const [symbol, pattern] of ASSETS) if (new RegExp(`^\\s*\\)?\\s*(?:(?:net|daily|in|of)\\s+)*(?:(?:inflows?|outflows?|redemptions?|flows?)\\s+)?(?:in|of|into|from|for|out of|by)\\s+(?:the\\s+)?(?:U\\.S\\.\\s+|US\\s+)?(?:spot\\s+)?(?:${pattern.source})`, 'i').test(after.slice(0, 48))) return symbol
  // Else the asset nearest before the amount in its own words, then the first one after it.
  // ("Ethereum outpaced BTC gains, …, driven by spot ETF inflows of $5.0M": the asset compared against is not the subject.)
  let best: {symbol: string; at: number} | undefined
  for (const [symbol, pattern] of ASSETS) {
    const match = [...before.matchAll(new RegExp(pattern.source, 'gi'))].filter((found) => !COMPARED.test(before.slice(0, found.index))).at(-1)
    if (match && (!best || match.index > best.at)) best = {symbol, at: match.index}
  }
  if (best) return /\bcrypto\b/i.test(before.slice(best.at)) ? undefined : best.symbol
  for (const [symbol, pattern] of ASSETS) if (pattern.test(after.slice(0, 40))) return symbol
  return undefined
}

/**
 * The subject nearest before the amount is an issuer ("IBIT saw $50.4M on Dec 12
 * and −$100.8M on Dec 9", "BlackRock's IBIT Bitcoin ETF recorded $287M"), or one
 * follows it ("$60.4M into IBIT"): one fund, not the market.
 */
function issuerIsSubject(lead: string, after: string): boolean {
  const issuer = lastMatch(lead, ISSUER)
  // ("$1.2 billion in inflows, led by BlackRock's IBIT": the issuer leads the market's flow, it does not own it.)
  // ("$52.3M of it into ETHA": one fund's part of the flow before.)
  // ("a single $402.6M redemption from IBIT": one fund's, named after the flow word.)
  if (new RegExp(String.raw`^\s*\)?\s*(?:(?:of (?:it|which|that|this|the total))\s+)?(?:(?:net\s+)?(?:redemptions?|outflows?|inflows?|creations?|subscriptions?)\s+)?(?:in|into|from|for|of|at|by)\s+(?:the\s+)?(?:\w+['’]s\s+)?${ISSUER.source}`).test(after.slice(0, 48))) return true
  if (!issuer) return false
  const subjects = [ETF, ...ASSETS.map(([, pattern]) => pattern)].map((pattern) => lastMatch(lead, pattern)?.index ?? -1)
  const subject = Math.max(...subjects)
  // "IBIT Bitcoin ETF": the asset words belong to the issuer named just before them.
  return issuer.index > subject || subject - (issuer.index + issuer[0].length) < 24 && !/\b(while|but|and|whereas|vs)\b/i.test(lead.slice(issuer.index, subject))
}

/** One fund's part, not the market's: "The largest fund was the only one with inflows (+$44.2M)", "fbtc accounted for −$121.0m of …". */
function onePart(lead: string, before: string): boolean {
  return /\b(?:largest|biggest|smallest|one|single)\s+(?:fund|issuer|product)\b|\bthe only one\b/i.test(lead) || /\baccount(?:ed|s|ing)?\s+for\s*[~≈]?\s*[+−–-]?\s*$/i.test(before)
}

/** The same amount written elsewhere in the line as something else ("… totaled $1.2B this week"). */
function sameAmountElsewhere(text: string, item: MoneyMatch, money: readonly MoneyMatch[]): boolean {
  return money.some((other) => other !== item && other.value === item.value && NOT_A_DAY_FLOW.test(`${text.slice(Math.max(0, other.index - 60), other.index)}|${text.slice(other.end, other.end + 40)}`))
}

function directionOf(before: string, after: string): EtfFlow['direction'] | undefined {
  // "creations outpaced redemptions by $40M", "outflows exceeded inflows by $12M": the side that won.
  const net = /\b(creations?|inflows?|subscriptions?|redemptions?|outflows?)\s+(?:\w+\s+)?(?:outpac\w*|outstripp?\w*|exceed\w*|outnumber\w*|outweigh\w*|topp?\w*|beat|overtook|overtake\w*)\s+(?:the\s+)?(?:creations?|inflows?|subscriptions?|redemptions?|outflows?)\s+by\s*(?:about|around|roughly|some|~|≈)?\s*$/i.exec(before)
  if (net) return /^(?:creation|inflow|subscription)/i.test(net[1]!) ? 'inflow' : 'outflow'
  // "a net inflow of USD 58.6M, ending a three-day outflow run": the word that governs the amount.
  const governing = /\b(in|out)flows?\s+(?:of|totall?ing|worth)\s*(?:about|around|roughly|~|≈)?\s*$/i.exec(before)
  if (governing) return governing[1]!.toLowerCase() === 'in' ? 'inflow' : 'outflow'
  // ("Spot ETH ETFs lost $38M while BTC funds gained $112M", "bitcoin products shed 96.3 million USD and ether products
  // gathered …": the verb after "while" or "and" is the next amount's.)
  const ahead = after.split(/\b(?:while|whereas|but|and)\b|;/i)[0]!.slice(0, 30)
  const outAfter = ahead.search(OUTFLOW)
  const inAfter = ahead.search(INFLOW)
  if (outAfter >= 0 && (inAfter < 0 || outAfter < inAfter)) return 'outflow'
  if (inAfter >= 0) return 'inflow'
  return lastFlowWord(before.slice(-50))
}

/** The way of the last flow word in `words` ("outflows", "took in"), if any. */
function lastFlowWord(words: string): EtfFlow['direction'] | undefined {
  const outflow = lastMatch(words, OUTFLOW)?.index ?? -1
  const inflow = lastMatch(words, INFLOW)?.index ?? -1
  if (outflow < 0 && inflow < 0) return undefined
  return outflow > inflow ? 'outflow' : 'inflow'
}

/**
 * "net outflows of $1.2 billion for the week, including $366.6 million on Friday alone": a day's part of
 * a flow named earlier in the clause goes the same way.
 */
function partDirection(lead: string, before: string, hasOwnDay: boolean): EtfFlow['direction'] | undefined {
  return hasOwnDay && /\b(?:including|incl\.|of which)\s*$/i.test(before) ? lastFlowWord(lead) : undefined
}

/** "On Oct 23, flows totaled $20.33 million": a day's unsigned net flow, "flows" just before it, is an inflow, as in a flow table. */
function plainNetFlow(before: string, hasOwnDay: boolean): EtfFlow['direction'] | undefined {
  return hasOwnDay && /\bflows?\b[^$\d]{0,30}$/i.test(before) && !/\bmixed\b|\bflat\b/i.test(before) ? 'inflow' : undefined
}

/** The days named in `words`, but "overnight": ETF flows are a trading day's, not a night's. */
function daysIn(words: string, date: string | undefined) {
  return findDays(words, date).filter((day) => day.text.toLowerCase() !== 'overnight')
}

/** The day named closest to the amount in its own words (`at` is the amount's place). */
function nearestDay(words: string, at: number, date: string | undefined) {
  // "+$74.2M, well below Monday's pace": a day the amount is compared with is not its own.
  // (So is a day after "after", "following" or "reversing": "-$238.9M net, after the 412.7 million drain on Friday",
  // "took in a net $174M, reversing Tuesday's outflow".)
  // ("+$118.9 million (US markets were closed Monday for Christmas, …)": a day told in an aside is not the amount's;
  // "(Oct 21)", "(on Friday)" are.)
  const aside = (day: {index: number}) => {
    const between = words.slice(at, day.index)
    const open = between.lastIndexOf('(')
    return open >= 0 && !between.includes(')', open) && /\w+\W+\w+\W+\w+/.test(between.slice(open + 1))
  }
  const days = daysIn(words, date).filter((day) => day.end <= at || !aside(day) && !(/\b(?:below|above|than|vs\.?|versus|compared (?:with|to)|against|behind|ahead of|(?:up|down) from)\s+(?:\w+\s+)?$/i.test(words.slice(at, day.index)) || CONTRAST.test(words.slice(at, day.index))))
  // ("After Friday's +$212M, Tuesday's session reversed …": the weekday that owns the amount, in the possessive right before it.)
  const possessive = /\b((?:mon|tues|wednes|thurs|fri)day)['’]s\s*[~≈]?\s*[+−–-]?\s*$/i.exec(words.slice(0, at))
  // (Not one it is compared with: "smaller than Monday's $341.2M", "down from Thursday's 527.8 million".)
  const compared = possessive && /\b(?:than|from|below|above|vs\.?|versus|to|of)\s+$/i.test(words.slice(0, possessive.index))
  const [owner] = possessive && !compared ? daysIn(possessive[1]!, date) : []
  if (owner) return {...owner, index: possessive!.index, end: possessive!.index + possessive![1]!.length}
  if (days.length === 0) return undefined
  return days.reduce((best, day) => (distance(day, at) < distance(best, at) ? day : best))
}
const distance = (day: {index: number; end: number}, at: number) => (day.end <= at ? at - day.end : day.index - at)

/**
 * ETFs trade on weekdays: "yesterday's flows" in a Monday brief are Friday's. Only a relative
 * word is moved; a weekend date the brief names is kept as written.
 */
function tradingDay(iso: string, text: string): string {
  if (!/^(?:yesterday|yday|yest\.?|overnight|today|(?:prior|previous|last) (?:session|trading day))$/i.test(text)) return iso
  const date = new Date(`${iso}T00:00:00Z`)
  const back = date.getUTCDay() === 0 ? 2 : date.getUTCDay() === 6 ? 1 : 0
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10)
}

/** The span named last before `at`: a day, or 'longer' for a week, several days, a month to date. */
function lastSpanBefore(text: string, at: number, date: string | undefined) {
  const before = text.slice(0, at)
  const days = daysIn(before, date)
  const found = lastMatch(before, LONGER_SPAN)
  // "marking one of its worst days since launch": a record, not a span the amounts are summed over.
  const span = found && /^since/i.test(found[0]) && /\b(?:largest|biggest|worst|best|most|highest|lowest|strongest|weakest|record)\b[^.]{0,40}$/i.test(before.slice(0, found.index)) ? undefined : found
  const day = days.at(-1)
  // "the week ending November 1": the day closes the longer span.
  if (span && (!day || span.index > day.index || day.index - (span.index + span[0].length) <= 12)) return 'longer'
  // "Wednesday October 8": the stalest reading of the words that name it.
  return days.find((found) => isStaleDay(found, date, 5)) ?? day
}

/**
 * The day the clause opens on, as its subject, is the amount's: "Monday 5 December was the first red day for US spot
 * bitcoin ETFs in a week: a net outflow of $187.3 million" (a verb right after the day), "Friday (14 Jan) closed the
 * losing streak with a net +$96.4M" (the amount it comes "with", when the clause names no other day), "On Oct 23, flows totaled
 * $20.33 million" (a day set apart by a comma).
 */
function openingDay(lead: string, date: string | undefined) {
  const days = daysIn(lead, date)
  const [day] = days
  if (!day || !/^\W*(?:on\s+)?$/i.test(lead.slice(0, day.index))) return undefined
  if (/\bwith\s+(?:a\s+)?(?:net\s+)?[+−–-]?\s*$/i.test(lead) && soleDay(lead, date)) return day
  // ("Monday 5 December", "Friday, January 27," are read as two mentions of one day: the words after the last one.)
  let last = day
  for (const next of days.slice(1)) {
    if (!/^[\W]*$/.test(lead.slice(last.end, next.index)) || (next.iso ?? next.text) !== (day.iso ?? day.text)) break
    last = next
  }
  // ("On Oct 23, flows totaled $20.33 million": the day set before the clause's subject, when it names no other.)
  if (/^\W*on\s+$/i.test(lead.slice(0, day.index)) && /^,/.test(lead.slice(last.end)) && soleDay(lead, date)) return day
  return /^[,)]?\s*(?:was|saw|brought|delivered|marked|logged|recorded|posted|capped|closed|ended|broke|snapped)\b/i.test(lead.slice(last.end)) ? day : undefined
}

function soleDay(words: string, date: string | undefined) {
  const days = daysIn(words, date)
  return new Set(days.map((day) => day.iso ?? day.text)).size === 1 ? days[0] : undefined
}

/** "led by IBIT (-$150.0M) and FBTC (-$40.1M)": each issuer's own amount in the clause, signed. */
function issuerAmounts(text: string, clause: {index: number; end: number}, money: readonly MoneyMatch[]): Array<{name: string; amountUsd: number}> {
  const issuers: Array<{name: string; amountUsd: number}> = []
  for (const entry of ownWords(text, clause, money)) {
    const name = /\b([A-Z][A-Za-z]*(?: 21Shares)?)\W{0,4}$/.exec(entry.before)?.[1]
    if (!name || !ISSUER.test(name)) continue
    issuers.push({name, amountUsd: entry.item.negative ? -entry.item.value : entry.item.value})
  }
  return issuers
}

/** Data providers whose tallies of one day's ETF flows often differ. */
const PROVIDER = /\b(?:Farside|SoSoValue|SoSo|CoinGlass|Bloomberg|The Block|Glassnode|CryptoQuant|Dune|Bitbo|CoinShares|HODL15Capital)\b/i
const ISSUER_BEFORE = new RegExp(String.raw`${ISSUER.source}[^$\d]{0,12}$`)

/**
 * "−\$58.3M per Farside, −\$61.0M per SoSoValue": two providers' tallies of one flow, a few percent
 * apart. Which is right is not the brief's to say, so neither is shown (the line is reported unread).
 */
export function disputedByProviders(flow: EtfFlow, text: string): boolean {
  if (!PROVIDER.test(text)) return false
  const amounts = findMoney(text, {bare: true}).filter((money) => money.value >= 1e6 && money.value <= 5e9 && !money.range)
  const own = amounts.find((money) => sameAmount(money.value, flow.amountUsd))
  if (!own) return false
  return amounts.some((other) => {
    if (other === own || sameAmount(other.value, own.value) || Math.abs(other.value - own.value) > 0.25 * Math.max(other.value, own.value)) return false
    const [first, second] = other.index < own.index ? [other, own] : [own, other]
    // (Two tallies are written side by side; amounts sentences apart are two flows: "$366.6 million on Friday alone. …
    // Wednesday October 8 saw … Ethereum ETFs $420 million. Source: SoSoValue".)
    if (second.index - first.end > 120) return false
    // ("…; IBIT still took in 41 million dollars, but GBTC and ARKB redeemed a combined 118 million": some funds' amounts, not a tally.)
    const clause = text.slice(0, second.index).split(/[,;]|\b(?:but|while|whereas)\b/i).at(-1)!
    return PROVIDER.test(text.slice(Math.max(0, first.index - 30), second.end + 30)) && !ISSUER_BEFORE.test(text.slice(0, second.index)) && !ISSUER.test(clause)
  })
}

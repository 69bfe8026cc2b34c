import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from '../../visit.js'
import {classifySection, findSections, type Section, type SectionKind} from '../sections.js'
import {assetOfLabel, findAssetMentions, inPriceBand} from './assets.js'
import {cleanText, englishNotation, findMoney, findPlainNumbers, sameAmount} from './numbers.js'
import {etfFlowRecognisers, fearGreedRecognisers, liquidationRecognisers, marketCapRecognisers, priceRecognisers} from './recognisers/index.js'
import {disputedByProviders} from './recognisers/etf-flows.js'
import {bounds} from './recognisers/liquidations.js'
import type {EtfFlow, Liquidation, LineContext, MarketData, PriceQuote, Recogniser} from './types.js'
import {applyCorrections, applyFlowCorrections} from './corrections.js'
import {evidenceOf} from './evidence.js'
import {withoutHtml} from './html.js'
import {lineContexts} from './line-contexts.js'
import {withholdImplausible} from './plausible.js'
import {labelledQuote} from './recognisers/labelled-quote.js'
import {marketCapChange} from './recognisers/market-cap-change.js'
import {findUnparsed} from './unparsed.js'
import {findUnread} from './unread.js'
import {lateness, latestReadings, momentsOf, titlesOf, type Moment} from './moments.js'

export type * from './types.js'
export {findMoney, findPercents, parseMoney, parsePercent} from './numbers.js'

/** Sections whose lines carry prices; flows and liquidations may also sit in derivatives and headline sections. */
const PRICE_KINDS: SectionKind[] = ['market-overview']
const DERIVATIVE_KINDS: SectionKind[] = ['market-overview', 'derivatives', 'flows', 'sentiment']
const NO_PRICE_KINDS: SectionKind[] = ['headlines', 'watch', 'confidence', 'research', 'security', 'regulation', 'exchanges']
const ETF_KINDS: SectionKind[] = ['market-overview', 'derivatives', 'flows', 'headlines']

/**
 * Reads the market figures of one brief from its tree and original text:
 * prices from the market overview, total market cap, Fear & Greed (anywhere),
 * liquidations and ETF flows. Pure; positions are lines of the original file.
 */
export function extractMarketData(tree: Root, text: string, sections: readonly Section[] = findSections(tree, text), options: {date?: string} = {}): MarketData {
  const lines = text.split(/\r?\n/)
  const assetLines = assetHeadings(tree, lines)
  // Each section's lines are cleaned once, however many recogniser groups read them.
  const bySection = new Map<Section, LineContext[]>()
  const sectionContexts = (section: Section) => {
    let found = bySection.get(section)
    if (!found) {
      found = lineContexts(section, lines, options.date)
      for (const context of found) {
        const asset = assetLines.get(context.line)
        if (asset) context.asset = asset
      }
      bySection.set(section, found)
    }
    return found
  }
  const contexts = (kinds: SectionKind[]) => sections.filter((section) => kinds.includes(section.kind)).flatMap(sectionContexts)

  // Figures are read first in the market overview, then in sections of unknown kind (another
  // author's "Spot", "Desk view", "The Market"), which only fill what the overview leaves out: the
  // recognisers' own guards (an asset, a role, a unit) keep those from guessing. A brief with no
  // section at all is read whole.
  const overview = contexts(PRICE_KINDS)
  const opening = preamble(tree, lines, sections).flatMap(sectionContexts)
  const elsewhere = [...opening, ...sections.filter((section) => section.kind === 'other').flatMap(sectionContexts)]
  const marketContexts = (kinds: SectionKind[]) => [...contexts(kinds), ...elsewhere.filter((context) => !overview.includes(context))]
  const overviewLines = new Set(overview.map((context) => context.line))
  // "**Derivatives**: US$198M was liquidated …" among the headlines: a line that titles itself is read as its title's kind.
  const selfTitled = contexts(['headlines']).filter((context) => DERIVATIVE_KINDS.includes(classifySection(BOLD_LEAD.exec(context.raw)?.[1] ?? '') ?? 'other'))
  const derivativeContexts = [...marketContexts(DERIVATIVE_KINDS), ...selfTitled]
  // The derivatives section states the liquidation total as the overview does: a glance box or a TL;DR elsewhere does not outvote it.
  const totalLines = new Set([...overviewLines, ...contexts(['derivatives']).map((context) => context.line)])
  // Then the lines under an asset's own heading, wherever it sits ("## Bitcoin (BTC)", "**Current Price:** …").
  const underAssets = [...opening, ...sections.filter((section) => !NO_PRICE_KINDS.includes(section.kind)).flatMap(sectionContexts)].filter((context) => context.asset)
  // A figure restated later in the brief (an afternoon update, Sunday's part of a weekend wrap) supersedes the earlier one.
  const momentOf = momentsOf(tree, lines, options.date)
  // (Under one heading, "08:00 UTC: spot 107.4k" then "14:00 UTC refresh: spot 106.75k": the refresh.)
  const first = [...run(priceRecognisers, overview), ...joinLabelled(latestReadings(run([labelledQuote], underAssets), momentOf, (quote) => quote.symbol))]
  const latest = new Set(latestReadings([...first, ...run(priceRecognisers, elsewhere)], momentOf, (quote) => quote.symbol))
  const fromFirst = new Set(first)
  const known = new Set(first.filter((quote) => latest.has(quote)).map((quote) => quote.symbol))
  // A later statement about the asset that could not be read ("At \$20,000, Bitcoin is …" in the afternoon
  // update) still makes an earlier reading stale: a dash, not the morning's price.
  const stated = latestStatements([...overview, ...underAssets, ...elsewhere], momentOf, Math.min(...[...latest].map((quote) => lateness(momentOf(quote.line)))))
  const superseded = (quote: PriceQuote) => (stated.get(quote.symbol) ?? Number.NEGATIVE_INFINITY) > lateness(momentOf(quote.line))
  // ("## Bitcoin: 103 260 USD" then "Bitcoin is trading at 103 260 USD, up 1.29 percent": a line restating the
  // first reading's exact price is the same statement, and may give its change.)
  // (Or the exact figure the first one rounds: "ether is near $4.3k" in the overview, "ETH 4.26k (+1.2%)" at a glance.)
  // (Or the price of a change the first reading gives alone: "the coin ended the period down 2.1%" in the overview, "BTC 86,803 ▼2.1%" at a glance.)
  // (Or the price inside a day's range stated beside it: "### BTC · 101 270 USD" over "- 24h range: 98 710 – 101 880 USD".)
  const restates = (quote: PriceQuote) => quote.price !== undefined && first.some((other) => other.symbol === quote.symbol && latest.has(other) && (other.price !== undefined ? other.price === quote.price || refines(quote.price!, other.price) : withinRange(quote, other) || sameChange(quote, other)))
  const quotes = [...latest].filter((quote) => (fromFirst.has(quote) || !known.has(quote.symbol) || restates(quote)) && !superseded(quote))
  // The lines before the first section, and a TL;DR anywhere: where a writer rounds.
  const summaryLines = new Set([...opening, ...[...elsewhere, ...overview].filter((context) => SUMMARY.test(context.raw))].map((context) => context.line))
  const snapshotLines = new Set([...overview, ...elsewhere].filter((context) => context.table?.snapshot).map((context) => context.line))
  const prices = mergeQuotes(quotes, summaryLines, snapshotLines)
  applyCorrections(prices, lines)
  const data: MarketData = {
    prices,
    liquidations: oneTotal(latestReadings(run(liquidationRecognisers, derivativeContexts), momentOf), totalLines),
    etfFlows: applyFlowCorrections(agreeingFlows(run(etfFlowRecognisers, marketContexts(ETF_KINDS))), lines).filter((flow) => !disputedByProviders(flow, englishNotation(cleanText(withoutHtml(lines[flow.line - 1] ?? ''))))),
    unparsed: findUnparsed(overview, quotes),
    withheld: [],
    unread: [],
    evidence: {}
  }
  const overviewCaps = run(marketCapRecognisers, overview)
  const caps = latestReadings([...overviewCaps, ...run(marketCapRecognisers, [...elsewhere, ...contexts(['sentiment'])])], momentOf)
  // "crypto ≈\$3.5T total" in a TL;DR, then "\$3.533tn" in the body: the exact figure the writer rounded.
  // (The overview's "\$3.80 trillion" is not refined by a glance box's "\$3.79T" outside it.)
  const [rounded] = caps
  const exact = rounded?.usd === undefined ? undefined : caps.find((other) => other.usd !== undefined && refines(other.usd, rounded.usd!) && (!overviewCaps.includes(rounded) || overviewCaps.includes(other)))
  const cap = exact ? {...exact, ...(exact.change24hPct === undefined && exact.change24hRange === undefined && pick(rounded!, 'change24hPct', 'change24hRange'))} : rounded
  const changeless = cap && cap.change24hPct === undefined && cap.change24hRange === undefined
  // "| Total market cap | $3.26T |" then "| Total cap 24h | -1.1% |": the change on a line of its own, next to the cap's;
  // else "worth about $3.70tn" in the prose and "| Total market cap | $3.70tn | … | +1.73% |" in a table (or two providers' "$3.70tn | $3.68tn"): the same cap, with its change.
  const near = changeless ? run([marketCapChange], [...overview, ...elsewhere]).find((change) => Math.abs(change.line - cap.line) <= 3) ?? caps.find((other) => cap.usd !== undefined && (other.usd === cap.usd || (other.usdRange !== undefined && other.usdRange[0] <= cap.usd && cap.usd <= other.usdRange[1])) && (other.change24hPct !== undefined || other.change24hRange !== undefined)) : undefined
  if (cap) data.marketCap = near ? {...cap, ...pick(near, 'change24hPct', 'change24hRange')} : cap
  // Fear & Greed is one daily value, given in the overview or under sentiment.
  const everywhere = [...opening, ...sections.flatMap(sectionContexts)]
  const [index] = latestReadings(run(fearGreedRecognisers, [...overview, ...everywhere]), momentOf)
  if (index?.value !== undefined) data.fearGreed = index.value
  else if (index?.range) data.fearGreedRange = index.range
  const shown = withholdImplausible(data)
  shown.evidence = evidenceOf(shown, lines, index?.line)
  shown.unread = findUnread(shown, derivativeContexts.sort((a, b) => a.line - b.line))
  return shown
}

/** For each asset, how late the latest line that states its price is (read or not), among lines later than `after`. */
function latestStatements(contexts: readonly LineContext[], momentOf: (line: number) => Moment, after: number): Map<string, number> {
  const latest = new Map<string, number>()
  for (const context of contexts) {
    const late = lateness(momentOf(context.line))
    if (late <= after) continue
    for (const symbol of pricedAssets(context.text)) latest.set(symbol, Math.max(latest.get(symbol) ?? Number.NEGATIVE_INFINITY, late))
  }
  return latest
}

/** The assets the text names with an amount in their price band: statements of their price, read or not. */
function pricedAssets(text: string): Set<string> {
  const found = new Set<string>()
  for (const mention of findAssetMentions(text)) {
    // Near the name ("At \$20,000, Bitcoin …", "BTC 95,120"), and not a quantity of coins ("moved 10,000 BTC").
    // (A clock time, "replaces 07:30 rows; SOL not refreshed", is no amount.)
    const near = text.slice(Math.max(0, mention.index - 30), mention.end + 60).replace(/\b\d{1,2}:\d{2}\b/g, (time) => ' '.repeat(time.length))
    if ([...findMoney(near), ...findPlainNumbers(near)].some((money) => !money.negative && (money.unit === undefined || money.unit === 'k') && inPriceBand(mention.symbol, money.value) && !/^\s*(?:[A-Z]{2,5}\b|bitcoins?|ethers?|coins|tokens)/.test(near.slice(money.end)))) found.add(mention.symbol)
  }
  return found
}

/** Two readings of one asset that state the same 24h change, the first with no price or range of its own. */
function sameChange(quote: PriceQuote, first: PriceQuote): boolean {
  return first.range === undefined && first.change24hPct !== undefined && first.change24hPct === quote.change24hPct
}

/** A one-line summary: "**TL;DR** — …", "> In brief. …", "In one line: …". */
const SUMMARY = /^[\s>*_-]*(?:tl;?\s?dr|in brief|in one line|in short|summary|the short version|bottom line|key takeaways?)\b/i

/** A line that opens on a bold label followed by its text: "**Derivatives**: …", "**Liquidations:** …". */
const BOLD_LEAD = /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_:]{2,40}):?(?:\*\*|__)\s*:?\s+\S/

/** What comes before the first section (the whole body when the brief marks none), as a section of unknown kind. */
function preamble(tree: Root, lines: readonly string[], sections: readonly Section[]): Section[] {
  const first = sections[0]?.line ?? Number.POSITIVE_INFINITY
  const nodes = tree.children.filter((node) => node.type !== 'footnoteDefinition' && node.type !== 'definition' && node.position && node.position.end.line < first)
  if (nodes.length === 0) return []
  const line = nodes[0]!.position!.start.line
  const endLine = Math.min(nodes.at(-1)!.position!.end.line, lines.length)
  return [{kind: 'other', title: '', marker: 'plain', line, column: 1, endLine, nodes}]
}

/** The table or code block each reading came from (see `LineContext.block`). */
const blockOf = new WeakMap<object, number>()

/** Recogniser by recogniser, so that an earlier one (a prices table) is preferred over a later one (prose) wherever they sit. */
function run<T extends object>(recognisers: ReadonlyArray<Recogniser<T>>, contexts: readonly LineContext[]): T[] {
  return recognisers.flatMap((recogniser) =>
    contexts.flatMap((context) => {
      const found = recogniser.match(context)
      if (context.block !== undefined) for (const item of found) blockOf.set(item, context.block)
      return found
    })
  )
}

/** One quote per asset: the first figures win, later mentions on the same line only fill gaps. */
function mergeQuotes(quotes: PriceQuote[], summaryLines: ReadonlySet<number>, snapshotRows: ReadonlySet<number>): PriceQuote[] {
  const bySymbol = new Map<string, PriceQuote>()
  const tables = new Map<string, number | undefined>()
  // Assets whose change so far is the one a rounded figure came with.
  const roundedChange = new Set<string>()
  for (const quote of quotes) {
    const known = bySymbol.get(quote.symbol)
    if (!known) tables.set(quote.symbol, blockOf.get(quote))
    // Rows of one key-value table or data block ("| BTC price | $94,150 |", "| BTC 24h | -0.9% |") are one statement.
    const sameTable = known !== undefined && blockOf.get(quote) !== undefined && blockOf.get(quote) === tables.get(quote.symbol)
    // Another line about the same asset is usually about something else
    // (its futures, its dominance): only the same line fills gaps. But a
    // line with a price beats an earlier one with only a move ("BNB gained
    // over 6%" in prose, then the prices table): price and change stay paired.
    if (known && known.line !== quote.line && !sameTable) {
      const knownLevel = known.price !== undefined || known.range !== undefined
      const quoteChange = quote.change24hPct !== undefined || quote.change24hRange !== undefined
      if (!knownLevel && (quote.price !== undefined || quote.range !== undefined)) bySymbol.set(quote.symbol, {...quote})
      // "### BTC · 101 270 USD · +2.4 %" with "- 24h range: 98 710 – 101 880 USD" under it: the price
      // inside the day's range stated beside it completes it.
      else if (known.price === undefined && withinRange(quote, known)) {
        bySymbol.set(quote.symbol, {...pick(known, 'change24hPct', 'change24hRange'), ...quote, range: quote.range ?? known.range})
      }
      // "Bitcoin spent the session just under \$109,000" then "**BTC:** roughly \$108,700, down 1.9%": the
      // exact figure a writer rounded beats the rounded one.
      else if (known.price !== undefined && quote.price !== undefined && refines(quote.price, known.price, summaryLines.has(known.line))) {
        bySymbol.set(quote.symbol, {...quote, ...(!quoteChange && pick(known, 'change24hPct', 'change24hRange'))})
        if (!quoteChange) roundedChange.add(quote.symbol)
      } else if (snapshotRows.has(known.line) && known.change24hPct === undefined && known.change24hRange === undefined && quote.price === undefined && quote.range === undefined && quoteChange && quote.line > known.line && quote.line - known.line <= 12) {
        // An intraday grid gives prices only; the line after it that gives the changes ("On a 24-hour basis at
        // 16:00, BTC is +1.6%") completes them.
        Object.assign(known, pick(quote, 'change24hPct', 'change24hRange'))
      } else if ((roundedChange.has(quote.symbol) || !(known.change24hPct !== undefined || known.change24hRange !== undefined)) && quote.price === known.price && quoteChange) {
        // "## Bitcoin: 103 260 USD" then "Bitcoin is trading at 103 260 USD, up 1.29 percent": the change stated
        // with the same price is its change, and beats the one a one-line summary gave with its rounded price
        // ("back near 104k, up about 2 percent").
        Object.assign(known, {change24hPct: quote.change24hPct, change24hRange: quote.change24hRange})
        roundedChange.delete(quote.symbol)
      }
      continue
    }
    if (!known) {
      bySymbol.set(quote.symbol, {...quote})
      continue
    }
    const hasChange = known.change24hPct !== undefined || known.change24hRange !== undefined
    const hasLevel = known.price !== undefined || known.range !== undefined
    if (!hasLevel) Object.assign(known, pick(quote, 'price', 'range'))
    if (!hasChange && quote.change24hPct !== undefined) known.change24hPct = quote.change24hPct
    if (!hasChange && quote.change24hPct === undefined && quote.change24hRange !== undefined) known.change24hRange = quote.change24hRange
  }
  return [...bySymbol.values()]
}

/**
 * `exact` is `rounded` written with more significant digits: it rounds (or truncates) to it, so 98,760
 * refines "99k" but 97,216 does not refine 98,760. A one-line summary's figure (`loose`) is the
 * writer's approximation: any figure within 2% of it with more digits refines it ("roughly \$102.4k"
 * in the TL;DR, "\$102,110" in the body).
 */
function refines(exact: number, rounded: number, loose = false): boolean {
  const digits = significantDigits(rounded)
  if (significantDigits(exact) <= digits || Math.abs(exact - rounded) / rounded >= 0.02) return false
  const step = 10 ** (Math.floor(Math.log10(Math.abs(rounded))) - digits + 1)
  return loose || Math.abs(exact - rounded) <= step
}
const significantDigits = (value: number) => String(value).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length

/** Words that make a liquidation total the whole market's, not one venue's. */
const ALL_VENUES = /\b(?:all|across|every) (?:venues|exchanges)\b|\bmarket[- ]wide\b|\bacross the market\b/i

/**
 * One 24h total: the first read in the market overview or the derivatives section, else the first
 * elsewhere; when two readings disagree and neither is the overview's, none
 * (a dash beats a guess).
 */
function oneTotal(all: Liquidation[], overviewLines: ReadonlySet<number>): Liquidation[] {
  // "stayed under $400M" in a comment beside "$391M" in the figures: the exact one.
  const exact = all.filter((item) => !bounds.has(item))
  const items = exact.length > 0 ? exact : all
  const inOverview = items.filter((item) => overviewLines.has(item.line))
  // "Liquidations, all venues, 24h: $389M" beside "Quarry liquidations (24h): $37.2M": the market's, not one venue's.
  const marketWide = (inOverview.length > 0 ? inOverview : items).filter((item) => ALL_VENUES.test(item.evidence ?? ''))
  const pool = marketWide.length > 0 ? marketWide : inOverview.length > 0 ? inOverview : items
  const [first] = pool
  if (!first) return []
  const agrees = (item: Liquidation) => sameAmount(item.amountUsd, first.amountUsd)
  if (!pool.every(agrees) && inOverview.length === 0) return []
  // "about $410M" in a summary, "$412.7M in total" in the derivatives: the figure the other rounds.
  const exactOne = items.find((item) => item !== first && item.amountUsdRange === undefined && first.amountUsdRange === undefined && refines(item.amountUsd, first.amountUsd))
  return [exactOne ?? first]
}

/**
 * Flows repeated across the brief are one flow; two different amounts for the
 * same asset and day (or both undated) are a contradiction, and neither is shown.
 */
function agreeingFlows(flows: EtfFlow[]): EtfFlow[] {
  const kept: EtfFlow[] = []
  const conflicted = new Set<string>()
  for (const flow of flows) {
    const key = `${flow.asset} ${flow.date ?? flow.day ?? ''}`
    const same = kept.find((other) => `${other.asset} ${other.date ?? other.day ?? ''}` === key)
    if (!same) kept.push(flow)
    else if (same.direction !== flow.direction || !sameAmount(same.amountUsd, flow.amountUsd)) conflicted.add(key)
    // "ETFs took in about $250M" then "+$252.4M": the exact figure.
    else if (same.amountUsdRange === undefined && flow.amountUsdRange === undefined && refines(flow.amountUsd, same.amountUsd)) kept[kept.indexOf(same)] = flow
  }
  // An undated exact figure of a dated one ("etf_btc_net_flow_usd: 1.186e8" in a data block, "$119M net inflow" on
  // Wednesday in the prose) gives that flow its amount.
  const absorbed = new Set<EtfFlow>()
  for (const flow of kept) {
    if (flow.date !== undefined || flow.day !== undefined || flow.amountUsdRange !== undefined) continue
    const dated = kept.findIndex((other) => (other.date ?? other.day) !== undefined && other.asset === flow.asset && other.direction === flow.direction && other.amountUsdRange === undefined && refines(flow.amountUsd, other.amountUsd))
    if (dated < 0) continue
    kept[dated] = {...flow, ...pick(kept[dated]!, 'day', 'date')}
    absorbed.add(flow)
  }
  // An undated restatement of a dated flow ("Spot ETFs take in $428M as buyers return" after "$427.9M … on Tuesday") is that flow.
  const restated = (flow: EtfFlow) => flow.date === undefined && flow.day === undefined && kept.some((other) => other !== flow && (other.date ?? other.day) !== undefined && other.asset === flow.asset && other.direction === flow.direction && other.amountUsd !== flow.amountUsd && sameAmount(other.amountUsd, flow.amountUsd))
  return kept.filter((flow) => !absorbed.has(flow) && !conflicted.has(`${flow.asset} ${flow.date ?? flow.day ?? ''}`) && !restated(flow))
}


/**
 * Lines that sit under a heading or a bold title naming one asset ("## Bitcoin
 * (BTC)", "**Ethereum**"), up to the next heading or title: their labelled
 * figures ("Current Price: …") are that asset's.
 */
function assetHeadings(tree: Root, lines: readonly string[]): Map<number, {symbol: string; name: string}> {
  const ofTitle = (title: string) => (title.length <= 40 && !/market|overview|price action|snapshot|prices|majors|altcoins?/i.test(title) ? assetOfLabel(title) : undefined)
  const titles = titlesOf(tree, lines).map((title) => ({line: title.line, asset: ofTitle(title.text)}))
  const byLine = new Map<number, {symbol: string; name: string}>()
  titles.forEach((title, index) => {
    if (!title.asset) return
    const end = titles[index + 1]?.line ?? lines.length + 1
    for (let line = title.line + 1; line < end; line++) byLine.set(line, title.asset)
  })
  // A list item that names only an asset titles its nested items ("- Bitcoin" then "  - Price: 98,140").
  visit(tree, 'listItem', (item) => {
    const [first, ...nested] = item.children
    if (first?.type !== 'paragraph' || nested.length === 0 || !first.position || !item.position) return
    const asset = ofTitle(toString(first).trim())
    if (asset) for (let line = first.position.end.line + 1; line <= item.position.end.line; line++) byLine.set(line, asset)
  })
  return byLine
}

/** A price inside the day's range (and no price) that a quote a few lines away states. */
function withinRange(quote: PriceQuote, ranged: PriceQuote): boolean {
  return quote.price !== undefined && ranged.range !== undefined && Math.abs(quote.line - ranged.line) <= 3 && quote.price >= ranged.range[0] && quote.price <= ranged.range[1]
}

/** "Current Price: …" and "24h Change: …" on two lines under one heading are one quote. */
function joinLabelled(quotes: PriceQuote[]): PriceQuote[] {
  const bySymbol = new Map<string, PriceQuote>()
  for (const quote of quotes) {
    const known = bySymbol.get(quote.symbol)
    if (!known) {
      bySymbol.set(quote.symbol, {...quote})
      continue
    }
    if (known.price === undefined) Object.assign(known, pick(quote, 'price'))
    if (known.range === undefined) Object.assign(known, pick(quote, 'range'))
    if (known.change24hPct === undefined && known.change24hRange === undefined) Object.assign(known, pick(quote, 'change24hPct', 'change24hRange'))
  }
  return [...bySymbol.values()]
}

function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Partial<T> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as unknown as Partial<T>
}

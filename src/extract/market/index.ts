import type {Root, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {findSections, type Section, type SectionKind} from '../sections.js'
import {findAssetMentions} from './assets.js'
import {cleanText} from './numbers.js'
import {etfFlowRecognisers, fearGreedRecognisers, liquidationRecognisers, marketCapRecognisers, priceRecognisers} from './recognisers/index.js'
import type {LineContext, MarketData, PriceQuote, Recogniser} from './types.js'
import {findUnparsed} from './unparsed.js'

export type * from './types.js'
export {cleanText, findMoney, findPercents, parseMoney, parseNumber, parsePercent} from './numbers.js'

/** Sections whose lines carry prices; flows and liquidations may also sit in derivatives and headline sections. */
const PRICE_KINDS: SectionKind[] = ['market-overview']
const DERIVATIVE_KINDS: SectionKind[] = ['market-overview', 'derivatives', 'flows']
const ETF_KINDS: SectionKind[] = ['market-overview', 'derivatives', 'flows', 'headlines']

/**
 * Reads the market figures of one brief from its tree and original text:
 * prices from the market overview, total market cap, Fear & Greed (anywhere),
 * liquidations and ETF flows. Pure; positions are lines of the original file.
 */
export function extractMarketData(tree: Root, text: string, sections: readonly Section[] = findSections(tree, text)): MarketData {
  const lines = text.split(/\r?\n/)
  // Each section's lines are cleaned once, however many recogniser groups read them.
  const bySection = new Map<Section, LineContext[]>()
  const sectionContexts = (section: Section) => {
    let found = bySection.get(section)
    if (!found) bySection.set(section, (found = lineContexts(section, lines)))
    return found
  }
  const contexts = (kinds: SectionKind[]) => sections.filter((section) => kinds.includes(section.kind)).flatMap(sectionContexts)

  const overview = contexts(PRICE_KINDS)
  const quotes = run(priceRecognisers, overview)
  const data: MarketData = {
    prices: mergeQuotes(quotes),
    liquidations: firstPerWindow(run(liquidationRecognisers, contexts(DERIVATIVE_KINDS))),
    etfFlows: dedupeFlows(run(etfFlowRecognisers, contexts(ETF_KINDS))),
    unparsed: findUnparsed(overview, quotes)
  }
  const [cap] = run(marketCapRecognisers, overview)
  if (cap) data.marketCap = cap
  // Fear & Greed is one daily value, given in the overview or under sentiment.
  const everywhere = sections.length > 0 ? sections.flatMap(sectionContexts) : []
  const [index] = run(fearGreedRecognisers, [...overview, ...everywhere])
  if (index?.value !== undefined) data.fearGreed = index.value
  else if (index?.range) data.fearGreedRange = index.range
  return data
}

/** Recogniser by recogniser, so that an earlier one (a prices table) is preferred over a later one (prose) wherever they sit. */
function run<T>(recognisers: ReadonlyArray<Recogniser<T>>, contexts: readonly LineContext[]): T[] {
  return recognisers.flatMap((recogniser) => contexts.flatMap((context) => recogniser.match(context)))
}

/** One context per non-blank line of the section, and one per data row of each table in it. */
export function lineContexts(section: Section, lines: readonly string[]): LineContext[] {
  const contexts: LineContext[] = []
  const tableLines = new Set<number>()
  for (const node of section.nodes) {
    if (node.type !== 'table' || !node.position) continue
    for (let line = node.position.start.line; line <= node.position.end.line; line++) tableLines.add(line)
    contexts.push(...tableContexts(node, section, lines))
  }
  for (let line = section.line; line <= section.endLine; line++) {
    const raw = lines[line - 1] ?? ''
    if (tableLines.has(line) || raw.trim() === '') continue
    contexts.push({line, raw, text: cleanText(raw), section})
  }
  return contexts.sort((a, b) => a.line - b.line)
}

function tableContexts(table: Table, section: Section, lines: readonly string[]): LineContext[] {
  const [head, ...rows] = table.children
  const header = head ? head.children.map((cell) => cleanText(toString(cell))) : []
  return rows.flatMap((row) => {
    const line = row.position?.start.line
    if (line === undefined) return []
    const cells = row.children.map((cell) => cleanText(toString(cell)))
    return [{line, raw: lines[line - 1] ?? '', text: cells.join(' | '), section, table: {header, cells}}]
  })
}

/** One quote per asset: the first figures win, later mentions on the same line only fill gaps. */
function mergeQuotes(quotes: PriceQuote[]): PriceQuote[] {
  const bySymbol = new Map<string, PriceQuote>()
  for (const quote of quotes) {
    const known = bySymbol.get(quote.symbol)
    // Another line about the same asset is usually about something else
    // (its futures, its dominance): only the same line fills gaps. But a
    // line with a price beats an earlier one with only a move ("BNB gained
    // over 6%" in prose, then the prices table): price and change stay paired.
    if (known && known.line !== quote.line) {
      const knownLevel = known.price !== undefined || known.range !== undefined
      if (!knownLevel && (quote.price !== undefined || quote.range !== undefined)) bySymbol.set(quote.symbol, {...quote})
      continue
    }
    if (!known) {
      bySymbol.set(quote.symbol, {...quote})
      continue
    }
    const hasChange = known.change24hPct !== undefined || known.change24hRange !== undefined
    const hasLevel = known.price !== undefined || known.range !== undefined
    if (!hasLevel && (quote.price !== undefined || quote.range !== undefined)) {
      if (quote.price !== undefined) known.price = quote.price
      if (quote.range !== undefined) known.range = quote.range
    }
    if (!hasChange && quote.change24hPct !== undefined) known.change24hPct = quote.change24hPct
    if (!hasChange && quote.change24hPct === undefined && quote.change24hRange !== undefined) known.change24hRange = quote.change24hRange
  }
  return [...bySymbol.values()]
}

function firstPerWindow<T extends {window: string}>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(item.window) && seen.add(item.window))
}

function dedupeFlows<T extends {asset: string; amountUsd: number; direction: string}>(flows: T[]): T[] {
  const seen = new Set<string>()
  return flows.filter((flow) => {
    const key = `${flow.asset} ${flow.direction} ${flow.amountUsd}`
    return !seen.has(key) && seen.add(key)
  })
}

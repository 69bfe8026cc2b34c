import type {Root} from 'mdast'
import type {Citations} from './citations-types.js'
import {citationData} from './citations.js'
import {extractHeadlines, type Headline} from './headlines/index.js'
import {extractMarketData} from './market/index.js'
import type {MarketData} from './market/types.js'
import {remembering} from './memo.js'
import {findSections, type Section} from './sections.js'
import type {BriefData} from '../data/brief-data-schema.js'
import type {FrontMatter} from '../validate/front-matter.js'

/** The structured sections of one brief, read once from its tree. */
export interface Extracted {
  /** Sections without their nodes (the tree is dropped after processing). */
  sections: Array<Omit<Section, 'nodes'>>
  market: MarketData
  headlines: Headline[]
}

export function extractStructure(tree: Root, text: string, date?: string): Extracted {
  return remembering(() => {
    const sections = findSections(tree, text)
    return {
      sections: sections.map(({nodes: _nodes, ...section}) => section),
      market: extractMarketData(tree, text, sections, date === undefined ? {} : {date}),
      headlines: extractHeadlines(tree, text, sections)
    }
  })
}

/**
 * The published data contract of a day (`brief.json`): plain numbers and
 * upper-case symbols, validated against `briefDataSchema` before writing.
 */
export function toBriefData(frontMatter: FrontMatter, url: string, extracted: Extracted, citations: Citations): BriefData {
  const {market} = extracted
  return {
    date: frontMatter.date,
    title: frontMatter.title,
    category: frontMatter.category,
    url,
    prices: market.prices.map((quote) => ({...quote})),
    ...(market.marketCap && {
      marketCap: {
        ...(market.marketCap.usd !== undefined && {usd: market.marketCap.usd}),
        ...(market.marketCap.usdRange && {usdRange: market.marketCap.usdRange}),
        ...(market.marketCap.change24hPct !== undefined && {change24hPct: market.marketCap.change24hPct}),
        ...(market.marketCap.change24hRange && {change24hRange: market.marketCap.change24hRange})
      }
    }),
    ...(market.fearGreed !== undefined && {fearGreed: market.fearGreed}),
    ...(market.fearGreedRange && {fearGreedRange: market.fearGreedRange}),
    liquidations: market.liquidations.map((item) => ({
      amountUsd: item.amountUsd,
      ...(item.amountUsdRange && {amountUsdRange: item.amountUsdRange}),
      window: item.window,
      ...(item.long !== undefined && {longUsd: item.long}),
      ...(item.short !== undefined && {shortUsd: item.short}),
      line: item.line
    })),
    etfFlows: market.etfFlows.map((flow) => ({
      asset: flow.asset,
      direction: flow.direction,
      amountUsd: flow.amountUsd,
      ...(flow.amountUsdRange && {amountUsdRange: flow.amountUsdRange}),
      ...(flow.day !== undefined && {day: flow.day}),
      ...(flow.date !== undefined && {date: flow.date}),
      ...(flow.issuers && {issuers: flow.issuers}),
      line: flow.line
    })),
    headlines: extracted.headlines.map((headline) => ({
      title: headline.title,
      ...(headline.severity && {severity: headline.severity}),
      ...(headline.severityLabel && {severityLabel: headline.severityLabel}),
      ...(headline.whyItMatters && {whyItMatters: headline.whyItMatters}),
      citations: headline.citations,
      line: headline.line
    })),
    citations: citationData(citations),
    evidence: market.evidence
  }
}

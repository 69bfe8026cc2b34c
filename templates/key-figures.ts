import type {Element, ElementContent} from 'hast'
import {h, type Child} from 'hastscript'
import type {BriefData, Severity} from '../src/data/brief-data-schema.js'
import {percent, trendOf, usd, usdCompact, type Trend} from '../src/render/figures.js'

/** The figures a day's panel shows: a day's data or its summary (src/data/day-summary.ts). */
export type DayFigures = Pick<BriefData, 'prices' | 'marketCap' | 'fearGreed' | 'fearGreedRange' | 'liquidations' | 'etfFlows'> & Partial<Pick<BriefData, 'evidence'>>

/** Arrows and words carry the direction, so it never depends on colour alone. */
const TREND_MARK: Record<Trend, {arrow: string; words: string}> = {
  up: {arrow: '▲', words: 'up'},
  down: {arrow: '▼', words: 'down'},
  flat: {arrow: '◆', words: 'mixed or flat'}
}

/** A 24h change with its direction in an arrow and in words (for screen readers), not colour alone. */
export function change(low: number | undefined, high?: number): ElementContent {
  if (low === undefined) return h('span.change.change-none', '—')
  const trend = trendOf(low, high ?? low)
  const text = high === undefined || high === low ? percent(low) : `${percent(low)} to ${percent(high)}`
  return h(`span.change.change-${trend}`, [h('span', {ariaHidden: 'true'}, `${TREND_MARK[trend].arrow}\u00a0`), h('span.visually-hidden', `${TREND_MARK[trend].words} `), text])
}

/** A quote's price, range, or both, as text. */
export function price(quote: BriefData['prices'][number]): string {
  if (quote.price !== undefined && quote.range) return `${usd(quote.price)} (${usd(quote.range[0])}–${usd(quote.range[1])})`
  if (quote.price !== undefined) return usd(quote.price)
  if (quote.range) return `${usd(quote.range[0])}–${usd(quote.range[1])}`
  return '—'
}

/**
 * The panel a day page opens with: prices with their 24h change, market cap,
 * Fear & Greed, liquidations and ETF flows, as read from the brief. Empty
 * when the brief states none of them.
 */
export function keyFigures(data: DayFigures, assetHref: (symbol: string) => string | undefined): Element | undefined {
  const blocks: ElementContent[] = []
  // Each figure says where it was read: a tooltip on the figure, and the list below the panel.
  const source = (key: string) => {
    const found = data.evidence?.[key]
    return found ? {title: `Read from line ${found.line}: ${found.text}`} : {}
  }
  if (data.prices.length > 0) {
    blocks.push(
      h('div.table-scroll', [
        h('table.prices', [
          h('caption', 'Prices and 24h change'),
          h('thead', [h('tr', [h('th', {scope: 'col'}, 'Asset'), h('th.num', {scope: 'col'}, 'Price'), h('th.num', {scope: 'col'}, '24h')])]),
          h(
            'tbody',
            data.prices.map((quote) =>
              h('tr', [
                h('th', {scope: 'row'}, [assetName(quote, assetHref(quote.symbol))]),
                h('td.num', source(`prices.${quote.symbol}`), price(quote)),
                h('td.num', [quoteChange(quote)])
              ])
            )
          )
        ])
      ])
    )
  }
  const facts: Element[] = []
  const fact = (term: string, value: Child, key: string) => facts.push(h('dt', term), h('dd', source(key), value))
  if (data.marketCap && (data.marketCap.usd !== undefined || data.marketCap.usdRange)) {
    const cap = data.marketCap.usd !== undefined ? usdCompact(data.marketCap.usd) : `${usdCompact(data.marketCap.usdRange![0])}–${usdCompact(data.marketCap.usdRange![1])}`
    const capChange = data.marketCap.change24hRange ?? (data.marketCap.change24hPct !== undefined ? [data.marketCap.change24hPct] : undefined)
    fact('Total market cap', [cap, ...(capChange ? [' ', change(capChange[0], capChange[1])] : [])], 'marketCap')
  }
  if (data.fearGreed !== undefined) fact('Fear & Greed', `${data.fearGreed} / 100`, 'fearGreed')
  else if (data.fearGreedRange) fact('Fear & Greed', `${data.fearGreedRange[0]}–${data.fearGreedRange[1]} / 100`, 'fearGreed')
  for (const [index, item] of data.liquidations.entries()) {
    const split = [item.longUsd !== undefined ? `longs ${usdCompact(item.longUsd)}` : '', item.shortUsd !== undefined ? `shorts ${usdCompact(item.shortUsd)}` : ''].filter(Boolean).join(', ')
    fact(`Liquidations (${item.window})`, `${usdCompact(item.amountUsd)}${split ? ` (${split})` : ''}`, `liquidations.${index}`)
  }
  for (const [index, flow] of data.etfFlows.entries()) {
    const mark = flow.direction === 'inflow' ? TREND_MARK.up : TREND_MARK.down
    fact(`${flow.asset} ETFs${flow.day ? ` (${flow.day})` : ''}`, [
      h(`span.flow.flow-${flow.direction}`, [h('span', {ariaHidden: 'true'}, `${mark.arrow}\u00a0`), `${usdCompact(flow.amountUsd)} ${flow.direction}`])
    ], `etfFlows.${index}`)
  }
  if (facts.length > 0) blocks.push(h('dl.facts', facts))
  const sources = Object.entries(data.evidence ?? {})
  if (blocks.length > 0 && sources.length > 0) {
    blocks.push(
      h('details.figure-sources', [
        h('summary', 'Where these figures were read'),
        h('ul', sources.map(([key, found]) => h('li', [h('span.figure-key', figureName(key)), ` — line ${found.line}: `, h('q', found.text)])))
      ])
    )
  }
  if (blocks.length === 0) return undefined
  return h('section.key-figures', {ariaLabelledby: 'key-figures-title'}, [h('h2#key-figures-title', 'Key figures'), ...blocks])
}

/** "prices.BTC" → "BTC price", "liquidations.0" → "Liquidations", for the sources list. */
function figureName(key: string): string {
  const [kind, detail] = key.split('.')
  if (kind === 'prices') return `${detail} price`
  return {marketCap: 'Total market cap', fearGreed: 'Fear & Greed', liquidations: 'Liquidations', etfFlows: 'ETF flow'}[kind!] ?? key
}

/** The ticker, linked to its price history when the site has a page for it. */
function assetName(quote: BriefData['prices'][number], href: string | undefined): ElementContent {
  const name = h('abbr', {title: quote.asset}, quote.symbol)
  return href ? h('a', {href}, [name]) : name
}

/** A 24h change cell of a quote: a single figure or a range. */
export function quoteChange(quote: BriefData['prices'][number]): ElementContent {
  return quote.change24hRange ? change(quote.change24hRange[0], quote.change24hRange[1]) : change(quote.change24hPct)
}

/** A badge whose text names the level: colour is a second cue, not the only one. */
export function severityBadge(severity: Severity, label?: string): Element {
  const name = severity[0]!.toUpperCase() + severity.slice(1)
  return h(`span.badge.severity-${severity}`, {title: label && label.toLowerCase() !== severity ? `As written: ${label}` : undefined}, name)
}

import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {monthOf, shortDate} from '../src/render/dates.js'
import type {ChartPoint} from '../src/render/chart-data.js'
import {summaryText} from '../src/render/chart-data.js'
import {percent, usd} from '../src/render/figures.js'
import type {PublishedBrief} from '../src/render/site.js'
import {priceChart} from './chart.js'
import {highestSeverity, severityBadge} from './key-figures.js'

export interface IndexProps {
  siteTitle: string
  description: string
  /** Newest first. */
  items: readonly PublishedBrief[]
  link: (to: PublishedBrief) => string
  /** BTC across the archive, every calendar day (gaps where unknown). */
  btc?: readonly ChartPoint[]
}

/** The archive: every brief, newest first, grouped by month, with date, title and excerpt. */
export function indexPage({siteTitle, description, items, link, btc}: IndexProps): ElementContent[] {
  const months: Element[] = []
  let current: {month: string; list: Element} | undefined
  for (const item of items) {
    const month = monthOf(item.date)
    if (current?.month !== month) {
      current = {month, list: h('ol.brief-list')}
      months.push(h('section.month', [h('h2', month), current.list]))
    }
    current.list.children.push(
      h('li', [
        h('article.brief-card', [
          h('h3', [h('a', {href: link(item)}, item.title)]),
          h('p.meta', [h('time', {dateTime: item.date}, shortDate(item.date)), ' · ', h('span.category', item.category), ...dayFigures(item)]),
          item.excerpt ? h('p.excerpt', item.excerpt) : undefined
        ])
      ])
    )
  }
  const known = btc?.filter((point) => point.value !== undefined).length ?? 0
  return [
    h('h1', siteTitle),
    description ? h('p.lede', description) : undefined,
    btc && known > 1
      ? h('figure.index-chart', [
          priceChart({title: 'Bitcoin price across the archive', description: summaryText(btc), points: [...btc], width: 320, height: 64, small: true, id: 'btc-sparkline'}),
          h('figcaption', ['Bitcoin (BTC): ', summaryText(btc)])
        ])
      : undefined,
    items.length > 0 ? h('p.count', `${items.length} ${items.length === 1 ? 'brief' : 'briefs'}, newest first.`) : h('p.empty', 'No briefs published yet.'),
    ...months
  ].filter((node): node is Element => node !== undefined)
}

/** The day's BTC figure and most severe headline, as the index shows them. */
function dayFigures(item: PublishedBrief): Array<string | Element> {
  const parts: Array<string | Element> = []
  const quote = item.data.prices.find((price) => price.symbol === 'BTC')
  if (quote) {
    const value = quote.price !== undefined ? usd(quote.price) : quote.range ? `${usd(quote.range[0])}–${usd(quote.range[1])}` : undefined
    const change = quote.change24hPct !== undefined ? percent(quote.change24hPct) : quote.change24hRange ? `${percent(quote.change24hRange[0])} to ${percent(quote.change24hRange[1])}` : undefined
    if (value) parts.push(' · ', h('span.btc', [h('abbr', {title: 'Bitcoin'}, 'BTC'), ` ${value}`, change ? ` (${change})` : '']))
  }
  const severity = highestSeverity(item.data)
  if (severity) parts.push(' · ', h('span.top-severity', ['Top severity: ', severityBadge(severity)]))
  return parts
}

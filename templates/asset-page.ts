import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ChartPoint} from '../src/render/chart-data.js'
import {summarize, summaryText} from '../src/render/chart-data.js'
import type {PriceQuote} from '../src/data/brief-data-schema.js'
import {shortDate} from '../src/render/dates.js'
import {usd} from '../src/render/figures.js'
import {memoisedHtml, type CardMemo, type PagerLink} from './brief-list.js'
import type {BrowseLink} from './index-page.js'
import {spliced} from './spliced.js'
import {priceChart} from './chart.js'
import {price, quoteChange} from './key-figures.js'

export interface AssetDay {
  date: string
  quote: PriceQuote
  /** Relative link to the day page. */
  href: string
  /** What the row is made of (the brief's key, the symbol and link), to keep its HTML between builds. */
  key?: string | undefined
}

export interface AssetProps {
  symbol: string
  /** "Bitcoin", as the briefs write it. */
  name: string
  /** The year of a year page; undefined on the asset's page. */
  year?: string | undefined
  /** Every calendar day from the first figure to the last (of the year, on a year page), gaps as `undefined`. */
  points: readonly ChartPoint[]
  /** The table's days, newest first: the newest on the asset's page, every one of the year on a year page. */
  days: readonly AssetDay[]
  /** Days with a figure in all, when `days` lists only the newest. */
  total?: number | undefined
  /** The asset's years with figures, newest first. */
  years?: readonly BrowseLink[] | undefined
  assetsHref: string
  /** On a year page: the asset's page. */
  assetHref?: string | undefined
  /** The neighbouring years with figures, on a year page. */
  previous?: PagerLink | undefined
  next?: PagerLink | undefined
  /** Rows rendered before, by key (see brief-list's cards). */
  rows?: CardMemo | undefined
}

/**
 * One asset's price history: a chart drawn at build time and a table of the
 * stated figures. The asset's page charts the whole archive and tables the
 * newest days; each year has its page with its own chart and every figure
 * of that year, so no page tables the whole archive (1.2 MB at 4,000 days)
 * and a new brief leaves the earlier years' pages as they are.
 */
export function assetPage({symbol, name, year, points, days, total = days.length, years, assetsHref, assetHref, previous, next, rows}: AssetProps): ElementContent[] {
  const known = points.filter((point) => point.value !== undefined).length
  const id = `chart-${symbol.toLowerCase()}`
  const heading = year ? `${name} (${symbol}) in ${year}` : `${name} (${symbol})`
  return [
    h('h1', heading),
    h('p.lede', `The ${symbol} price as stated in each day's brief${year ? ` of ${year}` : ''}, in US dollars. Where a brief gives only a range, the chart uses its middle; days without a figure are gaps.`),
    known > 0
      ? h('figure.asset-chart', [
          priceChart({title: `${name} (${symbol}) price in USD${year ? `, ${year}` : ''}`, description: `Daily ${symbol} price stated in the briefs${year ? ` of ${year}` : ''}.`, points: [...points], width: 640, height: 260, id}),
          h('figcaption', summaryText(points))
        ])
      : h('p.empty', `No brief in the archive states a ${symbol} price yet.`),
    years && years.length > 0
      ? h('nav.month-summary', {ariaLabel: `Years of ${symbol} figures`}, [
          h('p.count', total > days.length ? `${total} days with a figure; the newest ${days.length} below, every one in its year's table:` : 'By year:'),
          h('ul.inline-list', years.map((period) => h('li', [h('a', {href: period.href}, period.label), h('span.count-badge', ` (${period.count})`)])))
        ])
      : undefined,
    days.length > 0
      ? h('div.table-scroll', {tabIndex: 0}, [
          h('table.asset-history', [
            h('caption', `${symbol} price and 24h change by day${year ? ` in ${year}` : total > days.length ? `, the newest ${days.length} days` : ''}, newest first; each date links to its brief`),
            h('thead', [h('tr', [h('th', {scope: 'col'}, 'Date'), h('th.num', {scope: 'col'}, 'Price or range'), h('th.num', {scope: 'col'}, '24h change')])]),
            spliced(
              h('tbody'),
              days.map((day) =>
                // Hundreds of rows, each unchanged while its brief is: kept as HTML.
                memoisedHtml(rows, day.key, () =>
                  h('tr', [
                    // The date links to the day's brief, where the figure was read.
                    h('th', {scope: 'row'}, [h('a', {href: day.href}, [h('time', {dateTime: day.date}, shortDate(day.date))])]),
                    h('td.num', price(day.quote)),
                    h('td.num', [quoteChange(day.quote)])
                  ])
                )
              )
            )
          ])
        ])
      : undefined,
    year
      ? h('nav.pager', {ariaLabel: 'Other years'}, [
          previous ? h('a.pager-previous', {href: previous.href, rel: 'prev'}, [h('span.pager-label', '← Earlier'), h('span.pager-title', previous.label)]) : h('span.pager-previous'),
          h('a.pager-index', {href: assetHref}, `${name} (${symbol})`),
          next ? h('a.pager-next', {href: next.href, rel: 'next'}, [h('span.pager-label', 'Later →'), h('span.pager-title', next.label)]) : h('span.pager-next')
        ])
      : undefined,
    h('p', [h('a', {href: assetsHref}, 'All assets')])
  ].filter((node): node is Element => node !== undefined)
}

export interface AssetSummary {
  symbol: string
  name: string
  href: string
  points: readonly ChartPoint[]
}

/** Every asset with a page: last figure, lowest and highest, days with a figure. */
export function assetsIndexPage({assets}: {assets: readonly AssetSummary[]}): ElementContent[] {
  return [
    h('h1', 'Assets'),
    h('p.lede', 'Price history of each asset across the archive, as stated in the briefs.'),
    h('div.table-scroll', {tabIndex: 0}, [
      h('table.assets', [
        h('caption', 'Assets with a price history'),
        h('thead', [h('tr', [h('th', {scope: 'col'}, 'Asset'), h('th.num', {scope: 'col'}, 'Last'), h('th.num', {scope: 'col'}, 'Low'), h('th.num', {scope: 'col'}, 'High'), h('th.num', {scope: 'col'}, 'Days with a figure')])]),
        h(
          'tbody',
          assets.map((asset) => {
            const summary = summarize(asset.points)
            const cell = (point: {date: string; value: number} | undefined) => (point ? [usd(point.value), h('span.cell-date', ` ${shortDate(point.date)}`)] : '—')
            return h('tr', [
              h('th', {scope: 'row'}, [h('a', {href: asset.href}, `${asset.name} (${asset.symbol})`)]),
              h('td.num', cell(summary?.last)),
              h('td.num', cell(summary?.min)),
              h('td.num', cell(summary?.max)),
              h('td.num', String(summary ? summary.days - summary.missing : 0))
            ])
          })
        )
      ])
    ])
  ]
}

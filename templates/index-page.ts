import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import type {ChartPoint} from '../src/render/chart-data.js'
import {summaryText} from '../src/render/chart-data.js'
import type {PublishedBrief} from '../src/render/site.js'
import {briefList, pagination, type CardMemo} from './brief-list.js'
import {priceChart} from './chart.js'

export interface BrowseLink {
  label: string
  href: string
  /** How many briefs are behind the link. */
  count: number
}

export interface Browse {
  /** Newest first, each with its months, newest first. */
  years: ReadonlyArray<BrowseLink & {months: readonly BrowseLink[]}>
  categories: readonly BrowseLink[]
  assets: readonly BrowseLink[]
  /** The list of every asset page. */
  assetsHref: string
}

export interface IndexProps {
  /** Rendered cards to reuse (see briefList). */
  cards?: CardMemo | undefined
  siteTitle: string
  description: string
  /** This page's briefs, newest first. */
  items: readonly PublishedBrief[]
  /** Briefs in the whole archive. */
  total: number
  /** 1-based page of the index, out of `pages`. */
  page: number
  pages: number
  pageHref: (page: number) => string
  link: (to: PublishedBrief) => string
  monthLink: (month: string) => string
  /** BTC across the archive, every calendar day (gaps where unknown); on the first page only. */
  btc?: readonly ChartPoint[] | undefined
  /** The BTC asset page, linked under the small chart. */
  btcHref?: string | undefined
  /** Ways into the archive besides the pages: years, months, categories, assets. */
  browse?: Browse | undefined
}

/** The archive, newest first, grouped by month, a page at a time, with the ways to browse it. */
export function indexPage(props: IndexProps): ElementContent[] {
  const {siteTitle, description, items, total, page, pages, btc} = props
  const known = btc?.filter((point) => point.value !== undefined).length ?? 0
  const first = items[0]
  const last = items.at(-1)
  const count =
    total === 0
      ? h('p.empty', 'No briefs published yet.')
      : pages === 1
        ? h('p.count', `${total} ${total === 1 ? 'brief' : 'briefs'}, newest first.`)
        : h('p.count', `${total} briefs, newest first. Page ${page} of ${pages}${first && last ? `: ${last.date} to ${first.date}` : ''}.`)
  return [
    h('h1', page === 1 ? siteTitle : `${siteTitle}: page ${page}`),
    description && page === 1 ? h('p.lede', description) : undefined,
    btc && known > 1
      ? h('figure.index-chart', [
          priceChart({title: 'Bitcoin price across the archive', description: summaryText(btc), points: [...btc], width: 320, height: 64, small: true, id: 'btc-sparkline'}),
          h('figcaption', ['Bitcoin (BTC): ', summaryText(btc), ...(props.btcHref ? [' ', h('a', {href: props.btcHref}, 'Price history')] : [])])
        ])
      : undefined,
    count,
    ...briefList({items, link: props.link, monthLink: props.monthLink, cards: props.cards}),
    pagination({page, pages, href: props.pageHref}),
    props.browse && total > 0 ? browseOnce(props.browse) : undefined
  ].filter((node): node is Element => node !== undefined)
}

/**
 * Every index page but the first lists the same years, months, categories
 * and assets from the same depth: given the same Browse object, its HTML is
 * made once (134 pages at 4,000 briefs, ~20 KB each).
 */
const browseHtml = new WeakMap<Browse, string>()
function browseOnce(props: Browse): Element {
  let html = browseHtml.get(props)
  if (html === undefined) browseHtml.set(props, (html = toHtml(browse(props))))
  return {type: 'raw', value: html} as unknown as Element
}

/** Years with their months, categories and assets, with counts. */
function browse({years, categories, assets, assetsHref}: Browse): Element {
  const links = (items: readonly BrowseLink[]) => h('ul.inline-list', items.map((item) => h('li', [h('a', {href: item.href}, item.label), h('span.count-badge', ` (${item.count})`)])))
  return h('section.browse', {ariaLabelledby: 'browse-title'}, [
    h('h2#browse-title', 'Browse the archive'),
    h('h3', 'By month'),
    h(
      'ul.year-list',
      years.map((year) => h('li', [h('a.year-link', {href: year.href}, year.label), h('span.count-badge', ` (${year.count})`), links(year.months)]))
    ),
    categories.length > 0 ? h('h3', 'By category') : undefined,
    categories.length > 0 ? links(categories) : undefined,
    h('h3', [h('a', {href: assetsHref}, 'By asset')]),
    assets.length > 0 ? links(assets) : undefined
  ])
}

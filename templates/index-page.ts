import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ChartPoint} from '../src/render/chart-data.js'
import {summaryText} from '../src/render/chart-data.js'
import type {PublishedBrief} from '../src/render/page-model.js'
import {briefList, type CardMemo, type PagerLink} from './brief-list.js'
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
  /** The most used tags, and the list of every tag (tag/index.html), when briefs have tags. */
  tags?: {top: readonly BrowseLink[]; href: string; total: number} | undefined
}

export interface IndexProps {
  /** Rendered cards to reuse (see briefList). */
  cards?: CardMemo | undefined
  siteTitle: string
  description: string
  /** The newest briefs, newest first (`pageSize` of them). */
  items: readonly PublishedBrief[]
  /** Briefs in the whole archive. */
  total: number
  /** The month archive where the briefs not listed here begin. */
  older?: PagerLink | undefined
  link: (to: PublishedBrief) => string
  monthLink: (month: string) => string
  /** BTC across the archive, every calendar day (gaps where unknown). */
  btc?: readonly ChartPoint[] | undefined
  /** The BTC asset page, linked under the small chart. */
  btcHref?: string | undefined
  /** Ways into the archive besides the newest briefs: years, months, categories, assets. */
  browse?: Browse | undefined
}

/**
 * The home page: the newest briefs, grouped by month, and the ways into the
 * rest of the archive, read in its month and year pages rather than on
 * numbered pages that shift as briefs are added (README, "No numbered pages").
 */
export function indexPage(props: IndexProps): ElementContent[] {
  const {siteTitle, description, items, total, btc, older} = props
  const known = btc?.filter((point) => point.value !== undefined).length ?? 0
  const count =
    total === 0
      ? h('p.empty', 'No briefs published yet.')
      : items.length === total
        ? h('p.count', `${total} ${total === 1 ? 'brief' : 'briefs'}, newest first.`)
        : h('p.count', `${total} briefs; the newest ${items.length} below, the rest by month, year, category and asset.`)
  return [
    h('h1', siteTitle),
    description ? h('p.lede', description) : undefined,
    btc && known > 1
      ? h('figure.index-chart', [
          priceChart({title: 'Bitcoin price across the archive', description: summaryText(btc), points: [...btc], width: 320, height: 64, small: true, id: 'btc-sparkline'}),
          h('figcaption', ['Bitcoin (BTC): ', summaryText(btc), ...(props.btcHref ? [' ', h('a', {href: props.btcHref}, 'Price history')] : [])])
        ])
      : undefined,
    count,
    ...briefList({items, link: props.link, monthLink: props.monthLink, cards: props.cards}),
    older ? h('nav.pager', {ariaLabel: 'Older briefs'}, [h('span.pager-previous'), h('span.pager-index'), h('a.pager-next', {href: older.href}, [h('span.pager-label', 'Older briefs →'), h('span.pager-title', older.label)])]) : undefined,
    props.browse && total > 0 ? browse(props.browse) : undefined
  ].filter((node): node is Element => node !== undefined)
}

/** Years with their months, categories and assets, with counts. */
function browse({years, categories, assets, assetsHref, tags}: Browse): Element {
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
    assets.length > 0 ? links(assets) : undefined,
    ...(tags && tags.total > 0
      ? [h('h3', [h('a', {href: tags.href}, 'By tag')]), links(tags.top), tags.total > tags.top.length ? h('p', [h('a', {href: tags.href}, `All ${tags.total} tags`)]) : undefined]
      : [])
  ])
}

import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'hast'
import {hasErrors, type Brief, type BriefContext} from '../brief.js'
import type {Config} from '../config/schema.js'
import {briefJsonSchema} from '../data/brief-data-schema.js'
import {daySummaryJsonSchema, type DaySummary} from '../data/day-summary.js'
import type {SiteWriter} from '../write/atomic-site.js'
import {DeferredBody} from '../brief.js'
import {archivePage} from '../../templates/archive-page.js'
import type {CardMemo, PagerLink} from '../../templates/brief-list.js'
import {assetPage, assetsIndexPage} from '../../templates/asset-page.js'
import {dayPage} from '../../templates/day.js'
import {indexPage, type Browse} from '../../templates/index-page.js'
import {layout, type Crumb, type LayoutProps} from '../../templates/layout.js'
import {notFoundPage} from '../../templates/not-found.js'
import {searchPage} from '../../templates/search-page.js'
import type {PriceQuote} from '../data/brief-data-schema.js'
import {absoluteUrl} from './absolute-url.js'
import {renderBody} from './body.js'
import {assetSeries, chartValue, firstQuotesOf, type ChartPoint} from './chart-data.js'
import {monthOf, shortDate} from './dates.js'
import {downloadFiles} from './downloads.js'
import {DEFAULT_FEED_LIMIT, FEED_PATHS, feedFiles, type FeedOptions} from './feeds.js'
import {ROBOTS_PATH, sitemapFiles} from './sitemap.js'
import {SEARCH_FOLDER, searchPageHead, searchScripts} from './search.js'
import {searchTiers} from './search-tiers.js'
import {settleAll, Slots} from '../slots.js'
import {addSeverityBadges} from './severity-badges.js'
import type {ImageAsset} from './offsite-images.js'
import {ASSETS_FOLDER, assetFolder, basePath, categoryFolders, dayFolder, monthFolder, pageLink, periodFolder, rootFrom, yearFolder} from './paths.js'

/** What the build keeps of each brief once its tree is released. */
export interface RenderedBrief {
  /** Sanitized HTML of the body. */
  html: string
  images: ImageAsset[]
  furtherSources: number
  /** The day's `brief.json`, written here so that the build need not keep every day's full data. */
  json: string
}

/** The build's per-brief stage, run while the tree is in memory. */
export function renderBrief(context: BriefContext): RenderedBrief {
  const body = renderBody(context.tree, context.citations, {allowedImageHosts: context.config.allowedImageHosts})
  addSeverityBadges(body.tree, context.extracted.headlines)
  const json = context.data ? `${JSON.stringify(context.data, null, 2)}\n` : ''
  return {html: toHtml(body.tree), images: body.images, furtherSources: body.furtherSources, json}
}

export interface PublishedBrief {
  brief: Brief
  date: string
  title: string
  category: string
  tags: readonly string[]
  excerpt: string
  /** Site-relative folder of the day page, `YYYY/MM/DD/`. */
  folder: string
  /** The day's figures and top severity (its full data is in `json`). */
  data: DaySummary
  /** The rendered body; empty while `body` holds it on disk. */
  html: string
  images: ImageAsset[]
  /** The day's `brief.json`; empty while `body` holds it on disk. */
  json: string
  /** Reads the rendered body from the cache, when the build left it there. */
  body?: (() => Promise<RenderedBrief>) | undefined
}

export interface Selection {
  /** Oldest first. */
  published: PublishedBrief[]
  /** Briefs with errors (only built with --keep-going, and then left out). */
  broken: Brief[]
  /** `draft: true` briefs left out (without --drafts). */
  drafts: Brief[]
}

/** Chooses the briefs that make it into the site, oldest first. */
export function selectBriefs(briefs: readonly Brief[], options: {drafts: boolean}): Selection {
  const selection: Selection = {published: [], broken: [], drafts: []}
  const byFolder = new Map<string, PublishedBrief>()
  // Sorted by date, then path (code-unit order, never locale order), so the
  // same archive always gives the same site.
  const ordered = [...briefs].sort((a, b) => compare(a.frontMatter?.date ?? '', b.frontMatter?.date ?? '') || compare(a.file.path, b.file.path))
  for (const brief of ordered) {
    const fm = brief.frontMatter
    const rendered = brief.rendered as RenderedBrief | DeferredBody | undefined
    if (!fm || !rendered || !brief.summary || hasErrors(brief)) {
      selection.broken.push(brief)
      continue
    }
    if (fm.draft === true && !options.drafts) {
      selection.drafts.push(brief)
      continue
    }
    const folder = dayFolder(fm.date)
    // Two briefs for one day are a `duplicate-date` error; should that rule
    // be turned off, the first by path keeps the page.
    if (byFolder.has(folder)) {
      selection.broken.push(brief)
      continue
    }
    const item: PublishedBrief = {
      brief,
      date: fm.date,
      title: fm.title,
      category: fm.category,
      tags: fm.tags ?? [],
      excerpt: brief.excerpt,
      folder,
      data: brief.summary,
      html: rendered instanceof DeferredBody ? '' : rendered.html,
      images: rendered instanceof DeferredBody ? [] : rendered.images,
      json: rendered instanceof DeferredBody ? '' : rendered.json,
      body: rendered instanceof DeferredBody ? (rendered.load as () => Promise<RenderedBrief>) : undefined
    }
    byFolder.set(folder, item)
    selection.published.push(item)
  }
  return selection
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const stringify = (tree: Root) => toHtml(tree, {allowDangerousHtml: true}) + '\n'

/** What a page is, for the sitemap, the README and whoever adds a kind (the search page). */
export type PageKind = 'day' | 'index' | 'year' | 'month' | 'category' | 'assets' | 'asset' | 'not-found' | 'search'

/** One HTML page of the site. */
export interface SitePage {
  kind: PageKind | (string & {})
  /** Site-relative file: `2026/11/20/index.html`, `404.html`. */
  file: string
  /** Site-relative URL: the folder (`2026/11/20/`, `''` for the home page), or the file when it is not an index. */
  url: string
  /** `YYYY-MM-DD` the page last changed, for the sitemap. */
  lastmod?: string | undefined
  /** Listed in `sitemap.xml` (every page but the 404 page). */
  sitemap: boolean
  /** The day a day page shows: its body is read just before rendering. */
  item?: PublishedBrief
  /**
   * A digest of everything the page is made from, when known (day pages,
   * with the cache): a page whose key is unchanged since the previous build
   * is taken from that build instead of being rendered again.
   */
  key?: string | undefined
  render: () => Root
}

/** An asset with a page: its ticker, name, series and quoted days. */
interface AssetInfo {
  symbol: string
  name: string
  folder: string
  points: ChartPoint[]
  /** Briefs quoting the asset, newest first, each with its first quote. */
  quotes: Array<{item: PublishedBrief; quote: PriceQuote}>
}

/** Everything the page builders share, computed once per build. */
export interface SiteContext {
  config: Config
  /** Oldest first. */
  published: readonly PublishedBrief[]
  newestFirst: readonly PublishedBrief[]
  /** Category → `category/<slug>/`. */
  categories: Map<string, string>
  /** `YYYY` → briefs, newest first; years newest first. */
  years: Map<string, PublishedBrief[]>
  /** `YYYY-MM` → briefs, newest first; months newest first. */
  months: Map<string, PublishedBrief[]>
  assets: AssetInfo[]
  /** Brief cards rendered before, to reuse (templates/brief-list.ts). */
  cards?: CardMemo | undefined
}

/** Assets that always get a page; others need prices on at least two days. */
export const MAIN_ASSETS = ['BTC', 'ETH', 'SOL'] as const
const MAIN_NAMES: Record<string, string> = {BTC: 'Bitcoin', ETH: 'Ethereum', SOL: 'Solana'}

export function siteContext(published: readonly PublishedBrief[], config: Config): SiteContext {
  const newestFirst = [...published].reverse()
  return {
    config,
    published,
    newestFirst,
    categories: categoryFolders(published.map((item) => item.category)),
    years: groupBy(newestFirst, (item) => item.date.slice(0, 4)),
    months: groupBy(newestFirst, (item) => item.date.slice(0, 7)),
    assets: assetsOf(published)
  }
}

function assetsOf(published: readonly PublishedBrief[]): AssetInfo[] {
  // One pass over the archive, newest first: each brief's first quote of each symbol.
  const bySymbol = new Map<string, AssetInfo['quotes']>()
  for (let index = published.length - 1; index >= 0; index--) {
    const item = published[index]!
    for (const [symbol, quote] of firstQuotesOf(item.data.prices)) {
      const quotes = bySymbol.get(symbol)
      if (quotes) quotes.push({item, quote})
      else bySymbol.set(symbol, [{item, quote}])
    }
  }
  // Oldest first, only the briefs that quote the symbol: its series is the same as across the whole archive.
  const seriesOf = (symbol: string) => assetSeries((bySymbol.get(symbol) ?? []).map(({item}) => item.data).reverse(), symbol)
  const symbols = new Set<string>(MAIN_ASSETS)
  const series = new Map<string, ChartPoint[]>()
  for (const symbol of [...bySymbol.keys()].sort()) {
    if (symbols.has(symbol)) continue
    // Days with a chart figure, counted without building the daily series:
    // symbols quoted every day without a price (4,000 days each) get no page.
    const days = new Set<string>()
    for (const {item, quote} of bySymbol.get(symbol)!) {
      const value = chartValue(quote)
      if (value !== undefined && Number.isFinite(value)) days.add(item.data.date)
    }
    if (days.size >= 2) {
      symbols.add(symbol)
      series.set(symbol, seriesOf(symbol))
    }
  }
  return [...symbols].map((symbol) => {
    const quotes = bySymbol.get(symbol) ?? []
    return {symbol, name: quotes[0]?.quote.asset ?? MAIN_NAMES[symbol] ?? symbol, folder: assetFolder(symbol), points: series.get(symbol) ?? seriesOf(symbol), quotes}
  })
}

/** Links of the site header, from a page whose root is `root`. */
function siteNav(root: string, current: PageKind | undefined) {
  return [
    {href: `${root}index.html`, label: 'Briefs', current: current === 'index'},
    {href: `${root}${ASSETS_FOLDER}index.html`, label: 'Assets', current: current === 'assets' || current === 'asset'},
    {href: `${root}${SEARCH_FOLDER}index.html`, label: 'Search', current: current === 'search'}
  ]
}

interface ShellProps {
  kind: PageKind
  /** Site-relative folder of the page. */
  folder: string
  title: string
  description?: string
  main: LayoutProps['main']
  breadcrumbs?: Crumb[]
  previous?: string | undefined
  next?: string | undefined
  /** The root links start from; relative (`../../`) unless given (the 404 page). */
  root?: string
  /** Script files and further stylesheets of the site (the search page), and what the CSP must allow for them. */
  scripts?: string[]
  stylesheets?: string[]
  cspExtra?: Record<string, string[]>
}

/** The layout with what every page shares: nav, feeds, canonical URL, CSP. */
function shell(context: SiteContext, props: ShellProps): Root {
  const {config} = context
  const root = props.root ?? rootFrom(props.folder)
  return layout({
    siteTitle: config.siteTitle,
    pageTitle: props.title,
    description: props.description ?? '',
    root,
    canonical: props.kind === 'not-found' ? undefined : absoluteUrl(config.baseUrl, props.folder),
    kind: props.kind === 'day' ? 'article' : 'website',
    feeds: {atom: `${root}${FEED_PATHS.atom}`, rss: `${root}${FEED_PATHS.rss}`, json: `${root}${FEED_PATHS.json}`},
    nav: siteNav(root, props.kind),
    ...(props.breadcrumbs && {breadcrumbs: props.breadcrumbs}),
    previous: props.previous,
    next: props.next,
    ...(props.scripts && {scripts: props.scripts}),
    ...(props.stylesheets && {stylesheets: props.stylesheets}),
    csp: {allowedImageHosts: config.allowedImageHosts, ...(props.cspExtra && {extra: props.cspExtra})},
    main: props.main
  })
}

const monthName = (month: string) => monthOf(`${month}-01`)

/**
 * The page with a key made of what it shows (`parts`: briefs as their
 * content key and folder, and plain values), with the cache only: an
 * archive page whose briefs and neighbours are unchanged is taken from the
 * previous build. The code and config are in every brief's key.
 */
function keyed(parts: ReadonlyArray<string | undefined | readonly PublishedBrief[]>, page: SitePage): SitePage {
  const identity = (item: PublishedBrief) => item.brief.file.data.briefKey && `${item.brief.file.data.briefKey}@${item.folder}`
  const flat = parts.map((part) => (Array.isArray(part) ? (part as readonly PublishedBrief[]).map(identity) : part))
  if (flat.some((part) => Array.isArray(part) && part.some((id) => id === undefined))) return page
  return {...page, key: createHash('sha256').update(JSON.stringify([page.kind, page.file, flat])).digest('hex')}
}

function folderPage(kind: PageKind, folder: string, lastmod: string | undefined, render: () => Root): SitePage {
  return {kind, file: `${folder}index.html`, url: folder, lastmod, sitemap: true, render}
}

/** Every day page, with the links to the days around it. */
export function dayPages(context: SiteContext): SitePage[] {
  const {published} = context
  const assetFolders = new Map(context.assets.map((asset) => [asset.symbol, asset.folder]))
  // Written once, not once per day: the same for every page.
  const assetLinks = JSON.stringify([...assetFolders])
  return published.map((item, index) => {
    const previous = published[index - 1]
    const next = published[index + 1]
    const from = item.folder
    const link = (to: string) => pageLink(from, to)
    const page = folderPage('day', from, item.date, () =>
      shell(context, {
        kind: 'day',
        folder: from,
        title: item.title,
        description: item.excerpt,
        previous: previous && link(previous.folder),
        next: next && link(next.folder),
        breadcrumbs: [
          {label: 'Home', href: link('')},
          {label: item.date.slice(0, 4), href: link(yearFolder(item.date.slice(0, 4)))},
          {label: monthName(item.date.slice(0, 7)).split(' ')[0]!, href: link(monthFolder(item.date.slice(0, 7)))},
          {label: shortDate(item.date)}
        ],
        main: dayPage({
          item,
          previous,
          next,
          link: (to) => link(to.folder),
          indexHref: link(''),
          categoryHref: link(context.categories.get(item.category)!),
          assetHref: (symbol) => {
            const folder = assetFolders.get(symbol)
            return folder && link(folder)
          }
        })
      })
    )
    // The day's text (under config and code), its neighbours' (their titles,
    // dates and folders are on the page), and the site-wide links it makes.
    const keys = [previous, item, next].map((brief) => brief && `${brief.brief.file.data.briefKey}@${brief.folder}`)
    // Its look-alike sources too: they depend on the whole archive (lookalike-citation-host).
    const key = item.brief.file.data.briefKey && createHash('sha256').update(JSON.stringify([keys, context.categories.get(item.category), item.brief.lookalikeHosts ?? null])).update('\0').update(assetLinks).digest('hex')
    return {...page, item, key}
  })
}

/**
 * The home page, `index.html`: the newest `pageSize` briefs, a small BTC
 * chart, and links to every year, month, category and asset. The rest of
 * the archive is read by month and year (see templates/index-page.ts).
 */
export function indexPages(context: SiteContext): SitePage[] {
  const {config, newestFirst} = context
  const folder = ''
  const link = (to: string) => pageLink(folder, to)
  const items = newestFirst.slice(0, config.pageSize)
  // Where the briefs not listed begin: that month's archive lists them from its first day.
  const firstUnlisted = newestFirst[items.length]
  const btcAsset = context.assets.find((asset) => asset.symbol === 'BTC')
  const byCategory = groupBy(newestFirst, (item) => item.category)
  const browse: Browse = {
    years: [...context.years].map(([year, briefs]) => ({
      label: year,
      href: link(yearFolder(year)),
      count: briefs.length,
      months: [...context.months].filter(([month]) => month.startsWith(`${year}-`)).map(([month, inMonth]) => ({label: monthName(month).split(' ')[0]!, href: link(monthFolder(month)), count: inMonth.length}))
    })),
    categories: [...context.categories].map(([category, categoryFolder]) => ({label: category, href: link(categoryFolder), count: byCategory.get(category)?.length ?? 0})),
    assets: context.assets.filter((asset) => asset.quotes.length > 0).map((asset) => ({label: asset.symbol, href: link(asset.folder), count: asset.quotes.length})),
    assetsHref: link(ASSETS_FOLDER)
  }
  return [
    folderPage('index', folder, newestFirst[0]?.date, () =>
      shell(context, {
        kind: 'index',
        folder,
        title: config.siteTitle,
        description: config.siteDescription,
        main: indexPage({
          cards: context.cards,
          siteTitle: config.siteTitle,
          description: config.siteDescription,
          items,
          total: newestFirst.length,
          older: firstUnlisted && {label: monthName(firstUnlisted.date.slice(0, 7)), href: link(monthFolder(firstUnlisted.date.slice(0, 7)))},
          link: (to) => link(to.folder),
          monthLink: (month) => link(monthFolder(month)),
          btc: btcAsset?.points,
          btcHref: btcAsset && link(btcAsset.folder),
          browse
        })
      })
    )
  ]
}

/** `2026/index.html`: the year's briefs; and `2026/11/index.html`: the month's. */
export function archivePages(context: SiteContext): SitePage[] {
  const pages: SitePage[] = []
  const years = [...context.years.keys()]
  for (const [position, year] of years.entries()) {
    const folder = yearFolder(year)
    const link = (to: string) => pageLink(folder, to)
    const items = context.years.get(year)!
    const [later, earlier] = [years[position - 1], years[position + 1]]
    pages.push(
      keyed(['year', items, earlier, later], folderPage('year', folder, items[0]!.date, () =>
        shell(context, {
          kind: 'year',
          folder,
          title: year,
          description: `Every brief of ${year}.`,
          previous: earlier && link(yearFolder(earlier)),
          next: later && link(yearFolder(later)),
          breadcrumbs: [{label: 'Home', href: link('')}, {label: year}],
          main: archivePage({
            cards: context.cards,
            title: year,
            items,
            link: (to) => link(to.folder),
            monthLink: (month) => link(monthFolder(month)),
            periods: {
              label: `Months of ${year}`,
              links: [...context.months].filter(([month]) => month.startsWith(`${year}-`)).map(([month, inMonth]) => ({label: monthName(month), href: link(monthFolder(month)), count: inMonth.length}))
            },
            previous: earlier ? {label: earlier, href: link(yearFolder(earlier))} : undefined,
            next: later ? {label: later, href: link(yearFolder(later))} : undefined,
            indexHref: link('')
          })
        })
      ))
    )
  }
  const months = [...context.months.keys()]
  for (const [position, month] of months.entries()) {
    const folder = monthFolder(month)
    const link = (to: string) => pageLink(folder, to)
    const items = context.months.get(month)!
    const [later, earlier] = [months[position - 1], months[position + 1]]
    const year = month.slice(0, 4)
    pages.push(
      keyed(['month', items, earlier, later], folderPage('month', folder, items[0]!.date, () =>
        shell(context, {
          kind: 'month',
          folder,
          title: monthName(month),
          description: `Every brief of ${monthName(month)}.`,
          previous: earlier && link(monthFolder(earlier)),
          next: later && link(monthFolder(later)),
          breadcrumbs: [{label: 'Home', href: link('')}, {label: year, href: link(yearFolder(year))}, {label: monthName(month).split(' ')[0]!}],
          main: archivePage({
            cards: context.cards,
            title: monthName(month),
            items,
            link: (to) => link(to.folder),
            previous: earlier ? {label: monthName(earlier), href: link(monthFolder(earlier))} : undefined,
            next: later ? {label: monthName(later), href: link(monthFolder(later))} : undefined,
            indexHref: link('')
          })
        })
      ))
    )
  }
  return pages
}

/**
 * Per category with briefs, `category/<slug>/index.html`: its newest
 * `pageSize` briefs and its years; and `category/<slug>/<year>/index.html`:
 * every brief of the category that year. A new brief rewrites the category's
 * page and its year's, not a page listing the whole archive (2.5 MB at
 * 4,000 briefs); earlier years keep their pages.
 */
export function categoryPages(context: SiteContext): SitePage[] {
  const pages: SitePage[] = []
  for (const [category, folder] of context.categories) {
    const link = (to: string) => pageLink(folder, to)
    const items = context.newestFirst.filter((item) => item.category === category)
    const years = yearPagesBelow(folder, groupBy(items, (item) => item.date.slice(0, 4)))
    const title = `Category: ${category}`
    pages.push(
      folderPage('category', folder, items[0]?.date, () =>
        shell(context, {
          kind: 'category',
          folder,
          title,
          description: `Every brief filed under ${category}.`,
          breadcrumbs: [{label: 'Home', href: link('')}, {label: title}],
          main: archivePage({
            cards: context.cards,
            title,
            items: items.slice(0, context.config.pageSize),
            total: items.length,
            periods: {label: `Years of ${title}`, links: years.links},
            link: (to) => link(to.folder),
            monthLink: (month) => link(monthFolder(month)),
            indexHref: link('')
          })
        })
      )
    )
    for (const {year, folder: yearFolder, link: yearLink, items: inYear, earlier, later} of years.pages) {
      const yearTitle = `${title}, ${year}`
      pages.push(
        keyed(['category-year', category, inYear, earlier?.label, later?.label], folderPage('category', yearFolder, inYear[0]!.date, () =>
          shell(context, {
            kind: 'category',
            folder: yearFolder,
            title: yearTitle,
            description: `Every brief of ${year} filed under ${category}.`,
            previous: earlier?.href,
            next: later?.href,
            breadcrumbs: [{label: 'Home', href: yearLink('')}, {label: title, href: yearLink(folder)}, {label: year}],
            main: archivePage({
              cards: context.cards,
              title: yearTitle,
              items: inYear,
              link: (to) => yearLink(to.folder),
              monthLink: (month) => yearLink(monthFolder(month)),
              previous: earlier,
              next: later,
              indexHref: yearLink(folder),
              indexLabel: title
            })
          })
        ))
      )
    }
  }
  return pages
}

/**
 * The year pages below `folder` (`category/crypto/2025/`, `assets/btc/2025/`),
 * newest first: each with its items, its relative links and the years
 * around it; and the links to them from `folder`'s own page, with counts.
 */
function yearPagesBelow<T>(folder: string, byYear: ReadonlyMap<string, readonly T[]>) {
  const years = [...byYear.keys()]
  const fromFolder = (to: string) => pageLink(folder, to)
  return {
    links: years.map((year) => ({label: year, href: fromFolder(periodFolder(folder, year)), count: byYear.get(year)!.length})),
    pages: years.map((year, position) => {
      const here = periodFolder(folder, year)
      const link = (to: string) => pageLink(here, to)
      const around = (other: string | undefined): PagerLink | undefined => (other === undefined ? undefined : {label: other, href: link(periodFolder(folder, other))})
      return {year, folder: here, link, items: byYear.get(year)!, earlier: around(years[position + 1]), later: around(years[position - 1])}
    })
  }
}

/** Items grouped by `key`, in their order (newest first in, newest first out). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

/**
 * `assets/index.html`, `assets/<symbol>/index.html` (the whole history as a
 * chart, the newest `pageSize` figures as a table) and
 * `assets/<symbol>/<year>/index.html` (that year's chart and every figure).
 */
export function assetPages(context: SiteContext): SitePage[] {
  const listFolder = ASSETS_FOLDER
  const pages: SitePage[] = [
    folderPage('assets', listFolder, context.newestFirst[0]?.date, () =>
      shell(context, {
        kind: 'assets',
        folder: listFolder,
        title: 'Assets',
        description: 'Price history of each asset across the archive.',
        breadcrumbs: [{label: 'Home', href: pageLink(listFolder, '')}, {label: 'Assets'}],
        main: assetsIndexPage({assets: context.assets.map((asset) => ({symbol: asset.symbol, name: asset.name, href: pageLink(listFolder, asset.folder), points: asset.points}))})
      })
    )
  ]
  for (const asset of context.assets) {
    const {symbol, name, folder} = asset
    const link = (to: string) => pageLink(folder, to)
    const rowsFrom = (from: string, quotes: Readonly<AssetInfo['quotes']>) =>
      quotes.map(({item, quote}) => {
        const briefKey = item.brief.file.data.briefKey
        const href = pageLink(from, item.folder)
        return {date: item.date, quote, href, key: briefKey && `${briefKey}@${item.folder}\0${symbol}\0${href}`}
      })
    const years = yearPagesBelow(folder, groupBy(asset.quotes, ({item}) => item.date.slice(0, 4)))
    pages.push(
      folderPage('asset', folder, asset.quotes[0]?.item.date ?? context.newestFirst[0]?.date, () =>
        shell(context, {
          kind: 'asset',
          folder,
          title: `${name} (${symbol})`,
          description: `${symbol} price history across the archive.`,
          breadcrumbs: [{label: 'Home', href: link('')}, {label: 'Assets', href: link(listFolder)}, {label: symbol}],
          main: assetPage({
            symbol,
            name,
            points: asset.points,
            days: rowsFrom(folder, asset.quotes.slice(0, context.config.pageSize)),
            total: asset.quotes.length,
            years: years.links,
            assetsHref: link(listFolder),
            rows: context.cards
          })
        })
      )
    )
    for (const {year, folder: yearFolder, link: yearLink, items: quotes, earlier, later} of years.pages) {
      pages.push(
        keyed(['asset-year', symbol, name, quotes.map(({item}) => item), earlier?.label, later?.label], folderPage('asset', yearFolder, quotes[0]!.item.date, () =>
          shell(context, {
            kind: 'asset',
            folder: yearFolder,
            title: `${name} (${symbol}) in ${year}`,
            description: `${symbol} price in ${year}, as stated in the briefs.`,
            previous: earlier?.href,
            next: later?.href,
            breadcrumbs: [{label: 'Home', href: yearLink('')}, {label: 'Assets', href: yearLink(listFolder)}, {label: symbol, href: yearLink(folder)}, {label: year}],
            main: assetPage({
              symbol,
              name,
              year,
              points: asset.points.filter((point) => point.date.startsWith(year)),
              days: rowsFrom(yearFolder, quotes),
              assetsHref: yearLink(listFolder),
              assetHref: yearLink(folder),
              previous: earlier,
              next: later,
              rows: context.cards
            })
          })
        ))
      )
    }
  }
  return pages
}

/**
 * `404.html`, which a server returns for any missing path: its links start
 * from the base path of `baseUrl` (`/briefs/`), as a relative link would
 * resolve against the missing path.
 */
export function notFoundPages(context: SiteContext): SitePage[] {
  const root = basePath(context.config.baseUrl)
  return [
    {
      kind: 'not-found',
      file: NOT_FOUND_PATH,
      url: NOT_FOUND_PATH,
      sitemap: false,
      render: () =>
        shell(context, {kind: 'not-found', folder: '', root, title: 'Page not found', main: notFoundPage({root, assetsHref: `${root}${ASSETS_FOLDER}index.html`})})
    }
  ]
}

export const NOT_FOUND_PATH = '404.html'

/**
 * `search/index.html`: Pagefind's UI over the day pages (src/render/search.ts;
 * the build indexes the pages once they are all written). Not in the sitemap:
 * it has nothing to index.
 */
export function searchPages(context: SiteContext): SitePage[] {
  const folder = SEARCH_FOLDER
  // The older tiers' bundles, whose results the page merges with the primary one's.
  const merged = searchTiers(context.published)
    .slice(1)
    .map((tier) => tier.folder)
  return [
    {
      ...folderPage('search', folder, undefined, () =>
        shell(context, {kind: 'search', folder, title: 'Search', description: `Search every brief of ${context.config.siteTitle}.`, ...searchPageHead(rootFrom(folder)), main: searchPage({merged})})
      ),
      sitemap: false
    }
  ]
}

/** The builders of every kind of page, in the order their pages are written and listed. */
export const PAGE_BUILDERS: ReadonlyArray<(context: SiteContext) => SitePage[]> = [indexPages, dayPages, archivePages, categoryPages, assetPages, notFoundPages, searchPages]

/** Every HTML page the build writes for these briefs, without rendering them. */
export function sitePages(published: readonly PublishedBrief[], config: Config, cards?: CardMemo): SitePage[] {
  const context = {...siteContext(published, config), cards}
  return PAGE_BUILDERS.flatMap((build) => build(context))
}

/** Site-relative URLs of every HTML page (`''`, `page/2/`, `2026/11/20/`, `404.html`, …). */
export function siteUrls(published: readonly PublishedBrief[], config: Config): string[] {
  return sitePages(published, config).map((page) => page.url)
}

/** What a build may take from the previous one (src/cache/manifest.ts keeps it). */
export interface PageReuse {
  /** The previous site, as that build wrote it. */
  dir: string
  /** Site-relative file → key, of the previous build. */
  keys: ReadonlyMap<string, string>
}

export interface WriteSiteOptions {
  previous?: PageReuse | undefined
  /** Filled with the key of every keyed file written, for the next build. */
  keys?: Map<string, string>
  /**
   * Work that reads the finished day pages (the search index), started as
   * soon as every day page is written, while the other pages, the feeds and
   * the data files are: Pagefind then indexes in its own process instead of
   * after the site is written. Settled before writeSite returns or throws,
   * so nothing writes to the site after it.
   */
  alongside?: (() => Promise<unknown>) | undefined
}

/** Writes every page and file of the site; returns how many HTML pages were written. */
export async function writeSite(published: readonly PublishedBrief[], config: Config, writer: SiteWriter, options: WriteSiteOptions = {}): Promise<number> {
  // A brief's card is rendered once for all the list pages that show it.
  const pages = sitePages(published, config, new Map())
  const {previous, keys} = options
  // Files written for a brief beside its page (brief.json, images), by key.
  const beside = new Map<string, string[]>()
  if (previous) {
    for (const [file, key] of previous.keys) if (key.startsWith('brief:')) beside.set(key, [...(beside.get(key) ?? []), file])
  }
  const reuse = async (files: readonly string[]) => {
    if (!previous || !writer.reuse) return false
    return writer.reuse(files.map((file) => ({path: file, source: `${previous.dir}${path.sep}${file}`})))
  }
  // Pages are written a few at a time: while one waits for its body to be
  // read or its files to land, the next is rendered. One after another, a
  // cold build of 4,000 briefs spent half of its 12 s of writing idle.
  // Keys are gathered per page and set in page order, as before; after a
  // failure no further page starts.
  const slots = new Slots(PAGES_IN_FLIGHT)
  let failed = false
  const writePage = async (page: SitePage, own: Array<[string, string]>): Promise<void> => {
    const item = page.item
    const briefKey = item?.brief.file.data.briefKey
    if (page.key) own.push([page.file, page.key])
    // Unchanged since the previous build: the page and the files beside it
    // are taken from there, without reading the body or rendering.
    if (page.key && previous?.keys.get(page.file) === page.key) {
      const files = item ? briefKey && beside.get(`brief:${briefKey}`)?.filter((file) => file.startsWith(item.folder)) : []
      if (files && (await reuse([page.file, ...files]))) {
        for (const file of files) own.push([file, `brief:${briefKey}`])
        return
      }
    }
    // A body left in the cache is read for its page only, then let go: the
    // build never holds every body at once.
    const body = item?.body && (await item.body())
    if (item && body) Object.assign(item, {html: body.html, images: body.images, json: body.json})
    const writes = [writer.write(page.file, stringify(page.render()))]
    if (item) {
      const files = [`${item.folder}brief.json`, ...item.images.map((image) => `${item.folder}${image.name}`)]
      writes.push(writer.write(files[0]!, item.json))
      for (const [index, image] of item.images.entries()) writes.push(writer.write(files[index + 1]!, image.bytes))
      if (briefKey) for (const file of files) own.push([file, `brief:${briefKey}`])
    }
    if (item && body) Object.assign(item, {html: '', images: [], json: ''})
    await settleAll(writes)
  }
  const pageKeys = pages.map((): Array<[string, string]> => [])
  const runs = pages.map((page, index) =>
    slots.run(async () => {
      if (failed) return
      await writePage(page, pageKeys[index]!).catch((error: unknown) => {
        failed = true
        throw error
      })
    })
  )
  const afterDayPages = options.alongside
  const alongside = afterDayPages && settleAll(runs.filter((_, index) => pages[index]!.kind === 'day')).then(() => afterDayPages())
  // Handled here as well, so that a failure while the rest is written is
  // not reported as unhandled; it is rethrown below.
  alongside?.catch(() => undefined)
  // The other pages, the code's files, the feeds, the sitemap and the data files.
  const writeRest = async (): Promise<void> => {
    await settleAll(runs)
    if (keys) for (const own of pageKeys) for (const [file, key] of own) keys.set(file, key)
    // Files that change only with the code, keyed by their bytes: the same
    // bytes stay where the previous build left them rather than being
    // written and swapped in again.
    const writeFixed = async (file: string, content: string | Uint8Array) => {
      const key = `file:${createHash('sha256').update(content).digest('hex')}`
      keys?.set(file, key)
      if (previous?.keys.get(file) === key && (await reuse([file]))) return
      await writer.write(file, content)
    }
    await writeFixed('style.css', await stylesheet())
    for (const script of await searchScripts()) await writeFixed(script.path, script.content)
    await writeFixed(SCHEMA_PATH, `${JSON.stringify(briefJsonSchema(), null, 2)}\n`)
    await writeFixed(SUMMARY_SCHEMA_PATH, `${JSON.stringify(daySummaryJsonSchema(), null, 2)}\n`)
    const newestFirst = [...published].reverse()
    const site = {title: config.siteTitle, description: config.siteDescription, baseUrl: config.baseUrl}
    // Days are unique, so the feeds' newest items are the first of newestFirst:
    // only their bodies are read.
    const feedItems = await Promise.all(
      newestFirst.map(async (item, index) => ({
        date: item.date,
        title: item.title,
        url: item.folder,
        summary: item.excerpt,
        html: item.body && index < DEFAULT_FEED_LIMIT ? (await item.body()).html : item.html,
        category: item.category
      }))
    )
    const sitemapPages = pages.filter((page) => page.sitemap).map((page) => ({path: page.url, ...(page.lastmod && {lastmod: page.lastmod})}))
    for (const file of [...feedFiles(site, feedItems), ...sitemapFiles(config.baseUrl, sitemapPages), ...downloadFiles(published.map((item) => item.data))]) {
      await (file.path === ROBOTS_PATH ? writeFixed : writer.write.bind(writer))(file.path, file.content)
    }
  }
  try {
    await writeRest()
    await alongside
  } catch (error) {
    await alongside?.catch(() => undefined)
    throw error
  }
  return pages.length
}

/** Pages rendered and written at once by writeSite. */
const PAGES_IN_FLIGHT = 8

/** Where the JSON Schema of `brief.json` is published. */
export const SCHEMA_PATH = 'schema/brief.schema.json'
/** Where the JSON Schema of each entry of `data/briefs.json` is published. */
export const SUMMARY_SCHEMA_PATH = 'schema/day-summary.schema.json'

let css: Promise<Buffer> | undefined

/**
 * `templates/style.css`, found by walking up from this module: the same code
 * runs from `src/` under the tests and from `dist/src/` when installed.
 */
function stylesheet(): Promise<Buffer> {
  css ??= (async () => {
    let folder = path.dirname(fileURLToPath(import.meta.url))
    for (;;) {
      const candidate = path.join(folder, 'templates', 'style.css')
      const content = await readFile(candidate).catch(() => undefined)
      if (content) return content
      const parent = path.dirname(folder)
      if (parent === folder) throw new Error('Cannot find templates/style.css beside the Briefpress installation')
      folder = parent
    }
  })()
  return css
}

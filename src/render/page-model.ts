/**
 * The page model: what the page builders (src/render/pages/) and the
 * templates share: a published brief, a page, the site's context computed
 * once per build, and a page's reuse key.
 */
import {createHash} from 'node:crypto'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'hast'
import {type Brief} from '../brief.js'
import type {Config} from '../config/schema.js'
import {type DaySummary} from '../data/day-summary.js'
import type {CardMemo, PagerLink} from '../../templates/brief-list.js'
import type {BriefData, PriceQuote} from '../data/brief-data-schema.js'
import {MAIN_ASSETS, assetsWithPages} from '../validate/asset-pages.js'
import {assetSeries, chartValue, firstQuotesOf, type ChartPoint} from './chart-data.js'
import {monthOf} from './dates.js'
import type {ImageAsset} from './offsite-images.js'
import type {ContentsEntry} from './contents.js'
import {assetFolder, categoryFolders, pageLink, periodFolder} from './paths.js'
import {tagGroups, type TagGroup} from './tag-folders.js'

/** What the build keeps of each brief once its tree is released. */
export interface RenderedBrief {
  /** Sanitized HTML of the body. */
  html: string
  images: ImageAsset[]
  /** The day's `brief.json`, written here so that the build need not keep every day's full data. */
  json: string
  /** The day page's table of contents: sections and headlines, by their ids in `html`. */
  contents: ContentsEntry[]
  /** Where each figure of the day page's panel was read (kept here, not in every day's summary). */
  evidence: BriefData['evidence']
}

/** A brief with a page. The parts of its rendered body are empty while `body` holds them on disk. */
export interface PublishedBrief extends RenderedBrief {
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
  /** Reads the rendered body from the cache, when the build left it there. */
  body?: (() => Promise<RenderedBrief>) | undefined
}

export const stringify = (tree: Root) => toHtml(tree, {allowDangerousHtml: true}) + '\n'

/** What a page is, for the sitemap, the README and whoever adds a kind (the search page). */
export type PageKind = 'day' | 'index' | 'year' | 'month' | 'category' | 'tags' | 'tag' | 'assets' | 'asset' | 'not-found' | 'search'

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
export interface AssetInfo {
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
  /** `tag/<slug>/` → the tag's page: its name and briefs, newest first (src/render/tag-folders.ts). */
  tags: Map<string, TagGroup<PublishedBrief>>
  /** Days left out because their brief has errors (`--keep-going`), oldest first: the pager says so. */
  missing: readonly string[]
  /** `YYYY` → briefs, newest first; years newest first. */
  years: Map<string, PublishedBrief[]>
  /** `YYYY-MM` → briefs, newest first; months newest first. */
  months: Map<string, PublishedBrief[]>
  assets: AssetInfo[]
  /** Brief cards as HTML, rendered once per build for every list page that shows them (templates/brief-list.ts). */
  cards?: CardMemo | undefined
}

export const MAIN_NAMES: Record<string, string> = {BTC: 'Bitcoin', ETH: 'Ethereum', SOL: 'Solana'}

export function siteContext(published: readonly PublishedBrief[], config: Config, missing: readonly string[] = []): SiteContext {
  const newestFirst = [...published].reverse()
  return {
    config,
    published,
    newestFirst,
    categories: categoryFolders(published.map((item) => item.category)),
    tags: tagGroups(newestFirst),
    missing,
    years: groupBy(newestFirst, (item) => item.date.slice(0, 4)),
    months: groupBy(newestFirst, (item) => item.date.slice(0, 7)),
    assets: assetsOf(published, config)
  }
}

function assetsOf(published: readonly PublishedBrief[], config: Config): AssetInfo[] {
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
  // Days with a chart figure, counted without building the daily series:
  // symbols quoted every day without a price (4,000 days each) get no page.
  const daysBySymbol = new Map<string, number>()
  for (const [symbol, quotes] of bySymbol) {
    const days = new Set<string>()
    for (const {item, quote} of quotes) {
      const value = chartValue(quote)
      if (value !== undefined && Number.isFinite(value)) days.add(item.data.date)
    }
    daysBySymbol.set(symbol, days.size)
  }
  const {kept} = assetsWithPages(daysBySymbol, config.assetPages)
  const symbols = [...MAIN_ASSETS, ...[...kept].filter((symbol) => !(MAIN_ASSETS as readonly string[]).includes(symbol)).sort()]
  return symbols.map((symbol) => {
    const quotes = bySymbol.get(symbol) ?? []
    // Oldest first, only the briefs that quote the symbol: its series is the same as across the whole archive.
    const points = assetSeries(quotes.map(({item}) => item.data).reverse(), symbol)
    return {symbol, name: quotes[0]?.quote.asset ?? MAIN_NAMES[symbol] ?? symbol, folder: assetFolder(symbol), points, quotes}
  })
}

export const monthName = (month: string) => monthOf(`${month}-01`)

/** What a page is made from: briefs (as their content key and folder), lists of briefs, and plain values. */
export type PageDependency = PublishedBrief | readonly PublishedBrief[] | string | number | boolean | null | undefined | readonly string[]

/**
 * The page with its reuse key: a digest of its kind, its file and
 * `dependsOn`, everything it shows (as Eleventy's dependency lists). With
 * the cache only: a page whose key is unchanged since the previous build is
 * taken from that build, with the files written beside it. The code and
 * config are in every brief's key; without one (no cache) the page has no key.
 */
export function keyed(dependsOn: readonly PageDependency[], page: SitePage): SitePage {
  let cached = true
  const identity = (item: PublishedBrief) => {
    const key = item.brief.file.data.briefKey
    if (typeof key !== 'string') cached = false
    return `${key}@${item.folder}`
  }
  const isBrief = (part: unknown): part is PublishedBrief => typeof part === 'object' && part !== null && 'brief' in part
  const flat = dependsOn.map((part) => (isBrief(part) ? identity(part) : Array.isArray(part) ? part.map((entry: unknown) => (isBrief(entry) ? identity(entry) : entry)) : part))
  if (!cached) return page
  return {...page, key: createHash('sha256').update(JSON.stringify([page.kind, page.file, flat])).digest('hex')}
}

export function folderPage(kind: PageKind, folder: string, lastmod: string | undefined, render: () => Root): SitePage {
  return {kind, file: `${folder}index.html`, url: folder, lastmod, sitemap: true, render}
}

/**
 * The year pages below `folder` (`category/crypto/2025/`, `assets/btc/2025/`),
 * newest first: each with its items, its relative links and the years
 * around it; and the links to them from `folder`'s own page, with counts.
 */
export function yearPagesBelow<T>(folder: string, byYear: ReadonlyMap<string, readonly T[]>) {
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
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

/** What a build may take from the previous one (src/cache/manifest.ts keeps it). */
export interface PageReuse {
  /** The previous site, as that build wrote it. */
  dir: string
  /** Site-relative file → key, of the previous build. */
  keys: ReadonlyMap<string, string>
}

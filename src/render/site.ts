/**
 * The build's render stage: the per-brief renderer (run while a brief's tree
 * is in memory), the choice of briefs to publish, and the writer of the whole
 * site. The pages themselves are built in src/render/pages/, from the page
 * model (src/render/page-model.ts).
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import {toHtml} from 'hast-util-to-html'
import {DeferredBody, hasErrors, type Brief, type BriefContext} from '../brief.js'
import type {Config} from '../config/schema.js'
import {briefJsonSchema} from '../data/brief-data-schema.js'
import {daySummaryJsonSchema} from '../data/day-summary.js'
import type {SiteWriter} from '../write/atomic-site.js'
import {renderBody} from './body.js'
import {downloadFiles} from './downloads.js'
import {DEFAULT_FEED_LIMIT, feedFiles, renderGroupFeed, type FeedItem} from './feeds.js'
import {feedFigures} from './feed-figures.js'
import {groupFeeds} from './group-feeds.js'
import {ROBOTS_PATH, sitemapFiles} from './sitemap.js'
import {searchScripts} from './search.js'
import {templateFile} from './template-files.js'
import {settleAll, Slots} from '../slots.js'
import {addSeverityBadges} from './severity-badges.js'
import {addContentsAnchors} from './contents.js'
import {compare} from './compare.js'
import {dayCardPath, dayFolder, SITE_CARD_PATH} from './paths.js'
import {siteContext, stringify, type PageReuse, type PublishedBrief, type RenderedBrief, type SitePage} from './page-model.js'
import {pagesOf} from './pages/index.js'
import {socialCard} from '../../templates/social-card.js'
import {FAVICON, FAVICON_PATH} from '../../templates/favicon.js'

/** The build's per-brief stage, run while the tree is in memory. */
export function renderBrief(context: BriefContext): RenderedBrief {
  const body = renderBody(context.tree, context.citations, {allowedImageHosts: context.config.allowedImageHosts})
  addSeverityBadges(body.tree, context.extracted.headlines)
  const contents = addContentsAnchors(body.tree, context.extracted)
  const json = context.data ? `${JSON.stringify(context.data, null, 2)}\n` : ''
  return {html: toHtml(body.tree), images: body.images, json, contents, evidence: context.data?.evidence ?? {}}
}

/** The parts of a rendered body a published brief holds: empty while the body waits in the cache, and once its page is written. */
function bodyParts(body: RenderedBrief | undefined): RenderedBrief {
  return {html: body?.html ?? '', contents: body?.contents ?? [], images: body?.images ?? [], json: body?.json ?? '', evidence: body?.evidence ?? {}}
}

export interface Selection {
  /** Oldest first. */
  published: PublishedBrief[]
  /** Briefs with errors (only built with --keep-going, and then left out). */
  broken: Brief[]
  /** Days with no page because their brief has errors, oldest first: their neighbours' pagers say so. */
  missing: string[]
  /** `draft: true` briefs left out (without --drafts). */
  drafts: Brief[]
}

/** Chooses the briefs that make it into the site, oldest first. */
export function selectBriefs(briefs: readonly Brief[], options: {drafts: boolean}): Selection {
  const selection: Selection = {published: [], broken: [], drafts: [], missing: []}
  const byFolder = new Map<string, PublishedBrief>()
  // By date, then path.
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
      ...bodyParts(rendered instanceof DeferredBody ? undefined : rendered),
      body: rendered instanceof DeferredBody ? (rendered.load as () => Promise<RenderedBrief>) : undefined
    }
    byFolder.set(folder, item)
    selection.published.push(item)
  }
  // A broken brief's day, when it has a date and no other brief of that day has a page.
  const published = new Set(selection.published.map((item) => item.date))
  // A brief whose front matter is refused still names its day (`claimed`).
  const dates = selection.broken.flatMap((brief) => {
    const date = brief.frontMatter?.date ?? brief.claimed?.date
    return hasErrors(brief) && date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? [date] : []
  })
  selection.missing = [...new Set(dates)].filter((date) => !published.has(date)).sort(compare)
  return selection
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
  /** Days left out for their errors (Selection.missing), named by their neighbours' pagers. */
  missing?: readonly string[] | undefined
}

/** Writes every page and file of the site; returns how many HTML pages were written. */
export async function writeSite(published: readonly PublishedBrief[], config: Config, writer: SiteWriter, options: WriteSiteOptions = {}): Promise<number> {
  // A brief's card is rendered once for all the list pages that show it.
  const context = {...siteContext(published, config, options.missing), cards: new Map<string, string>()}
  const pages = pagesOf(context)
  const {previous, keys} = options
  // The previous build's files by key: a page and the files written beside it (brief.json, images) share one.
  const byKey = new Map<string, string[]>()
  if (previous) for (const [file, key] of previous.keys) byKey.set(key, [...(byKey.get(key) ?? []), file])
  const reuse = async (files: readonly string[]) => {
    if (!previous || !writer.reuse) return false
    return writer.reuse(files.map((file) => ({path: file, source: `${previous.dir}${path.sep}${file}`})))
  }
  // Pages are written a few at a time: while one waits for its body to be
  // read or its files to land, the next is rendered. Keys are gathered per
  // page and set in page order; after a failure no further page starts.
  const slots = new Slots(PAGES_IN_FLIGHT)
  let failed = false
  const writePage = async (page: SitePage, own: Array<[string, string]>): Promise<void> => {
    const item = page.item
    // Unchanged since the previous build: the page and the files beside it
    // are taken from there, without reading the body or rendering.
    const kept = page.key && byKey.get(page.key)
    if (page.key && kept && kept.includes(page.file) && (await reuse(kept))) {
      for (const file of kept) own.push([file, page.key])
      return
    }
    // A body left in the cache is read for its page only, then let go: the
    // build never holds every body at once.
    const body = item?.body && (await item.body())
    if (item && body) Object.assign(item, bodyParts(body))
    const files = [page.file]
    const writes = [writer.write(page.file, stringify(page.render()))]
    if (item) {
      // The day's data, its picture for sharing, and its embedded images: written beside the page, under its key.
      files.push(`${item.folder}brief.json`, dayCardPath(item.folder), ...item.images.map((image) => `${item.folder}${image.name}`))
      writes.push(writer.write(files[1]!, item.json), writer.write(files[2]!, socialCard({siteTitle: config.siteTitle, date: item.date, title: item.title, figures: item.data})))
      for (const [index, image] of item.images.entries()) writes.push(writer.write(files[index + 3]!, image.bytes))
    }
    if (page.key) for (const file of files) own.push([file, page.key])
    if (item && body) Object.assign(item, bodyParts(undefined))
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
    await writeFixed('style.css', await templateFile('style.css'))
    await writeFixed(FAVICON_PATH, FAVICON)
    await writeFixed(SITE_CARD_PATH, socialCard({siteTitle: config.siteTitle, title: config.siteDescription || config.siteTitle}))
    for (const script of await searchScripts()) await writeFixed(script.path, script.content)
    await writeFixed(SCHEMA_PATH, `${JSON.stringify(briefJsonSchema(), null, 2)}\n`)
    await writeFixed(SUMMARY_SCHEMA_PATH, `${JSON.stringify(daySummaryJsonSchema(), null, 2)}\n`)
    const newestFirst = [...published].reverse()
    const site = {title: config.siteTitle, description: config.siteDescription, baseUrl: config.baseUrl}
    const feedOptions = {content: config.feedContent}
    const sitemapPages = pages.filter((page) => page.sitemap).map((page) => ({path: page.url, ...(page.lastmod && {lastmod: page.lastmod})}))
    for (const file of [...feedFiles(site, await feedItems(newestFirst, config), feedOptions), ...sitemapFiles(config.baseUrl, sitemapPages), ...downloadFiles(published.map((item) => item.data))]) {
      await (file.path === ROBOTS_PATH ? writeFixed : writer.write.bind(writer))(file.path, file.content)
    }
    // One feed at a time, so that with full text only one feed's bodies are held;
    // keyed by their bytes, an unchanged feed stays where it is.
    for (const {head, items} of groupFeeds(context)) await writeFixed(head.path, renderGroupFeed(site, head, await feedItems(items, config), feedOptions))
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

/**
 * The feed items of the newest briefs of `newestFirst` (days are unique, so
 * the feeds carry the first DEFAULT_FEED_LIMIT): with `feedContent: "full"`
 * their bodies are read, else their key figures are written.
 */
async function feedItems(newestFirst: readonly PublishedBrief[], config: Config): Promise<FeedItem[]> {
  return Promise.all(
    newestFirst.slice(0, DEFAULT_FEED_LIMIT).map(async (item) => ({
      date: item.date,
      title: item.title,
      url: item.folder,
      summary: item.excerpt,
      html: config.feedContent !== 'full' ? '' : item.body ? (await item.body()).html : item.html,
      figures: feedFigures(item.data),
      category: item.category
    }))
  )
}

/** Pages rendered and written at once by writeSite. */
const PAGES_IN_FLIGHT = 8

/** Where the JSON Schema of `brief.json` is published. */
export const SCHEMA_PATH = 'schema/brief.schema.json'
/** Where the JSON Schema of each entry of `data/briefs.json` is published. */
export const SUMMARY_SCHEMA_PATH = 'schema/day-summary.schema.json'

export type {PageReuse, PublishedBrief, RenderedBrief} from './page-model.js'

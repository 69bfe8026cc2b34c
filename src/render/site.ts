import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'hast'
import {hasErrors, type Brief, type BriefContext} from '../brief.js'
import type {Config} from '../config/schema.js'
import {briefJsonSchema, type BriefData} from '../data/brief-data-schema.js'
import type {SiteWriter} from '../write/atomic-site.js'
import {dayPage} from '../../templates/day.js'
import {indexPage} from '../../templates/index-page.js'
import {layout} from '../../templates/layout.js'
import {renderBody} from './body.js'
import {assetSeries} from './chart-data.js'
import {downloadFiles} from './downloads.js'
import {FEED_PATHS, feedFiles} from './feeds.js'
import {sitemapFiles} from './sitemap.js'
import {addSeverityBadges} from './severity-badges.js'
import type {ImageAsset} from './offsite-images.js'
import {dayFolder, pageLink, rootFrom} from './paths.js'

/** What the build keeps of each brief once its tree is released. */
export interface RenderedBrief {
  /** Sanitized HTML of the body. */
  html: string
  images: ImageAsset[]
  furtherSources: number
}

/** The build's per-brief stage, run while the tree is in memory. */
export function renderBrief(context: BriefContext): RenderedBrief {
  const body = renderBody(context.tree, context.citations, {allowedImageHosts: context.config.allowedImageHosts})
  addSeverityBadges(body.tree, context.extracted.headlines)
  return {html: toHtml(body.tree), images: body.images, furtherSources: body.furtherSources}
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
  /** The day's structured data, as written to `brief.json`. */
  data: BriefData
  html: string
  images: ImageAsset[]
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
    const rendered = brief.rendered as RenderedBrief | undefined
    if (!fm || !rendered || !brief.data || hasErrors(brief)) {
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
      data: brief.data,
      html: rendered.html,
      images: rendered.images
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

/** Writes every page of the site; returns how many HTML pages were written. */
export async function writeSite(published: readonly PublishedBrief[], config: Config, writer: SiteWriter): Promise<number> {
  let pages = 0
  const feedLinks = (root: string) => ({atom: `${root}${FEED_PATHS.atom}`, rss: `${root}${FEED_PATHS.rss}`, json: `${root}${FEED_PATHS.json}`})
  for (const [index, item] of published.entries()) {
    const previous = published[index - 1]
    const next = published[index + 1]
    const root = rootFrom(item.folder)
    const page = layout({
      siteTitle: config.siteTitle,
      pageTitle: item.title,
      description: item.excerpt,
      root,
      feeds: feedLinks(root),
      previous: previous && pageLink(item.folder, previous.folder),
      next: next && pageLink(item.folder, next.folder),
      main: dayPage({item, previous, next, link: (to) => pageLink(item.folder, to.folder), indexHref: `${root}index.html`})
    })
    await writer.write(`${item.folder}index.html`, stringify(page))
    await writer.write(`${item.folder}brief.json`, `${JSON.stringify(item.data, null, 2)}\n`)
    for (const image of item.images) await writer.write(`${item.folder}${image.name}`, image.bytes)
    pages++
  }
  const newestFirst = [...published].reverse()
  const data = published.map((item) => item.data)
  const btc = assetSeries(data, 'BTC')
  const index = layout({
    siteTitle: config.siteTitle,
    pageTitle: config.siteTitle,
    description: config.siteDescription,
    root: '',
    feeds: feedLinks(''),
    main: indexPage({siteTitle: config.siteTitle, description: config.siteDescription, items: newestFirst, link: (to) => pageLink('', to.folder), btc})
  })
  await writer.write('index.html', stringify(index))
  pages++
  await writer.write('style.css', await stylesheet())
  await writer.write(SCHEMA_PATH, `${JSON.stringify(briefJsonSchema(), null, 2)}\n`)
  const site = {title: config.siteTitle, description: config.siteDescription, baseUrl: config.baseUrl}
  const feedItems = newestFirst.map((item) => ({date: item.date, title: item.title, url: item.folder, summary: item.excerpt, html: item.html, category: item.category}))
  const sitemapPages = [{path: '', ...(newestFirst[0] && {lastmod: newestFirst[0].date})}, ...published.map((item) => ({path: item.folder, lastmod: item.date}))]
  for (const file of [...feedFiles(site, feedItems), ...sitemapFiles(config.baseUrl, sitemapPages), ...downloadFiles(data)]) {
    await writer.write(file.path, file.content)
  }
  return pages
}

/** Where the JSON Schema of `brief.json` is published. */
export const SCHEMA_PATH = 'schema/brief.schema.json'

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

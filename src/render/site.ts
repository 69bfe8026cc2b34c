import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'hast'
import {hasErrors, type Brief, type BriefContext} from '../brief.js'
import type {Config} from '../config/schema.js'
import type {SiteWriter} from '../write/atomic-site.js'
import {dayPage} from '../../templates/day.js'
import {indexPage} from '../../templates/index-page.js'
import {layout} from '../../templates/layout.js'
import {renderBody} from './body.js'
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
    if (!fm || !rendered || hasErrors(brief)) {
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
  for (const [index, item] of published.entries()) {
    const previous = published[index - 1]
    const next = published[index + 1]
    const root = rootFrom(item.folder)
    const page = layout({
      siteTitle: config.siteTitle,
      pageTitle: item.title,
      description: item.excerpt,
      root,
      previous: previous && pageLink(item.folder, previous.folder),
      next: next && pageLink(item.folder, next.folder),
      main: dayPage({item, previous, next, link: (to) => pageLink(item.folder, to.folder), indexHref: `${root}index.html`})
    })
    await writer.write(`${item.folder}index.html`, stringify(page))
    for (const image of item.images) await writer.write(`${item.folder}${image.name}`, image.bytes)
    pages++
  }
  const newestFirst = [...published].reverse()
  const index = layout({
    siteTitle: config.siteTitle,
    pageTitle: config.siteTitle,
    description: config.siteDescription,
    root: '',
    main: indexPage({siteTitle: config.siteTitle, description: config.siteDescription, items: newestFirst, link: (to) => pageLink('', to.folder)})
  })
  await writer.write('index.html', stringify(index))
  pages++
  await writer.write('style.css', await stylesheet())
  return pages
}

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

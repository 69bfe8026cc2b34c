import {readFile} from 'node:fs/promises'
import {toHtml} from 'hast-util-to-html'
import type {Brief, BriefContext} from '../brief.js'
import type {Config} from '../config/schema.js'
import type {AtomicSiteWriter} from '../write/atomic-site.js'
import {layout} from '../../templates/layout.js'
import {dayPage} from '../../templates/day.js'
import {indexPage} from '../../templates/index-page.js'
import {renderBody} from './body.js'

/** What the build keeps of each brief once its tree is released. */
export interface RenderedBrief {
  /** Sanitized HTML of the body. */
  html: string
}

/** The build's per-brief stage, run while the tree is in memory. */
export function renderBrief(context: BriefContext): RenderedBrief {
  return {html: toHtml(renderBody(context.tree))}
}

export interface PublishedBrief {
  brief: Brief
  date: string
  title: string
  /** Site-relative folder of the day page, `YYYY/MM/DD/`. */
  path: string
  html: string
}

/** Briefs that make it into the site, oldest first. */
export function publishable(briefs: readonly Brief[], drafts: boolean): PublishedBrief[] {
  const published: PublishedBrief[] = []
  for (const brief of briefs) {
    const fm = brief.frontMatter
    const rendered = brief.rendered as RenderedBrief | undefined
    if (!fm || !rendered) continue
    if (fm.draft && !drafts) continue
    published.push({brief, date: fm.date, title: fm.title, path: `${fm.date.replaceAll('-', '/')}/`, html: rendered.html})
  }
  return published.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

const stringify = (tree: Parameters<typeof toHtml>[0]) => toHtml(tree, {allowDangerousHtml: true}) + '\n'

/** Writes every page of the site; returns how many pages were written. */
export async function writeSite(published: readonly PublishedBrief[], config: Config, writer: AtomicSiteWriter): Promise<number> {
  let pages = 0
  for (const [index, item] of published.entries()) {
    const root = '../../../'
    const previous = published[index - 1]
    const next = published[index + 1]
    const main = dayPage({item, root, previous, next})
    await writer.write(`${item.path}index.html`, stringify(layout({siteTitle: config.siteTitle, pageTitle: item.title, root, main})))
    pages++
  }
  const newestFirst = [...published].reverse()
  await writer.write('index.html', stringify(layout({siteTitle: config.siteTitle, pageTitle: config.siteTitle, root: '', main: indexPage({items: newestFirst, root: ''})})))
  pages++
  await writer.write('style.css', await readFile(new URL('../../../templates/style.css', import.meta.url)))
  return pages
}

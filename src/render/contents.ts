import GithubSlugger from 'github-slugger'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Extracted} from '../extract/brief-data.js'
import {visit} from '../visit.js'
import {CLOBBER_PREFIX} from './sanitize-schema.js'

/** One line of a day's table of contents: a section, with the headlines it holds. */
export interface ContentsEntry {
  /** The target's id in the rendered body. */
  id: string
  title: string
  headlines: Array<{id: string; title: string}>
}

/** Where a title may be, most preferred first: a heading, a bold line, a list item or a table cell. */
const TARGETS = ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'td'] as const

/**
 * The day page's table of contents: each section and headline the extract
 * stage found, located in the rendered body by the line it starts on (the
 * positions remark-rehype keeps) and given an id there. Ids are GitHub's
 * slugs of the titles with the sanitizer's `user-content-` prefix, as the
 * brief's own headings would have on GitHub, so an author's `#market-overview`
 * link (prefixed by fragment-links) reaches the same place. A title already
 * carrying an id keeps it. Runs after sanitizing: the ids are Briefpress's.
 * Fewer than two sections give no table.
 */
export function addContentsAnchors(tree: Root, structure: Pick<Extracted, 'sections' | 'headlines'>): ContentsEntry[] {
  const lines = new Set([...structure.sections, ...structure.headlines].map((item) => item.line))
  const byLine = new Map<number, Element[]>()
  const taken = new Set<string>()
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') taken.add(node.properties.id)
    const line = node.position?.start.line
    if (line === undefined || !lines.has(line) || !(TARGETS as readonly string[]).includes(node.tagName)) return
    byLine.set(line, [...(byLine.get(line) ?? []), node])
  })
  const slugger = new GithubSlugger()
  const used = new Set<Element>()
  const anchor = (line: number, title: string): string | undefined => {
    const found = byLine.get(line) ?? []
    const target = TARGETS.map((tag) => found.find((element) => element.tagName === tag)).find(Boolean)
    // A title inside hidden HTML was dropped with it; one element is one entry.
    if (!target || used.has(target)) return undefined
    used.add(target)
    if (typeof target.properties.id === 'string') return target.properties.id
    let id: string
    do id = CLOBBER_PREFIX + slugger.slug(title || toString(target))
    while (taken.has(id))
    taken.add(id)
    target.properties.id = id
    return id
  }
  const entries: ContentsEntry[] = []
  for (const section of structure.sections) {
    const id = anchor(section.line, section.title)
    if (!id) continue
    const headlines = structure.headlines
      .filter((headline) => headline.line > section.line && headline.line <= section.endLine)
      .flatMap((headline) => {
        const headlineId = anchor(headline.line, headline.title)
        return headlineId ? [{id: headlineId, title: headline.title}] : []
      })
    entries.push({id, title: section.title, headlines})
  }
  return entries.length >= 2 ? entries : []
}

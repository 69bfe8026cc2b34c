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
  const taken = new Set<string>()
  const targets = elementsOnLines(tree, lines, TARGETS, (node) => {
    if (typeof node.properties.id === 'string') taken.add(node.properties.id)
  })
  const slugger = new GithubSlugger()
  const used = new Set<Element>()
  const anchor = (line: number, title: string): string | undefined => {
    const target = targets.get(line)
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

/**
 * For each of `lines`, the element of the rendered body that starts on it
 * (remark-rehype keeps the original file's positions) with the tag earliest
 * in `preference`, the first in the document on a tie. `each` sees every element.
 */
export function elementsOnLines(tree: Root, lines: ReadonlySet<number>, preference: readonly string[], each?: (node: Element) => void): Map<number, Element> {
  const found = new Map<number, Element>()
  visit(tree, 'element', (node) => {
    each?.(node)
    const line = node.position?.start.line
    if (line === undefined || !lines.has(line)) return
    const rank = preference.indexOf(node.tagName)
    const best = found.get(line)
    if (rank !== -1 && (!best || rank < preference.indexOf(best.tagName))) found.set(line, node)
  })
  return found
}

import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {visit} from '../visit.js'

/**
 * The brief's sources after sanitizing: every citation shows its domain next
 * to the link, in-text references show it on hover, and back-links that lead
 * nowhere are removed.
 */

/** `https://www.coindesk.com/…` → `coindesk.com`; undefined for anything but http(s). */
export function domainOf(href: string): string | undefined {
  try {
    const url = new URL(href)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return url.hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

const classes = (node: Element): unknown[] => (Array.isArray(node.properties.className) ? node.properties.className : [])
const isElement = (node: unknown, tagName: string): node is Element =>
  (node as Element).type === 'element' && (node as Element).tagName === tagName

/** The footnotes `<section>` remark-rehype appended, if any. */
export function footnoteSection(tree: Root): Element | undefined {
  return tree.children.find((node): node is Element => isElement(node, 'section') && node.properties.dataFootnotes !== undefined && classes(node).includes('footnotes'))
}

/** Adds ` <span class="source-domain">coindesk.com</span>` after the first web link of a source. */
export function addDomain(item: Element): string | undefined {
  let domain: string | undefined
  visit(item, 'element', (node, index, parent) => {
    if (domain || node.tagName !== 'a' || node.properties.dataFootnoteBackref !== undefined || !parent || index === undefined) return
    domain = domainOf(String(node.properties.href ?? ''))
    if (!domain) return
    parent.children.splice(index + 1, 0, {type: 'text', value: ' '}, h('span.source-domain', domain))
    return false
  })
  return domain
}

/**
 * Removes back-links whose reference is gone (it sat in hidden HTML the
 * renderer dropped) and returns the footnotes left with no reference at all,
 * taken out of the list, so the caller can show them as further sources.
 */
export function takeOrphanFootnotes(tree: Root, section: Element): Element[] {
  const ids = new Set<string>()
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id)
  })
  const list = section.children.find((node): node is Element => isElement(node, 'ol'))
  if (!list) return []
  const orphans: Element[] = []
  list.children = list.children.filter((item) => {
    if (!isElement(item, 'li')) return true
    let backrefs = 0
    let kept = 0
    visit(item, 'element', (node, index, parent) => {
      if (node.tagName !== 'a' || node.properties.dataFootnoteBackref === undefined || !parent || index === undefined) return
      backrefs++
      if (ids.has(String(node.properties.href ?? '').slice(1))) {
        kept++
        return
      }
      // The back-link and the space remark-rehype put before it.
      const before = parent.children[index - 1]
      const start = before?.type === 'text' && before.value === ' ' ? index - 1 : index
      parent.children.splice(start, index + 1 - start)
      return start
    })
    if (backrefs > 0 && kept === 0) {
      delete item.properties.id
      orphans.push(item)
      return false
    }
    return true
  })
  return orphans
}

/** Shows each source's domain in the list, and on hover over the in-text reference. */
export function annotateFootnotes(tree: Root, section: Element): void {
  const domains = new Map<string, string>()
  visit(section, 'element', (node) => {
    if (node.tagName !== 'li') return
    const domain = addDomain(node)
    if (domain && typeof node.properties.id === 'string') domains.set(node.properties.id, domain)
    return 'skip'
  })
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'a' || node.properties.dataFootnoteRef === undefined) return
    const domain = domains.get(String(node.properties.href ?? '').slice(1))
    if (domain) node.properties.title = domain
  })
}

/** The collapsed "Further sources (N)" list. */
export function furtherSources(items: readonly ElementContent[]): Element {
  for (const item of items) if (isElement(item, 'li')) addDomain(item)
  const count = items.filter((item) => isElement(item, 'li')).length
  return h('details.further-sources', [
    h('summary', `Further sources (${count})`),
    h('p.further-note', 'Listed by the brief without being cited in its text.'),
    h('ul', [...items])
  ])
}

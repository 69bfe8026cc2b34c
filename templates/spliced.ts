import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'

/**
 * `element` with `children` (HTML strings) as its content, as one raw node:
 * the bytes hast-util-to-html writes for the element with those children as
 * raw nodes, without walking thousands of nodes (an asset table has a row
 * per day, the category page a card per brief). The site stringifies pages
 * with raw HTML allowed.
 */
export function spliced(element: Element, children: readonly string[]): Element {
  const close = `</${element.tagName}>`
  const empty = toHtml({...element, children: []})
  if (!empty.endsWith(close)) throw new Error(`Cannot splice children into <${element.tagName}>`)
  return {type: 'raw', value: `${empty.slice(0, -close.length)}${children.join('')}${close}`} as unknown as Element
}

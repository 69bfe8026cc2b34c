import type {Root} from 'hast'
import {h} from 'hastscript'
import {SKIP, visit} from '../visit.js'

/**
 * Wraps every table in a scrolling box, so a wide price table scrolls inside
 * the page instead of making the whole page overflow on a phone. The box is
 * focusable so keyboard users can scroll it too.
 */
export default function rehypeScrollTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return
      parent.children[index] = h('div.table-scroll', {tabIndex: 0}, [node])
      return [SKIP, index + 1]
    })
  }
}

import type {Element, Root} from 'hast'
import {SKIP, visit} from '../visit.js'

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i

/**
 * Removes raw-HTML elements the author hid (`style="display:none"`,
 * `visibility:hidden`, the `hidden` attribute). Runs before the sanitizer,
 * which strips every `style`: without this step, hidden content such as a
 * span of `[^32][^33]…` references would become visible.
 */
export default function rehypeDropHidden() {
  return (tree: Root) => {
    const emptied = new Set<Element>()
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !isHidden(node)) return
      parent.children.splice(index, 1)
      // A paragraph that held only the hidden span would stay as an empty gap.
      if (parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child.type === 'text' && !child.value.trim())) {
        parent.children = []
        emptied.add(parent)
      }
      return [SKIP, index]
    })
    if (emptied.size === 0) return
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !emptied.has(node)) return
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

function isHidden(node: Element): boolean {
  const {style, hidden} = node.properties
  return (hidden !== undefined && hidden !== false && hidden !== null) || (typeof style === 'string' && HIDING_STYLE.test(style))
}

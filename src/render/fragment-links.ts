import type {Root} from 'hast'
import {visit} from '../visit.js'
import {CLOBBER_PREFIX} from './sanitize-schema.js'

/**
 * Points in-page links (`#fn-1`, `#fnref-1`, an author's `#section`) at the
 * ids the sanitizer prefixed with `user-content-`. GitHub does this in the
 * browser with a script; a page without scripts must do it at build time.
 * Footnotes are generated without a prefix (remark-rehype `clobberPrefix: ''`)
 * so that ids and links carry exactly one.
 */
export default function rehypeFragmentLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href
      if (typeof href !== 'string' || !href.startsWith('#') || href.length === 1) return
      if (!href.startsWith(`#${CLOBBER_PREFIX}`)) node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`
    })
  }
}

import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

// Raw HTML in briefs is parsed (rehype-raw) and then sanitized with GitHub's
// rules, which keep footnote ids and links working under the
// `user-content-` prefix and drop scripts, event handlers and iframes.
const toSafeHast = unified()
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .freeze()

/** Renders a brief's body to a sanitized hast tree. */
export function renderBody(tree: Root): HastRoot {
  return toSafeHast.runSync(tree) as HastRoot
}

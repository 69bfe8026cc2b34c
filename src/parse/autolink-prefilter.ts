import type {Nodes, Root} from 'mdast'
import type {Extension as FromMarkdownExtension, Transform} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'

/**
 * remark-gfm turns bare URLs and emails into links after parsing, with a
 * transform (mdast-util-gfm-autolink-literal 2.1.0) that runs
 * mdast-util-find-and-replace with four expressions: four full walks of the
 * tree with ancestor checks, about 2.7 s of the 24 s that remark-parse takes
 * on 1,000 briefs, although hardly any text in a brief contains a link.
 *
 * This plugin keeps that transform but calls it only on the root's children
 * that hold a text node, outside links, which could match: none of the 46,800
 * in 300 generated bench briefs, where the transform's time fell from about
 * 1.2 s to 0.05 s. Same output, because:
 * - every expression needs `http://`, `https://` or `www.` (the URL one,
 *   case-insensitive) or an `@` between [\w+\-.] and [\w-] (the xmpp:,
 *   mailto: and email ones), so the transform leaves a child without such
 *   a text node exactly as it was;
 * - the transform never enters `link` or `linkReference` nodes (its
 *   `ignore`), so neither does the check;
 * - a replacement only splices the text node's own parent, which lies inside
 *   that top-level child unless the child is itself a text node (then we run
 *   the transform on the whole tree, as before);
 * - the root is never ignored, and the replace functions read a match's
 *   input and index, not its ancestors (which would lack the root).
 */
const mayMatch = /https?:\/\/|www\.|[\w+\-.]@[\w-]/i

/** unified plugin; use it after remark-gfm. */
export function autolinkPrefilter(this: Processor): void {
  const data = this.data() as {fromMarkdownExtensions?: ExtensionList}
  if (data.fromMarkdownExtensions) data.fromMarkdownExtensions = withPrefilter(data.fromMarkdownExtensions)
}

type ExtensionList = Array<FromMarkdownExtension | ExtensionList>

/**
 * A copy of the list (nested as remark-gfm nests it) in which the autolink
 * extension is a copy with the wrapped transform: the extension objects
 * themselves are left alone.
 */
function withPrefilter(list: ExtensionList): ExtensionList {
  return list.map((item) => {
    if (Array.isArray(item)) return withPrefilter(item)
    const original = item.transforms?.[0]
    // Recognised by its handlers; a version with other transforms is left as it is.
    if (item.enter?.literalAutolinkEmail && item.transforms?.length === 1 && original) {
      return {...item, transforms: [prefiltered(original)]}
    }
    return item
  })
}

function prefiltered(original: Transform): Transform {
  return function transformAutolinkLiteralsWhereNeeded(tree: Root) {
    const children = tree.children
    if (tree.type !== 'root' || !Array.isArray(children) || children.some((child) => child.type === 'text')) {
      return original(tree)
    }
    for (const child of children) {
      // The transform only needs a parent; it never replaces the node it is given.
      if (mayHoldLiteral(child)) original(child as unknown as Root)
    }
    return undefined
  }
}

// A plain recursive search rather than src/visit.ts: it stops at the first
// hit without a flag or closure, and measured a little faster on the bench corpus.
function mayHoldLiteral(node: Nodes): boolean {
  if (node.type === 'text') return mayMatch.test(node.value)
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false
  for (const child of node.children) if (mayHoldLiteral(child)) return true
  return false
}

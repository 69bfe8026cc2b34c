import type {Nodes, Root, RootContent} from 'hast'
import rehypeRaw from 'rehype-raw'
import type {VFile} from 'vfile'

/**
 * rehype-raw, run only where there is raw HTML. rehype-raw sends the whole
 * tree through parse5 again, which cost about half as much as parsing the
 * Markdown; most of a brief has no raw HTML at all. Top-level nodes without
 * raw nodes are kept as they are; each run of top-level nodes whose raw HTML
 * opens elements is re-parsed as one fragment, extended until every element
 * it opens is closed (an HTML block `<div>` … Markdown … `</div>` stays one
 * run), so parse5 sees everything an element could wrap, exactly as when it
 * parses the whole document, and the output is the same.
 */
export default function rehypeRawSubtrees() {
  const raw = rehypeRaw() as unknown as (tree: Root, file: VFile) => Root
  return (tree: Root, file: VFile): Root => {
    const children: RootContent[] = []
    let index = 0
    while (index < tree.children.length) {
      const node = tree.children[index]!
      if (!hasRaw(node)) {
        normalise(node)
        children.push(node)
        index++
        continue
      }
      let end = index
      let open = 0
      do {
        open = Math.max(0, open + tagBalance(tree.children[end]!))
        end++
      } while (open > 0 && end < tree.children.length)
      children.push(...raw({type: 'root', children: tree.children.slice(index, end)}, file).children)
      index = end
    }
    tree.children = children
    return tree
  }
}

/**
 * What a trip through parse5 does to nodes without raw HTML: an attribute is
 * a string there, so a `data-*` property set to `true` (such as remark-rehype's
 * `dataFootnoteRef`) comes back as the empty string.
 */
function normalise(node: Nodes): void {
  if (node.type === 'element') {
    for (const key in node.properties) {
      if (node.properties[key] === true && key.startsWith('data')) node.properties[key] = ''
    }
  }
  if ('children' in node) for (const child of node.children) normalise(child)
}

function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true
  if (!('children' in node)) return false
  for (const child of node.children) if (hasRaw(child)) return true
  return false
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?(\/?)>/g

/** Elements opened minus elements closed by the raw HTML in `node`. */
function tagBalance(node: Nodes): number {
  if (node.type === 'raw') {
    let balance = 0
    for (const match of node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').matchAll(TAG)) {
      if (VOID.has(match[2]!.toLowerCase()) || match[3]) continue
      balance += match[1] ? -1 : 1
    }
    return balance
  }
  if (!('children' in node)) return 0
  let balance = 0
  for (const child of node.children) balance += tagBalance(child)
  return balance
}

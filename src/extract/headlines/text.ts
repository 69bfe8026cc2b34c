import type {Nodes} from 'mdast'
import {visit} from '../../visit.js'
import {memoised} from '../memo.js'

const blockTypes = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'footnoteDefinition'])

/**
 * The visible text of a node, one line per source line or block: unlike
 * mdast-util-to-string, hard breaks and block boundaries become newlines
 * (so "Title" and a nested "- Risk: High" do not run together), footnote
 * references and raw HTML are left out, and table cells are split by " | ".
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'footnoteReference':
    case 'html':
    case 'footnoteDefinition':
    case 'definition':
      return ''
    case 'image':
      return node.alt ?? ''
    case 'code':
      return node.value
    case 'tableRow':
      return node.children.map(plainText).join(' | ')
    default:
      break
  }
  if (!('children' in node)) return ''
  const separator = blockTypes.has(node.type) ? '\n' : ''
  return (node.children as Nodes[]).map(plainText).join(separator)
}

/** Non-empty, trimmed lines of a node's text (shared while remembering: do not change the array). */
export const linesOf: (node: Nodes) => string[] = memoised((node: Nodes) =>
  plainText(node)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
)

/** A `[^label]` left as text (no definition, or inside a link GFM did not resolve). */
const literalReference = /\[\^([^\]\s]+)\]/g

/** Footnote labels cited in the nodes, in order of first appearance. */
export function citationLabels(nodes: readonly Nodes[]): string[] {
  const labels = new Set<string>()
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type === 'footnoteReference') labels.add(child.label ?? child.identifier)
      else if (child.type === 'text') for (const match of child.value.matchAll(literalReference)) labels.add(match[1]!)
    })
  }
  return [...labels]
}

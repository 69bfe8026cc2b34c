import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {Citations} from './citations-types.js'

/**
 * Collects footnote definitions and references. (First cut: resolved GFM
 * references only; hidden-span and literal `[^x]` detection to follow.)
 */
export function extractCitations(tree: Root, _text: string): Citations {
  const citations: Citations = {definitions: [], references: []}
  const defined = new Set<string>()
  visit(tree, 'footnoteDefinition', (node) => {
    defined.add(node.identifier)
    citations.definitions.push({
      label: node.label ?? node.identifier,
      identifier: node.identifier,
      url: undefined,
      raw: '',
      position: node.position!
    })
  })
  visit(tree, 'footnoteReference', (node) => {
    citations.references.push({
      label: node.label ?? node.identifier,
      identifier: node.identifier,
      position: node.position!,
      hidden: false,
      defined: defined.has(node.identifier)
    })
  })
  return citations
}

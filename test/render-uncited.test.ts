/**
 * src/render/body.ts lists as "Further sources" the footnote definitions no
 * visible reference cites. It takes the references from the brief's
 * citations and finds definitions without entering paragraphs, headings or
 * tables; without citations it walks the tree for references. Both must give
 * the definitions a walk of the whole tree gives.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {FootnoteDefinition, FootnoteReference, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {extractCitations} from '../src/extract/citations.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {uncitedDefinitions} from '../src/render/body.js'
import {corpusDir, hasShared, projectRoot} from './helpers.js'

/** The definition in full: every reference and definition anywhere in the tree. */
function expected(tree: Root, isHidden: (node: FootnoteReference) => boolean): FootnoteDefinition[] {
  const cited = new Set<string>()
  visit(tree, 'footnoteReference', (node) => {
    if (!isHidden(node)) cited.add(node.identifier)
  })
  const seen = new Set<string>()
  const uncited: FootnoteDefinition[] = []
  visit(tree, 'footnoteDefinition', (node) => {
    if (cited.has(node.identifier) || seen.has(node.identifier)) return
    seen.add(node.identifier)
    uncited.push(node)
  })
  return uncited
}

const dirs = [path.join(projectRoot, 'fixtures'), path.join(projectRoot, 'briefs'), ...(hasShared ? [corpusDir] : [])]
const files = dirs.flatMap((dir) =>
  readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.relative(projectRoot, path.join(dir, file)))
)

const nested = [
  'Visible[^a] and <span style="display:none">hidden[^b]</span>.',
  '',
  '> [^q]: Defined inside a block quote, cited nowhere.',
  '',
  '- item',
  '',
  '  [^l]: Defined inside a list item.',
  '',
  '[^a]: Cited.',
  '[^b]: Cited only in hidden HTML.',
  '[^a]: Defined twice.',
  '[^u]: Uncited, with a nested definition:',
  '',
  '    [^n]: nested inside a definition.',
  '',
  '| a | b |',
  '|---|---|',
  '| [^u] in a table | x |'
].join('\n')

describe('uncited definitions', () => {
  const cases: Array<[string, string]> = [['nested definitions', nested], ...files.map((file): [string, string] => [file, readFileSync(path.resolve(projectRoot, file), 'utf8')])]
  let withHidden = 0
  let withUncited = 0

  it.each(cases)('are the same from the citations, from a walk, and in full: %s', (_name, text) => {
    let tree: Root
    try {
      tree = parseMarkdown(text, 0)
    } catch {
      return // fixtures nested beyond the parser's limits
    }
    const citations = extractCitations(tree, text)
    const hidden = new Set(citations.references.filter((reference) => reference.hidden).map((reference) => reference.position.start.offset))
    const isHidden = (node: FootnoteReference) => hidden.has(node.position?.start.offset)
    const full = expected(tree, isHidden)
    expect(uncitedDefinitions(tree, citations, isHidden)).toEqual(full)
    expect(uncitedDefinitions(tree, undefined, isHidden)).toEqual(full)
    if (hidden.size > 0) withHidden++
    if (full.length > 0) withUncited++
  })

  it('include briefs with hidden references and with uncited definitions', () => {
    expect(withHidden).toBeGreaterThan(0)
    expect(withUncited).toBeGreaterThan(1)
  })

  it('finds definitions nested in block quotes, list items and definitions', () => {
    const tree = parseMarkdown(nested, 0)
    const citations = extractCitations(tree, nested)
    const hidden = new Set(citations.references.filter((reference) => reference.hidden).map((reference) => reference.position.start.offset))
    const labels = uncitedDefinitions(tree, citations, (node) => hidden.has(node.position?.start.offset)).map((node) => node.identifier)
    expect(labels).toEqual(['q', 'l', 'b', 'n'])
  })
})

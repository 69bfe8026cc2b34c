import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {Reporter} from '../src/diagnostics/reporter.js'
import {parseFrontMatter} from '../src/parse/front-matter.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {extractMarketData, type MarketData} from '../src/extract/market/index.js'
import {findSections} from '../src/extract/sections.js'
import {corpusDir} from './helpers.js'

/**
 * Parses a brief the way the pipeline does (front matter blanked, positions
 * into the original text). A body without front matter gets a minimal one, so
 * that snippets stay short; line numbers then start at 5.
 */
export function parseBrief(source: string): {text: string; tree: ReturnType<typeof parseMarkdown>} {
  const text = source.startsWith('---') ? source : `---\ntitle: t\ndate: 2025-11-04\n---\n${source}`
  const block = parseFrontMatter(new VFile({path: 'brief.md', value: text}), text, new Reporter({}))
  if (!block) throw new Error('snippet has no valid front matter')
  return {text, tree: parseMarkdown(text, block.bodyOffset)}
}

/** A whole brief of these body lines, dated `date` (front matter, a blank line, the body): for shapes about where in the brief a figure sits. */
export function extractDated(date: string, ...body: string[]): MarketData {
  const {text, tree} = parseBrief(['---', 'title: t', `date: ${date}`, '---', '', ...body, ''].join('\n'))
  return extractMarketData(tree, text, undefined, {date})
}

/** The quote of one asset, if any. */
export const priceOf = (data: MarketData, symbol: string) => data.prices.find((quote) => quote.symbol === symbol)

/** Front matter takes 4 lines: body line n is file line n + 4. */
export const BODY = 4

/** Reads a corpus brief as the pipeline does, so that lines match the file. */
export function extractCorpusBrief(name: string, dir = corpusDir): {data: MarketData; sections: ReturnType<typeof findSections>} {
  const text = readFileSync(path.join(dir, name), 'utf8')
  const block = parseFrontMatter(new VFile({path: name, value: text}), text, new Reporter({}))
  if (!block) throw new Error(`${name}: no front matter`)
  const tree = parseMarkdown(text, block.bodyOffset)
  const sections = findSections(tree, text)
  return {data: extractMarketData(tree, text, sections, {date: name.slice(0, 10)}), sections}
}


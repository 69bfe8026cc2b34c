/**
 * src/extract/memo.ts: while extractStructure runs, line- and block-level
 * lookups (severities, asset mentions, a block's lines) are remembered for
 * that brief. The result must be exactly what the same extractors give with
 * nothing remembered.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {extractStructure} from '../src/extract/brief-data.js'
import {extractHeadlines} from '../src/extract/headlines/index.js'
import {extractMarketData} from '../src/extract/market/index.js'
import {memoised, remembering} from '../src/extract/memo.js'
import {findSections} from '../src/extract/sections.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {corpusDir, hasShared, projectRoot} from './helpers.js'

describe('memoised', () => {
  it('runs the function every time outside remembering, once per argument inside, and forgets afterwards', () => {
    const calls: string[] = []
    const upper = memoised((text: string) => {
      calls.push(text)
      return {text: text.toUpperCase()}
    })
    upper('a')
    upper('a')
    expect(calls).toEqual(['a', 'a'])
    const [first, second, other] = remembering(() => [upper('b'), upper('b'), upper('c')])
    expect(second).toBe(first)
    expect(other).toEqual({text: 'C'})
    expect(calls).toEqual(['a', 'a', 'b', 'c'])
    remembering(() => upper('b'))
    expect(calls).toEqual(['a', 'a', 'b', 'c', 'b'])
  })

  it('forgets even when the work throws', () => {
    let count = 0
    const counted = memoised((_: string) => ++count)
    expect(() =>
      remembering(() => {
        counted('x')
        throw new Error('boom')
      })
    ).toThrow('boom')
    remembering(() => counted('x'))
    expect(count).toBe(2)
  })
})

describe('extractStructure, remembering', () => {
  const dirs = [path.join(projectRoot, 'fixtures'), path.join(projectRoot, 'briefs'), ...(hasShared ? [corpusDir] : [])]
  const files = dirs.flatMap((dir) =>
    readdirSync(dir, {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.md'))
      .map((file) => path.relative(projectRoot, path.join(dir, file)))
  )

  it.each(files)('gives what the extractors give on their own for %s', (file) => {
    const text = readFileSync(path.resolve(projectRoot, file), 'utf8')
    let tree
    try {
      tree = parseMarkdown(text, 0)
    } catch {
      return // fixtures nested beyond the parser's limits
    }
    const remembered = extractStructure(tree, text)
    const sections = findSections(tree, text)
    expect(remembered.market).toStrictEqual(extractMarketData(tree, text, sections))
    expect(remembered.headlines).toStrictEqual(extractHeadlines(tree, text, sections))
    expect(remembered.sections).toStrictEqual(sections.map(({nodes: _nodes, ...section}) => section))
  })

  it('finds headlines and prices in these files, so the comparison means something', () => {
    let headlines = 0
    let prices = 0
    for (const file of files.filter((name) => name.startsWith('briefs'))) {
      const text = readFileSync(path.resolve(projectRoot, file), 'utf8')
      const extracted = extractStructure(parseMarkdown(text, 0), text)
      headlines += extracted.headlines.length
      prices += extracted.market.prices.length
    }
    expect(headlines).toBeGreaterThan(20)
    expect(prices).toBeGreaterThan(10)
  })
})

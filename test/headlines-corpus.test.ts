import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {Reporter} from '../src/diagnostics/reporter.js'
import {extractHeadlines, headlinesWithoutSeverity, type Headline} from '../src/extract/headlines/index.js'
import {parseFrontMatter} from '../src/parse/front-matter.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {corpusDir, hasShared} from './helpers.js'

/** Parses a brief as the pipeline does, so that positions point into the original file. */
function headlinesOf(file: string): {text: string; headlines: Headline[]} {
  const text = readFileSync(file, 'utf8')
  const block = parseFrontMatter(new VFile({path: file, value: text}), text, new Reporter())
  const tree = parseMarkdown(text, block?.bodyOffset ?? 0)
  return {text, headlines: extractHeadlines(tree, text)}
}

describe.skipIf(!hasShared)('headlines over the real corpus', () => {
  const files = hasShared ? readdirSync(corpusDir).filter((name) => name.endsWith('.md')).sort() : []
  const results = files.map((name) => ({name, ...headlinesOf(path.join(corpusDir, name))}))

  it('reads every brief without crashing and finds headlines in nearly all', () => {
    expect(files.length).toBeGreaterThanOrEqual(118)
    const withHeadlines = results.filter((result) => result.headlines.length > 0)
    // Every brief has a headlines section under some name; a few may hold no item we can read.
    expect(withHeadlines.length / files.length).toBeGreaterThanOrEqual(0.97)
  })

  it('gives each headline a title and a place on its own line in the original file', () => {
    for (const {name, text, headlines} of results) {
      const lines = text.split('\n')
      for (const headline of headlines) {
        expect(headline.title.length, `${name}:${headline.line}`).toBeGreaterThan(2)
        const source = lines[headline.line - 1] ?? ''
        // The title's first word is on the reported line, at or after the column.
        const firstWord = /[\p{L}\p{N}]+/u.exec(headline.title)?.[0] ?? ''
        expect(source.slice(headline.column - 1).replace(/\\/g, ''), `${name}:${headline.line}`).toContain(firstWord)
      }
    }
  })

  it('rates most headlines, and reports the rest', () => {
    const all = results.flatMap((result) => result.headlines.map((headline) => ({name: result.name, headline})))
    const rated = all.filter(({headline}) => headline.severity !== undefined)
    const unrated = results.flatMap((result) => headlinesWithoutSeverity(result.headlines).map((headline) => ({name: result.name, headline})))
    expect(rated.length + unrated.length).toBe(all.length)

    const report = process.env.HEADLINES_REPORT
    if (report) {
      const dump = results.map(({name, headlines}) =>
        [`=== ${name} (${headlines.length})`, ...headlines.map((h) => `${h.line}:${h.column} [${h.severity ?? '-'}${h.severityInherited ? '*' : ''} ${h.severityLabel ?? ''}] ${h.title}${h.whyItMatters ? ' | why' : ''} | ${h.citations.join(',')}`)].join('\n')
      )
      writeFileSync(report, `rated ${rated.length}/${all.length}\n` + dump.join('\n') + '\n')
    }
    // Measured: 757 of 799 headlines rated; the rest are unrated in the briefs themselves.
    expect(all.length).toBeGreaterThan(780)
    expect(rated.length / all.length).toBeGreaterThan(0.92)
  })
})

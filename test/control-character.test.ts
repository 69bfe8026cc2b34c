import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/load.js'
import {cleanMarkup, cleanText, forbiddenCharacters} from '../src/control-characters.js'
import {runPipeline} from '../src/pipeline.js'
import {renderFeeds, renderGroupFeed} from '../src/render/feeds.js'
import {renderBrief, selectBriefs, writeSite} from '../src/render/site.js'
import {sitemapXml} from '../src/render/sitemap.js'
import {writeAtomically} from '../src/write/atomic-site.js'
import {checkJson, tempDir} from './helpers.js'
import {parseXml} from './well-formed.js'
import {listFiles} from './site-helpers.js'

/**
 * `control-character`: what XML 1.0 forbids (C0 controls but tab, LF and
 * CR; lone surrogates; U+FFFE, U+FFFF), and DEL and the C1 controls HTML
 * rejects, are reported at their place in the brief and never reach an
 * output: every XML file the build writes is parsed by a conforming parser.
 */

/** Every inline `<svg>` of a page, as XML. */
const svgsOf = (html: string) => [...html.matchAll(/<svg[\s>][\s\S]*?<\/svg>/g)].map((match) => match[0])

const C0 = Array.from({length: 32}, (_, code) => String.fromCharCode(code))
const C1 = Array.from({length: 33}, (_, index) => String.fromCharCode(0x7f + index))
const SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']
const NONCHARACTERS = ['\uFFFE', '\uFFFF']
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F']
const HOSTILE = [...C0, ...C1, ...SURROGATES, ...NONCHARACTERS, ...BIDI]
const ORDINARY = ['a', 'Z', ' ', '<', '>', '&', '"', "'", ']]>', '&#1;', '&#x0C;', 'é', '\u{1F600}']

/** Text that holds every hostile character at least once, among ordinary ones. */
const hostileText = fc
  .array(fc.oneof({weight: 2, arbitrary: fc.constantFrom(...HOSTILE)}, {weight: 1, arbitrary: fc.constantFrom(...ORDINARY)}), {maxLength: 40})
  .map((pieces) => `x${pieces.join('')}y`)

/** A string as a YAML double-quoted scalar, every character but letters and digits as an escape. */
const yamlQuoted = (text: string) =>
  `"${[...Array.from({length: text.length}, (_, index) => text.charCodeAt(index))].map((code) => (/[A-Za-z0-9 ]/.test(String.fromCharCode(code)) ? String.fromCharCode(code) : `\\u${code.toString(16).padStart(4, '0')}`)).join('')}"`

/** Body text as a file can hold it: NUL would make it binary and lone surrogates are not UTF-8, so those are written as references. */
const asBodyText = (text: string) =>
  text.replace(/\0|\p{Cs}/gu, (char) => `&#x${char.charCodeAt(0).toString(16)};`).replace(/\r/g, ' ').replace(/\n/g, ' ')

function brief(day: number, title: string, summary: string, body: string): string {
  return [
    '---',
    `title: ${yamlQuoted(title)}`,
    `date: 2026-11-${String(day).padStart(2, '0')}`,
    'category: crypto',
    `summary: ${yamlQuoted(summary)}`,
    `tags: [${yamlQuoted(summary.slice(0, 5))}]`,
    '---',
    '',
    '## Market Overview',
    '',
    `- **Bitcoin** trades at **$95,180** (−2.3% in 24h)[^1] ${asBodyText(body)}`,
    '',
    `${asBodyText(body)}[^1]`,
    '',
    `<p>${asBodyText(body)}</p>`,
    '',
    '## Top Headlines',
    '',
    `**1. ${asBodyText(body)} [HIGH]**`,
    '',
    'What happened.[^1]',
    '',
    `[^1]: [${asBodyText(body).replace(/[[\]]/g, '')}](https://news.example.com/a) - ${asBodyText(body)}`,
    ''
  ].join('\n')
}

async function buildSite(dir: string, texts: string[]): Promise<string> {
  await mkdir(path.join(dir, 'briefs'), {recursive: true})
  for (const [index, text] of texts.entries()) await writeFile(path.join(dir, 'briefs', `b${index}.md`), text)
  const config = {...defaultConfig(), siteTitle: 'Site\u0007 title', siteDescription: 'About\u000c it'}
  const result = await runPipeline({paths: ['briefs'], cwd: dir, config, render: renderBrief})
  const selection = selectBriefs(result.briefs, {drafts: false})
  expect(selection.published.length).toBe(texts.length)
  const out = path.join(dir, 'site')
  await writeAtomically(out, (writer) => writeSite(selection.published, config, writer))
  return out
}

describe('control characters in briefs', () => {
  it('every XML output parses and no output holds one, whatever the briefs hold (fast-check)', async () => {
    // The test itself: every hostile character makes the parser fail, and bidi overrides do not.
    for (const char of [...C0.filter((c) => !'\t\n\r'.includes(c)), ...SURROGATES, ...NONCHARACTERS]) {
      expect(() => parseXml(`<a>${char}</a>`, 'probe'), `U+${char.charCodeAt(0).toString(16)}`).toThrow()
    }
    for (const char of BIDI) parseXml(`<a>${char}</a>`, 'probe')

    const dir = await tempDir()
    let run = 0
    const parsed = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileText, hostileText, hostileText), {minLength: 1, maxLength: 3}), async (days) => {
        const root = path.join(dir, String(run++))
        const out = await buildSite(
          root,
          days.map(([title, summary, body], index) => brief(index + 1, title, summary, body))
        )
        for (const file of await listFiles(out)) {
          if (!/\.(?:xml|html|svg|json)$/.test(file)) continue
          const text = await readFile(path.join(out, file), 'utf8')
          expect([...forbiddenCharacters(text)], file).toEqual([])
          // Data files quote the brief's words as written (`&#12;` is text there).
          if (!file.endsWith('.json')) expect(text, file).not.toMatch(/&#(?:x0*[0-8bcef]|x0*1[0-9a-f]|0*(?:[0-8]|1[1247-9]|2[0-9]|3[01]));/i)
          if (file.endsWith('.xml')) {
            parseXml(text, file)
            // Every category's, tag's and asset's feed is parsed too: counted by kind.
            parsed.add(file.replace(/^(category|tag|assets)\/[^/]+\//, '$1/…/'))
          }
          // The pictures for sharing (each day's, the site's) and the favicon.
          if (file.endsWith('.svg')) {
            parseXml(text, file)
            parsed.add(file.replace(/^\d{4}\/\d{2}\/\d{2}\//, 'YYYY/MM/DD/'))
          }
          if (file.endsWith('.html')) {
            for (const svg of svgsOf(text)) {
              parseXml(svg, `an SVG of ${file}`)
              parsed.add('svg')
            }
          }
          if (file.endsWith('.json')) JSON.parse(text)
        }
      }),
      {numRuns: 25}
    )
    expect([...parsed].sort()).toEqual(['YYYY/MM/DD/card.svg', 'assets/…/feed.xml', 'card.svg', 'category/…/feed.xml', 'favicon.svg', 'feed.xml', 'rss.xml', 'sitemap.xml', 'svg', 'tag/…/feed.xml'])
  }, 120_000)

  it('renderFeeds and sitemapXml alone give well-formed XML (fast-check)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (title, summary, html) => {
        const feedSite = {title, description: summary, baseUrl: 'https://example.org/'}
        const items = [{date: '2026-11-20', title, url: '2026/11/20/', summary, html: `<p>${html}</p>`, figures: `<ul><li>${html}</li></ul>`, category: title}]
        // The whole brief (`feedContent: "full"`), and by default the summary and figures.
        const feeds = renderFeeds(feedSite, items, {content: 'full'})
        parseXml(feeds.atom, 'Atom')
        parseXml(feeds.rss, 'RSS')
        const summaries = renderFeeds(feedSite, items)
        parseXml(summaries.atom, 'Atom of summaries')
        parseXml(summaries.rss, 'RSS of summaries')
        parseXml(renderGroupFeed(feedSite, {path: 'tag/x/feed.xml', page: 'tag/x/', title}, items), 'a tag\'s Atom')
        expect([...forbiddenCharacters(JSON.stringify(JSON.parse(feeds.json)))]).toEqual([])
        expect(JSON.stringify(JSON.parse(feeds.json))).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|8[0-9a-f]|9[0-9a-f])|\\ud[89a-f]/i)
        parseXml(sitemapXml('https://example.org/', [{path: `${title}/`}]), 'sitemap')
      }),
      {numRuns: 200}
    )
  })

  it('cleanText drops controls and noncharacters, turns lone surrogates into U+FFFD, keeps pairs, tabs, line ends and bidi marks', () => {
    expect(cleanText('Ca\u0000se\u0007\u000c\u001b\u007f\u0085\uFFFE\uFFFF')).toBe('Case')
    expect(cleanText('a\uD800b\uDC00c\u{1F600}')).toBe('a\uFFFDb\uFFFDc\u{1F600}')
    expect(cleanText('a\tb\nc\rd\u202Ee')).toBe('a\tb\nc\rd\u202Ee')
    expect(cleanMarkup('<p>&#1;&#x0C;&#12;&#xD800;&#65535;&#9;&#x1F600;&amp;</p>')).toBe('<p>&#9;&#x1F600;&amp;</p>')
  })
})

describe('the control-character rule', () => {
  it('reports each character at its place: as is, as a YAML escape, as a character reference; never pairs or code', async () => {
    const dir = await tempDir()
    const text = [
      '---', // 1
      'title: "Ca\\u0000se \\uD83D\\uDE00"', // 2: NUL at column 11; the pair is an emoji
      'date: 2026-11-20',
      'category: crypto',
      'summary: "a\\fb \\uD800"', // 5: \f at 12, lone surrogate at 16
      'tags: [\'a\\u0007\']', // 6: single-quoted: a backslash and letters, not an escape
      '---',
      '',
      'Text with a bell \u0007 and a form\u000cfeed.', // 9: bell at 18, form feed at 30
      '',
      'A reference &#12; and `&#12;` in code.', // 11: reference at 13
      '',
      '```',
      '&#1;',
      '```',
      ''
    ].join('\n')
    await writeFile(path.join(dir, 'brief.md'), text)
    const {report} = await checkJson(['brief.md'], dir)
    const found = report.messages.filter((message) => message.ruleId === 'control-character').map((message) => [message.line, message.column, message.endColumn, message.severity, message.message])
    expect(found).toEqual([
      [2, 11, 17, 'warning', 'Unexpected control character U+0000 (null) written as `\\u0000`, expected printable text'],
      [5, 12, 14, 'warning', 'Unexpected control character U+000C (form feed) written as `\\f`, expected printable text'],
      [5, 16, 22, 'warning', 'Unexpected control character U+D800 (lone surrogate) written as `\\uD800`, expected printable text'],
      [9, 18, 19, 'warning', 'Unexpected control character U+0007 (bell), expected printable text'],
      [9, 30, 31, 'warning', 'Unexpected control character U+000C (form feed), expected printable text'],
      [11, 13, 18, 'warning', 'Unexpected control character U+000C (form feed) written as `&#12;`, expected printable text']
    ])
    // The title is read without the NUL.
    expect(report.messages.filter((message) => message.severity === 'error')).toEqual([])
  })

  it('counts the rest in one message past twenty, and can be turned off', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'brief.md'), `---\ntitle: A day\ndate: 2026-11-20\ncategory: crypto\n---\n\n${'a\u0007'.repeat(30)}\n`)
    const {report} = await checkJson(['brief.md'], dir)
    const found = report.messages.filter((message) => message.ruleId === 'control-character')
    expect(found).toHaveLength(21)
    expect(found[20]!.message).toBe('Unexpected 10 more control characters (U+0007 (bell)), expected printable text')
    expect([found[20]!.line, found[20]!.column]).toEqual([7, 42])
    await writeFile(path.join(dir, 'briefpress.config.json'), '{ "rules": { "control-character": "off" } }\n')
    expect((await checkJson(['brief.md'], dir)).report.messages.filter((message) => message.ruleId === 'control-character')).toEqual([])
  })
})

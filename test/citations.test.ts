import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {citationData, extractCitations} from '../src/extract/citations.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {checkJson} from './helpers.js'

const citationRules = ['undefined-citation', 'duplicate-citation', 'invalid-citation-url', 'suspicious-citation-url', 'unused-citation', 'hidden-citation']

/** Citation messages of one fixture as `line:column-endLine:endColumn severity ruleId`. */
async function findings(name: string) {
  const {report} = await checkJson([path.join('fixtures', 'citations', name)])
  const messages = report.messages.filter((message) => citationRules.includes(message.ruleId ?? ''))
  return {
    places: messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}`),
    messages
  }
}

const frontMatter = '---\ntitle: T\ndate: 2025-11-01\ncategory: crypto\n---\n'

function extract(body: string, text = frontMatter + body) {
  return {text, citations: extractCitations(parseMarkdown(text, frontMatter.length), text)}
}

/** What a reference's position points at in the source. */
function at(text: string, position: {start: {offset?: number}; end: {offset?: number}}): string {
  return text.slice(position.start.offset, position.end.offset)
}

describe('undefined-citation', () => {
  test('one error per undefined [^x], in text, table cells, headings and touching a URL', async () => {
    const {places, messages} = await findings('undefined-citation-invalid.md')
    expect(places).toEqual([
      '7:51-7:55 error undefined-citation',
      '11:12-11:16 error undefined-citation',
      '13:11-13:15 error undefined-citation',
      '15:38-15:42 error undefined-citation'
    ])
    expect(messages[0]!.message).toBe('Unexpected citation `[^2]` with no definition, expected a definition `[^2]: https://…`')
  })

  test('nothing for defined references, escapes, inline code, code blocks and HTML comments', async () => {
    expect((await findings('undefined-citation-valid.md')).places).toEqual([])
  })
})

describe('duplicate-citation', () => {
  test('a second definition of a label (case-insensitive) names the first one', async () => {
    const {places, messages} = await findings('duplicate-citation-invalid.md')
    expect(places).toEqual(['13:1-13:48 error duplicate-citation', '15:1-15:41 error duplicate-citation'])
    expect(messages[0]!.message).toContain('already defined on line 9 (https://example.com/bitcoin-falls)')
    expect(messages[0]!.message).toContain('`[^1]` (https://example.com/another-bitcoin-story)')
    expect(messages[1]!.message).toContain('`[^NOTE]`')
    expect(messages[1]!.message).toContain('`[^note]` is already defined on line 11')
  })

  test('similar but distinct labels are fine', async () => {
    expect((await findings('duplicate-citation-valid.md')).places).toEqual([])
  })
})

describe('invalid-citation-url', () => {
  test('empty, relative, javascript:, data:, bare word, relative link, and http: without //', async () => {
    const {places, messages} = await findings('invalid-citation-url-invalid.md')
    expect(places).toEqual([
      '9:1-9:6 error invalid-citation-url',
      '11:7-11:26 error invalid-citation-url',
      '13:7-13:26 error invalid-citation-url',
      '15:7-15:27 error invalid-citation-url',
      '17:7-17:14 error invalid-citation-url',
      '19:23-19:35 error invalid-citation-url',
      '21:7-21:23 error invalid-citation-url'
    ])
    expect(messages[0]!.message).toBe('Unexpected empty citation target for `[^1]`, expected an absolute http(s) URL such as `https://example.com/article`')
    expect(messages[2]!.message).toContain('`javascript:alert(1)` for `[^3]`')
    expect(messages[5]!.message).toContain('`news/bitcoin` for `[^6]`')
  })

  test('bare, [title](url) - snippet, <url> and upper-case scheme are fine', async () => {
    expect((await findings('invalid-citation-url-valid.md')).places).toEqual([])
  })
})

describe('suspicious-citation-url', () => {
  test('one warning per definition, listing every reason', async () => {
    const {places, messages} = await findings('suspicious-citation-url-invalid.md')
    expect(places).toEqual([
      '9:7-9:42 warning suspicious-citation-url',
      '11:7-11:33 warning suspicious-citation-url',
      '13:7-13:56 warning suspicious-citation-url',
      '15:7-15:62 warning suspicious-citation-url',
      '17:7-17:35 warning suspicious-citation-url',
      '19:7-19:34 warning suspicious-citation-url',
      '21:7-21:27 warning suspicious-citation-url'
    ])
    const texts = messages.map((message) => message.message)
    expect(texts[0]).toBe('Unexpected trailing `.` in citation URL `https://example.com/hashtag/kraken.` of `[^1]`, expected no sentence punctuation at the end')
    expect(texts[1]).toContain('trailing `,`')
    // Backslash escapes are resolved: the URL is what a browser would open.
    expect(texts[2]).toBe(
      'Unexpected literal `...` in citation URL `https://example.com/alerts?coin=...&exchange=...` of `[^3]`, expected the full address instead of an elided one'
    )
    expect(texts[3]).toContain('spaces in citation URL `https://example.com/Special Features/Crypto Monitor.pdf`')
    expect(texts[4]).toContain('`http://`')
    expect(texts[5]).toContain('bare IP address `192.168.1.20` as host')
    expect(texts[6]).toBe(
      'Unexpected trailing `.`, spaces, `http://`, bare IP address `10.0.0.1` as host in citation URL `http://10.0.0.1/a b.` of `[^7]`, expected no sentence punctuation at the end, spaces encoded as `%20`, `https://` where the site supports it, a domain name'
    )
  })

  test('plain `http://` URLs get one warning between them, at the first; a URL broken otherwise keeps its own', async () => {
    const {places, messages} = await findings('suspicious-citation-url-http.md')
    expect(places).toEqual(['11:7-11:48 warning suspicious-citation-url', '15:7-15:29 warning suspicious-citation-url'])
    expect(messages[0]!.message).toBe('Unexpected `http://` in 3 citation URLs, of `[^2]`, `[^3]`, `[^5]`, expected `https://` where the site supports it')
    expect(messages[0]!.actual).toBe('http://eudl.example.org/pdf/10.4108/paper http://status.example.com http://www.example.org.uk/roadmap.pdf')
    expect(messages[1]!.message).toBe(
      'Unexpected spaces, `http://` in citation URL `http://example.net/a b` of `[^4]`, expected spaces encoded as `%20`, `https://` where the site supports it'
    )
  })

  test('dots and commas inside the URL and %20 are fine', async () => {
    expect((await findings('suspicious-citation-url-valid.md')).places).toEqual([])
  })
})

describe('unused-citation', () => {
  test('a definition nothing references', async () => {
    const {places, messages} = await findings('unused-citation-invalid.md')
    expect(places).toEqual(['11:1-11:38 warning unused-citation', '13:1-13:48 warning unused-citation'])
    expect(messages[1]!.message).toBe(
      'Unexpected unused definition `[^orphan]` (https://example.com/also-never-cited), expected a reference `[^orphan]` in the text'
    )
  })

  test('references from table cells and from other footnotes count', async () => {
    expect((await findings('unused-citation-valid.md')).places).toEqual([])
  })
})

describe('hidden-citation', () => {
  test('inline hidden spans: one warning at the first span, with count and compact labels', async () => {
    const {places, messages} = await findings('hidden-citation-invalid.md')
    // [^1] is also cited visibly, [^6] sits in a span that is only red.
    expect(places).toEqual(['10:1-10:55 warning hidden-citation'])
    expect(messages[0]!.message).toBe(
      'Unexpected 5 citations (2–5, 7) referenced only inside hidden HTML, expected every cited source to be referenced in the visible text'
    )
  })

  test('an HTML block (visibility: hidden, display: none with spaces): the warning covers the block', async () => {
    const {places, messages} = await findings('hidden-citation-invalid-block.md')
    expect(places).toEqual(['9:1-12:7 warning hidden-citation'])
    expect(messages[0]!.message).toContain('3 citations (2–3, note)')
  })

  test('a hidden span repeating visible citations, and aria-hidden, are fine', async () => {
    expect((await findings('hidden-citation-valid.md')).places).toEqual([])
  })
})

describe('extractCitations', () => {
  test('references: resolved nodes and literal text, file-absolute positions with offsets', () => {
    const body = 'A claim.[^1] Another.[^nope]\n\n# Head[^1]\n\n[^1]: https://example.com/a\n'
    const {text, citations} = extract(body)
    expect(citations.references.map((r) => [r.label, r.resolved, r.defined, r.hidden, at(text, r.position)])).toEqual([
      ['1', true, true, false, '[^1]'],
      ['nope', false, false, false, '[^nope]'],
      ['1', true, true, false, '[^1]']
    ])
    // Line 6 is the first body line: the five front-matter lines count.
    expect(citations.references[1]!.position.start).toEqual({line: 6, column: 22, offset: frontMatter.length + 21})
  })

  test('a reference touching a URL is defined but not resolved (the autolink swallows it)', () => {
    const {text, citations} = extract('See https://example.com/ethereum[^1]\n\n[^1]: https://example.com/eth\n')
    const [reference] = citations.references
    expect(reference).toMatchObject({label: '1', defined: true, resolved: false, hidden: false})
    expect(at(text, reference!.position)).toBe('[^1]')
  })

  test('hidden references: inline span (footnoteReference nodes) and HTML block (raw text)', () => {
    const body = [
      'Seen.[^1]',
      '<span style="display:none">[^2]</span> after [^3]',
      '',
      '<div hidden>',
      '[^4] <!-- [^5] -->',
      '</div>',
      '',
      '<span style="visibility:hidden">[^6]',
      '',
      ...[1, 2, 3, 4, 5, 6].map((n) => `[^${n}]: https://example.com/${n}\n`)
    ].join('\n')
    const {text, citations} = extract(body)
    expect(citations.references.map((r) => `${r.label}:${r.hidden ? 'hidden' : 'visible'}:${r.resolved ? 'node' : 'text'}`)).toEqual([
      '1:visible:node',
      '2:hidden:node',
      '3:visible:node',
      '4:hidden:text',
      // [^5] is in a comment; an unclosed hidden span ends with its paragraph.
      '6:hidden:node'
    ])
    expect(citations.hiddenRanges.map((range) => at(text, range))).toEqual([
      '<span style="display:none">[^2]</span>',
      '<div hidden>\n[^4] <!-- [^5] -->\n</div>',
      '<span style="visibility:hidden">[^6]'
    ])
  })

  test('definitions: bare URL, [title](url) - snippet, <url>, escapes, empty', () => {
    const body = [
      'x[^a][^b][^c][^d][^e]',
      '',
      '[^a]: https://example.com/a',
      '[^b]: [Bitcoin \\[falls\\]](https://example.com/b?x=1\\&y=2 "t") - a snippet',
      '[^c]: <https://example.com/c>',
      '[^d]: https://example.com/d?x=1\\&y=2',
      '[^e]:',
      ''
    ].join('\n')
    const {text, citations} = extract(body)
    const view = citations.definitions.map(({label, url, target, raw, title}) => ({label, url, target, raw, title}))
    expect(view).toEqual([
      {label: 'a', url: 'https://example.com/a', target: 'https://example.com/a', raw: 'https://example.com/a', title: undefined},
      {
        label: 'b',
        url: 'https://example.com/b?x=1&y=2',
        target: 'https://example.com/b?x=1&y=2',
        raw: '[Bitcoin \\[falls\\]](https://example.com/b?x=1\\&y=2 "t") - a snippet',
        title: 'Bitcoin [falls]'
      },
      {label: 'c', url: 'https://example.com/c', target: 'https://example.com/c', raw: '<https://example.com/c>', title: undefined},
      {label: 'd', url: 'https://example.com/d?x=1&y=2', target: 'https://example.com/d?x=1&y=2', raw: 'https://example.com/d?x=1\\&y=2', title: undefined},
      {label: 'e', url: undefined, target: '', raw: '', title: undefined}
    ])
    // targetPosition points at the destination as written, escapes included.
    expect(citations.definitions.map((d) => at(text, d.targetPosition))).toEqual([
      'https://example.com/a',
      'https://example.com/b?x=1\\&y=2',
      'https://example.com/c',
      'https://example.com/d?x=1\\&y=2',
      '[^e]:'
    ])
  })

  test('citationData: the brief.json view', () => {
    const body = 'x[^1] <span style="display:none">[^1][^2]</span>\n\n[^1]: https://example.com/1\n\n[^2]: https://example.com/2\n\n[^3]: nowhere\n\n[^3]: https://example.com/dup\n'
    expect(citationData(extract(body).citations)).toEqual([
      {label: '1', url: 'https://example.com/1', referenced: true, hiddenOnly: false},
      {label: '2', url: 'https://example.com/2', referenced: true, hiddenOnly: true},
      {label: '3', url: 'nowhere', referenced: false, hiddenOnly: false}
    ])
  })

  test('thousands of footnotes stay linear: extraction costs a fraction of parsing', () => {
    const n = 1000
    const refs = Array.from({length: n}, (_, i) => `[^${i + 1}]`)
    // (Within the parse limits: 5,000 lines, 2,000 references a paragraph, 10,000 inline marks.)
    const body = [
      `Visible ${refs.join(' ')}`,
      `<span style="display:none">${refs.join('')}</span>`,
      `Undefined ${refs.map((ref) => ref.replace('[^', '[^x')).join(' ')}`,
      refs.map((ref, i) => `${ref}: https://example.com/${i + 1}`).join('\n')
    ].join('\n\n')
    const text = frontMatter + body
    let start = performance.now()
    const tree = parseMarkdown(text, frontMatter.length)
    const parseTime = performance.now() - start
    start = performance.now()
    const citations = extractCitations(tree, text)
    const extractTime = performance.now() - start
    expect(citations.references).toHaveLength(3 * n)
    expect(citations.references.filter((r) => !r.defined)).toHaveLength(n)
    expect(citations.references.filter((r) => r.hidden)).toHaveLength(n)
    expect(citations.definitions).toHaveLength(n)
    expect(extractTime).toBeLessThan(parseTime / 2)
  })
})

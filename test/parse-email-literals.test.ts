/**
 * src/parse/email-literals.ts: documents in which no character of an email's
 * local part precedes an `@` are parsed without the email construct of
 * remark-gfm. Both branches must give exactly the tree plain remark-parse +
 * remark-gfm gives.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {mayHoldEmailLiteral, withoutEmailLiterals} from '../src/parse/email-literals.js'
import {markdownProcessor, parseMarkdown, processorFor} from '../src/parse/markdown.js'
import {corpusDir, hasShared, projectRoot} from './helpers.js'

const plain = unified().use(remarkParse).use(remarkGfm).freeze()
const withoutEmail = unified().use(remarkParse).use(remarkGfm).use(withoutEmailLiterals).freeze()

function expectSame(actual: unknown, expected: unknown, text: string): void {
  // Node's strict comparison is much faster on big trees; vitest's shows the difference.
  if (!isDeepStrictEqual(actual, expected)) expect(actual, JSON.stringify(text.slice(0, 200))).toStrictEqual(expected)
}

/** Both claims: the shortcut is exact where it is taken, and parseMarkdown is exact everywhere. */
function expectSameTrees(text: string): void {
  const expected = plain.parse(text)
  if (!mayHoldEmailLiteral(text)) expectSame(withoutEmail.parse(text), expected, text)
  expectSame(parseMarkdown(text, 0), expected, text)
}

const cases = [
  'me@example.com and a.b-c+d_e@example.co.uk, then mailto:me@example.com and xmpp:me@example.com/res',
  'Not emails: @handle (@BalancerLabs) a @ b /@x threads.com/@user @@ [@x] *@y* `a@b.c`',
  'Handles only: @durov, @coinbase and (@krakenfx) — see https://threads.com/@dailyanalysts/post/1',
  'Escaped or encoded: me\\@example.com me&#64;example.com m&#101;@example.com &#x40;example.com',
  'Words that start like one: the what when which high hello www http world wide web',
  '*me*@example.com **a**@b.co _x_@y.com ~~me~~@example.com [me]@example.com',
  '| a | b |\n|---|---|\n| me@example.com | x |\n| @handle | y@ |',
  '> me@example.com\n> > @handle\n\n- a@b.co\n  - @c\n\n1. x@y.zz',
  'Text[^1].\n\n[^1]: Contact press@example.com or @press\n',
  '# me@example.com\n\nSetext @handle\n---',
  'tab\tme@example.com and line\nme@example.com and crlf\r\n@x and\r\nme@x.com',
  '<me@example.com> and <span>me@example.com</span> and <!-- a@b.co -->',
  'No at sign at all: plain prose with www.example.com, https://example.com and [^1] calls.',
  'Unicode: café@example.com é@x.com ü@ü.de 中@example.com',
  'Trailing: me@example.com. me@example.com- me@example.com_ me@example-.com me@.com me@x'
]

describe('parsing without the email construct', () => {
  it('is taken only for documents with no character of a local part before an @', () => {
    expect(mayHoldEmailLiteral('no at sign')).toBe(false)
    expect(mayHoldEmailLiteral('@handle (@x) /@y @@ @')).toBe(false)
    for (const text of ['a@', '9@', '+@', '-@', '.@', '_@', 'me@example.com']) expect(mayHoldEmailLiteral(text), text).toBe(true)
    expect(processorFor('Prices and @handles only.')).not.toBe(markdownProcessor)
    expect(processorFor('Write to me@example.com.')).toBe(markdownProcessor)
  })

  it('would change trees that hold an email: the check is what keeps them right', () => {
    const changed = cases.filter((text) => !isDeepStrictEqual(plain.parse(text), withoutEmail.parse(text)))
    expect(changed.length).toBeGreaterThanOrEqual(8)
    for (const text of changed) expect(mayHoldEmailLiteral(text), text).toBe(true)
  })

  it.each(cases)('gives remark-gfm’s tree: %j', (text) => {
    expectSameTrees(text)
  })

  // parse-autolink.test.ts compares parseMarkdown with remark-gfm on the same
  // files; here the shortcut alone, on every file it is taken for.
  const dirs = [path.join(projectRoot, 'fixtures'), path.join(projectRoot, 'briefs'), ...(hasShared ? [corpusDir] : [])]
  const files = dirs.flatMap((dir) =>
    readdirSync(dir, {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.md'))
      .map((file) => path.join(dir, file))
  )
  const shortcutFiles = files.filter((file) => !mayHoldEmailLiteral(readFileSync(file, 'utf8')))
  it('is taken for most fixtures and briefs, not all', () => {
    expect(shortcutFiles.length).toBeGreaterThan(10)
    expect(shortcutFiles.length).toBeLessThan(files.length)
  })
  it.each(shortcutFiles.map((file) => path.relative(projectRoot, file)))('gives remark-gfm’s tree for %s', (file) => {
    const text = readFileSync(path.resolve(projectRoot, file), 'utf8')
    expectSame(withoutEmail.parse(text), plain.parse(text), file)
  })

  it('gives remark-gfm’s tree for markdown-ish strings', () => {
    const piece = fc.constantFrom(
      '@', '@', 'a@', 'me@x.co', 'a', 'Z', '9', '.', '-', '_', '+', 'me', 'example', '.com', 'www.', 'http://', 'mailto:', 'xmpp:', '/', '(', ')',
      '[', ']', '*', '**', '_', '~~', '`', '<', '>', '<b>', '|', '|---|', '!', ',', ':', 'é', ' ', '\t', '\n', '\n\n', '\r\n',
      '> ', '- ', '1. ', '# ', '[^1]', '[^1]: ', '\\', '&#64;', '&amp;'
    )
    const taken = {shortcut: 0, full: 0}
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        taken[mayHoldEmailLiteral(text) ? 'full' : 'shortcut']++
        expectSameTrees(text)
      }),
      {numRuns: Number(process.env.FC_RUNS ?? 1000), seed: Number(process.env.FC_SEED ?? 20251122)}
    )
    expect(taken.shortcut).toBeGreaterThan(100)
    expect(taken.full).toBeGreaterThan(100)
  })
})

/**
 * src/parse/markdown.ts parses a document without remark-gfm's email literal
 * construct when no character of an email's local part precedes an `@`,
 * and without its table construct when no line could be a table's delimiter
 * row (src/parse/without-constructs.ts). Every
 * branch must give exactly the tree plain remark-parse + remark-gfm gives.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {markdownProcessor, parseMarkdown, processorFor} from '../src/parse/markdown.js'
import {EMAIL_LITERAL, GFM_TABLE, mayHoldEmailLiteral, mayHoldTable, withoutConstructs} from '../src/parse/without-constructs.js'
import {corpusDir, hasShared, projectRoot} from './helpers.js'

const plain = unified().use(remarkParse).use(remarkGfm).freeze()
const withoutEmail = unified().use(remarkParse).use(remarkGfm).use(withoutConstructs, {text: [EMAIL_LITERAL]}).freeze()
const withoutTable = unified().use(remarkParse).use(remarkGfm).use(withoutConstructs, {flow: [GFM_TABLE]}).freeze()

function expectSame(actual: unknown, expected: unknown, text: string): void {
  // Node's strict comparison is much faster on big trees; vitest's shows the difference.
  if (!isDeepStrictEqual(actual, expected)) expect(actual, JSON.stringify(text.slice(0, 200))).toStrictEqual(expected)
}

/** Each shortcut is exact where it is taken, and parseMarkdown (whatever it combines) is exact everywhere. */
function expectSameTrees(text: string): void {
  const expected = plain.parse(text)
  if (!mayHoldEmailLiteral(text)) expectSame(withoutEmail.parse(text), expected, text)
  if (!mayHoldTable(text)) expectSame(withoutTable.parse(text), expected, text)
  expectSame(parseMarkdown(text, 0), expected, text)
}

const emailCases = [
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

const tableCases = [
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'a | b\n--|--\n1 | 2',
  '| a |\n| - |\n| b |',
  'a\n:-:',
  '| a | b |\n| --- |',
  'Heading\n---\n\n- - -\n\n***\n\nSetext\n===',
  '> | a | b |\n> |---|---|\n> | 1 | 2 |',
  '- item\n\n  | a | b |\n  |:--|--:|\n  | 1 | 2 |',
  '> | a |\n|---|',
  'Paragraph | with pipes\nand: a colon line\n: not a table',
  '| a |\r\n|---|\r\n| b |',
  '| a |\r| - |\r| b |',
  '[^1]: | a |\n    |---|\n\nText[^1]',
  '| a | b |\n|---|---|\n\n| lazy\ncontinuation |',
  '|\n|\n|',
  'a|b\n-|-\n\n```\n| x |\n|---|\n```',
  '   | a |\n   |---|\n\n    | indented |\n    |---|',
  '| a |\n|\t-\t|\n\n| a |\n|-:|'
]

describe('parsing without constructs that cannot succeed', () => {
  it('drops email literals only without a local-part character before an @', () => {
    expect(mayHoldEmailLiteral('no at sign')).toBe(false)
    expect(mayHoldEmailLiteral('@handle (@x) /@y @@ @')).toBe(false)
    for (const text of ['a@', '9@', '+@', '-@', '.@', '_@', 'me@example.com']) expect(mayHoldEmailLiteral(text), text).toBe(true)
  })

  it('drops tables only without a line of delimiter-row characters holding a `|` or `:`', () => {
    for (const text of ['no table', 'a\n---', '- - -', '***', 'a | b\nc | d', 'a:\n- b']) expect(mayHoldTable(text), text).toBe(false)
    for (const text of ['|', ':', '|---|', ' :-: ', '> | - |', '-|-', 'x\r|-|', 'x\u2028|-|']) expect(mayHoldTable(text), text).toBe(true)
    // Linear on a long line of delimiter characters that is not one.
    const started = performance.now()
    expect(mayHoldTable(`${'|'.repeat(500_000)}x`)).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('picks the processor for the document', () => {
    expect(processorFor('Write to me@example.com.\n\n| a |\n|---|')).toBe(markdownProcessor)
    const lean = processorFor('Prices and @handles only.')
    expect(lean).not.toBe(markdownProcessor)
    expect(processorFor('Other prose, still no table or email.')).toBe(lean)
    expect(new Set([processorFor('me@x.com'), processorFor('|-|'), lean, markdownProcessor]).size).toBe(4)
  })

  it('would change trees that need the construct: the checks are what keep them right', () => {
    const emailChanged = [...emailCases, ...tableCases].filter((text) => !isDeepStrictEqual(plain.parse(text), withoutEmail.parse(text)))
    const tableChanged = [...emailCases, ...tableCases].filter((text) => !isDeepStrictEqual(plain.parse(text), withoutTable.parse(text)))
    expect(emailChanged.length).toBeGreaterThanOrEqual(8)
    expect(tableChanged.length).toBeGreaterThanOrEqual(8)
    for (const text of emailChanged) expect(mayHoldEmailLiteral(text), text).toBe(true)
    for (const text of tableChanged) expect(mayHoldTable(text), text).toBe(true)
  })

  it.each([...emailCases, ...tableCases])('gives remark-gfm’s tree: %j', (text) => {
    expectSameTrees(text)
  })

  // parse-autolink.test.ts compares parseMarkdown with remark-gfm on the same
  // files; here each shortcut alone, on every file it is taken for.
  const dirs = [path.join(projectRoot, 'fixtures'), path.join(projectRoot, 'briefs'), ...(hasShared ? [corpusDir] : [])]
  const files = dirs.flatMap((dir) =>
    readdirSync(dir, {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.md'))
      .map((file) => path.relative(projectRoot, path.join(dir, file)))
  )
  const texts = new Map(files.map((file) => [file, readFileSync(path.resolve(projectRoot, file), 'utf8')]))
  it('take the shortcuts for most fixtures and briefs, not all', () => {
    // Email addresses occur only in real briefs: without ../shared every
    // file may take that shortcut. Tables occur in the project's fixtures.
    for (const [check, someDecline] of [[mayHoldEmailLiteral, hasShared], [mayHoldTable, true]] as const) {
      const taken = files.filter((file) => !check(texts.get(file)!)).length
      expect(taken).toBeGreaterThan(10)
      if (someDecline) expect(taken).toBeLessThan(files.length)
    }
  })
  it.each(files.filter((file) => !mayHoldEmailLiteral(texts.get(file)!) || !mayHoldTable(texts.get(file)!)))('gives remark-gfm’s tree for %s', (file) => {
    const text = texts.get(file)!
    const expected = plain.parse(text)
    if (!mayHoldEmailLiteral(text)) expectSame(withoutEmail.parse(text), expected, file)
    if (!mayHoldTable(text)) expectSame(withoutTable.parse(text), expected, file)
  })

  it('gives remark-gfm’s tree for markdown-ish strings', () => {
    const piece = fc.constantFrom(
      '@', 'a@', 'me@x.co', 'a', 'Z', '9', '.', '-', '--', ':', '_', '+', 'me', 'example', '.com', 'www.', 'http://', 'mailto:', '/', '(', ')',
      '[', ']', '*', '**', '~~', '`', '<', '>', '<b>', '|', '| ', ' |', '|---|', ':-:', '!', ',', 'é', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\r',
      '> ', '- ', '1. ', '# ', '    ', '[^1]', '[^1]: ', '\\', '&#64;', '&amp;', '```\n'
    )
    const taken = {email: 0, table: 0, neither: 0}
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        if (!mayHoldEmailLiteral(text)) taken.email++
        if (!mayHoldTable(text)) taken.table++
        if (mayHoldEmailLiteral(text) && mayHoldTable(text)) taken.neither++
        expectSameTrees(text)
      }),
      {numRuns: Number(process.env.FC_RUNS ?? 1500), seed: Number(process.env.FC_SEED ?? 20251122)}
    )
    expect(taken.email).toBeGreaterThan(200)
    expect(taken.table).toBeGreaterThan(200)
    expect(taken.neither).toBeGreaterThan(0)
  })

  it('finds tables in these strings: the alphabet reaches the table construct', () => {
    const tables = fc.sample(fc.array(fc.constantFrom('a', '|', '|---|', ':-:', '-', ' ', '\n'), {maxLength: 20}), {numRuns: 2000, seed: 7})
      .map((pieces) => pieces.join(''))
      .filter((text) => JSON.stringify(plain.parse(text)).includes('"table"'))
    expect(tables.length).toBeGreaterThan(20)
    for (const text of tables) expectSameTrees(text)
  })
})

/**
 * The length limits of src/parse/nesting-guard.ts: a paragraph with too many
 * `[` or emphasis runs is refused at the one that goes over, real briefs never.
 */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {MAX_BRACKETS_PER_PARAGRAPH, MAX_DELIMITER_RUNS_PER_PARAGRAPH, NestingLimitError, assertReasonableNesting} from '../src/parse/nesting-guard.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {MAX_BLOCK_TEXT} from '../src/parse/length-guard.js'
import {MAX_INLINE_MARKS, MAX_LINES} from '../src/parse/size-guard.js'
import {MAX_CONTAINER_MARKERS, MAX_QUOTE_MARKERS} from '../src/parse/nesting-guard.js'
import {corpusDir, hasShared} from './helpers.js'

function refusal(text: string, offset = 0): NestingLimitError | undefined {
  try {
    assertReasonableNesting(text, offset)
  } catch (error) {
    if (error instanceof NestingLimitError) return error
    throw error
  }
  return undefined
}

const calls = (count: number, from = 0) => Array.from({length: count}, (_, index) => `[^${from + index}]`).join('')

describe('per-paragraph limits', () => {
  it('refuses one footnote reference too many, at its line and column', () => {
    const front = '---\ntitle: T\ndate: 2025-01-01\n---\n\nIntro.\n\n'
    const text = front + 'Sources: ' + calls(MAX_BRACKETS_PER_PARAGRAPH + 5) + '\n'
    const error = refusal(text, front.length)!
    expect(error.message).toMatch(/^more than 2,000 footnote references \(`\[`\) in one paragraph at 8:/)
    // The 2,001st `[^n]`: after "Sources: " and 2,000 calls of known widths.
    const column = 'Sources: '.length + calls(MAX_BRACKETS_PER_PARAGRAPH).length + 1
    expect([error.line, error.column]).toEqual([8, column])
    expect(() => parseMarkdown(text, front.length)).toThrow(NestingLimitError)
  })

  it('names links and brackets, and emphasis runs, in their messages', () => {
    const links = refusal('x\n' + '[a](b) '.repeat(MAX_BRACKETS_PER_PARAGRAPH + 1))!
    expect(links.message).toContain('links or brackets')
    expect([links.line, links.column]).toEqual([2, MAX_BRACKETS_PER_PARAGRAPH * 7 + 1])
    const emphasis = refusal('*a* '.repeat(MAX_DELIMITER_RUNS_PER_PARAGRAPH))!
    // Two runs per `*a*`: the 2,001st run is the opener of the 1,001st.
    expect(emphasis.message).toContain('runs of `*`, `_` or `~`')
    expect([emphasis.line, emphasis.column]).toEqual([1, (MAX_DELIMITER_RUNS_PER_PARAGRAPH / 2) * 4 + 1])
    expect(refusal('~a~ '.repeat(MAX_DELIMITER_RUNS_PER_PARAGRAPH))).toBeDefined()
    expect(refusal('**a** '.repeat(MAX_DELIMITER_RUNS_PER_PARAGRAPH / 2))).toBeUndefined()
  })

  it('counts each paragraph, list item and footnote definition apart', () => {
    const half = MAX_BRACKETS_PER_PARAGRAPH / 2 + 1
    expect(refusal(`${calls(half)}\n\n${calls(half, half)}\n`)).toBeUndefined()
    expect(refusal(`- ${calls(half)}\n- ${calls(half, half)}\n`)).toBeUndefined()
    expect(refusal(`1. ${calls(half)}\n  * ${calls(half, half)}\n`)).toBeUndefined()
    expect(refusal(`[^a]: ${calls(half)}\n[^b]: ${calls(half, half)}\n`)).toBeUndefined()
    // Lines that continue the paragraph do not reset: `2.` and indented markers do not interrupt one.
    expect(refusal(`${calls(half)}\n${calls(half, half)}\n`)).toBeDefined()
    expect(refusal(`${calls(half)}\n2. ${calls(half, half)}\n`)).toBeDefined()
    expect(refusal(`${calls(half)}\n    - ${calls(half, half)}\n`)).toBeDefined()
  })
})

function parseRefusal(text: string, offset = 0): NestingLimitError | undefined {
  try {
    parseMarkdown(text, offset)
  } catch (error) {
    if (error instanceof NestingLimitError) return error
    throw error
  }
  return undefined
}

describe('per-brief limits', () => {
  const front = '---\ntitle: T\ndate: 2025-01-01\n---\n\n'
  it('refuses a brief of more than 5,000 lines at the first line over, counting from the body', () => {
    const lines = (count: number) => front + Array.from({length: count}, (_, index) => `- item ${index}`).join('\n') + '\n'
    expect(parseRefusal(lines(MAX_LINES), front.length)).toBeUndefined()
    const error = parseRefusal(lines(MAX_LINES + 1), front.length)!
    expect(error.message).toBe(`more than 5,000 lines at ${MAX_LINES + 6}:1`)
    expect(error.expected).toBe('a brief of ordinary size')
  })

  it('refuses more than 10,000 inline marks at the one that goes over, whatever their kind', () => {
    const units = ['&amp; ', '\\* ', '<b> ', '`a` b ', '| a ', 'https://a.b ', 'www.a.b ', 'a@b.c ']
    for (const unit of units) {
      const marks = unit === '`a` b ' || unit === '<b> ' ? (unit === '`a` b ' ? 2 : 1) : 1
      const count = Math.ceil((MAX_INLINE_MARKS + 1) / marks)
      const text = Array.from({length: count}, (_, index) => unit + (index % 50 === 49 ? '\n\n' : '')).join('')
      const error = parseRefusal(text)
      expect(error?.message, unit).toMatch(/^more than 10,000 links, footnote references, emphasis marks, HTML tags, entities, code spans, table cells, escapes or URLs at \d+:\d+$/)
    }
    // Prose without marks is not counted.
    expect(parseRefusal('Bitcoin held $84,100, up 2%. '.repeat(20_000))?.message).not.toMatch(/inline|lines/)
  })

  it('refuses more than 1,000 block quote markers and 10,000 list markers, counted by depth', () => {
    const quotes = Array.from({length: MAX_QUOTE_MARKERS + 1}, (_, index) => `> q${index}\n\n`).join('')
    expect(parseRefusal(quotes)?.message).toBe(`more than 1,000 block quote markers (\`>\`) in one brief at ${MAX_QUOTE_MARKERS * 2 + 1}:1`)
    // 3 levels a line: the 3,334th line goes over 10,000.
    const lists = Array.from({length: 4_000}, (_, index) => `    - item ${index}`).join('\n')
    expect(parseRefusal(lists)?.message).toBe(`more than 10,000 block quote and list markers in one brief (each counted as deep as it is nested) at ${Math.ceil((MAX_CONTAINER_MARKERS + 1) / 3)}:5`)
  })

  it(`refuses a paragraph, heading or table row longer than ${MAX_BLOCK_TEXT.toLocaleString('en-US')} characters of text, at its start; URLs do not count`, () => {
    const long = 'Bitcoin held $84,100. '.repeat(Math.ceil(MAX_BLOCK_TEXT / 22) + 1)
    const paragraph = parseRefusal(front + 'Intro.\n\n' + long + '\n', front.length)!
    expect(paragraph.message).toMatch(/^paragraph of 20,0\d\d characters at 8:1$/)
    expect(paragraph.expected).toBe(`at most ${MAX_BLOCK_TEXT.toLocaleString('en-US')} characters in one paragraph, heading or table row`)
    expect(parseRefusal(`## ${long}\n`)?.message).toMatch(/^heading of 20,0\d\d characters at 1:1$/)
    expect(parseRefusal(`| a | b |\n| - | - |\n| ${long} | x |\n`)?.message).toMatch(/^table row of 20,0\d\d characters at 3:1$/)
    // A long link target or an embedded image is not text.
    expect(parseRefusal(`![chart](data:image/png;base64,${'A'.repeat(300_000)})\n\n[source](https://example.com/${'a'.repeat(10_000)})\n`)).toBeUndefined()
  })
})

describe.runIf(hasShared)('the real corpus', () => {
  it('is never refused, and the scan is fast', async () => {
    const names = (await readdir(corpusDir)).filter((name) => name.endsWith('.md'))
    expect(names.length).toBeGreaterThan(100)
    const start = performance.now()
    for (const name of names) {
      expect(refusal(await readFile(path.join(corpusDir, name), 'utf8')), name).toBeUndefined()
    }
    expect(performance.now() - start).toBeLessThan(5_000)
  })

  it('is within every per-brief limit (lines, inline marks, markers, text per block)', async () => {
    for (const name of (await readdir(corpusDir)).filter((name) => name.endsWith('.md'))) {
      const text = await readFile(path.join(corpusDir, name), 'utf8')
      expect(parseRefusal(text, /^---\n[\s\S]*?\n---\n/.exec(text)?.[0].length ?? 0), name).toBeUndefined()
    }
  }, 120_000)
})

describe('a 4 MB brief', () => {
  it('is scanned in well under a second whatever it holds', () => {
    for (const unit of ['word [a] *b* ', '[^1]', '*a* ', '| a ', '<b>a</b>']) {
      const text = unit.repeat(Math.ceil(4e6 / unit.length))
      const start = performance.now()
      refusal(text)
      expect(performance.now() - start, unit).toBeLessThan(1_000)
    }
  })
})

/**
 * The length limits of src/parse/nesting-guard.ts: a paragraph with too many
 * `[` or emphasis runs is refused at the one that goes over, real briefs never.
 */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {MAX_BRACKETS_PER_PARAGRAPH, MAX_DELIMITER_RUNS_PER_PARAGRAPH, NestingLimitError, assertReasonableNesting} from '../src/parse/nesting-guard.js'
import {parseMarkdown} from '../src/parse/markdown.js'
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

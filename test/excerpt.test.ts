import {describe, expect, it} from 'vitest'
import {excerptOf} from '../src/extract/excerpt.js'
import {parseMarkdown} from '../src/parse/markdown.js'

const excerpt = (markdown: string) => excerptOf(parseMarkdown(markdown, 0))

describe('excerptOf', () => {
  it('takes the first paragraph of prose, without citations or raw HTML', () => {
    expect(excerpt('## Market Overview\n\nBitcoin held near its range floor as traders waited for the data.[^1] <span>x</span>\n\n[^1]: https://example.com/a\n')).toBe(
      'Bitcoin held near its range floor as traders waited for the data. x'
    )
  })

  it('passes over label lines, numbered bold headlines and rows of figures', () => {
    const brief = [
      '**Bitcoin (BTC):** $93,870 | +0.88% 24h | held the floor',
      '**Ethereum (ETH):** $3,251 | +1.44% 24h',
      '',
      '**1. Bridge Exploited for $87.5M Across Three Chains [CRITICAL]**',
      '',
      'BTC $93,870 | ETH $3,251 | SOL $159.10 | XRP $2.21 | BNB $881 | DOGE $0.169',
      '',
      'A quiet Sunday let prices stabilise, with volumes well below the weekday average.'
    ].join('\n')
    expect(excerpt(brief)).toBe('A quiet Sunday let prices stabilise, with volumes well below the weekday average.')
  })

  it('cuts a long paragraph at a word boundary', () => {
    const long = 'Markets drifted lower through the session as traders trimmed risk ahead of the weekend. '.repeat(5)
    const result = excerpt(long)
    expect(result.length).toBeLessThanOrEqual(201)
    expect(result.endsWith('…')).toBe(true)
    expect(long.startsWith(result.slice(0, -1))).toBe(true)
  })

  it('gives an empty excerpt when there is no prose', () => {
    expect(excerpt('| a | b |\n| - | - |\n| 1 | 2 |\n')).toBe('')
  })
})

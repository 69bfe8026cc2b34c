import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {NARROW, plainWidth} from '../scripts/lazy-string-width.js'

// The bundle measures report columns with scripts/lazy-string-width.js, which
// answers plain text itself and loads the string-width package otherwise: it
// must give the package's width for everything it answers.
describe('the bundle’s string-width', () => {
  const narrow = [...NARROW.source.matchAll(/\\u([0-9A-F]{4})(?!-)/g)].map((match) => String.fromCodePoint(Number.parseInt(match[1]!, 16)))
  const ascii = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCodePoint(0x20 + index))

  it('measures each character it answers as the package does', () => {
    expect(narrow).toContain('“')
    for (const character of [...ascii, ...narrow]) {
      expect(plainWidth(character), character).toBe(stringWidth(character))
    }
  })

  it('measures messages as the package does', () => {
    const texts = [
      '',
      'Unexpected 46 citations (34–79) referenced only inside hidden HTML',
      'Unexpected headline “Whales move…” without a severity, expected a tag such as `[HIGH]`',
      'ETH $3,885 is −13.18% from $4,475 (±0.5%, ≈ $4,611 expected → see ‘day-over-day’ · 2 × 3 — done)'
    ]
    for (const text of texts) expect(plainWidth(text), text).toBe(stringWidth(text))
  })

  it('leaves to the package what it does not answer', () => {
    for (const text of ['比特币', 'rocket 🚀', 'e\u0301', '\u001B[31mred\u001B[39m', 'soft\u00ADhyphen', 'zero\u200Bwidth']) {
      expect(plainWidth(text), text).toBeUndefined()
    }
    // Ambiguous characters are two columns when the caller asks so.
    expect(plainWidth('“quoted”', {ambiguousIsNarrow: false})).toBeUndefined()
    expect(plainWidth('plain', {ambiguousIsNarrow: false})).toBe(5)
  })
})

import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lineEndsOf} from '../src/load/line-ends.js'

describe('lineEndsOf', () => {
  it('keeps every line ending, in order, and nothing else', () => {
    expect(lineEndsOf('a\nb\r\nc\rd\r\r\n\n')).toBe('\n\r\n\r\r\r\n\n')
    expect(lineEndsOf('no ending')).toBe('')
    expect(lineEndsOf('')).toBe('')
  })

  it('equals removing everything but CR and LF, for any text', () => {
    const text = fc.string({unit: fc.constantFrom('a', 'é', '\r', '\n', ' ', '😀')})
    fc.assert(fc.property(text, (value) => lineEndsOf(value) === value.replace(/[^\r\n]+/g, '')))
  })
})

import {describe, expect, it} from 'vitest'
import {CarriedMemo} from '../src/cache/carried-memo.js'
import {encodeStrings, StringTable} from '../src/cache/string-table.js'

describe('string tables', () => {
  it('read back every value as written, non-ASCII and empty ones included, and nothing else', () => {
    const entries: Array<[string, string]> = [
      ['a', '<li>2026-11-02 · BTC $91,833 (−3.4%)</li>'],
      ['é\0key', ''],
      ['emoji', '⚠ 2 warnings 🚀']
    ]
    const table = new StringTable(encodeStrings(entries))
    expect(table.size).toBe(3)
    for (const [key, value] of entries) expect(table.get(key)).toBe(value)
    expect(table.get('missing')).toBeUndefined()
    // Bytes carried from one table to the next decode to the same values.
    const copy = new StringTable(encodeStrings(table))
    expect(entries.map(([key]) => copy.get(key))).toEqual(entries.map(([, value]) => value))
  })

  it('refuse truncated bytes', () => {
    const bytes = encodeStrings([['key', 'a value long enough to cut']])
    expect(() => new StringTable(bytes.subarray(0, bytes.length - 3))).toThrow(RangeError)
  })
})

describe('memos carried between builds', () => {
  const previous = () => new StringTable(encodeStrings([['used', 'kept value'], ['unused', 'dropped value'], ['replaced', 'old value']]))

  it('keep for the next build the entries asked for or set in this one, even those only asked for', () => {
    const memo = new CarriedMemo(previous())
    // Asked for only, as the list pages ask for cards: still kept.
    expect(memo.get('used')).toBe('kept value')
    memo.set('replaced', 'new value')
    memo.set('new', 'made now')
    expect(memo.get('replaced')).toBe('new value')
    const next = new StringTable(encodeStrings(memo.next))
    expect(Object.fromEntries([...next].map(([key]) => [key, next.get(key)]))).toEqual({used: 'kept value', replaced: 'new value', new: 'made now'})
  })

  it('keep an entry set back to the value it answered as that value', () => {
    const memo = new CarriedMemo(previous())
    const value = memo.get('used')!
    memo.set('used', value)
    expect(memo.get('used')).toBe('kept value')
    expect(new StringTable(encodeStrings(memo.next)).get('used')).toBe('kept value')
  })

  it('answer from a plain map as well', () => {
    const memo = new CarriedMemo(new Map([['key', 'value']]))
    expect(memo.get('key')).toBe('value')
    expect([...memo.next]).toEqual([['key', 'value']])
  })
})

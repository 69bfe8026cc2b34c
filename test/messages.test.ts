import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {fromPlainMessage, toPlainMessage} from '../src/cache/messages.js'
import {Reporter} from '../src/diagnostics/reporter.js'
import {defineRule} from '../src/diagnostics/rule.js'

const rule = defineRule({id: 'test-rule', severity: 'warning', description: 'A rule for this test.'})

/** Every own field of a message, as the reports read them. */
const fields = (message: object) => Object.fromEntries(Object.entries(message))

describe('messages kept as plain data (cache, workers)', () => {
  it('are rebuilt as the very message the reporter made, stack included, on the file path given', () => {
    const file = new VFile({path: 'briefs/a.md', value: 'one\ntwo\nthree\n'})
    const made = new Reporter().report(file, rule, 'Unexpected thing', {start: {line: 2, column: 1, offset: 4}, end: {line: 2, column: 4, offset: 7}}, {
      expected: ['another thing'],
      actual: 'thing',
      note: 'Why it matters.'
    })!
    const plain = toPlainMessage(made)
    // A copy: the plain message holds nothing of the live one.
    expect(plain.place).toEqual(made.place)
    expect(plain.place).not.toBe(made.place)
    expect((plain.place as {start: object}).start).not.toBe((made.place as {start: object}).start)
    const limit = Error.stackTraceLimit
    const rebuilt = fromPlainMessage(toPlainMessage(made), 'briefs/a.md')
    expect(Error.stackTraceLimit).toBe(limit)
    expect(rebuilt.stack).toBe('')
    expect(fields(rebuilt)).toEqual(fields(made))
    expect(String(rebuilt)).toBe(String(made))
    expect(fromPlainMessage(toPlainMessage(made), 'briefs/renamed.md').file).toBe('briefs/renamed.md')
  })
})

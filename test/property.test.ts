import {readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {checkJson, fixtures, hasShared, runCli, seedBrief, tempDir} from './helpers.js'

/**
 * Mutates valid briefs at random and checks the two promises every input
 * gets: no crash (never exit 2) and every reported position inside the file.
 */
const bases: Array<[string, Buffer]> = [
  ['valid', readFileSync(path.join(fixtures, 'front-matter', 'valid.md'))],
  ['good', readFileSync(path.join(fixtures, 'bad-input', 'good.md'))],
  ['table-and-hidden', readFileSync(path.join(fixtures, 'property', 'table-and-hidden.md'))]
]
if (hasShared) bases.push(['seed', readFileSync(seedBrief)])

const snippets = [
  '[^', '[^1]', '[^x]', ']', '[', '(', ')', ':', '---', '---\n', '|', '| a | b |\n|---|---|\n', '<span style="display:none">', '</span>',
  '\r\n', '\r', '\n', '\n\n', '\0', '>', '> ', '- ', '1. ', '*', '**', '_', '`', '```\n', '\t', '    ', '#', '## ', '\\', '"', "'", '&',
  'https://', 'http://1.2.3.4/x.', '[^9]: ', '[^1]: https://example.com/', 'title: ', 'date: 2025-02-30', 'category: crpyto', '&a', '*a',
  '<', '<!--', '-->', '<script>', '\u00e9', '\u2212', '\u{1F600}', '\ufeff', '\u2028'
].map((text) => Buffer.from(text))
const rawBytes = [[0xff], [0xfe], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0x80]].map((bytes) => Buffer.from(bytes))

const piece = fc.oneof(
  // Mostly Markdown-significant text, so that the body's rules run; a few
  // invalid bytes, which stop a file at the decoder.
  {weight: 12, arbitrary: fc.constantFrom(...snippets)},
  {weight: 3, arbitrary: fc.string({maxLength: 12, unit: 'binary'}).map((text) => Buffer.from(text))},
  {weight: 1, arbitrary: fc.constantFrom(...rawBytes)},
  {weight: 1, arbitrary: fc.uint8Array({maxLength: 6}).map((bytes) => Buffer.from(bytes))}
)

type Mutation =
  | {kind: 'insert'; at: number; piece: Buffer}
  | {kind: 'insertLine'; at: number; piece: Buffer}
  | {kind: 'deleteLine'; at: number}
  | {kind: 'duplicateLine'; at: number}
  | {kind: 'truncate'; at: number}

const position = fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true})
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {weight: 5, arbitrary: fc.record({kind: fc.constant('insert' as const), at: position, piece})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('insertLine' as const), at: position, piece})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('deleteLine' as const), at: position})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('duplicateLine' as const), at: position})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('truncate' as const), at: position})}
)

function lineStarts(bytes: Buffer): number[] {
  const starts = [0]
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) starts.push(index + 1)
  return starts
}

export function mutate(source: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = source
  for (const change of mutations) {
    const offset = Math.floor(change.at * (bytes.length + 1))
    const starts = lineStarts(bytes)
    const line = Math.floor(change.at * starts.length)
    const start = starts[line]!
    const end = starts[line + 1] ?? bytes.length
    if (change.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, offset), change.piece, bytes.subarray(offset)])
    else if (change.kind === 'insertLine') bytes = Buffer.concat([bytes.subarray(0, start), change.piece, Buffer.from('\n'), bytes.subarray(start)])
    else if (change.kind === 'deleteLine') bytes = Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)])
    else if (change.kind === 'duplicateLine') bytes = Buffer.concat([bytes.subarray(0, end), bytes.subarray(start, end), bytes.subarray(end)])
    else bytes = bytes.subarray(0, offset)
  }
  return bytes
}

/**
 * Lines as an editor shows them, and as positions count them: the text as
 * decoded (a leading BOM dropped), split at `\r\n`, `\r` or `\n`.
 */
function linesOf(bytes: Buffer): string[] {
  return new TextDecoder('utf-8').decode(bytes).split(/\r\n|\r|\n/)
}

let dir: string
beforeAll(async () => {
  dir = await tempDir()
})

async function checkMutant(name: string, bytes: Buffer): Promise<void> {
  const file = `${name}.md`
  await writeFile(path.join(dir, file), bytes)
  const {code, stderr, report} = await checkJson([file], dir).catch(async (error: unknown) => {
    // Not JSON: show what the CLI said instead.
    const result = await runCli(['check', '--format', 'json', file], dir)
    throw new Error(`exit ${result.code}: ${result.stderr}\n${String(error)}`)
  })
  expect(code, stderr).not.toBe(2)
  expect(stderr).not.toContain('internal error')
  const lines = linesOf(bytes)
  for (const message of report.messages) {
    const where = `${message.ruleId} at ${message.line}:${message.column}-${message.endLine}:${message.endColumn} (${lines.length} lines)`
    if (message.line === null || message.column === null) continue
    expect(message.line, where).toBeGreaterThanOrEqual(1)
    expect(message.line, where).toBeLessThanOrEqual(lines.length)
    expect(message.column, where).toBeGreaterThanOrEqual(1)
    expect(message.column, where).toBeLessThanOrEqual(lines[message.line - 1]!.length + 1)
    if (message.endLine === null || message.endColumn === null) continue
    expect(message.endLine, where).toBeLessThanOrEqual(lines.length)
    expect(message.endColumn, where).toBeGreaterThanOrEqual(1)
    expect(message.endColumn, where).toBeLessThanOrEqual(lines[message.endLine - 1]!.length + 1)
    const ordered = message.endLine > message.line || (message.endLine === message.line && message.endColumn >= message.column)
    expect(ordered, `end before start: ${where}`).toBe(true)
  }
}

describe('mutated briefs', () => {
  it.each(bases)('never crash and report positions inside the file (%s)', async (name, source) => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, {minLength: 1, maxLength: 6}), async (mutations) => {
        await checkMutant(name, mutate(source, mutations))
      }),
      {numRuns: Number(process.env.FC_RUNS ?? (name === 'seed' ? 40 : 60)), seed: Number(process.env.FC_SEED ?? 20251121)}
    )
  })
})

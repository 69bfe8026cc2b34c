/**
 * Briefs of every shape, as large as the parse limits let them be: the
 * hostile inputs that test/parse-growth.test.ts times. Each shape is `count`
 * repetitions of one unit; `largest` is the count that stays within 1 MiB
 * (the default `maxFileSize`) and the limits of src/parse/size-guard.ts,
 * nesting-guard.ts and length-guard.ts, so the whole brief is checked, not
 * refused.
 */
import {MAX_BLOCK_TEXT} from '../src/parse/length-guard.js'
import {MAX_CONTAINER_MARKERS, MAX_QUOTE_MARKERS} from '../src/parse/nesting-guard.js'
import {MAX_INLINE_MARKS, MAX_LINES} from '../src/parse/size-guard.js'

export const MAX_BYTES = 1024 * 1024

const FRONT = '---\ntitle: "Hostile brief"\ndate: 2026-01-05\ncategory: crypto\n---\n\n'
const HEADLINES = '## Top Headlines\n\n- **High**: Bitcoin fell 9% to $82,700 as $1.7B of longs were liquidated.\n\n'
const SENTENCES = [
  'Bitcoin traded at $84,100, down 2.4% over 24 hours, while Ethereum fell 3.1% to $2,650.',
  'Liquidations reached $1.7B as funding turned negative on Binance and OKX.',
  'Spot ETF flows were -$320M on the day, the third outflow in a row.',
  'The Fear & Greed index sits at 24 (Extreme Fear).',
  'Solana held $118 while XRP slid 4% to $1.92 and BNB was flat at $880.',
  'Total market cap compressed to $2.8T, a -2.2% daily decline.'
]

/** Prose dense with figures, about `length` characters. */
function prose(length: number, from = 0): string {
  let text = ''
  for (let index = from; text.length < length; index++) text += SENTENCES[index % SENTENCES.length] + ' '
  return text.trimEnd()
}

interface Shape {
  /** Where the units go: the market overview (read for prices line by line) or the headlines. */
  section: 'overview' | 'headlines'
  unit: (index: number) => string
  /** Lines and inline marks one unit adds (on average). */
  lines: number
  marks: number
  /** Block quote and list markers (each as deep as it is nested), and `>` alone. */
  containers?: number
  quotes?: number
}

const PARAGRAPH = prose(MAX_BLOCK_TEXT - 100)
const LINE = prose(300)

export const SHAPES: Record<string, Shape> = {
  [`paragraphs of ${(MAX_BLOCK_TEXT - 100).toLocaleString('en-US')} characters of figures`]: {section: 'overview', unit: () => PARAGRAPH + '\n\n', lines: 2, marks: 1},
  'one-line paragraphs of figures': {section: 'overview', unit: () => LINE + '\n\n', lines: 2, marks: 1},
  'lines of one paragraph': {section: 'overview', unit: (index) => (index % 15 === 14 ? 'Bitcoin at $84,100.\n\n' : 'Bitcoin at $84,100.\n'), lines: 2, marks: 0},
  'headline items': {section: 'headlines', unit: (index) => `- **High**: ${SENTENCES[index % SENTENCES.length]}\n`, lines: 1, marks: 2.5, containers: 1},
  'footnote references': {section: 'overview', unit: (index) => `Flows[^${index % 1_500}]${index % 150 === 149 ? '\n\n' : ' '}`, lines: 0.02, marks: 1},
  'footnote definitions': {section: 'overview', unit: (index) => `[^${index}]: https://example.com/${index}\n`, lines: 1, marks: 2},
  links: {section: 'overview', unit: (index) => `[BTC](https://e.co/${index})${index % 150 === 149 ? '\n\n' : ' '}`, lines: 0.02, marks: 2},
  emphasis: {section: 'overview', unit: (index) => `*BTC* $8${index % 10}${index % 150 === 149 ? '\n\n' : ' '}`, lines: 0.02, marks: 2},
  'table rows': {section: 'overview', unit: (index) => (index === 0 ? '| Asset | Price | 24h |\n| --- | --- | --- |\n' : `| B${index} | $${index} | +1.2% |\n`), lines: 2, marks: 4},
  'table cells': {section: 'overview', unit: (index) => (index === 0 ? '|' + ' a |'.repeat(1_200) + '\n|' + ' - |'.repeat(1_200) + '\n' : '| $1 '.repeat(1_200) + '|\n'), lines: 2, marks: 1_400},
  'inline HTML': {section: 'overview', unit: (index) => `<b>BTC</b> $84,100${index % 100 === 99 ? '\n\n' : ' '}`, lines: 0.02, marks: 2},
  'HTML blocks': {section: 'overview', unit: () => '<div>\nBTC $84,100\n</div>\n\n', lines: 4, marks: 2},
  'entities and escapes': {section: 'overview', unit: (index) => `&amp; \\* $8${index % 10}${index % 100 === 99 ? '\n\n' : ' '}`, lines: 0.02, marks: 3},
  'code spans': {section: 'overview', unit: (index) => `\`BTC\` $84${index % 100 === 99 ? '\n\n' : ' '}`, lines: 0.02, marks: 2},
  'autolinks and URLs': {section: 'overview', unit: (index) => `<https://a.b/${index}> www.x.com/y${index % 100 === 99 ? '\n\n' : ' '}`, lines: 0.02, marks: 3},
  'nested lists': {section: 'overview', unit: (index) => '  '.repeat(index % 30) + `- BTC $84,${index % 1000}\n`, lines: 1, marks: 0, containers: 15.5},
  'nested quotes': {section: 'overview', unit: (index) => '> '.repeat((index % 30) + 1) + `BTC $84,${index % 1000}\n`, lines: 1, marks: 0, containers: 15.5, quotes: 15.5},
  headings: {section: 'overview', unit: (index) => `### Bitcoin ${index}\n\nBTC at $84,${index % 1000}.\n\n`, lines: 4, marks: 0}
}

/** A brief of `count` units of the shape. */
export function briefOf(name: string, count: number): string {
  const shape = SHAPES[name]!
  let units = ''
  for (let index = 0; index < count; index++) units += shape.unit(index)
  return shape.section === 'overview' ? `${FRONT}## Market Overview\n\n${units}\n\n${HEADLINES}` : `${FRONT}## Market Overview\n\nBitcoin at $84,100.\n\n## Top Headlines\n\n${units}\n`
}

/** The most units of the shape within 1 MiB and the parse limits (with room for the rest of the brief). */
export function largest(name: string): number {
  const shape = SHAPES[name]!
  let bytes = 0
  let count = 0
  while (count < 10) bytes += shape.unit(count++).length
  const byBytes = Math.floor(((MAX_BYTES - 1_000) / bytes) * count)
  const within = (limit: number, perUnit = 0) => (perUnit === 0 ? Infinity : Math.floor((limit - 20) / perUnit))
  return Math.min(byBytes, within(MAX_LINES, shape.lines), within(MAX_INLINE_MARKS, shape.marks), within(MAX_CONTAINER_MARKERS, shape.containers), within(MAX_QUOTE_MARKERS, shape.quotes))
}

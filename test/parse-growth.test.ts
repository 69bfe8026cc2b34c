/**
 * Parse time must grow about linearly with the input, whatever its shape:
 * micromark is quadratic on long runs of some inline constructs in one
 * paragraph, and src/parse/nesting-guard.ts refuses those runs before parsing.
 * Not a benchmark of absolute speed: each shape is timed at doubling sizes and
 * the test fails when one doubling costs much more than twice the time.
 */
import {describe, expect, it} from 'vitest'
import {analyseBrief} from '../src/analyse.js'
import {defaultConfig} from '../src/config/load.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {MAX_BYTES, SHAPES, briefOf, largest} from './brief-shapes.js'

const ids = (count: number) => Array.from({length: count}, (_, index) => index)

/** `count` units of each shape, all in one paragraph (or one table, one line). */
export const shapes: Record<string, (count: number) => string> = {
  'footnote references': (count) => ids(count).map((id) => `[^${id}]`).join('') + '\n\n' + ids(count).map((id) => `[^${id}]: u`).join('\n') + '\n',
  'undefined footnote references': (count) => ids(count).map((id) => `[^${id}]`).join('') + '\n',
  emphasis: (count) => '*a* '.repeat(count) + '\n',
  'emphasis with _': (count) => '_a_ '.repeat(count) + '\n',
  strong: (count) => '**a** '.repeat(count) + '\n',
  strikethrough: (count) => '~a~ '.repeat(count) + '\n',
  links: (count) => '[a](b) '.repeat(count) + '\n',
  images: (count) => '![a](b) '.repeat(count) + '\n',
  brackets: (count) => '[a] '.repeat(count) + '\n',
  'table cells': (count) => `|${' a |'.repeat(count)}\n|${' - |'.repeat(count)}\n|${' a |'.repeat(count)}\n`,
  'inline HTML': (count) => '<b>a</b> '.repeat(count) + '\n',
  autolinks: (count) => '<https://a.b> '.repeat(count) + '\n',
  'code spans': (count) => '`a` '.repeat(count) + '\n'
}

/** Best of `runs` (CPU time is not steadier on a shared machine; the best of a few is). */
function time(text: string, runs = 3): number {
  let best = Infinity
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    try {
      parseMarkdown(text, 0)
    } catch {
      // Refused by the guard: that is bounded work too.
    }
    best = Math.min(best, performance.now() - start)
  }
  return best
}

// Quadratic doubles to 4x; linear to 2x. 3.5 leaves room for noise and GC,
// and a few milliseconds are added so that sub-millisecond refusals do not
// make ratios out of timer jitter.
const MAX_RATIO = 3.5
const SLACK_MS = 5
// Before the guard, 8,000 -> 16,000 units took 0.96 s -> 2.7 s (undefined footnotes), 0.78 s -> 2.3 s (brackets).
const SIZES = [2_000, 4_000, 8_000, 16_000]

describe('parse time grows about linearly', () => {
  it.each(Object.keys(shapes))('%s', (name) => {
    const make = shapes[name]!
    time(make(SIZES[0]!), 1) // warm up
    const times = SIZES.map((size) => time(make(size)))
    for (let step = 1; step < SIZES.length; step++) {
      const ratio = (times[step]! + SLACK_MS) / (times[step - 1]! + SLACK_MS)
      // A spike on a busy machine: measure the pair again before failing.
      const retried = ratio > MAX_RATIO ? (time(make(SIZES[step]!)) + SLACK_MS) / (time(make(SIZES[step - 1]!)) + SLACK_MS) : ratio
      expect(retried, `${name}: ${SIZES[step - 1]} -> ${SIZES[step]} units, ${times.map((ms) => Math.round(ms)).join(' / ')} ms`).toBeLessThanOrEqual(MAX_RATIO)
    }
  }, 120_000)
})

/**
 * The whole per-brief work of `check` (parse, extraction, the file rules),
 * for briefs of every shape grown up to what the limits allow within the
 * default `maxFileSize` (test/brief-shapes.ts). CPU time, not wall time: on
 * a shared machine the wall clock measures the neighbours. The CLI adds
 * about 0.3 s of start-up to these figures.
 */
const CHECK_BUDGET_MS = 4_000

function cpuTime(text: string): {ms: number; refused: boolean} {
  const start = process.cpuUsage()
  const analysis = analyseBrief(text, 'brief.md', '/brief.md', config)
  const used = process.cpuUsage(start)
  return {ms: (used.user + used.system) / 1000, refused: analysis.messages.some((message) => message.ruleId === 'parse-error')}
}

const config = defaultConfig()

describe('checking a brief grows about linearly, and stays within budget at the limits', () => {
  it.each(Object.keys(SHAPES))('%s', (name) => {
    const most = largest(name)
    const counts = [Math.floor(most / 4), Math.floor(most / 2), most]
    cpuTime(briefOf(name, counts[0]!)) // warm up
    const texts = counts.map((count) => briefOf(name, count))
    expect(texts.at(-1)!.length).toBeLessThanOrEqual(MAX_BYTES)
    const runs = texts.map((text) => cpuTime(text))
    // Measured, not refused: the limits let every one of these through.
    expect(runs.map((run) => run.refused)).toEqual([false, false, false])
    const times = runs.map((run) => run.ms)
    for (let step = 1; step < counts.length; step++) {
      const ratio = (times[step]! + SLACK_MS) / (times[step - 1]! + SLACK_MS)
      const retried = ratio > MAX_RATIO ? (cpuTime(texts[step]!).ms + SLACK_MS) / (cpuTime(texts[step - 1]!).ms + SLACK_MS) : ratio
      expect(retried, `${name}: ${counts.join(' / ')} units, ${times.map((ms) => Math.round(ms)).join(' / ')} ms`).toBeLessThanOrEqual(MAX_RATIO)
    }
    const slowest = times.at(-1)! > CHECK_BUDGET_MS ? Math.min(times.at(-1)!, cpuTime(texts.at(-1)!).ms) : times.at(-1)!
    expect(slowest, `${name}: ${counts.at(-1)} units, ${texts.at(-1)!.length} bytes`).toBeLessThan(CHECK_BUDGET_MS)
  }, 180_000)
})

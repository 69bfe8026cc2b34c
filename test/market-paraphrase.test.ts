import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {briefArb, type Brief} from './paraphrase/generator.js'
import {extract, FIELDS, score, type Field, type Wrong} from './paraphrase/score.js'

/**
 * The market-figure extractor against paraphrased briefs with known figures
 * (test/paraphrase/generator.ts): many wordings, units, layouts and sign
 * conventions, with distractors (open interest, weekly changes, support
 * levels, cumulative ETF flows…) beside the true figures.
 *
 *   npx vitest run test/market-paraphrase.test.ts
 *   FC_SEED=123 FC_RUNS=1000 npx vitest run test/market-paraphrase.test.ts
 *   PARAPHRASE_SAMPLES=3 …    prints generated briefs
 *   PARAPHRASE_REPORT=1 …     shrinks one counterexample per failure family
 */

const SEED = Number(process.env.FC_SEED ?? 20251104)
const RUNS = Number(process.env.FC_RUNS ?? 300)

/**
 * Per-field recall floors (300 runs): the lowest of what the extractor reads
 * today over seven seeds, minus about 2 points, so that a regression fails
 * whatever FC_SEED is. Raise them with it.
 * Issue targets: ≥95% for BTC price and BTC 24h change, ≥90% for every other field.
 */
const RECALL_FLOORS: Record<Field, number> = {
  'BTC price': 0.95,
  'BTC 24h change': 0.96,
  'ETH price': 0.95,
  'ETH 24h change': 0.96,
  'SOL price': 0.92,
  'SOL 24h change': 0.94,
  'market cap': 0.97,
  'market cap 24h change': 0.97,
  'fear & greed': 0.97,
  'liquidations 24h': 0.97,
  'liquidations long': 0.7,
  'liquidations short': 0.7,
  'BTC ETF flow': 0.94,
  'ETH ETF flow': 0.94
}

const samples = (): Brief[] => fc.sample(briefArb, {seed: SEED, numRuns: RUNS})

function describeWrong(brief: Brief, wrong: Wrong): string {
  const lines = brief.source.split('\n')
  const where = wrong.line === undefined ? '' : `  line ${wrong.line}: ${lines[wrong.line - 1]}\n`
  return `${wrong.field}: expected ${wrong.expected}, got ${wrong.got} (${wrong.cause}; field written as ${wrong.wording}; line tags ${wrong.tags.join(', ') || 'none'})\n${where}`
}

describe('market extractor on paraphrased briefs', () => {
  console.log(`market-paraphrase: seed ${SEED}, ${RUNS} runs (override with FC_SEED, FC_RUNS)`)

  it.runIf(process.env.PARAPHRASE_SAMPLES)('prints sample briefs', () => {
    for (const brief of fc.sample(briefArb, {seed: SEED, numRuns: Number(process.env.PARAPHRASE_SAMPLES)})) {
      const result = score(brief)
      console.log(`${brief.source}\n--- truth ${JSON.stringify(brief.truth)}\n--- stated ${JSON.stringify(brief.stated)}\n--- read ${[...result.read].join(', ')}\n--- wrong\n${result.wrong.map((w) => describeWrong(brief, w)).join('')}\n=========`)
    }
  })

  it('reads each field at least as often as the floors say (recall)', () => {
    const stated = new Map<Field, number>(FIELDS.map((field) => [field, 0]))
    const read = new Map<Field, number>(FIELDS.map((field) => [field, 0]))
    const wrong = new Map<string, number>()
    const misses = new Map<string, number>()
    for (const brief of samples()) {
      const result = score(brief)
      for (const field of result.stated) stated.set(field, stated.get(field)! + 1)
      for (const field of result.read) if (result.stated.has(field)) read.set(field, read.get(field)! + 1)
      for (const item of result.wrong) wrong.set(item.field, (wrong.get(item.field) ?? 0) + 1)
      for (const miss of result.missed) misses.set(`${miss.field} | ${miss.wording}`, (misses.get(`${miss.field} | ${miss.wording}`) ?? 0) + 1)
    }
    const recall = (field: Field) => (stated.get(field)! === 0 ? 1 : read.get(field)! / stated.get(field)!)
    const rows = FIELDS.map((field) => `${field.padEnd(24)} ${String(read.get(field)).padStart(4)} / ${String(stated.get(field)).padStart(4)}  ${(recall(field) * 100).toFixed(1).padStart(5)}%  floor ${(RECALL_FLOORS[field] * 100).toFixed(0).padStart(3)}%  wrong ${wrong.get(field) ?? 0}`)
    if ((wrong.get('other ETF flow') ?? 0) > 0) rows.push(`${'other ETF flow'.padEnd(24)} wrong ${wrong.get('other ETF flow')}`)
    console.log(`field                    read / stated  recall\n${rows.join('\n')}`)
    if (process.env.PARAPHRASE_MISSES) console.log(`misses by wording:\n${[...misses].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${String(count).padStart(4)}  ${key}`).join('\n')}`)
    for (const field of FIELDS) expect.soft(recall(field), field).toBeGreaterThanOrEqual(RECALL_FLOORS[field])
  })

  // Hard property: every figure the extractor gives for these fields is the truth, and never a distractor's value.
  it('never reads a wrong figure', () => {
    fc.assert(
      fc.property(briefArb, (brief) => {
        const {wrong} = score(brief)
        if (wrong.length > 0) throw new Error(`${wrong.map((item) => describeWrong(brief, item)).join('')}\n${brief.source}`)
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })

  // One shrunk counterexample per failure family (field × cause × wording), for the extractor's authors.
  it.runIf(process.env.PARAPHRASE_REPORT)('reports shrunk counterexamples per failure family', () => {
    const family = (wrong: Wrong) => `${wrong.field} | ${wrong.cause} | ${wrong.wording}`
    const families = new Map<string, number>()
    for (const brief of samples()) for (const item of score(brief).wrong) families.set(family(item), (families.get(family(item)) ?? 0) + 1)
    console.log(`failure families (field | cause | wording of the field), ${RUNS} samples:\n${[...families].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${String(count).padStart(4)}  ${name}`).join('\n')}`)
    for (const [name, count] of [...families].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PARAPHRASE_REPORT) || 15)) {
      const run = fc.check(fc.property(briefArb, (brief) => !score(brief).wrong.some((item) => family(item) === name)), {seed: SEED, numRuns: RUNS})
      const brief = run.counterexample?.[0]
      if (!brief) continue
      const items = score(brief, extract(brief)).wrong.filter((item) => family(item) === name)
      console.log(`### ${name} (${count} in ${RUNS} samples)\n${items.map((item) => describeWrong(brief, item)).join('')}\n\`\`\`markdown\n${brief.source}\`\`\`\n`)
    }
  }, 30 * 60_000)
})

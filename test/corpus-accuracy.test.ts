import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, hasShared} from './helpers.js'
import {extractCorpusBrief} from './market-helpers.js'

type Pair = [number, number]
interface Reading {price?: number | null; range?: Pair | null; change24hPct?: number | null; change24hRange?: Pair | null}
interface Label {file: string; btc?: Reading & {alt?: Reading[]}}

const labelsPath = path.join(fixtures, 'corpus-labels.json')
const hasLabels = existsSync(labelsPath)

const same = (a: number | undefined, b: number | null | undefined) => a !== undefined && b !== undefined && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
const samePair = (a: Pair | undefined, b: Pair | null | undefined) => !!a && !!b && same(a[0], b[0]) && same(a[1], b[1])

/** Measures BTC figures against the hand-made labels (fixtures/corpus-labels.md). */
describe.skipIf(!hasShared || !hasLabels)('extraction accuracy against hand labels', () => {
  it('reads the BTC price or range on ≥98% and the 24h change on ≥95% of labelled briefs', () => {
    const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, Label>
    let levels = 0, levelsRight = 0, changes = 0, changesRight = 0
    const misses: string[] = []
    for (const [date, label] of Object.entries(labels)) {
      if (!label.btc) continue
      const btc = extractCorpusBrief(label.file).data.prices.find((quote) => quote.symbol === 'BTC')
      const readings: Reading[] = [label.btc, ...(label.btc.alt ?? [])]
      if (label.btc.price != null || label.btc.range != null) {
        levels++
        if (readings.some((r) => same(btc?.price, r.price) || samePair(btc?.range, r.range))) levelsRight++
        else misses.push(`${date} level ${JSON.stringify(btc)}`)
      }
      if (label.btc.change24hPct != null || label.btc.change24hRange != null) {
        changes++
        if (readings.some((r) => same(btc?.change24hPct, r.change24hPct) || samePair(btc?.change24hRange, r.change24hRange))) changesRight++
        else misses.push(`${date} change ${JSON.stringify(btc)}`)
      }
    }
    console.log(`BTC price/range: ${levelsRight}/${levels}; 24h change: ${changesRight}/${changes}`, misses)
    expect(levels).toBeGreaterThanOrEqual(30)
    expect(levelsRight / levels).toBeGreaterThanOrEqual(0.98)
    expect(changesRight / changes).toBeGreaterThanOrEqual(0.95)
  })
})

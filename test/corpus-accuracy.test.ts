import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, hasShared} from './helpers.js'
import {extractCorpusBrief} from './market-helpers.js'
import {emptyScores, FIELDS, formatScores, scoreBrief, type Field, type Label} from './accuracy/score.js'

/**
 * Extraction measured against hand labels (fixtures/corpus-labels.md). The design
 * part (October 2025 to January 2026) is what the extractor was written and tuned
 * with; the held-out part (February and March 2026) was labelled without reading
 * the extractor and is only evaluated on.
 */
/**
 * Seven labelled parts: the real blog's briefs (in ../shared), and briefs written in other authors'
 * styles (fixtures/authors/, twenty-five fictional publications, each set written and labelled by its
 * own writer, who never read the extractor nor the other sets). Rules are written against design
 * parts only; a held-out part is measured, and only its totals are printed. Sets B and D were held
 * out first and measured (README has the figures) before they became design data.
 */
interface Part {
  labels: string
  /** Where the briefs are; undefined for the real corpus. */
  briefs?: string
  heldOut: boolean
}
/** A set by other authors in fixtures/authors/<dir>, with its labels beside the briefs. */
const authors = (dir: string, heldOut: boolean): Part => ({labels: path.join(fixtures, 'authors', dir, 'labels.json'), briefs: path.join(fixtures, 'authors', dir), heldOut})
const parts: Record<string, Part> = {
  design: {labels: path.join(fixtures, 'corpus-labels.json'), heldOut: false},
  'held-out': {labels: path.join(fixtures, 'corpus-labels-holdout.json'), heldOut: true},
  'authors design A': authors('design-a', false),
  'authors design B': authors('design-b', false),
  'authors held-out': authors('holdout', true),
  'authors design D': authors('design-d', false),
  'authors held-out E': authors('holdout-e', true),
  'authors design F': authors('design-f', false),
  'authors design G': authors('design-g', false),
  'authors held-out H': authors('holdout-h', true),
  'authors design I': authors('design-i', false),
  'authors design J': authors('design-j', false),
  'authors design L': authors('design-l', false),
  'authors design M': authors('design-m', false),
  'authors design N': authors('design-n', false),
  'authors design P': authors('design-p', false),
  'authors design Q': authors('design-q', false),
  'authors design R': authors('design-r', false),
  'authors design S': authors('design-s', false),
  'authors design T': authors('design-t', false),
  'authors design V': authors('design-v', false),
  'authors design U': authors('design-u', false)
}

function measure(part: Part, scores = emptyScores()) {
  const labels = JSON.parse(readFileSync(part.labels, 'utf8')) as Record<string, Label>
  for (const [date, label] of Object.entries(labels)) scoreBrief(scores, date, label, extractCorpusBrief(label.file, part.briefs).data)
  return {scores, count: Object.keys(labels).length}
}

const FLOORS: Record<string, Partial<Record<Field, [number, number]>>> = {
  design: {
    'btc.price': [0.99, 0.96], 'btc.change24h': [0.99, 0.93], 'eth.price': [0.99, 0.92], 'eth.change24h': [0.99, 0.94],
    'sol.price': [0.99, 0.9], 'sol.change24h': [0.99, 0.9], marketCap: [0.99, 0.87], 'marketCap.change24h': [0.99, 0.82],
    fearGreed: [0.98, 0.92], liquidations24h: [0.98, 0.77], 'etf.BTC': [0.98, 0.5], 'etf.ETH': [0.98, 0.58]
  },
  'held-out': {
    'btc.price': [0.97, 0.92], 'btc.change24h': [0.95, 0.93], 'eth.price': [0.95, 0.9], 'eth.change24h': [0.93, 0.92],
    'sol.price': [0.97, 0.9], 'sol.change24h': [0.97, 0.94], marketCap: [0.78, 0.58], 'marketCap.change24h': [0.8, 0.62],
    fearGreed: [0.9, 0.9], liquidations24h: [0.88, 0.64], 'etf.BTC': [0.7, 0.3], 'etf.ETH': [0.9, 0.5]
  },
  // Every field of both sets, at 100% precision today: a wrong figure on a design brief fails.
  'authors design A': Object.fromEntries(FIELDS.map((field) => [field, [1, 0.8]])),
  'authors design B': Object.fromEntries(FIELDS.map((field) => [field, [1, field === 'marketCap.change24h' ? 0.6 : 0.7]])),
  // Set D was measured once as held-out (README) before it became design data.
  'authors design D': Object.fromEntries(FIELDS.map((field) => [field, [1, field.startsWith('etf.') ? 0.45 : 0.9]])),
  'authors held-out E': {
    'btc.price': [0.9, 0.65], 'btc.change24h': [0.95, 0.5], 'eth.price': [0.9, 0.5], 'eth.change24h': [0.95, 0.6],
    'sol.price': [0.9, 0.6], marketCap: [0.95, 0.6], fearGreed: [0.95, 0.9], liquidations24h: [0.85, 0.6], 'etf.BTC': [0.9, 0.55]
  },
  'authors design F': {},
  'authors design G': {},
  'authors held-out H': {},
  'authors design I': {},
  'authors design J': {},
  'authors design L': {},
  'authors design M': {},
  'authors design N': {},
  'authors design P': {},
  'authors design Q': {},
  'authors design R': {},
  'authors design S': {},
  'authors design T': {},
  'authors design V': {},
  'authors design U': {},
  // Measured once with the rest (README); below it, a change lost figures on briefs nobody tuned on.
  'authors held-out': {
    'btc.price': [0.9, 0.65], 'btc.change24h': [0.95, 0.5], 'eth.price': [0.95, 0.65], 'eth.change24h': [0.9, 0.7],
    'sol.price': [0.9, 0.6], marketCap: [0.95, 0.6], fearGreed: [0.95, 0.9], liquidations24h: [0.95, 0.5], 'etf.BTC': [0.65, 0.45]
  }
}

const precision = (s: {right: number; shown: number}) => (s.shown === 0 ? 1 : s.right / s.shown)
const recall = (s: {read: number; stated: number}) => (s.stated === 0 ? 1 : s.read / s.stated)

describe('extraction accuracy against hand labels', () => {
  for (const [name, part] of Object.entries(parts)) {
    it.skipIf(!existsSync(part.labels) || (!part.briefs && !hasShared))(`${name}: per-field precision and recall`, () => {
      const {scores, count} = measure(part)
      console.log(formatScores(`${name} (${count} briefs)`, scores))
      // Only a design part's misses are printed: a held-out part is measured, never read for tuning.
      for (const [field, score] of part.heldOut ? [] : Object.entries(scores)) {
        if (score.wrong.length > 0) console.log(`${name}: wrong ${field}:\n  ${score.wrong.join('\n  ')}`)
        if (score.missed.length > 0) console.log(`${name}: missed ${field}:\n  ${score.missed.join('\n  ')}`)
      }
      expect(count).toBeGreaterThanOrEqual(20)
      // [precision, recall] floors: what is measured today less a small margin, so a regression fails
      // (README "Figures" has the figures and the targets, which some fields do not meet yet).
      const floors = FLOORS[name]!
      for (const [field, [p, r]] of Object.entries(floors)) {
        expect(precision(scores[field as Field]), `${field} precision`).toBeGreaterThanOrEqual(p)
        expect(recall(scores[field as Field]), `${field} recall`).toBeGreaterThanOrEqual(r)
      }
    })
  }

  it('other authors, pooled: every design set together, every held-out set together', () => {
    for (const heldOut of [false, true]) {
      const pooled = emptyScores()
      let count = 0
      for (const part of Object.values(parts)) if (part.briefs && part.heldOut === heldOut) count += measure(part, pooled).count
      console.log(formatScores(`other authors, ${heldOut ? 'held out' : 'design'}, pooled (${count} briefs)`, pooled))
      expect(count).toBeGreaterThanOrEqual(60)
    }
  })
})

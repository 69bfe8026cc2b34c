import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, hasShared} from './helpers.js'
import {extractCorpusBrief} from './market-helpers.js'
import {emptyScores, formatScores, scoreBrief, type Field, type Label} from './accuracy/score.js'

/**
 * Extraction measured against hand labels (fixtures/corpus-labels.md). The design
 * part (October 2025 to January 2026) is what the extractor was written and tuned
 * with; the held-out part (February and March 2026) was labelled without reading
 * the extractor and is only evaluated on.
 */
const parts = {
  design: path.join(fixtures, 'corpus-labels.json'),
  'held-out': path.join(fixtures, 'corpus-labels-holdout.json')
}

function measure(file: string) {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Label>
  const scores = emptyScores()
  for (const [date, label] of Object.entries(labels)) scoreBrief(scores, date, label, extractCorpusBrief(label.file).data)
  return {scores, count: Object.keys(labels).length}
}

const precision = (s: {right: number; shown: number}) => (s.shown === 0 ? 1 : s.right / s.shown)
const recall = (s: {read: number; stated: number}) => (s.stated === 0 ? 1 : s.read / s.stated)

describe.skipIf(!hasShared)('extraction accuracy against hand labels', () => {
  for (const [name, file] of Object.entries(parts)) {
    it.skipIf(!existsSync(file))(`${name}: per-field precision and recall`, () => {
      const {scores, count} = measure(file)
      console.log(formatScores(`${name} (${count} briefs)`, scores))
      // Only the design part's misses are printed: the held-out part is measured, never read for tuning.
      for (const [field, score] of name === 'design' ? Object.entries(scores) : []) {
        if (score.wrong.length > 0) console.log(`wrong ${field}:\n  ${score.wrong.join('\n  ')}`)
        if (score.missed.length > 0) console.log(`missed ${field}:\n  ${score.missed.join('\n  ')}`)
      }
      expect(count).toBeGreaterThan(40)
      const floors: Partial<Record<Field, [number, number]>> = {}
      for (const [field, [p, r]] of Object.entries(floors)) {
        expect(precision(scores[field as Field]), `${field} precision`).toBeGreaterThanOrEqual(p)
        expect(recall(scores[field as Field]), `${field} recall`).toBeGreaterThanOrEqual(r)
      }
    })
  }
})

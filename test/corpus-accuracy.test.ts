import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, hasShared} from './helpers.js'
import {extractCorpusBrief} from './market-helpers.js'
import {emptyScores, FIELDS, formatScores, scoreBrief, type Field, type Label} from './accuracy/score.js'

/**
 * Extraction measured against hand labels (fixtures/corpus-labels.md).
 * - The real blog's briefs (in ../shared): a design part (October 2025 to January 2026) and a
 *   held-out part (February and March 2026), labelled by readers who never opened the extractor.
 * - Briefs in other authors' styles (fixtures/authors/): a hundred and eleven sets of twenty briefs, five
 *   fictional publications each, every set written and labelled by its own writer, who never read
 *   the extractor nor the other sets. Each design set was measured once on arrival, before any rule
 *   was written against it (README "Figures"); six sets stay held out, measured after each change
 *   (totals only); each final set was measured once, after the last rule of its session (K, O,
 *   14a–c and 16a–c in earlier sessions, 18a–c on 7 Dec 2026, all re-measured since; 24a–e at
 *   stop 23; 28a, 28b, 30a, 31a and 31b at stop 24; 32a and 32b at stop 25; 34c, 34d, 35a and 35b at stop 26; 36e–g and 37a–b at stop 27; 38e–g at stop 28). 20a–c and 22b were final sets, measured once on 7 Dec 2026, and became design sets
 *   at stop 23 (their folders keep the name final-…).
 * Rules are written against design parts only: a held-out part's misses are never printed.
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
  'authors design U': authors('design-u', false),
  'authors design W': authors('design-w', false),
  'authors design X': authors('design-x', false),
  'authors design Y': authors('design-y', false),
  'authors design Z': authors('design-z', false),
  'authors design 11a': authors('design-11a', false),
  'authors design 11b': authors('design-11b', false),
  'authors design 11c': authors('design-11c', false),
  'authors design 11d': authors('design-11d', false),
  'authors design 12a': authors('design-12a', false),
  'authors design 12b': authors('design-12b', false),
  'authors design 12c': authors('design-12c', false),
  'authors design 15a': authors('design-15a', false),
  'authors design 15b': authors('design-15b', false),
  'authors design 15c': authors('design-15c', false),
  'authors design 17a': authors('design-17a', false),
  'authors design 17b': authors('design-17b', false),
  'authors design 17c': authors('design-17c', false),
  'authors design 19a': authors('design-19a', false),
  'authors design 19b': authors('design-19b', false),
  'authors design 21a': authors('design-21a', false),
  'authors design 21b': authors('design-21b', false),
  'authors design 22a': authors('design-22a', false),
  'authors design 25a': authors('design-25a', false),
  'authors design 26a': authors('design-26a', false),
  'authors design 27a': authors('design-27a', false),
  'authors design 27b': authors('design-27b', false),
  'authors design 27c': authors('design-27c', false),
  'authors design 29a': authors('design-29a', false),
  'authors design 29b': authors('design-29b', false),
  'authors design 29c': authors('design-29c', false),
  'authors design 32c': authors('design-32c', false),
  'authors design 32d': authors('design-32d', false),
  'authors design 33a': authors('design-33a', false),
  'authors design 33b': authors('design-33b', false),
  'authors design 34a': authors('design-34a', false),
  'authors design 36a': authors('design-36a', false),
  'authors design 36b': authors('design-36b', false),
  'authors design 36c': authors('design-36c', false),
  'authors design 36d': authors('design-36d', false),
  'authors design 38a': authors('design-38a', false),
  'authors design 38b': authors('design-38b', false),
  'authors design 38c': authors('design-38c', false),
  'authors design 38d': authors('design-38d', false),
  'authors design 39a': authors('design-39a', false),
  'authors design 39b': authors('design-39b', false),
  'authors design 39c': authors('design-39c', false),
  'authors design 34b': authors('design-34b', false),
  'authors design 35c': authors('design-35c', false),
  'authors design 35d': authors('design-35d', false),
  'authors held-out 13a': authors('holdout-13a', true),
  'authors held-out 13b': authors('holdout-13b', true),
  'authors held-out 13c': authors('holdout-13c', true),
  // Written last and measured once, after the last rule was written (README "Figures").
  'authors final K': authors('final-k', true),
  'authors final O': authors('final-o', true),
  'authors final 14a': authors('final-14a', true),
  'authors final 14b': authors('final-14b', true),
  'authors final 14c': authors('final-14c', true),
  'authors final 16a': authors('final-16a', true),
  'authors final 16b': authors('final-16b', true),
  'authors final 16c': authors('final-16c', true),
  'authors final 18a': authors('final-18a', true),
  'authors final 18b': authors('final-18b', true),
  'authors final 18c': authors('final-18c', true),
  'authors final 24a': authors('final-24a', true),
  'authors final 24b': authors('final-24b', true),
  'authors final 24c': authors('final-24c', true),
  'authors final 24d': authors('final-24d', true),
  'authors final 24e': authors('final-24e', true),
  'authors final 28a': authors('final-28a', true),
  'authors final 28b': authors('final-28b', true),
  'authors final 30a': authors('final-30a', true),
  'authors final 31a': authors('final-31a', true),
  'authors final 31b': authors('final-31b', true),
  'authors final 32a': authors('final-32a', true),
  'authors final 32b': authors('final-32b', true),
  'authors final 34c': authors('final-34c', true),
  'authors final 34d': authors('final-34d', true),
  'authors final 35a': authors('final-35a', true),
  'authors final 35b': authors('final-35b', true),
  'authors final 36e': authors('final-36e', true),
  'authors final 36f': authors('final-36f', true),
  'authors final 36g': authors('final-36g', true),
  'authors final 37a': authors('final-37a', true),
  'authors final 37b': authors('final-37b', true),
  'authors final 38e': authors('final-38e', true),
  'authors final 38f': authors('final-38f', true),
  'authors final 38g': authors('final-38g', true),
  'authors design 20a': authors('final-20a', false),
  'authors design 20b': authors('final-20b', false),
  'authors design 20c': authors('final-20c', false),
  'authors design 22b': authors('final-22b', false)
}

function measure(part: Part, scores = emptyScores()) {
  const labels = JSON.parse(readFileSync(part.labels, 'utf8')) as Record<string, Label>
  for (const [date, label] of Object.entries(labels)) scoreBrief(scores, date, label, extractCorpusBrief(label.file, part.briefs).data)
  return {scores, count: Object.keys(labels).length}
}

/**
 * [precision, recall] floors per part, from what is measured today: a design part keeps its precision
 * (100% where it is 100%) and all but 5 points of its recall; a held-out part all but 3 points of
 * precision and 5 of recall. Below them a change lost figures, or showed wrong ones.
 */
const FLOORS: Record<string, Partial<Record<Field, [number, number]>>> = {
  'design': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.85], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.85], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.8], fearGreed: [1, 0.9], 'liquidations24h': [1, 0.7], 'etf.BTC': [1, 0.55], 'etf.ETH': [1, 0.55]},
  'held-out': {'btc.price': [0.94, 0.9], 'btc.change24h': [0.94, 0.9], 'eth.price': [0.94, 0.9], 'eth.change24h': [0.92, 0.9], 'sol.price': [0.97, 0.85], 'sol.change24h': [0.97, 0.85], marketCap: [0.87, 0.7], 'marketCap.change24h': [0.86, 0.75], fearGreed: [0.9, 0.85], 'liquidations24h': [0.85, 0.7], 'etf.BTC': [0.72, 0.35], 'etf.ETH': [0.97, 0.5]},
  'authors design A': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.9], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.8]},
  'authors design B': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.85], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.85], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.85], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.85], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.7]},
  'authors held-out': {'btc.price': [0.97, 0.7], 'btc.change24h': [0.97, 0.75], 'eth.price': [0.97, 0.75], 'eth.change24h': [0.91, 0.85], 'sol.price': [0.97, 0.85], 'sol.change24h': [0.88, 0.75], marketCap: [0.97, 0.85], 'marketCap.change24h': [0.87, 0.95], fearGreed: [0.97, 0.95], 'liquidations24h': [0.97, 0.6], 'etf.BTC': [0.78, 0.45], 'etf.ETH': [0.97, 0.6]},
  'authors design D': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.95], 'etf.BTC': [1, 0.8], 'etf.ETH': [1, 0.5]},
  'authors held-out E': {'btc.price': [0.91, 0.75], 'btc.change24h': [0.97, 0.6], 'eth.price': [0.9, 0.6], 'eth.change24h': [0.97, 0.7], 'sol.price': [0.91, 0.75], 'sol.change24h': [0.97, 0.7], marketCap: [0.97, 0.75], 'marketCap.change24h': [0.87, 0.6], fearGreed: [0.97, 0.95], 'liquidations24h': [0.87, 0.7], 'etf.BTC': [0.97, 0.55], 'etf.ETH': [0.97, 0.75]},
  'authors design F': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.85], 'liquidations24h': [1, 0.95], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.75]},
  'authors design G': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.8], 'etf.BTC': [1, 0.8], 'etf.ETH': [1, 0.75]},
  'authors held-out H': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.91, 0.75], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.9], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.85], fearGreed: [0.97, 0.95], 'liquidations24h': [0.9, 0.75], 'etf.BTC': [0.75, 0.7], 'etf.ETH': [0.84, 0.7]},
  'authors design I': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.9], 'liquidations24h': [1, 0.7], 'etf.BTC': [1, 0.5], 'etf.ETH': [1, 0.45]},
  'authors design J': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.85], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.75], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.75]},
  'authors design L': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.85], 'liquidations24h': [1, 0.95], 'etf.BTC': [1, 0.55], 'etf.ETH': [1, 0.6]},
  'authors design M': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.8], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.95], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.75], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.95]},
  'authors design N': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.9], 'sol.change24h': [1, 0.9], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.5], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.7], 'etf.BTC': [1, 0.2], 'etf.ETH': [1, 0.25]},
  'authors design P': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.75], 'etf.BTC': [1, 0.5], 'etf.ETH': [1, 0.95]},
  'authors design Q': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.7], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.5], 'etf.BTC': [1, 0.8], 'etf.ETH': [1, 0.45]},
  'authors design R': {'btc.price': [0.93, 0.85], 'btc.change24h': [0.93, 0.85], 'eth.price': [0.92, 0.7], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.75], 'sol.change24h': [1, 0.9], marketCap: [0.86, 0.6], 'marketCap.change24h': [1, 0.75], fearGreed: [0.94, 0.9], 'liquidations24h': [1, 0.85], 'etf.BTC': [0.94, 0.8], 'etf.ETH': [1, 0.95]},
  'authors design S': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.85], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.9], fearGreed: [1, 0.85], 'liquidations24h': [1, 0.85], 'etf.BTC': [1, 0.65], 'etf.ETH': [1, 0.85]},
  'authors design T': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.85], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.7], 'liquidations24h': [1, 0.75], 'etf.BTC': [1, 0.95], 'etf.ETH': [1, 0.95]},
  'authors design V': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.9], 'sol.change24h': [1, 0.95], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.75], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.7]},
  'authors design U': {'btc.price': [0.87, 0.75], 'btc.change24h': [1, 0.75], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.85], marketCap: [1, 0.7], 'marketCap.change24h': [1, 0.65], fearGreed: [1, 0.95], 'liquidations24h': [1, 0.55], 'etf.BTC': [1, 0.2], 'etf.ETH': [1, 0.1]},
  'authors design W': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [0.93, 0.7], 'sol.change24h': [1, 0.75], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.65], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.55], 'etf.ETH': [1, 0.6]},
  'authors design X': {'btc.price': [0.95, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.7], 'marketCap.change24h': [1, 0.7], fearGreed: [1, 0.95], liquidations24h: [1, 0.65], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.6]},
  'authors design Y': {'btc.price': [1, 0.9], 'btc.change24h': [0.95, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [0.94, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.85], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.45], 'etf.ETH': [1, 0.15]},
  'authors design Z': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.9], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.8], fearGreed: [0.95, 0.9], liquidations24h: [1, 0.6], 'etf.BTC': [0.94, 0.85], 'etf.ETH': [1, 0.7]},
  'authors design 11a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.8], liquidations24h: [1, 0.65], 'etf.BTC': [1, 0.55], 'etf.ETH': [0.91, 0.55]},
  'authors design 11b': {'btc.price': [1, 0.95], 'btc.change24h': [0.94, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.95], marketCap: [0.82, 0.65], 'marketCap.change24h': [1, 0.7], fearGreed: [1, 0.9], liquidations24h: [0.93, 0.8], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.65]},
  'authors design 11c': {'btc.price': [1, 0.8], 'btc.change24h': [1, 0.8], 'eth.price': [1, 0.8], 'eth.change24h': [1, 0.8], 'sol.price': [1, 0.75], 'sol.change24h': [1, 0.75], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], liquidations24h: [1, 0.65], 'etf.BTC': [0.95, 0.6], 'etf.ETH': [0.83, 0.75]},
  'authors design 11d': {'btc.price': [0.8, 0.15], 'btc.change24h': [1, 0.3], 'eth.price': [1, 0.15], 'eth.change24h': [1, 0.35], 'sol.price': [0.85, 0.35], 'sol.change24h': [1, 0.35], marketCap: [1, 0.55], 'marketCap.change24h': [1, 0.1], fearGreed: [1, 0.6], liquidations24h: [1, 0.35], 'etf.BTC': [1, 0.3], 'etf.ETH': [1, 0.45]},
  'authors design 12a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.85], 'eth.change24h': [0.94, 0.95], 'sol.price': [1, 0.75], 'sol.change24h': [1, 0.95], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [0.83, 0.7], liquidations24h: [0.93, 0.75], 'etf.BTC': [1, 0.55], 'etf.ETH': [1, 0.6]},
  'authors design 12b': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.85], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.75], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.7], fearGreed: [1, 0.95], liquidations24h: [1, 0.8], 'etf.BTC': [0.91, 0.55], 'etf.ETH': [1, 0.95]},
  'authors design 12c': {'btc.price': [1, 0.55], 'btc.change24h': [0.77, 0.3], 'eth.price': [1, 0.65], 'eth.change24h': [0.6, 0.25], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.3], marketCap: [1, 0.5], 'marketCap.change24h': [1, 0.1], fearGreed: [1, 0.7], liquidations24h: [1, 0.45], 'etf.BTC': [1, 0.5], 'etf.ETH': [1, 0.35]},
  'authors design 15a': {'btc.price': [0.94, 0.8], 'btc.change24h': [1, 0.8], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.8]},
  'authors design 15b': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.9], 'sol.change24h': [1, 0.9], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.35], 'etf.ETH': [1, 0.95]},
  'authors design 15c': {'btc.price': [0.88, 0.75], 'btc.change24h': [1, 0.85], 'eth.price': [1, 0.75], 'eth.change24h': [0.94, 0.85], 'sol.price': [1, 0.85], 'sol.change24h': [0.94, 0.95], marketCap: [0.92, 0.65], 'marketCap.change24h': [1, 0.7], fearGreed: [1, 0.45], liquidations24h: [1, 0.7], 'etf.BTC': [1, 0.55], 'etf.ETH': [0.66, 0.95]},
  'authors design 17a': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.75], 'eth.price': [1, 0.85], 'eth.change24h': [1, 0.6], 'sol.price': [1, 0.65], 'sol.change24h': [1, 0.5], marketCap: [1, 0.9], 'marketCap.change24h': [0.91, 0.5], fearGreed: [1, 0.95], liquidations24h: [1, 0.8], 'etf.BTC': [0.92, 0.55], 'etf.ETH': [1, 0.15]},
  'authors design 17b': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.85], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.85], fearGreed: [0.94, 0.85], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.7]},
  'authors design 17c': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.85], liquidations24h: [1, 0.7], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.65]},
  'authors design 19a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [0.94, 0.85], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.45], 'etf.ETH': [1, 0.8]},
  'authors design 19b': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], liquidations24h: [1, 0.65], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.45]},
  'authors design 21a': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.75], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.75], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.75], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.7]},
  'authors design 21b': {'btc.price': [0.95, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.8], 'sol.change24h': [1, 0.8], marketCap: [0.93, 0.7], 'marketCap.change24h': [1, 0.75], fearGreed: [0.94, 0.75], liquidations24h: [1, 0.65], 'etf.BTC': [1, 0.6], 'etf.ETH': [1, 0.7]},
  'authors design 22a': {'btc.price': [0.94, 0.85], 'btc.change24h': [0.85, 0.75], 'eth.price': [0.9, 0.85], 'eth.change24h': [1, 0.95], 'sol.price': [0.9, 0.95], 'sol.change24h': [0.89, 0.85], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [0.9, 0.85], 'etf.BTC': [1, 0.45], 'etf.ETH': [1, 0.95]},
  'authors design 25a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.55], 'etf.ETH': [1, 0.6]},
  'authors design 26a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.9], fearGreed: [1, 0.95], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.95], 'etf.ETH': [1, 0.6]},
  'authors design 27a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [0.94, 0.85], fearGreed: [1, 0.65], liquidations24h: [1, 0.85], 'etf.BTC': [0.93, 0.75], 'etf.ETH': [0.75, 0.5]},
  'authors design 27b': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.85], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.25], 'etf.ETH': [1, 0.1]},
  'authors design 27c': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.65], 'etf.ETH': [1, 0.7]},
  'authors design 29a': {'btc.price': [0.9, 0.85], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [0.94, 0.85], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.6], 'etf.ETH': [1, 0.95]},
  'authors design 29b': {'btc.price': [1, 0.75], 'btc.change24h': [1, 0.75], 'eth.price': [1, 0.75], 'eth.change24h': [1, 0.75], 'sol.price': [0.93, 0.75], 'sol.change24h': [1, 0.65], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.95]},
  'authors design 29c': {'btc.price': [1, 0.75], 'btc.change24h': [1, 0.6], 'eth.price': [1, 0.75], 'eth.change24h': [1, 0.6], 'sol.price': [1, 0.7], 'sol.change24h': [1, 0.65], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.65], fearGreed: [1, 0.95], liquidations24h: [1, 0.65], 'etf.BTC': [1, 0.15], 'etf.ETH': [0.83, 0.5]},
  'authors design 32c': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.55]},
  'authors design 32d': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.85], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.8], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.8]},
  'authors design 33a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.75]},
  'authors design 33b': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [0.94, 0.85], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.8]},
  'authors design 34a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.7], 'etf.ETH': [1, 0.75]},
  'authors design 34b': {'btc.price': [1, 0.85], 'btc.change24h': [0.94, 0.85], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.85], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.75], liquidations24h: [1, 0.8], 'etf.BTC': [1, 0.8], 'etf.ETH': [1, 0.95]},
  'authors design 35c': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [0.94, 0.95], 'sol.change24h': [0.94, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.75]},
  'authors design 35d': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.85], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.85], liquidations24h: [1, 0.8], 'etf.BTC': [1, 0.9], 'etf.ETH': [1, 0.7]},
  'authors held-out 13a': {'btc.price': [0.91, 0.85], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.85], 'marketCap.change24h': [0.97, 0.8], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.89, 0.7], 'etf.ETH': [0.97, 0.95]},
  'authors held-out 13b': {'btc.price': [0.9, 0.7], 'btc.change24h': [0.97, 0.7], 'eth.price': [0.97, 0.75], 'eth.change24h': [0.97, 0.7], 'sol.price': [0.97, 0.7], 'sol.change24h': [0.97, 0.65], marketCap: [0.97, 0.7], 'marketCap.change24h': [0.97, 0.75], fearGreed: [0.97, 0.95], liquidations24h: [0.9, 0.5], 'etf.BTC': [0.97, 0.75], 'etf.ETH': [0.97, 0.45]},
  'authors held-out 13c': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.85], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.9, 0.95], liquidations24h: [0.97, 0.75], 'etf.BTC': [0.97, 0.6], 'etf.ETH': [0.97, 0.2]},
  'authors final K': {'btc.price': [0.87, 0.85], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.91, 0.85], marketCap: [0.91, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], 'liquidations24h': [0.97, 0.8], 'etf.BTC': [0.97, 0.55], 'etf.ETH': [0.97, 0.95]},
  'authors final O': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.85], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.5], 'marketCap.change24h': [0.97, 0.45], fearGreed: [0.97, 0.95], 'liquidations24h': [0.97, 0.75], 'etf.BTC': [0.97, 0.65], 'etf.ETH': [0.97, 0.3]},
  'authors final 14a': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.91, 0.85], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.7], 'marketCap.change24h': [0.97, 0.75], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.7], 'etf.BTC': [0.97, 0.65], 'etf.ETH': [0.97, 0.45]},
  'authors final 14b': {'btc.price': [0.87, 0.85], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.91, 0.85], liquidations24h: [0.9, 0.85], 'etf.BTC': [0.97, 0.55], 'etf.ETH': [0.97, 0.75]},
  'authors final 14c': {'btc.price': [0.91, 0.8], 'btc.change24h': [0.91, 0.75], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.85], 'sol.change24h': [0.9, 0.8], marketCap: [0.97, 0.85], 'marketCap.change24h': [0.97, 0.8], fearGreed: [0.91, 0.95], liquidations24h: [0.88, 0.6], 'etf.BTC': [0.97, 0.8], 'etf.ETH': [0.97, 0.7]},
  'authors final 16a': {'btc.price': [0.97, 0.75], 'btc.change24h': [0.97, 0.85], 'eth.price': [0.97, 0.75], 'eth.change24h': [0.97, 0.85], 'sol.price': [0.97, 0.7], 'sol.change24h': [0.97, 0.85], marketCap: [0.97, 0.85], 'marketCap.change24h': [0.97, 0.85], fearGreed: [0.9, 0.7], liquidations24h: [0.97, 0.55], 'etf.BTC': [0.88, 0.7], 'etf.ETH': [0.97, 0.45]},
  'authors final 16b': {'btc.price': [0.85, 0.75], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.85], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.8], 'etf.BTC': [0.88, 0.55], 'etf.ETH': [0.97, 0.5]},
  'authors final 16c': {'btc.price': [0.91, 0.85], 'btc.change24h': [0.97, 0.8], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.7], 'marketCap.change24h': [0.97, 0.7], fearGreed: [0.97, 0.95], liquidations24h: [0.87, 0.55], 'etf.BTC': [0.97, 0.8], 'etf.ETH': [0.97, 0.45]},
  'authors final 18a': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.92, 0.9], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.75], 'marketCap.change24h': [0.97, 0.75], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.91, 0.85], 'etf.ETH': [0.97, 0.95]},
  'authors final 18b': {'btc.price': [0.97, 0.75], 'btc.change24h': [0.97, 0.75], 'eth.price': [0.97, 0.75], 'eth.change24h': [0.97, 0.75], 'sol.price': [0.97, 0.7], 'sol.change24h': [0.97, 0.7], marketCap: [0.97, 0.5], 'marketCap.change24h': [0.97, 0.5], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.35], 'etf.BTC': [0.97, 0.45], 'etf.ETH': [0.97, 0.35]},
  'authors final 18c': {'btc.price': [0.97, 0.9], 'btc.change24h': [0.97, 0.7], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.75], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.7], marketCap: [0.97, 0.75], 'marketCap.change24h': [0.97, 0.5], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.8], 'etf.BTC': [0.85, 0.8], 'etf.ETH': [0.97, 0.75]},
  'authors final 24a': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.91, 0.8], fearGreed: [0.97, 0.95], liquidations24h: [0.91, 0.8], 'etf.BTC': [0.97, 0.85], 'etf.ETH': [0.97, 0.85]},
  'authors final 24b': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.97, 0.65], 'etf.ETH': [0.82, 0.5]},
  'authors final 24c': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.75], 'marketCap.change24h': [0.97, 0.75], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.91, 0.85], 'etf.ETH': [0.97, 0.95]},
  'authors final 24d': {'btc.price': [0.97, 0.7], 'btc.change24h': [0.9, 0.7], 'eth.price': [0.97, 0.75], 'eth.change24h': [0.97, 0.75], 'sol.price': [0.97, 0.75], 'sol.change24h': [0.97, 0.75], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.75], fearGreed: [0.97, 0.7], liquidations24h: [0.97, 0.55], 'etf.BTC': [0.97, 0.55], 'etf.ETH': [0.97, 0.6]},
  'authors final 24e': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.85], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.6], 'marketCap.change24h': [0.97, 0.55], fearGreed: [0.97, 0.85], liquidations24h: [0.97, 0.7], 'etf.BTC': [0.9, 0.7], 'etf.ETH': [0.97, 0.7]},
  'authors final 28a': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.97, 0.85], 'etf.ETH': [0.97, 0.45]},
  'authors final 28b': {'btc.price': [0.91, 0.75], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.9, 0.95], 'sol.change24h': [0.84, 0.95], marketCap: [0.97, 0.7], 'marketCap.change24h': [0.89, 0.7], fearGreed: [0.97, 0.95], liquidations24h: [0.89, 0.7], 'etf.BTC': [0.97, 0.85], 'etf.ETH': [0.97, 0.95]},
  'authors final 30a': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.9], 'sol.price': [0.97, 0.85], 'sol.change24h': [0.97, 0.8], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.97, 0.8], 'etf.ETH': [0.97, 0.65]},
  'authors final 31a': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.9], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.8], 'etf.BTC': [0.97, 0.95], 'etf.ETH': [0.97, 0.8]},
  'authors final 31b': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.91, 0.75], 'marketCap.change24h': [0.97, 0.8], fearGreed: [0.97, 0.85], liquidations24h: [0.97, 0.8], 'etf.BTC': [0.97, 0.7], 'etf.ETH': [0.97, 0.65]},
  'authors final 32a': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.92, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.85], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.97, 0.5], 'etf.ETH': [0.97, 0.85]},
  'authors final 32b': {'btc.price': [0.87, 0.85], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.75], 'eth.change24h': [0.97, 0.75], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.7], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.75], 'etf.BTC': [0.97, 0.65], 'etf.ETH': [0.97, 0.8]},
  'authors final 34c': {'btc.price': [0.82, 0.75], 'btc.change24h': [0.97, 0.75], 'eth.price': [0.91, 0.75], 'eth.change24h': [0.97, 0.85], 'sol.price': [0.9, 0.75], 'sol.change24h': [0.9, 0.8], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.85], fearGreed: [0.91, 0.8], liquidations24h: [0.91, 0.85], 'etf.BTC': [0.92, 0.75], 'etf.ETH': [0.97, 0.65]},
  'authors final 34d': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.91, 0.75], 'etf.BTC': [0.97, 0.95], 'etf.ETH': [0.97, 0.85]},
  'authors final 35a': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.9], fearGreed: [0.97, 0.9], liquidations24h: [0.97, 0.85], 'etf.BTC': [0.97, 0.85], 'etf.ETH': [0.97, 0.75]},
  'authors final 35b': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.85], 'etf.BTC': [0.92, 0.9], 'etf.ETH': [0.97, 0.85]},
  'authors design 36a': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.85]},
  'authors design 36b': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.95]},
  'authors design 36c': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [0.94, 0.95], 'sol.change24h': [1, 0.85], marketCap: [1, 0.9], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.9], 'etf.ETH': [1, 0.95]},
  'authors design 36d': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.9], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.9], liquidations24h: [1, 0.75], 'etf.BTC': [1, 0.9], 'etf.ETH': [1, 0.8]},
  'authors final 36e': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.95], 'etf.BTC': [0.97, 0.9], 'etf.ETH': [0.97, 0.85]},
  'authors final 36f': {'btc.price': [0.91, 0.75], 'btc.change24h': [0.97, 0.75], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.85], 'sol.price': [0.97, 0.9], 'sol.change24h': [0.97, 0.8], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.8], fearGreed: [0.97, 0.75], liquidations24h: [0.97, 0.85], 'etf.BTC': [0.97, 0.7], 'etf.ETH': [0.9, 0.75]},
  'authors final 36g': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.9], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.85], 'etf.BTC': [0.92, 0.9], 'etf.ETH': [0.92, 0.85]},
  'authors final 37a': {'btc.price': [0.91, 0.75], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.9], 'sol.price': [0.91, 0.95], 'sol.change24h': [0.97, 0.85], marketCap: [0.91, 0.85], 'marketCap.change24h': [0.97, 0.8], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.75], 'etf.BTC': [0.92, 0.9], 'etf.ETH': [0.97, 0.8]},
  'authors design 38a': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.9], fearGreed: [0.94, 0.9], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.95]},
  'authors design 38b': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.9], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.85], 'sol.change24h': [1, 0.85], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.8], 'etf.BTC': [1, 0.35], 'etf.ETH': [1, 0.45]},
  'authors design 38c': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], liquidations24h: [1, 0.9], 'etf.BTC': [1, 0.6], 'etf.ETH': [1, 0.5]},
  'authors design 38d': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.9], fearGreed: [0.94, 0.9], liquidations24h: [1, 0.7], 'etf.BTC': [1, 0.65], 'etf.ETH': [1, 0.9]},
  'authors design 39a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.85], 'sol.price': [0.87, 0.85], 'sol.change24h': [0.91, 0.8], marketCap: [1, 0.85], 'marketCap.change24h': [1, 0.85], fearGreed: [1, 0.95], liquidations24h: [1, 0.3], 'etf.BTC': [1, 0.55], 'etf.ETH': [1, 0.7]},
  'authors design 39b': {'btc.price': [1, 0.85], 'btc.change24h': [1, 0.9], 'eth.price': [1, 0.85], 'eth.change24h': [1, 0.9], 'sol.price': [0.93, 0.8], 'sol.change24h': [1, 0.85], marketCap: [0.73, 0.6], 'marketCap.change24h': [0.88, 0.8], fearGreed: [1, 0.9], liquidations24h: [0.93, 0.7], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.85]},
  'authors design 39c': {'btc.price': [1, 0.9], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.7], 'marketCap.change24h': [1, 0.7], fearGreed: [1, 0.95], liquidations24h: [0.93, 0.8], 'etf.BTC': [1, 0.85], 'etf.ETH': [0.93, 0.75]},
  'authors final 38e': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.95], 'marketCap.change24h': [0.97, 0.95], fearGreed: [0.97, 0.95], liquidations24h: [0.92, 0.95], 'etf.BTC': [0.97, 0.95], 'etf.ETH': [0.97, 0.85]},
  'authors final 38f': {'btc.price': [0.92, 0.9], 'btc.change24h': [0.97, 0.9], 'eth.price': [0.92, 0.9], 'eth.change24h': [0.97, 0.9], 'sol.price': [0.91, 0.85], 'sol.change24h': [0.97, 0.85], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.85], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.85], 'etf.BTC': [0.97, 0.75], 'etf.ETH': [0.97, 0.75]},
  'authors final 38g': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.95], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.97, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.9], 'marketCap.change24h': [0.97, 0.9], fearGreed: [0.97, 0.95], liquidations24h: [0.92, 0.9], 'etf.BTC': [0.86, 0.75], 'etf.ETH': [0.97, 0.85]},
  'authors final 37b': {'btc.price': [0.97, 0.95], 'btc.change24h': [0.97, 0.95], 'eth.price': [0.97, 0.9], 'eth.change24h': [0.97, 0.95], 'sol.price': [0.92, 0.95], 'sol.change24h': [0.97, 0.95], marketCap: [0.97, 0.75], 'marketCap.change24h': [0.97, 0.75], fearGreed: [0.97, 0.95], liquidations24h: [0.97, 0.9], 'etf.BTC': [0.91, 0.75], 'etf.ETH': [0.9, 0.6]},
  'authors design 20a': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.75], 'marketCap.change24h': [1, 0.75], fearGreed: [1, 0.95], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.65], 'etf.ETH': [1, 0.6]},
  'authors design 20b': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [1, 0.95], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.7]},
  'authors design 20c': {'btc.price': [1, 0.95], 'btc.change24h': [1, 0.95], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.8], fearGreed: [1, 0.95], liquidations24h: [1, 0.85], 'etf.BTC': [1, 0.85], 'etf.ETH': [1, 0.85]},
  'authors design 22b': {'btc.price': [0.95, 0.9], 'btc.change24h': [0.94, 0.85], 'eth.price': [1, 0.95], 'eth.change24h': [1, 0.95], 'sol.price': [1, 0.95], 'sol.change24h': [1, 0.95], marketCap: [1, 0.95], 'marketCap.change24h': [1, 0.95], fearGreed: [1, 0.95], liquidations24h: [0.94, 0.8], 'etf.BTC': [1, 0.75], 'etf.ETH': [1, 0.5]}
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

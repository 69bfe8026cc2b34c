/** Normalised severity, lowest to highest. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical'

const severityOrder: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical']

/**
 * Every level word authors use, and what it means. Decisions (documented in
 * the README): "Elevated" is high (it sits above medium on every scale it was
 * seen with); "Moderate" is medium; "Minimal" is low; "N/A", "Neutral",
 * "Context" and "Info" carry no risk, so info. A new word is one entry here.
 */
const levelWords: ReadonlyArray<readonly [string, Severity]> = [
  ['critical', 'critical'],
  ['elevated', 'high'],
  ['high', 'high'],
  ['moderate', 'medium'],
  ['medium', 'medium'],
  ['minimal', 'low'],
  ['low', 'low'],
  ['context', 'info'],
  ['neutral', 'info'],
  ['n/a', 'info'],
  ['info', 'info']
]

const levelByWord = new Map(levelWords)

/** One level word, as a regular-expression source (case-insensitive use). */
export const LEVEL = `(?:${levelWords.map(([word]) => word.replace('/', '\\/')).join('|')})(?!\\w)`

/**
 * A level or a range of two ("Low–Medium", "LOW/CONTEXT", "Low to Medium").
 * The em dash is not a range separator: "High — explanation" is a level and
 * its gloss.
 */
export const RANGE = `${LEVEL}(?:\\s*[-–‑/]\\s*${LEVEL}|\\s+to\\s+${LEVEL})?`

const levelWordPattern = new RegExp(`(?<![\\w/])${LEVEL}`, 'gi')

/** The level words in a label, in order. */
export function levelsIn(label: string): Severity[] {
  return [...label.matchAll(levelWordPattern)].map((match) => levelByWord.get(match[0].toLowerCase())!)
}

/** A label as written ("Low–Medium") to its severity: a range takes its higher end. */
export function normaliseLevel(label: string): Severity | undefined {
  let best: Severity | undefined
  for (const level of levelsIn(label)) {
    if (best === undefined || severityOrder.indexOf(level) > severityOrder.indexOf(best)) best = level
  }
  return best
}

const legendPattern = new RegExp(`${LEVEL}\\s*[/,]\\s*${LEVEL}\\s*[/,]\\s*${LEVEL}`, 'i')

/** "{Impact: High, Medium, Low}", "{Low/Medium/High}": a key to the scale, not a rating. */
export function isLegend(text: string): boolean {
  return legendPattern.test(text)
}

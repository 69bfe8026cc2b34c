import {memoised} from '../memo.js'
import {isLegend, LEVEL, normaliseLevel, RANGE, type Severity} from './levels.js'

/** A severity found in a line of text. */
export interface SeverityMatch {
  /** The level as written: "HIGH", "Low–Medium", "LOW/CONTEXT", "N/A". */
  label: string
  severity: Severity
  /** Span of the whole marker ("{High Risk}", "— High Risk"), to strip it from a title. */
  start: number
  end: number
  /** Name of the recogniser that found it. */
  recogniser: string
}

export interface SeverityRecogniser {
  name: string
  /**
   * `any`: a marker unambiguous anywhere (brackets, "Risk:" labels).
   * `title`: bare forms ("— High Risk", "Risk Elevated") trusted only on a
   * headline's own title line, since the same words occur in prose.
   */
  scope: 'any' | 'title'
  /** Every match in the text, as label and span. */
  find(text: string): Array<{label: string; start: number; end: number}>
}

const RISK_WORD = '(?:risk|impact|severity)'
const LABEL = `${RISK_WORD}(?:\\s+(?:level|label|impact|rating|assessment))?\\s*[:：]\\s*`

/** A recogniser from a global pattern whose group `level` holds the label; the span is the whole match. */
function fromPattern(name: string, scope: SeverityRecogniser['scope'], pattern: RegExp): SeverityRecogniser {
  return {
    name,
    scope,
    find(text) {
      return [...text.matchAll(pattern)].flatMap((match) => {
        const label = match.groups?.level
        if (!label) return []
        const window = text.slice(match.index, match.index + match[0].length + 30)
        if (isLegend(window)) return []
        return [{label, start: match.index, end: match.index + match[0].length}]
      })
    }
  }
}

const leadLevel = new RegExp(`^[^\\p{L}]*(?:${LABEL})?(${RANGE})(?!\\s+confidence)`, 'iu')
const qualifiedLevel = new RegExp(`(${RANGE})(?!\\s+confidence)[\\s-]+(?:[\\w-]+\\s+){0,2}${RISK_WORD}\\b`, 'i')
const labelledLevel = new RegExp(`^\\s*${LABEL}(${RANGE})`, 'i')
const onlyLevel = new RegExp(`^\\s*(${RANGE})\\s*$`, 'i')

/**
 * A recogniser for a bracketed marker. `loose` brackets ({…}, […]) are
 * markers by nature, so a leading level is enough ("[Medium volatility
 * trigger]"); parentheses also hold prose, so they need a "Risk:" label, a
 * "… Risk" qualifier or nothing but the level.
 */
function bracketed(name: string, open: string, close: string, loose: boolean): SeverityRecogniser {
  const pattern = new RegExp(`\\${open}([^\\${open}\\${close}]{1,80})\\${close}`, 'g')
  return {
    name,
    scope: 'any',
    find(text) {
      return [...text.matchAll(pattern)].flatMap((match) => {
        const content = match[1]!
        if (isLegend(content) || /^\W*confidence\b/i.test(content)) return []
        const found = loose
          ? (leadLevel.exec(content) ?? qualifiedLevel.exec(content))
          : (labelledLevel.exec(content) ?? qualifiedLevel.exec(content) ?? onlyLevel.exec(content))
        return found ? [{label: found[1]!, start: match.index, end: match.index + match[0].length}] : []
      })
    }
  }
}

/**
 * The severity recognisers, tried on every line; the earliest match wins and
 * a tie goes to the first in this list. A new way of writing severity is one
 * entry here, with a test in test/headlines-severity.test.ts.
 */
export const severityRecognisers: readonly SeverityRecogniser[] = [
  // {High}, {Medium Risk}, {Risk: Low}, {🔴 HIGH RISK}, {Low to Medium}, {High Confidence, High Risk}
  bracketed('braces', '{', '}', true),
  // [HIGH], [CRITICAL], [LOW/CONTEXT], [Medium Risk], [HIGH IMPACT], [Speculative, Medium Risk]
  bracketed('brackets', '[', ']', true),
  // (Risk: High), (High Risk), (Medium Impact)
  bracketed('parentheses', '(', ')', false),
  // Risk: Medium.  Risk Level: {High}  Risk label: N/A  Impact: Low–Medium  Severity: High
  fromPattern('risk-label', 'any', new RegExp(`\\b${LABEL}\\{?\\s*(?<level>${RANGE})`, 'gi')),
  // A line that is nothing but a level: "High", "**MEDIUM**", "Low Risk", a table cell.
  fromPattern('level-only', 'any', new RegExp(`^[^\\p{L}]*(?<level>${RANGE})(?:[\\s-]+${RISK_WORD})?[^\\p{L}]*$`, 'giu')),
  // "— High Risk", "| Low Risk", "– Medium risk" after a title.
  fromPattern('level-then-risk', 'title', new RegExp(`(?:^|[|—–\\-•●:;,]\\s*)(?<level>${RANGE})[\\s-]+${RISK_WORD}\\b`, 'gi')),
  // "… Breach Risk Elevated:" at the end of a title.
  fromPattern('risk-then-level', 'title', new RegExp(`\\b${RISK_WORD}\\s+(?<level>${RANGE})\\W*$`, 'gi')),
  // "(~USD 9M, DeFi, High)": the level as the last item of a parenthesised tag list.
  fromPattern('tag-list', 'title', new RegExp(`,\\s*(?<level>${RANGE})\\s*(?=\\))`, 'gi'))
]

/** Every recogniser needs a level word: a line without one has no marker (a quarter of the lines asked about). */
const anyLevelWord = new RegExp(LEVEL, 'i')

const titleMatches = memoised((text: string) => matchesIn(text, 'title'))
const bodyMatches = memoised((text: string) => matchesIn(text, 'body'))

function matchesIn(text: string, scope: 'title' | 'body'): SeverityMatch[] {
  const matches: SeverityMatch[] = []
  if (!anyLevelWord.test(text)) return matches
  for (const recogniser of severityRecognisers) {
    if (scope === 'body' && recogniser.scope !== 'any') continue
    for (const found of recogniser.find(text)) {
      const severity = normaliseLevel(found.label)
      if (severity) matches.push({...found, label: found.label.trim(), severity, recogniser: recogniser.name})
    }
  }
  // Stable sort: at one position the earlier recogniser wins.
  return matches.sort((a, b) => a.start - b.start)
}

/** The first severity in a line: on a title line every recogniser applies, elsewhere only unambiguous ones. */
export function findSeverity(text: string, scope: 'title' | 'body'): SeverityMatch | undefined {
  return (scope === 'title' ? titleMatches : bodyMatches)(text)[0]
}

/** Every severity marker in a title line, non-overlapping, to strip them from the title. */
export function severityMarkers(text: string): SeverityMatch[] {
  const kept: SeverityMatch[] = []
  for (const match of titleMatches(text)) {
    if (kept.every((other) => match.start >= other.end || match.end <= other.start)) kept.push(match)
  }
  return kept
}

const leadingLevel = new RegExp(`^[^\\p{L}]*(${RANGE})(?!\\s+confidence)\\b`, 'iu')

/** A level that opens a text whose whole point is a rating (a Risk column cell): "Low — positive for …". */
export function leadingSeverity(text: string): SeverityMatch | undefined {
  const found = leadingLevel.exec(text)
  const severity = found ? normaliseLevel(found[1]!) : undefined
  if (!found || !severity) return undefined
  return {label: found[1]!, severity, start: found.index, end: found.index + found[0].length, recogniser: 'leading-level'}
}

import type {Root, RootContent} from 'mdast'
import {findSections, type Section} from '../sections.js'
import type {Severity} from './levels.js'
import {findSeverity, type SeverityMatch} from './severity.js'
import {draftHeadlines, type Draft} from './shapes.js'
import {citationLabels, linesOf} from './text.js'

export type {Severity} from './levels.js'
export {normaliseLevel} from './levels.js'
export {findSeverity, severityRecognisers, type SeverityMatch, type SeverityRecogniser} from './severity.js'
export {shapeRecognisers, type ShapeRecogniser} from './shapes.js'

/** One headline of a brief's headlines section. */
export interface Headline {
  /** The title as written, without numbering or severity marker. */
  title: string
  severity?: Severity
  /** The severity as written: "HIGH", "Low–Medium", "LOW/CONTEXT", "N/A". */
  severityLabel?: string
  /** True when the rating is the group's ("### High Impact" above the headline), not the headline's own. */
  severityInherited?: boolean
  /** The "Why it matters" text, when the headline has one. */
  whyItMatters?: string
  /** Footnote labels the headline cites, in order. */
  citations: string[]
  /** Place of the title in the original file. */
  line: number
  column: number
}

/**
 * The headlines of a brief: every section whose kind is `headlines` ("Top
 * Headlines", "High-Impact News", "Major News" …), read with the shape and
 * severity recognisers. Positions point into the original file.
 */
export function extractHeadlines(tree: Root, text: string, sections: readonly Section[] = findSections(tree, text)): Headline[] {
  return sections
    .filter((section) => section.kind === 'headlines')
    .flatMap((section) => draftHeadlines(sectionBody(section)).map(toHeadline))
}

/** Headlines with no recognisable severity, for the `headline-severity` warning. */
export function headlinesWithoutSeverity(headlines: readonly Headline[]): Headline[] {
  return headlines.filter((headline) => headline.severity === undefined)
}

/** A section's blocks after its title line. */
function sectionBody(section: Section): RootContent[] {
  return section.nodes.filter((node) => node.position!.start.line > section.line)
}

const whyLabelled = /\bwhy(?:\s+(?:it|this))?(?:\s+(?:matters?|it'?s\s+important))?\s*[:：]\s*(.+)$/i
const whyAlone = /^[^\p{L}]*why(?:\s+(?:it|this))?\s+matters?[^\p{L}]*$/iu

function toHeadline(draft: Draft): Headline {
  const {parts} = draft
  const bodyLines = [...parts.rest, ...draft.body.flatMap((node) => linesOf(node))]
  const start = parts.node.position!.start
  const headline: Headline = {
    title: parts.title,
    citations: citationLabels([draft.titleBlock, ...draft.body]),
    line: start.line,
    column: start.column
  }

  const own: SeverityMatch | undefined = draft.cellSeverity ?? findSeverity(parts.raw, 'title') ?? findSeverity(parts.line, 'title') ?? firstOf(bodyLines, (line) => findSeverity(line, 'body'))
  const rating = own ?? draft.groupSeverity
  if (rating) {
    headline.severity = rating.severity
    headline.severityLabel = rating.label
    if (!own) headline.severityInherited = true
  }

  const why = whyItMatters([parts.line, ...bodyLines])
  if (why) headline.whyItMatters = why
  return headline
}

/** "Why it matters: …", "**Why:** …", or a "Why It Matters" line followed by the text. */
function whyItMatters(lines: readonly string[]): string | undefined {
  for (const [index, line] of lines.entries()) {
    const labelled = whyLabelled.exec(line)
    if (labelled) return labelled[1]!.trim()
    if (whyAlone.test(line) && lines[index + 1]) return lines[index + 1]!.trim()
  }
  return undefined
}

function firstOf<T, R>(items: readonly T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const result = pick(item)
    if (result !== undefined) return result
  }
  return undefined
}

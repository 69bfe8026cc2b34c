import type {Heading, Nodes, Paragraph, PhrasingContent, TableCell} from 'mdast'
import {isLegend} from './levels.js'
import {severityMarkers} from './severity.js'
import {plainText} from './text.js'

/** Where a headline's title comes from. */
export interface TitleParts {
  /** The cleaned title, without numbering or severity markers. */
  title: string
  /** The title text before cleaning ("1. … Breach Risk Elevated:"), where title-end forms are looked for. */
  raw: string
  /** The whole first line as written (title-only severity forms are looked for here). */
  line: string
  /** The node whose start is reported as the headline's place. */
  node: Nodes
  /** The text after the first line, for body-level severity and "why it matters". */
  rest: string[]
}

type Titled = Paragraph | Heading | TableCell

const startsWithRiskLabel = /^[^\p{L}]*(?:risk|impact|severity)(?:\s+(?:level|label|impact|rating|assessment))?\s*[:：]/iu

/**
 * A line that rates rather than names something: "**Risk: Medium**",
 * "{High Impact}", "### High Impact", a scale legend. Headings keep a title
 * after a leading label ("### Risk Impact: HIGH — ETF Outflows …"), so for
 * them only an empty remainder counts.
 */
export function isMarkerOnly(text: string, kind: 'heading' | 'paragraph' = 'paragraph'): boolean {
  const trimmed = text.trim()
  if (trimmed === '') return false
  if (isLegend(trimmed)) return true
  if (kind === 'paragraph' && startsWithRiskLabel.test(trimmed)) return true
  const markers = severityMarkers(trimmed)
  if (markers.length === 0) return false
  return !/[\p{L}\p{N}]{2,}/u.test(strip(trimmed, markers).replace(/\b(?:risk|impact|level|label|severity|rating)\b/gi, ''))
}

/** Short bold labels that open a field of a headline's body, not a headline. */
const fieldLabel =
  /^(?:what(?:\s+happened)?|why(?:\s+it\s+matters)?|how|when|where|who|sources?|primary(?:\s+sources?)?|secondary|citations?|impact(?:\s+timeline)?|context|details?|status|response|event|catalyst|market\s+(?:reaction|impact)|risk(?:\s+\w+)?|note|update|background|timeline|action\s+required|mechanism|date|security\s+alert|confidence|takeaway|bottom\s+line)\b/i

/** True when a bold lead ("**Sources:**", "**What Happened**") labels a field rather than titling a headline. */
export function isFieldLabel(strongText: string, followedByColon: boolean): boolean {
  const text = strongText.trim()
  const words = text.replace(/[:：]\s*$/, '').split(/\s+/).filter(Boolean).length
  if (words > 4 || /^\d+[.)]/.test(text)) return false
  return fieldLabel.test(text) || ((/[:：]\s*$/.test(text) || followedByColon) && words <= 3)
}

/**
 * The first strong node that opens the first line, skipping rating-only
 * strongs ("**{HIGH}** – **Title**") and punctuation or emoji between them.
 */
export function leadingStrong(node: Titled): {strong: PhrasingContent; text: string} | undefined {
  for (const child of node.children) {
    if (child.type === 'text') {
      const firstLine = child.value.split('\n')[0]!
      if (/[\p{L}\p{N}]/u.test(firstLine) || child.value.includes('\n')) return undefined
      continue
    }
    if (child.type === 'footnoteReference' || child.type === 'html') continue
    if (child.type !== 'strong') return undefined
    const text = plainText(child)
    if (isMarkerOnly(text)) continue
    return {strong: child, text}
  }
  return undefined
}

/** Separators between a plain title and its text: "Title: text", "Title — text". */
const plainSeparator = /:\s|\s[—–|-]\s/

const MAX_TITLE = 160

/** Splits a titled block into title, first line and the rest. */
export function titleParts(node: Titled): TitleParts {
  const [line = '', ...rest] = plainText(node)
    .split('\n')
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0)
  if (node.type === 'heading') return {title: cleanTitle(line), raw: line, line, node, rest}

  const lead = leadingStrong(node)
  if (lead) {
    const raw = lead.text.split('\n')[0]!.trim()
    const title = cleanTitle(raw)
    if (title) return {title, raw, line, node: lead.strong, rest}
  }
  const separated = plainSeparator.exec(line)
  // Only a long line goes on past its title ("Title: text …"); a short one is all title.
  const raw = separated && line.length > 120 && separated.index >= 3 && separated.index <= 140 ? line.slice(0, separated.index) : line
  return {title: shorten(cleanTitle(raw)), raw, line, node, rest}
}

/** Removes severity markers, numbering, bullets and dangling separators. */
export function cleanTitle(raw: string): string {
  return strip(raw, severityMarkers(raw))
    .replace(/\(\s*\)|\[\s*\]|\{\s*\}/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/^[^\p{L}\p{N}$€£"“‘'(]+/u, '')
    .replace(/^\d{1,2}[.)]\s+/, '')
    .replace(/^[-–—•●*]\s*/, '')
    .replace(/[^\p{L}\p{N})\]"”’'.%!?]+$/u, '')
    .replace(/\s*[|—–]\s*$/, '')
    .trim()
}

function strip(text: string, spans: ReadonlyArray<{start: number; end: number}>): string {
  let result = text
  for (const span of [...spans].sort((a, b) => b.start - a.start)) result = result.slice(0, span.start) + ' ' + result.slice(span.end)
  return result
}

function shorten(title: string): string {
  if (title.length <= MAX_TITLE) return title
  const cut = title.slice(0, MAX_TITLE)
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:\s]+$/, '') + '…'
}

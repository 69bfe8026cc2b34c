import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** What a section is about, whatever its wording. */
export type SectionKind =
  | 'market-overview'
  | 'derivatives'
  | 'flows'
  | 'headlines'
  | 'exchanges'
  | 'regulation'
  | 'research'
  | 'security'
  | 'sentiment'
  | 'watch'
  | 'confidence'
  | 'other'

/** How the section's title is marked up in the brief. */
export type SectionMarker = 'heading' | 'bold' | 'plain'

export interface Section {
  kind: SectionKind
  /** The title as written, without markup or escapes ("Market Overview (24h)"). */
  title: string
  marker: SectionMarker
  /** Heading depth (1–6) for `heading` markers. */
  depth?: number
  /** Line and column of the title. */
  line: number
  column: number
  /** Last line of the section's content (inclusive). */
  endLine: number
  /** Top-level block nodes overlapping the section (a paragraph that opens with a bold title belongs to it). */
  nodes: RootContent[]
}

/**
 * Alias table, tried in order: the first pattern matching the normalised
 * title (lower case, markup and escapes removed) gives the kind. A new
 * wording is one more pattern here.
 */
const sectionAliases: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['watch', /^(what to watch|watch ?list|key (dates|events)|upcoming|(notable )?event timeline|calendar|next 24)/],
  ['confidence', /^(confidence|caveats|methodology|sources\b|data notes?)/],
  ['headlines', /(headlines|high[- ]impact (news|items|events)|major news|key (news|developments|stories)|top (stories|news))/],
  ['market-overview', /^((daily |crypto |the )*markets? (overview|summary|snapshot|update|pulse|wrap|recap|report|review|at a glance|today|movers|conditions|context|highlights|dashboard|metrics|data)\b|(crypto )?overview$|snapshot$|at a glance$|spot (market|price)s?\b|spot$|price (action|performance|update|check|snapshot)|prices?\b|performance$|majors\b|markets?( data)?$|key (market )?(figures|metrics|numbers|data))|\b(?:the|our|today's) (?:market |crypto )?overview$/],
  ['derivatives', /^(derivatives|liquidations|liqs?\b|funding|open interest)/],
  ['flows', /^(?:spot |us |u\.s\. )*((stablecoin|etf|fund)s? (&|and )?(etf )?(flows?|supply)|flows\b|etf (flows?|&))/],
  ['exchanges', /^(exchanges?\b|cex\b|listings?\b)/],
  ['regulation', /(regulat|^(government|law|policy|legal|enforcement)\b)/],
  ['research', /(research|white ?papers?|reports?$)/],
  ['security', /(security|hacks?\b|exploits?\b|incidents?$)/],
  ['sentiment', /(social|sentiment)/]
]

/** Lower case, no markup, no escapes, no trailing colon, single spaces. */
export function normaliseTitle(title: string): string {
  return cleanTitle(title).toLowerCase()
}

/** The kind of a section title, or undefined when no alias matches. */
export function classifySection(title: string): Exclude<SectionKind, 'other'> | undefined {
  const normalised = normaliseTitle(title)
  if (normalised.length === 0 || normalised.length > 80) return undefined
  for (const [kind, pattern] of sectionAliases) {
    if (pattern.test(normalised)) return kind as Exclude<SectionKind, 'other'>
  }
  return undefined
}

function cleanTitle(title: string): string {
  return title
    // "📊 Prices (08:00 UTC)", "→ Flows": a marker before the words is not part of the title.
    .replace(/^[^\p{L}\p{N}*_`\\]+/u, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!&|~<>$])/g, '$1')
    .replace(/[*_`]/g, '')
    // "1. Market Overview", "02 — Market overview", "§3 Derivatives": a section's number is not its title.
    .replace(/^\s*(?:§\s?)?\d{1,2}(?:[.):]|\s+[—–-])?\s+(?=\p{L})/u, '')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .trim()
}

interface Candidate {
  marker: SectionMarker
  title: string
  kind: Exclude<SectionKind, 'other'> | undefined
  depth?: number
  line: number
  column: number
}

/**
 * Finds the brief's sections. Real briefs mark them as `#`–`###` headings,
 * bold-only lines or plain lines; a brief is read in the strongest style it
 * uses for a known section (headings, then bold lines, then plain lines), so
 * that "**Binance**" under "## Exchanges" stays inside that section. Headings
 * open a section at the depth most known titles use or shallower (an unknown
 * title gives `other`); deeper ones are sub-sections. Bold and plain lines
 * open a section only when their title is known.
 */
export function findSections(tree: Root, text: string): Section[] {
  const lines = text.split(/\r?\n/)
  const candidates = collectCandidates(tree, lines)

  // With no title of a known kind, the brief's headings are still its sections, of unknown kind
  // ("## 2. ETF creations / redemptions: Fri 28 Jun" says what its table holds and when).
  const classified = candidates.filter((candidate) => candidate.kind !== undefined)
  const known = classified.length > 0 ? classified : candidates.filter((candidate) => candidate.marker === 'heading' && (candidate.depth ?? 1) > 1)
  const style: SectionMarker | undefined = (['heading', 'bold', 'plain'] as const).find((marker) => known.some((candidate) => candidate.marker === marker))
  if (!style) return []
  const sectionDepth = style === 'heading' ? commonestDepth(known) : 0

  const opening = candidates.filter((candidate) => {
    // A timed entry of a live blog ends a bold or plain section (the headlines above it).
    if (style !== 'heading' && candidate.marker === 'heading' && TIMED_TITLE.test(candidate.title)) return true
    if (candidate.marker !== style) return false
    // Deeper headings are sub-sections ("### ETF Flows" under "## Market Overview").
    if (style === 'heading') return (candidate.depth ?? 6) <= sectionDepth
    return candidate.kind !== undefined || (style === 'plain' && candidate.marker === 'plain')
  })

  const content = tree.children.filter((node) => node.type !== 'footnoteDefinition' && node.type !== 'definition' && node.position)
  const lastLine = content.reduce((max, node) => Math.max(max, node.position!.end.line), 0)

  return opening.map((candidate, index) => {
    const next = opening[index + 1]
    const endLine = next ? Math.max(candidate.line, next.line - 1) : Math.max(candidate.line, lastLine)
    const nodes = content.filter((node) => node.position!.end.line >= candidate.line && node.position!.start.line <= endLine)
    const section: Section = {
      kind: candidate.kind ?? 'other',
      title: candidate.title,
      marker: candidate.marker,
      line: candidate.line,
      column: candidate.column,
      endLine: trimEnd(lines, candidate.line, endLine),
      nodes
    }
    if (candidate.depth !== undefined) section.depth = candidate.depth
    return section
  })
}

/**
 * The depth most known titles use (the shallower on a tie): one stray "##"
 * among "###" sections must not turn every "###" into a sub-section.
 */
function commonestDepth(known: readonly Candidate[]): number {
  const counts = new Map<number, number>()
  for (const candidate of known) if (candidate.marker === 'heading') counts.set(candidate.depth!, (counts.get(candidate.depth!) ?? 0) + 1)
  let best = 6
  let bestCount = 0
  for (const [depth, count] of counts) {
    if (count > bestCount || (count === bestCount && depth < best)) [best, bestCount] = [depth, count]
  }
  return best
}

/** Drops trailing blank lines from a section's range. */
function trimEnd(lines: string[], start: number, end: number): number {
  let last = end
  while (last > start && (lines[last - 1] ?? '').trim() === '') last--
  return last
}

const BOLD_LINE = /^\s{0,3}(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/
/** A plain title line: short, no sentence punctuation at the end, no link or reference. */
const PLAIN_LINE = /^\s{0,3}([A-Za-z][^.!?[\]]{2,79})$/

/** A title that opens on a clock time: "21:05 — Closing the blog", "09:25 UTC: $88k gives way". */
const TIMED_TITLE = /^[[(]?\d{1,2}:\d{2}\b/

/** An upper-case title line: "TAPE", "FEAR & GREED", "WHAT MOVED". */
const CAPS_TITLE = /^\s{0,3}[A-Z][A-Z0-9 &/'’,-]{2,39}$/

function collectCandidates(tree: Root, lines: string[]): Candidate[] {
  const candidates: Candidate[] = []
  for (const node of tree.children) {
    const position = node.position
    if (!position) continue
    if (node.type === 'heading') {
      const title = cleanTitle(toString(node))
      // (A live blog's "#### 21:05 — Closing the blog for tonight" is an entry of its own, whatever its depth.)
      if (node.depth > 3 && !TIMED_TITLE.test(title)) continue
      candidates.push({marker: 'heading', title, kind: classifySection(title), depth: node.depth, line: position.start.line, column: position.start.column})
      continue
    }
    if (node.type !== 'paragraph') continue
    // A title line may open a paragraph that goes on with text (no blank line
    // after "**Market Summary**"), or sit in its middle: look at every line.
    for (let line = position.start.line; line <= position.end.line; line++) {
      const raw = lines[line - 1] ?? ''
      const bold = BOLD_LINE.exec(raw)
      if (bold && !bold[1]!.includes('**')) {
        const title = cleanTitle(bold[1]!)
        candidates.push({marker: 'bold', title, kind: classifySection(title), line, column: raw.search(/\S/) + 1})
        continue
      }
      // Plain lines are titles only alone in their paragraph, and only when known.
      const plain = position.start.line === position.end.line ? PLAIN_LINE.exec(raw) : null
      if (plain && !raw.includes('**')) {
        const title = cleanTitle(plain[1]!)
        const kind = classifySection(title)
        // ("TAPE", "PERPS" among "LIQS" and "FLOWS": an upper-case line of a brief titled so is a section too, of unknown kind.)
        if (kind || CAPS_TITLE.test(raw)) candidates.push({marker: 'plain', title, kind, line, column: raw.search(/\S/) + 1})
      }
    }
  }
  return candidates
}


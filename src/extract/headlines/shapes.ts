import type {List, ListItem, Nodes, Paragraph, RootContent, Table} from 'mdast'
import {findSeverity, leadingSeverity, type SeverityMatch} from './severity.js'
import {isLegend, levelsIn} from './levels.js'
import {linesOf, plainText} from './text.js'
import {isFieldLabel, isMarkerOnly, leadingStrong, titleParts, type TitleParts} from './title.js'

/** A headline being assembled: its title block and the blocks that belong to it. */
export interface Draft {
  parts: TitleParts
  /** The block holding the title (paragraph, heading, list item's paragraph, table row). */
  titleBlock: Nodes
  /** Following blocks (details, "Risk:" lines, sources) up to the next headline. */
  body: Nodes[]
  /** Severity from a Risk/Severity table column. */
  cellSeverity?: SeverityMatch
  /** Severity of the group the headline sits in ("### High Impact", "**Risk Level: HIGH**"). */
  groupSeverity?: SeverityMatch
}

/** What the shape recognisers share while they walk a section's blocks. */
export interface WalkState {
  drafts: Draft[]
  /** The headline that collects following blocks, if any. */
  open: Draft | undefined
  /** The current group's severity, the default for headlines without their own. */
  group: SeverityMatch | undefined
  /** Headings name the headlines (and bold lines are then details), or they do not. */
  headlineDepth: number | undefined
  /** Set by the first bold-line headline: when numbered, only numbered bold lines open headlines. */
  numbered: boolean | undefined
  /** The block after the current one. */
  next: RootContent | undefined
}

export interface ShapeRecogniser {
  name: string
  /** Handles the block and returns true, or returns false to let the next recogniser try. */
  take(block: RootContent, state: WalkState): boolean
}

function close(state: WalkState): void {
  if (state.open) state.drafts.push(state.open)
  state.open = undefined
}

function open(state: WalkState, titleBlock: Paragraph | Extract<RootContent, {type: 'heading'}>): void {
  close(state)
  state.open = {parts: titleParts(titleBlock), titleBlock, body: [], groupSeverity: state.group}
}

function firstLine(node: Nodes): string {
  return linesOf(node)[0] ?? ''
}

const numberedTitle = /^\s*\d{1,2}[.)]\s/

/** A list whose items are titled by long bold leads: headlines, not a headline's details. */
function isHeadlineList(list: List): boolean {
  const titled = list.children.filter((item) => {
    const lead = item.children[0]?.type === 'paragraph' ? leadingStrong(item.children[0]) : undefined
    return lead !== undefined && lead.text.trim().split(/\s+/).length >= 5
  })
  return titled.length > 0 && titled.length * 2 >= list.children.length
}

/**
 * A group's rating, unless the line mixes levels ("Risk: High (crash); Medium
 * (recovery)"): passing one of them down to every headline would overstate.
 */
function groupRating(line: string): SeverityMatch | undefined {
  const rating = findSeverity(line, 'title')
  return rating && levelsIn(line).length === levelsIn(rating.label).length ? rating : undefined
}

function listItemDraft(item: ListItem, group: SeverityMatch | undefined): Draft | undefined {
  const [first, ...rest] = item.children
  if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return undefined
  const parts = titleParts(first)
  if (!parts.title) return undefined
  return {parts, titleBlock: first, body: rest, groupSeverity: group}
}

/**
 * The headline shapes, tried in order on each block of the section. A new
 * layout is one entry here, with a test in test/headlines-shapes.test.ts.
 */
export const shapeRecognisers: readonly ShapeRecogniser[] = [
  {
    // "**{Impact: High, Medium, Low}**": a key to the scale, neither headline nor rating.
    name: 'legend',
    take(block) {
      return (block.type === 'paragraph' || block.type === 'heading') && isLegend(firstLine(block)) && plainText(block).length < 200
    }
  },
  {
    // | Item | Context | Risk |: one headline per row, severity from the Risk/Severity/Impact column.
    name: 'table',
    take(block, state) {
      if (block.type !== 'table') return false
      close(state)
      const [header, ...rows] = (block as Table).children
      const headers = header?.children.map((cell) => plainText(cell).trim().toLowerCase()) ?? []
      // "Risk" or "Severity" beats "Summary & Impact".
      const severityColumn = [/\b(risk|severity)\b/, /\b(impact|level)\b/].map((pattern) => headers.findIndex((text) => pattern.test(text))).find((index) => index >= 0) ?? -1
      const titleColumn = /^(#|no\.?|rank)?$/.test(headers[0] ?? '') && headers.length > 1 ? 1 : 0
      for (const row of rows) {
        const cell = row.children[titleColumn]
        if (!cell) continue
        const parts = titleParts(cell)
        if (!parts.title) continue
        const draft: Draft = {parts, titleBlock: row, body: [], groupSeverity: state.group}
        const severityCell = severityColumn >= 0 && severityColumn !== titleColumn ? row.children[severityColumn] : undefined
        const cellText = severityCell ? plainText(severityCell).trim() : ''
        // A rating cell may go on with its reason: "**Low** — positive for …".
        const cellSeverity =
          (cellText ? (findSeverity(cellText, 'title') ?? leadingSeverity(cellText)) : undefined) ??
          // Rows drift out of their header ("Context" holding "**Medium**"): a cell that is unmistakably a rating rates the row.
          row.children
            .filter((_, index) => index !== titleColumn)
            .map((other) => findSeverity(plainText(other).trim(), 'body'))
            .find((found) => found !== undefined)
        if (cellSeverity) draft.cellSeverity = cellSeverity
        state.drafts.push(draft)
      }
      return true
    }
  },
  {
    // "### High Impact", "**Risk Level: {Medium–High}**", "**Risk:** Medium — why": a rating line.
    // Under a headline it is that headline's rating; otherwise it rates the group that follows.
    name: 'rating-line',
    take(block, state) {
      if (block.type !== 'paragraph' && block.type !== 'heading') return false
      if (!isMarkerOnly(firstLine(block), block.type)) return false
      if (block.type === 'paragraph' && state.open) {
        state.open.body.push(block)
        return true
      }
      close(state)
      state.group = groupRating(firstLine(block))
      return true
    }
  },
  {
    // "### Trust Wallet Breach", "### 1. **Title** {High}": headings name the headlines;
    // deeper headings inside one are its details.
    name: 'heading',
    take(block, state) {
      if (block.type !== 'heading' || state.headlineDepth === undefined) return false
      if (block.depth > state.headlineDepth) {
        if (state.open) state.open.body.push(block)
        return true
      }
      open(state, block)
      return true
    }
  },
  {
    // "**U.S. Regulatory Developments (Risk: High)**" over a list of titled items:
    // a group label whose rating applies to the items.
    name: 'group-label',
    take(block, state) {
      if (block.type !== 'paragraph' || state.open || state.next?.type !== 'list' || !isHeadlineList(state.next)) return false
      const lead = leadingStrong(block)
      if (!lead || linesOf(block).length !== 1 || isFieldLabel(lead.text, false) || numberedTitle.test(lead.text)) return false
      close(state)
      state.group = groupRating(firstLine(block))
      return true
    }
  },
  {
    // "**1. Title [HIGH]**", "**{High}** **Title** — text", "**Title** (Oct 23) {Risk: Medium}":
    // a paragraph opening with a bold title starts a headline; the blocks after it are its details.
    name: 'bold-line',
    take(block, state) {
      if (block.type !== 'paragraph' || state.headlineDepth !== undefined) return false
      const lead = leadingStrong(block)
      if (!lead) return false
      const after = block.children[block.children.indexOf(lead.strong as never) + 1]
      const followedByColon = after?.type === 'text' && /^\s*[:：]/.test(after.value)
      if (isFieldLabel(lead.text, followedByColon)) return false
      const numbered = numberedTitle.test(lead.text)
      if (state.numbered === undefined) state.numbered = numbered
      // Once titles are numbered, an unnumbered bold opening is a detail ("**$TRUMP went live** …").
      else if (state.numbered && !numbered) return false
      open(state, block)
      return true
    }
  },
  {
    // "- **Title**: text … **Risk: Medium**", "1. **Title**" with nested details, "- Plain title: text":
    // each item of a list is a headline, unless the list details an open headline.
    name: 'list',
    take(block, state) {
      if (block.type !== 'list') return false
      if (state.open) {
        state.open.body.push(block)
        return true
      }
      for (const item of block.children) {
        const draft = listItemDraft(item, state.group)
        if (draft) state.drafts.push(draft)
      }
      return true
    }
  },
  {
    // Anything else (prose, sources, rules) belongs to the open headline, if any.
    name: 'detail',
    take(block, state) {
      if (state.open) state.open.body.push(block)
      return true
    }
  }
]

/** The depth of the first heading that names something (not a rating or a legend), if any. */
function headlineHeadingDepth(blocks: readonly RootContent[]): number | undefined {
  for (const block of blocks) {
    if (block.type !== 'heading') continue
    const line = firstLine(block)
    if (!isLegend(line) && !isMarkerOnly(line, 'heading')) return block.depth
  }
  return undefined
}

/** Walks a headline section's blocks (its title excluded) into headline drafts. */
export function draftHeadlines(blocks: readonly RootContent[]): Draft[] {
  const state: WalkState = {drafts: [], open: undefined, group: undefined, headlineDepth: headlineHeadingDepth(blocks), numbered: undefined, next: undefined}
  blocks.forEach((block, index) => {
    state.next = blocks[index + 1]
    for (const recogniser of shapeRecognisers) if (recogniser.take(block, state)) break
  })
  close(state)
  return state.drafts
}

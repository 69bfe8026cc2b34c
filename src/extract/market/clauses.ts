/**
 * A quantity's role is decided by its own words: the text between it and its
 * neighbouring quantities, within one clause. "Liquidations: $713M; open
 * interest $62.3B" gives the first amount "Liquidations:" and the second
 * "open interest", whatever order or wording the brief uses.
 */

export interface Span {
  index: number
  end: number
}

/** Clauses of a line: split after ". ", "; ", at a spaced dash before words (" — ", " – U.S. …") and at a spaced middle dot or bullet ("+61.9M net · cumulative 62.9B"), keeping offsets (a table row's cells stay together). */
export function clauses(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const match of text.matchAll(/(?<=[.;!?])\s+(?=[^\s\d])|;\s*|\s[—·•]\s|\s–\s(?=\p{L})/gu)) {
    // "approx. $5" and "U.S. spot" do not end a clause.
    if (/\b(?:approx|U\.S|vs|e\.g|i\.e|etc|Inc|No)\.$/.test(text.slice(Math.max(0, match.index - 6), match.index))) continue
    // "(Nov 28 – Dec 1)": a dash between two dates is a span, not a break.
    if (match[0].includes('–') && /\d$/.test(text.slice(0, match.index)) && /^\p{L}{3,9}\.?\s\d/u.test(text.slice(match.index + match[0].length))) continue
    if (match.index > start) spans.push({index: start, end: match.index})
    start = match.index + match[0].length
  }
  if (start < text.length) spans.push({index: start, end: text.length})
  return spans
}

export interface Owned<T extends Span> {
  item: T
  /** Words from the previous quantity (or the clause start) up to this one. */
  before: string
  /** Words from this quantity up to the next one (or the clause end). */
  after: string
}

/** Each quantity of a clause with the words it owns on either side. */
export function ownWords<T extends Span>(text: string, clause: Span, items: readonly T[]): Array<Owned<T>> {
  const inside = items.filter((item) => item.index >= clause.index && item.end <= clause.end).sort((a, b) => a.index - b.index)
  return inside.map((item, i) => ({
    item,
    before: text.slice(inside[i - 1]?.end ?? clause.index, item.index),
    after: text.slice(item.end, inside[i + 1]?.index ?? clause.end)
  }))
}

/** The last match of `pattern` in `text`, for the label nearest a quantity that follows it. */
export function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  let last: RegExpExecArray | undefined
  for (const match of text.matchAll(global)) last = match as RegExpExecArray
  return last
}

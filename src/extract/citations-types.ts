import type {Position} from 'unist'

/** A footnote definition `[^label]: target` as written in the brief. */
export interface CitationDefinition {
  /** Label as written (`32`, `note-a`); compared case-insensitively, like GFM. */
  label: string
  /** Normalised label (GFM rules: case-folded, whitespace collapsed). */
  identifier: string
  /** Absolute URL taken from the definition (a bare URL, or the link of `[title](url) - snippet`). */
  url: string | undefined
  /** The raw target text after `]:`, trimmed, for messages. */
  raw: string
  /** Title of a `[title](url)` definition, when given. */
  title?: string
  /**
   * The target as the author wrote it (the bare URL, or the destination of
   * `[title](url)`), with Markdown backslash escapes resolved (`\&` → `&`):
   * what a reader's browser would open. Empty when the definition has none.
   */
  target: string
  /** Where the target is in the file; the definition's label when it is empty. */
  targetPosition: Position
  position: Position
}

/** One `[^label]` in the brief, whether GFM resolved it or left it as text. */
export interface CitationReference {
  label: string
  identifier: string
  position: Position
  /** Inside hidden raw HTML such as `<span style="display:none">…</span>`. */
  hidden: boolean
  /** A definition with this identifier exists. */
  defined: boolean
  /**
   * GFM made a `footnoteReference` node of it. False for `[^x]` left as
   * literal text: undefined labels, references inside an HTML block, and
   * references swallowed by an autolink literal (`https://…/ethereum[^1]`).
   */
  resolved: boolean
}

export interface Citations {
  definitions: CitationDefinition[]
  references: CitationReference[]
  /** Hidden raw HTML regions (`<span style="display:none">…</span>`), in document order. */
  hiddenRanges: Position[]
}

/** One citation as the data contract (brief.json) describes it. */
export interface CitationData {
  label: string
  /** The URL as written (backslash escapes resolved); empty when missing. */
  url: string
  /** Referenced anywhere in the brief, visible or hidden. */
  referenced: boolean
  /** Referenced, but only inside hidden raw HTML. */
  hiddenOnly: boolean
}

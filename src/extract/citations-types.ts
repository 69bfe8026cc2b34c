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
}

export interface Citations {
  definitions: CitationDefinition[]
  references: CitationReference[]
}

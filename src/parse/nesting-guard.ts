import {location} from 'vfile-location'

/**
 * micromark is correct on any input, but some shapes cost it quadratic time
 * or recurse once per level (measured with remark-parse 11 + remark-gfm 4):
 * 1,000 nested lists by indentation took 74 s, 16,000 `- ` on one line
 * 256 s, 100,000 nested `[` 226 s, and 10,000 `>` overflow the stack. No brief
 * comes near these depths, so a linear scan refuses them before parsing, with
 * the line that goes too deep.
 */

/** Nested block quotes and lists on one line (markdown-it's commonmark preset allows 20). */
export const MAX_CONTAINER_DEPTH = 32
/** Open `[` (links, images, footnote calls) within one paragraph. */
export const MAX_BRACKET_DEPTH = 32
/** `]` with no `[` before them within one paragraph: each one makes micromark look back over the paragraph. */
export const MAX_UNMATCHED_CLOSERS = 1000
/** Open `(` within one paragraph (`[a](` repeated is quadratic). */
export const MAX_PAREN_DEPTH = 256
/** A run of `*` or `_` (nested emphasis recurses per character pair). */
export const MAX_EMPHASIS_RUN = 1000

/*
 * Not nesting but length: in one paragraph, micromark looks back over every
 * earlier `[` for each `]` (label ends skip the failed and balanced starts
 * one by one), and over every earlier `*`, `_` or `~` run for each closing
 * run, so a long flat paragraph costs quadratic time (measured: 32,000
 * `[^n]` 9.9 s, 32,000 `*a*` 8.3 s, twice that four times as long). Up to
 * these counts a paragraph costs about what as many short ones do; the real
 * corpus has at most 834 `[` (a hidden span of footnote calls) and 38 runs.
 * Counted per paragraph: reset at blank lines, list items and footnote
 * definitions, the block starts that always end a paragraph.
 */
/*
 * And in the whole brief: micromark closes each block quote by splicing its
 * whole list of events, so block quotes cost quadratic time in their number
 * (4,000 one-line quotes 3 s, 2,000 nested 30 deep 22 s), and a list item
 * costs about its depth. Real briefs have a handful of `>` and list items
 * at most three deep.
 */
/** `>` markers in the whole brief. */
export const MAX_QUOTE_MARKERS = 1000
/** Block quote and list markers in the whole brief, each line counting its depth. */
export const MAX_CONTAINER_MARKERS = 10_000

/** `[` (links, images, footnote references) in one paragraph. */
export const MAX_BRACKETS_PER_PARAGRAPH = 2000
/** Runs of `*`, `_` or `~` (emphasis, strikethrough) in one paragraph. */
export const MAX_DELIMITER_RUNS_PER_PARAGRAPH = 2000

export class NestingLimitError extends Error {
  override name = 'NestingLimitError'
  readonly line: number
  readonly column: number
  /** What a brief should hold instead, and how to fix it, when not the nesting limits' words. */
  readonly expected: string | undefined
  readonly note: string | undefined
  constructor(
    readonly what: string,
    text: string,
    offset: number,
    words: {expected?: string; note?: string} = {}
  ) {
    // Lines as micromark and vfile count them (`\r`, `\n` or `\r\n`).
    const point = location(text).toPoint(offset) ?? {line: 1, column: 1}
    super(`${what} at ${point.line}:${point.column}`)
    this.line = point.line
    this.column = point.column
    this.expected = words.expected
    this.note = words.note
  }
}

/**
 * Throws a NestingLimitError at the first place (1-based line and column in
 * `text`) where the Markdown from `offset` on nests beyond the limits above.
 */
export function assertReasonableNesting(text: string, offset = 0): void {
  let lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1

  // Per paragraph: reset at blank lines.
  let brackets = 0
  let closers = 0
  let parens = 0
  // Per paragraph in the wider sense above.
  let allBrackets = 0
  let delimiterRuns = 0
  // In the whole brief.
  let quoteMarkers = 0
  let containerMarkers = 0

  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const fail = (what: string, index: number): never => {
      throw new NestingLimitError(what, text, index)
    }

    // Container prefix: `>` and list markers, and indentation before a marker.
    let index = lineStart
    let depth = 0
    let indent = 0
    let startsBlock = false
    while (index < lineEnd) {
      const char = text.charCodeAt(index)
      if (char === 32 || char === 9) {
        indent += char === 9 ? 4 : 1
        index++
        continue
      }
      let marker = 0
      if (char === 62 /* > */) marker = 1
      else if ((char === 45 || char === 42 || char === 43) /* - * + */ && isSpaceOrEnd(text, index + 1, lineEnd)) marker = 1
      else {
        let digits = index
        while (digits < lineEnd && digits - index < 9 && isDigit(text.charCodeAt(digits))) digits++
        const after = text.charCodeAt(digits)
        if (digits > index && (after === 46 || after === 41) /* . ) */ && isSpaceOrEnd(text, digits + 1, lineEnd)) marker = digits + 1 - index
      }
      if (marker === 0) break
      // A list item with content ends the paragraph before it; indented 4 or
      // more it may be a lazy paragraph line (`2.` may be too), so not those.
      if (char !== 62 && indent < 4 && isItemStart(text, index, marker, lineEnd)) startsBlock = true
      const levels = 1 + Math.floor(indent / 2)
      depth += levels
      indent = 0
      if (depth > MAX_CONTAINER_DEPTH) fail(`more than ${MAX_CONTAINER_DEPTH} nested block quotes or lists`, index)
      if (char === 62 && ++quoteMarkers > MAX_QUOTE_MARKERS) fail(`more than ${formatCount(MAX_QUOTE_MARKERS)} block quote markers (\`>\`) in one brief`, index)
      if ((containerMarkers += levels) > MAX_CONTAINER_MARKERS) {
        fail(`more than ${formatCount(MAX_CONTAINER_MARKERS)} block quote and list markers in one brief (each counted as deep as it is nested)`, index)
      }
      index += marker
    }

    if (text.slice(index, lineEnd).trim() === '') {
      brackets = 0
      closers = 0
      parens = 0
      startsBlock = true
    }
    // A footnote definition (`[^x]:`) interrupts a paragraph too.
    if (startsBlock || (indent < 4 && FOOTNOTE_DEFINITION.test(text.slice(index, Math.min(lineEnd, index + 1000))))) {
      allBrackets = 0
      delimiterRuns = 0
    }

    let run = 0
    for (; index < lineEnd; index++) {
      const char = text.charCodeAt(index)
      if (char === 42 || char === 95 || char === 126 /* * _ ~ */) {
        if (char !== 126 && ++run > MAX_EMPHASIS_RUN) fail(`a run of more than ${MAX_EMPHASIS_RUN} \`*\` or \`_\``, index)
        if (text.charCodeAt(index - 1) !== char && ++delimiterRuns > MAX_DELIMITER_RUNS_PER_PARAGRAPH) {
          fail(`more than ${formatCount(MAX_DELIMITER_RUNS_PER_PARAGRAPH)} runs of \`*\`, \`_\` or \`~\` (emphasis) in one paragraph`, index)
        }
        continue
      }
      run = 0
      if (char === 92 /* \ */) index++
      else if (char === 91 /* [ */) {
        if (++allBrackets > MAX_BRACKETS_PER_PARAGRAPH) {
          const what = text.charCodeAt(index + 1) === 94 /* ^ */ ? 'footnote references' : 'links or brackets'
          fail(`more than ${formatCount(MAX_BRACKETS_PER_PARAGRAPH)} ${what} (\`[\`) in one paragraph`, index)
        }
        if (++brackets > MAX_BRACKET_DEPTH) fail(`more than ${MAX_BRACKET_DEPTH} nested \`[\``, index)
      } else if (char === 93 /* ] */) {
        if (brackets > 0) brackets--
        else if (++closers > MAX_UNMATCHED_CLOSERS) fail(`more than ${MAX_UNMATCHED_CLOSERS} unmatched \`]\` in one paragraph`, index)
      } else if (char === 40 /* ( */) {
        if (++parens > MAX_PAREN_DEPTH) fail(`more than ${MAX_PAREN_DEPTH} nested \`(\``, index)
      } else if (char === 41 /* ) */ && parens > 0) parens--
    }
    lineStart = lineEnd + 1
  }
}

// `[^label]:` at the start of the line's content (a label has no space or `]`).
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/

function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/** A bullet, or an ordered item numbered 1, followed by content: these interrupt a paragraph. */
function isItemStart(text: string, index: number, marker: number, lineEnd: number): boolean {
  const char = text.charCodeAt(index)
  if (!(char === 45 || char === 42 || char === 43) && !(marker === 2 && text.charCodeAt(index) === 49 /* 1 */)) return false
  return text.slice(index + marker, lineEnd).trim() !== ''
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57
}

function isSpaceOrEnd(text: string, index: number, lineEnd: number): boolean {
  if (index >= lineEnd) return true
  const char = text.charCodeAt(index)
  return char === 32 || char === 9 || char === 13
}

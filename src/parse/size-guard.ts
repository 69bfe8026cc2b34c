import {NestingLimitError} from './nesting-guard.js'

/*
 * micromark's time is linear but large per construct: on this 2-core machine
 * 20-110 µs for each paragraph, list item, heading, line of a paragraph,
 * link, HTML tag, entity, code span, escape or table cell, so a 1 MiB brief
 * made only of them (`## H` with a paragraph, `&amp;`, `\*`) took 5-11 s.
 * A brief is refused above these counts, found by one linear scan before
 * parsing; real briefs have at most 1,737 lines and 3,228 such marks (the
 * brief with 843 footnotes), so that 5,000 footnote definitions are checked
 * in about 1.5 s.
 */

/** Lines of the body. */
export const MAX_LINES = 5_000
/** Marks that start inline constructs: `[`, `<`, `&`, `|`, `\`, runs of `*`, `_`, `~` or `` ` ``, `://`, `www.`, `@`. */
export const MAX_INLINE_MARKS = 10_000

const WORDS = {
  expected: 'a brief of ordinary size',
  note: 'A brief this dense would take many seconds to check; split it or remove what does not belong in a daily brief (generated tables, pasted pages).'
}

/**
 * Throws a NestingLimitError at the line or mark that goes over MAX_LINES or
 * MAX_INLINE_MARKS, counted from `offset` (the body) on.
 */
export function assertReasonableSize(text: string, offset = 0): void {
  let lines = 0
  let marks = 0
  for (let index = offset; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 /* \n */) {
      if (++lines >= MAX_LINES && index + 1 < text.length) {
        throw new NestingLimitError(`more than ${MAX_LINES.toLocaleString('en-US')} lines`, text, index + 1, WORDS)
      }
      continue
    }
    if (isMark(text, index, char) && ++marks > MAX_INLINE_MARKS) {
      throw new NestingLimitError(
        `more than ${MAX_INLINE_MARKS.toLocaleString('en-US')} links, footnote references, emphasis marks, HTML tags, entities, code spans, table cells, escapes or URLs`,
        text,
        index,
        WORDS
      )
    }
  }
}

function isMark(text: string, index: number, char: number): boolean {
  switch (char) {
    case 91: // [
    case 60: // <
    case 38: // &
    case 124: // |
    case 92: // \
    case 64: // @
      return true
    case 42: // *
    case 95: // _
    case 126: // ~
    case 96: // `
      // A run counts once.
      return text.charCodeAt(index - 1) !== char
    case 58: // :
      return text.startsWith('//', index + 1)
    case 119: // w
      return text.startsWith('ww.', index + 1) && !isWordChar(text.charCodeAt(index - 1))
    default:
      return false
  }
}

function isWordChar(char: number): boolean {
  return (char >= 48 && char <= 57) || (char >= 65 && char <= 90) || (char >= 97 && char <= 122)
}

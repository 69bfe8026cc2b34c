import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {EMAIL_LITERAL, GFM_TABLE, mayHoldEmailLiteral, mayHoldTable, withoutConstructs} from './without-constructs.js'
import {footnoteIndex} from './footnote-index.js'
import {assertReasonableNesting} from './nesting-guard.js'
import {assertReasonableLengths} from './length-guard.js'
import {assertReasonableSize} from './size-guard.js'

export {NestingLimitError} from './nesting-guard.js'

// One frozen processor for the whole run: footnotes, tables and strikethrough
// come from remark-gfm (remark-footnotes@5 is an empty deprecated stub).
const parser = () => unified().use(remarkParse).use(remarkGfm).use(footnoteIndex)
const processor = parser().freeze()

/**
 * The same without the constructs that cannot succeed in a document (email
 * literals, tables): same trees, less time (src/parse/without-constructs.ts).
 * Made anew rather than copied, as a copy of a frozen processor would run
 * remark-gfm's attacher twice; at most four, indexed by what they leave out.
 */
const processors: Array<typeof processor | undefined> = [processor]

function processorWithout(email: boolean, table: boolean): typeof processor {
  const names = {text: email ? [EMAIL_LITERAL] : [], flow: table ? [GFM_TABLE] : []}
  return (processors[Number(email) + 2 * Number(table)] ??= parser().use(withoutConstructs, names).freeze())
}

/** The processor behind parseMarkdown, for tests that inspect its configuration. */
export const markdownProcessor = processor

/** The processor parseMarkdown uses for a (masked) document. */
export function processorFor(document: string): typeof processor {
  return processorWithout(!mayHoldEmailLiteral(document), !mayHoldTable(document))
}

/**
 * Parses the body of a brief. The front matter is blanked out rather than cut
 * off, so that every node's line, column and offset point into the original
 * file, front-matter lines included, with no arithmetic afterwards.
 *
 * Throws a NestingLimitError (with the line and column) for input nested so
 * deeply that parsing it would hang or overflow the stack, so dense that it
 * would take seconds (src/parse/size-guard.ts), or with a block so long that
 * reading it would (src/parse/length-guard.ts).
 */
export function parseMarkdown(text: string, bodyOffset: number): Root {
  assertReasonableNesting(text, bodyOffset)
  assertReasonableSize(text, bodyOffset)
  const masked = bodyOffset > 0 ? text.slice(0, bodyOffset).replace(/[^\r\n]/g, ' ') + text.slice(bodyOffset) : text
  const tree = processorFor(masked).parse(masked)
  assertReasonableLengths(tree, text)
  return tree
}

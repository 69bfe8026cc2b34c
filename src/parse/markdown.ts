import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

// One frozen processor for the whole run: footnotes, tables and strikethrough
// come from remark-gfm (remark-footnotes@5 is an empty deprecated stub).
const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/**
 * Parses the body of a brief. The front matter is blanked out rather than cut
 * off, so that every node's line, column and offset point into the original
 * file, front-matter lines included, with no arithmetic afterwards.
 */
export function parseMarkdown(text: string, bodyOffset: number): Root {
  const masked = bodyOffset > 0 ? text.slice(0, bodyOffset).replace(/[^\r\n]/g, ' ') + text.slice(bodyOffset) : text
  return processor.parse(masked)
}

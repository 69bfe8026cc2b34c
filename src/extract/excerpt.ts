import type {Paragraph, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'

const EXCERPT_LENGTH = 200

/**
 * The first paragraph of prose, cut at a word boundary, for the index and the
 * feeds. Real briefs often open with label lines (`**Bitcoin (BTC):** $93,870
 * | +0.88%`) or a numbered bold headline, which make a poor summary, so a
 * paragraph that opens with bold text, or is mostly figures, is passed over.
 */
export function excerptOf(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph' || opensWithBold(node)) continue
    const text = toString(node, {includeHtml: false}).replace(/\[\^[^\]]*\]/g, '').replace(/\s+/g, ' ').trim()
    if (text.length < 40 || !isProse(text)) continue
    if (text.length <= EXCERPT_LENGTH) return text
    const cut = text.slice(0, EXCERPT_LENGTH)
    return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:.\s]+$/, '') + '…'
  }
  return ''
}

function opensWithBold(paragraph: Paragraph): boolean {
  const first = paragraph.children.find((child) => child.type !== 'text' || child.value.trim() !== '')
  return first?.type === 'strong'
}

/** Mostly letters and spaces, not a row of figures and separators. */
function isProse(text: string): boolean {
  const letters = text.match(/[\p{L}\s]/gu)?.length ?? 0
  return letters / text.length > 0.7 && !text.includes(' | ')
}

import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {NestingLimitError} from './nesting-guard.js'

/**
 * Text per block, in characters as read (link text and alt text, not URLs).
 * The market extraction reads a paragraph in linear time (one sentence at a
 * time), so this bound is far above any real brief's (the longest real block
 * is 1,455 characters) and only keeps a single block within the time budget
 * of the README's Limits.
 */
export const MAX_BLOCK_TEXT = 20_000

/** The blocks limited, by node type. */
const NAMES = new Map([['paragraph', 'paragraph'], ['heading', 'heading'], ['tableRow', 'table row']])

/**
 * Throws a NestingLimitError at the first paragraph, heading or table row
 * whose text is longer than MAX_BLOCK_TEXT. One walk, each block's text
 * counted once (paragraphs do not hold one another).
 */
export function assertReasonableLengths(tree: Root, text: string): void {
  const pending: Array<Root | Root['children'][number]> = [tree]
  while (pending.length > 0) {
    const node = pending.pop()!
    const name = NAMES.get(node.type)
    if (name) {
      const length = toString(node).length
      if (length > MAX_BLOCK_TEXT) {
        throw new NestingLimitError(`${name} of ${length.toLocaleString('en-US')} characters`, text, node.position?.start.offset ?? 0, {
          expected: `at most ${MAX_BLOCK_TEXT.toLocaleString('en-US')} characters in one paragraph, heading or table row`,
          note: 'Split it into shorter paragraphs: a block this long makes the market extraction slow (its time grows with the square of the length).'
        })
      }
      continue
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!)
  }
}

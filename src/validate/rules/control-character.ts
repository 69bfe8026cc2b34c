import {forbiddenReferences} from '../../control-characters.js'
import {reportControlCharacters, type FoundCharacter} from '../../load/control-characters.js'
import {controlCharacter} from '../../load/rules.js'
import {visit} from '../../visit.js'
import type {FileRule} from '../rule-types.js'

/**
 * `control-character` in the body, written as a numeric character
 * reference (`&#12;`, `&#x1;`, in Markdown text or raw HTML): the rule's
 * other cases are found as the file is read (src/load/read-brief.ts) and in
 * the front matter's escapes (src/parse/front-matter.ts). A reference in
 * code is shown as written, so it is left alone.
 */
export const controlCharacterReferences: FileRule = {
  meta: controlCharacter,
  check({file, text, tree, block}, reporter) {
    const body = text.slice(block.bodyOffset)
    if (!body.includes('&#')) return
    const code: Array<[number, number]> = []
    visit(tree, (node) => {
      if ((node.type === 'code' || node.type === 'inlineCode') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
        code.push([node.position.start.offset, node.position.end.offset])
      }
    })
    const found: FoundCharacter[] = []
    for (const reference of forbiddenReferences(body)) {
      const index = block.bodyOffset + reference.index
      if (code.some(([start, end]) => index >= start && index < end)) continue
      found.push({index, length: reference.length, code: reference.code, written: text.slice(index, index + reference.length)})
    }
    reportControlCharacters(file, text, reporter, found)
  }
}

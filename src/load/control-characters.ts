import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {describeCharacter} from '../control-characters.js'
import type {Reporter} from '../diagnostics/reporter.js'
import {controlCharacter} from './rules.js'

/** One control character found in a brief: where (UTF-16 index into the file's text), which, and how it was written. */
export interface FoundCharacter {
  index: number
  /** Code units it takes in the file (1 as is; the escape's or reference's length). */
  length: number
  code: number
  /** The escape or reference as written (`\u0000`, `&#12;`); undefined when the character is there as is. */
  written?: string
}

/** Past this many in one brief, the rest are counted in one message. */
const MAX_CONTROL_MESSAGES = 20

const NOTE =
  'XML 1.0 forbids this character: in a title or summary it would make feed.xml and rss.xml unreadable to every feed reader. ' +
  'Briefpress leaves it out of the site; delete it from the brief (it often comes from pasting out of a PDF or a terminal).'

/**
 * Reports `found` (in file order) on `file` under `control-character`, each
 * at its place in `text` (the file's text); after `MAX_CONTROL_MESSAGES`, one
 * message counts the rest.
 */
export function reportControlCharacters(file: VFile, text: string, reporter: Reporter, found: Iterable<FoundCharacter>): void {
  if (!reporter.enabled(controlCharacter)) return
  let place: ReturnType<typeof location> | undefined
  const at = (index: number) => (place ??= location(text)).toPoint(index) ?? {line: 1, column: 1}
  let count = 0
  let rest: FoundCharacter[] | undefined
  for (const character of found) {
    if (++count > MAX_CONTROL_MESSAGES) {
      ;(rest ??= []).push(character)
      continue
    }
    const how = character.written === undefined ? '' : ` written as \`${character.written}\``
    reporter.report(file, controlCharacter, `Unexpected control character ${describeCharacter(character.code)}${how}, expected printable text`, {start: at(character.index), end: at(character.index + character.length)}, {
      actual: describeCharacter(character.code),
      note: NOTE
    })
  }
  if (rest) {
    const first = rest[0]!
    const kinds = [...new Set(rest.map((character) => describeCharacter(character.code)))]
    reporter.report(file, controlCharacter, `Unexpected ${rest.length} more control characters (${kinds.slice(0, 5).join(', ')}${kinds.length > 5 ? ', …' : ''}), expected printable text`, at(first.index), {note: NOTE})
  }
}

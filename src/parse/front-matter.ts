import matter from 'gray-matter'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {Document, isMap, isScalar, LineCounter, parseDocument, visit} from 'yaml'
import {cleanText, isForbiddenCodePoint} from '../control-characters.js'
import type {Reporter} from '../diagnostics/reporter.js'
import {reportControlCharacters, type FoundCharacter} from '../load/control-characters.js'
import {frontMatterSyntax, missingFrontMatter} from './rules.js'

export interface FrontMatterBlock {
  /** Plain data, as YAML 1.2 core gives it: dates stay strings, never `Date`s. */
  data: Record<string, unknown>
  /** Offset in the file where the body (after the closing `---`) starts. */
  bodyOffset: number
  /** Place of each top-level key, and of its value, in the original file. */
  keys: Map<string, {key: Position; value: Position}>
  /** Place of the whole block, from the opening to the closing delimiter. */
  place: Position
}

/** YAML anchors may be used, but not to blow up memory (the "billion laughs"). */
const MAX_ALIAS_COUNT = 50

/**
 * Splits the front matter with gray-matter, parsing it with the `yaml`
 * package so that dates stay calendar strings and every key keeps its place.
 * Reports a missing or unclosed block, and YAML errors at their line.
 */
export function parseFrontMatter(file: VFile, text: string, reporter: Reporter): FrontMatterBlock | undefined {
  const place = location(text)
  if (!/^---[ \t]*\r?\n/.test(text)) {
    reporter.report(
      file,
      missingFrontMatter,
      'Unexpected file without front matter, expected a brief starting with a `---` line, then `title`, `date` and `category`, then `---`',
      {line: 1, column: 1},
      {note: 'Every brief starts with a YAML front-matter block; a file without one is not a brief.'}
    )
    return undefined
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    reporter.report(file, missingFrontMatter, 'Unexpected unclosed front matter, expected a closing `---` line', {line: 1, column: 1})
    return undefined
  }

  let document: Document | undefined
  let parsed: matter.GrayMatterFile<string>
  try {
    // An options object is required: called with a bare string gray-matter
    // caches every input it ever saw, which leaks memory over a large archive.
    parsed = matter(text, {
      engines: {
        yaml: (source: string) => {
          // With CRLF endings gray-matter leaves the `\r` of the last line
          // in the block, where YAML would take it as part of the value.
          source = source.replace(/\r$/, '')
          document = parseDocument(source, {lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false})
          if (document.errors.length > 0) return {}
          return (document.toJS({maxAliasCount: MAX_ALIAS_COUNT}) ?? {}) as object
        }
      }
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    // Thrown while building data (an alias bomb, say): blame the block itself.
    reporter.report(file, frontMatterSyntax, `Unexpected front matter: ${cleanYamlReason(reason)}`, {line: 2, column: 1})
    return undefined
  }

  const lineCounterOffset = text.indexOf(parsed.matter)
  const toPoint = (offset: number): Point => place.toPoint(lineCounterOffset + offset) ?? {line: 1, column: 1}
  const toPosition = (range: readonly number[] | null | undefined): Position => ({
    start: toPoint(range?.[0] ?? 0),
    end: toPoint(range?.[1] ?? range?.[0] ?? 0)
  })

  if (document && document.errors.length > 0) {
    for (const {message, pos: [start, end]} of document.errors) {
      reporter.report(file, frontMatterSyntax, `Unexpected YAML in front matter: ${cleanYamlReason(message)}`, {start: toPoint(start), end: toPoint(Math.max(start, end))}, {
        note: 'Fix the YAML syntax; quote titles that contain `:` or `#`.'
      })
    }
    return undefined
  }

  const data = parsed.data
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (document && document.contents && !isMap(document.contents))) {
    reporter.report(file, frontMatterSyntax, 'Unexpected front matter that is not a mapping of keys, expected `key: value` lines', {line: 2, column: 1})
    return undefined
  }

  if (document) reportControlCharacters(file, text, reporter, escapedControlCharacters(document, text, lineCounterOffset))

  const keys = new Map<string, {key: Position; value: Position}>()
  if (document && isMap(document.contents)) {
    for (const pair of document.contents.items) {
      const key = cleanText(isScalar(pair.key) ? String(pair.key.value) : String(pair.key))
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined
      const valueNode = pair.value as {range?: [number, number, number]} | null
      keys.set(key, {key: toPosition(keyRange), value: toPosition(valueNode?.range ?? keyRange)})
    }
  }

  const bodyOffset = text.length - parsed.content.length
  return {
    // Control characters (reported above, or as is by src/load/read-brief.ts) are left out of every value.
    data: cleanStrings(data) as Record<string, unknown>,
    bodyOffset,
    keys,
    place: {start: {line: 1, column: 1, offset: 0}, end: place.toPoint(Math.max(0, bodyOffset - 1)) ?? {line: 1, column: 1}}
  }
}

/** yaml messages end with a code frame and a position we replace with our own. */
function cleanYamlReason(reason: string): string {
  return reason.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim()
}

/** The one-character escapes of YAML's double-quoted scalars (YAML 1.2, 5.7) that stand for a character no output may hold. */
const ESCAPES: Record<string, number> = {'0': 0x00, a: 0x07, b: 0x08, v: 0x0b, f: 0x0c, e: 0x1b, N: 0x85}

/**
 * Control characters written as escapes in the front matter's double-quoted
 * scalars (`"Ca\u0000se"`, `"\f"`, `"\uD800"`), keys included, at the
 * backslash; `offset` is where the YAML source starts in `text`. A surrogate
 * pair written as two escapes (`\uD83D\uDE00`) is one character, and fine.
 */
function escapedControlCharacters(document: Document, text: string, offset: number): FoundCharacter[] {
  const found: FoundCharacter[] = []
  visit(document, {
    Scalar(_key, node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return
      const start = offset + node.range[0]
      const source = text.slice(start, offset + node.range[1])
      if (!source.includes('\\')) return
      const escapes = [...source.matchAll(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g)]
      for (const [index, escape] of escapes.entries()) {
        const body = escape[1]!
        const code = body.length === 1 ? ESCAPES[body] : Number.parseInt(body.slice(1), 16)
        if (code === undefined || !isForbiddenCodePoint(code)) continue
        const isHigh = code >= 0xd800 && code <= 0xdbff
        const isLow = code >= 0xdc00 && code <= 0xdfff
        const adjacent = (other: RegExpExecArray | RegExpMatchArray | undefined, low: boolean) => {
          if (!other || other[1]!.length !== 5) return false
          const pair = Number.parseInt(other[1]!.slice(1), 16)
          const touching = low ? other.index === escape.index! + escape[0].length : other.index! + other[0].length === escape.index
          return touching && (low ? pair >= 0xdc00 && pair <= 0xdfff : pair >= 0xd800 && pair <= 0xdbff)
        }
        if ((isHigh && adjacent(escapes[index + 1], true)) || (isLow && adjacent(escapes[index - 1], false))) continue
        found.push({index: start + escape.index!, length: escape[0].length, code, written: escape[0]})
      }
    }
  })
  return found.sort((a, b) => a.index - b.index)
}

/** Plain data with control characters left out of every string, keys included. */
function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value)
  if (Array.isArray(value)) return value.map(cleanStrings)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanStrings(item)]))
  return value
}

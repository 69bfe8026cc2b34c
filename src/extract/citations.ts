import type {FootnoteDefinition, Nodes, Parents, Root} from 'mdast'
import type {Point, Position} from 'unist'
import {visit} from '../visit.js'
import type {CitationData, CitationDefinition, CitationReference, Citations} from './citations-types.js'

export type {CitationData, CitationDefinition, CitationReference, Citations} from './citations-types.js'

/**
 * Collects every footnote definition and every `[^label]` of a brief.
 *
 * remark-gfm only makes `footnoteReference` nodes of labels that are defined
 * and sit in ordinary text; an undefined `[^x]` stays literal text, one inside
 * an HTML block is raw HTML, and one touching a URL is swallowed by the
 * autolink literal (`https://…/ethereum[^1]` links to `…/ethereum[^1`). So the
 * references are the tree's nodes plus one pass over the SOURCE for the rest,
 * skipping code, inline code and HTML comments. Hidden raw HTML regions
 * (`display:none`, `visibility:hidden`, the `hidden` attribute) come from the
 * tree's `html` nodes: inline (the open and close tags are sibling `html`
 * nodes around `footnoteReference`s) or a whole HTML block.
 *
 * Linear in the size of the file: one tree walk, one regex pass, Maps and
 * binary searches (thousands of footnotes are common in real briefs).
 */
export function extractCitations(tree: Root, text: string): Citations {
  const toPoint = pointLocator(text)
  const definitions: CitationDefinition[] = []
  const definitionStarts = new Set<number>()
  const references: Array<Omit<CitationReference, 'hidden' | 'defined'>> = []
  const referenceStarts = new Set<number>()
  const skipped: Range[] = []
  const hidden: Range[] = []

  visit(tree, (node: Nodes, _index, parent: Parents | undefined) => {
    const range = rangeOf(node)
    if (!range) return
    switch (node.type) {
      case 'footnoteDefinition':
        definitionStarts.add(range[0])
        definitions.push(readDefinition(node, range, text, toPoint))
        break
      case 'footnoteReference':
        referenceStarts.add(range[0])
        references.push({
          label: node.label ?? node.identifier,
          identifier: node.identifier,
          position: positionOf(range, toPoint),
          resolved: true
        })
        break
      case 'code':
      case 'inlineCode':
        skipped.push(range)
        break
      case 'html':
        // Inline HTML is read with its siblings (below); an HTML block alone.
        if (!parent || flowParents.has(parent.type)) scanHtml([range], range[1], text, hidden, skipped)
        break
      default:
        if ('children' in node && !flowParents.has(node.type)) {
          const tags = node.children.filter((child) => child.type === 'html').map(rangeOf).filter((r) => r !== undefined)
          if (tags.length > 0) scanHtml(tags, range[1], text, hidden, skipped)
        }
    }
  })

  // Everything GFM did not resolve: literal `[^x]` in the source. The front
  // matter is blanked in the tree, so start at the first body node.
  const bodyStart = tree.children[0] ? rangeOf(tree.children[0])?.[0] ?? 0 : text.length
  const isSkipped = rangeLookup(skipped)
  FOOTNOTE_CALL.lastIndex = bodyStart
  for (let match = FOOTNOTE_CALL.exec(text); match; match = FOOTNOTE_CALL.exec(text)) {
    const start = match.index
    if (referenceStarts.has(start) || definitionStarts.has(start) || isEscaped(text, start) || isSkipped(start)) continue
    const label = match[1]!
    references.push({
      label,
      identifier: normalizeLabel(label),
      position: positionOf([start, start + match[0].length], toPoint),
      resolved: false
    })
  }

  const defined = new Set(definitions.map((definition) => definition.identifier))
  const isHidden = rangeLookup(hidden)
  const sortedHidden = mergeRanges(hidden)
  return {
    definitions,
    references: references
      .sort((a, b) => a.position.start.offset! - b.position.start.offset!)
      .map((reference) => ({...reference, hidden: isHidden(reference.position.start.offset!), defined: defined.has(reference.identifier)})),
    hiddenRanges: sortedHidden.map((range) => positionOf(range, toPoint))
  }
}

/** How often each defined label is referenced, in visible text and in hidden HTML. */
export interface CitationUsage {
  visible: number
  hidden: number
}

/** Usage per identifier, for every identifier that is referenced at all. */
export function citationUsage(citations: Citations): Map<string, CitationUsage> {
  const usage = new Map<string, CitationUsage>()
  for (const reference of citations.references) {
    let entry = usage.get(reference.identifier)
    if (!entry) usage.set(reference.identifier, (entry = {visible: 0, hidden: 0}))
    if (reference.hidden) entry.hidden++
    else entry.visible++
  }
  return usage
}

/**
 * The data-contract view of a brief's citations (brief.json): one entry per
 * label, in definition order; a duplicate definition keeps the first, as GFM does.
 */
export function citationData(citations: Citations): CitationData[] {
  const usage = citationUsage(citations)
  const seen = new Set<string>()
  const data: CitationData[] = []
  for (const definition of citations.definitions) {
    if (seen.has(definition.identifier)) continue
    seen.add(definition.identifier)
    const use = usage.get(definition.identifier)
    data.push({
      label: definition.label,
      url: definition.url ?? definition.target,
      referenced: use !== undefined,
      hiddenOnly: use !== undefined && use.visible === 0
    })
  }
  return data
}

/** GFM's label comparison: whitespace collapsed, case-folded (as mdast `identifier`). */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase()
}

/** True when `value` is an absolute http(s) URL with a host. */
function isAbsoluteHttpUrl(value: string): boolean {
  // WHATWG URL parsing is lenient (`http:example.com` parses), so require the
  // `//` as written, then let URL check the rest.
  if (!/^https?:\/\/[^\s/?#]/i.test(value)) return false
  try {
    return new URL(value).hostname !== ''
  } catch {
    return false
  }
}

// A GFM footnote call: no whitespace or brackets in the label.
const FOOTNOTE_CALL = /\[\^([^\s[\]]+)\]/g

// Containers whose `html` children are HTML blocks, not inline HTML.
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

type Range = [start: number, end: number]

function rangeOf(node: Nodes): Range | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function positionOf(range: Range, toPoint: (offset: number) => Point): Position {
  return {start: toPoint(range[0]), end: toPoint(range[1])}
}

/** `\[^1]` is an escaped bracket, not a reference. */
function isEscaped(text: string, offset: number): boolean {
  let backslashes = 0
  while (offset - backslashes - 1 >= 0 && text.charCodeAt(offset - backslashes - 1) === 92) backslashes++
  return backslashes % 2 === 1
}

/**
 * Offset → line/column by binary search over line starts. (vfile-location
 * walks from the first line on every call, which is quadratic for a file
 * with tens of thousands of references.)
 */
function pointLocator(text: string): (offset: number) => Point {
  const lineStarts = [0]
  // Lines end at `\n`, `\r\n` or a lone `\r`, as micromark counts them.
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) lineStarts.push(index + 1)
  }
  return (offset) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - lineStarts[low]! + 1, offset}
  }
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const range of sorted) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** A membership test for offsets in a set of ranges (end exclusive). */
function rangeLookup(ranges: Range[]): (offset: number) => boolean {
  const merged = mergeRanges(ranges)
  return (offset) => {
    let low = 0
    let high = merged.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const [start, end] = merged[middle]!
      if (offset < start) high = middle - 1
      else if (offset >= end) low = middle + 1
      else return true
    }
    return false
  }
}

// A comment, or an open/close tag with its attributes.
const HTML_TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * Finds hidden regions and comments in raw HTML given as consecutive pieces
 * of source (sibling inline tags, or one HTML block). A hidden element runs
 * to its matching close tag, or to `limit` (the end of the containing block)
 * when it is never closed.
 */
function scanHtml(pieces: Range[], limit: number, text: string, hidden: Range[], comments: Range[]): void {
  let open: {name: string; start: number; depth: number} | undefined
  for (const [pieceStart, pieceEnd] of pieces) {
    const source = text.slice(pieceStart, pieceEnd)
    for (const token of source.matchAll(HTML_TOKEN)) {
      const start = pieceStart + token.index
      const end = start + token[0].length
      if (token[0].startsWith('<!--')) {
        comments.push([start, end])
        continue
      }
      const closing = token[1] === '/'
      const name = token[2]!.toLowerCase()
      const selfClosing = token[4] === '/' || VOID_ELEMENTS.has(name)
      if (!open) {
        if (!closing && !selfClosing && hidesContent(token[3] ?? '')) open = {name, start, depth: 1}
      } else if (name === open.name && !selfClosing) {
        open.depth += closing ? -1 : 1
        if (open.depth === 0) {
          hidden.push([open.start, end])
          open = undefined
        }
      }
    }
  }
  if (open) hidden.push([open.start, limit])
}

/** `style="display:none"` / `visibility: hidden`, or the `hidden` attribute. */
function hidesContent(attributes: string): boolean {
  for (const attribute of attributes.matchAll(ATTRIBUTE)) {
    const name = attribute[1]!.toLowerCase()
    if (name === 'hidden') return true
    if (name === 'style') {
      const style = (attribute[2] ?? attribute[3] ?? attribute[4] ?? '').toLowerCase().replace(/\s+/g, '')
      if (/(?:^|;)display:none(?:!important)?(?:;|$)/.test(style) || /(?:^|;)visibility:hidden(?:!important)?(?:;|$)/.test(style)) return true
    }
  }
  return false
}

// `[title](destination "optional title") - snippet`, leniently: the
// destination may hold spaces, which a Markdown link would refuse but an
// author means as one URL (and suspicious-citation-url reports).
const TITLED_TARGET = /^\[((?:[^[\]\\]|\\.)*)\]\(([^)]*)\)/
const ANGLE_TARGET = /^<([^<>\n]*)>/

/**
 * Reads a definition's target from the SOURCE, not the tree: GFM turns a
 * bare URL into an autolink literal that stops at spaces and drops trailing
 * punctuation, and removes backslash escapes, which hides exactly what the
 * URL rules must see.
 */
function readDefinition(node: FootnoteDefinition, range: Range, text: string, toPoint: (offset: number) => Point): CitationDefinition {
  const position = positionOf(range, toPoint)
  const first = node.children[0] ? rangeOf(node.children[0]) : undefined
  const base = {label: node.label ?? node.identifier, identifier: node.identifier, position}
  if (!first) {
    // `[^1]:` with nothing after it: point at the label.
    const labelEnd = text.indexOf(']:', range[0])
    const end = labelEnd === -1 || labelEnd > range[1] ? range[1] : labelEnd + 2
    return {...base, url: undefined, raw: '', target: '', targetPosition: positionOf([range[0], end], toPoint)}
  }
  const raw = text.slice(first[0], first[1]).trim()
  const lineEnd = text.indexOf('\n', first[0])
  const line = text.slice(first[0], lineEnd === -1 || lineEnd > first[1] ? first[1] : lineEnd).replace(/\s+$/, '')

  let written = line
  let at = 0
  let title: string | undefined
  // A title with nested brackets or wrapped onto a second line is still a link
  // to remark: take its destination from the parsed link's own source.
  const titled = TITLED_TARGET.exec(line) ?? parsedLinkTarget(node, text, first[0])
  const angle = titled ? undefined : ANGLE_TARGET.exec(line)
  if (titled) {
    title = unescapeMarkdown(titled[1]!.replace(/\s*\n\s*/g, ' '))
    const inner = titled[2]!
    // Drop a link title (`"…"`, `'…'`, `(…)`) and the optional `<…>` around the destination.
    const destination = inner.replace(/\s+(?:"[^"]*"|'[^']*')\s*$/, '').trim()
    const unwrapped = /^<(.*)>$/.exec(destination)?.[1] ?? destination
    written = unwrapped
    at = titled[1]!.length + 3 + inner.indexOf(unwrapped)
  } else if (angle) {
    written = angle[1]!
    at = 1
  }
  const target = unescapeMarkdown(written)
  const targetStart = first[0] + at
  return {
    ...base,
    url: isAbsoluteHttpUrl(target) ? target : undefined,
    raw,
    ...(title === undefined ? {} : {title}),
    target,
    targetPosition: positionOf([targetStart, targetStart + written.length], toPoint)
  }
}

/**
 * `[title [with brackets]](https://…)` or a title wrapped over two lines:
 * the definition opens with a link in the tree. Returns the same groups as
 * `TITLED_TARGET` (title, destination), read from the link's source text.
 */
function parsedLinkTarget(node: FootnoteDefinition, text: string, start: number): [string, string, string] | undefined {
  const paragraph = node.children[0]
  const link = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
  if (link?.type !== 'link' || link.position?.start.offset !== start || link.position.end.offset === undefined) return undefined
  const source = text.slice(start, link.position.end.offset)
  const split = source.lastIndexOf('](')
  if (split === -1 || !source.endsWith(')')) return undefined
  const title = source.slice(1, split)
  const destination = source.slice(split + 2, -1)
  // The offsets below count from the definition's first line: a wrapped title is measured as written.
  return [source, title, destination]
}

/** CommonMark backslash escapes: `\` before ASCII punctuation is dropped. */
function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

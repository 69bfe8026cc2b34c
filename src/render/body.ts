import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {FootnoteDefinition, FootnoteReference, ListItem, Nodes, Root} from 'mdast'
import rehypeRaw from './raw-subtrees.js'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype, {defaultHandlers, type Options as ToHastOptions} from 'remark-rehype'
import {unified} from 'unified'
import {visit} from '../visit.js'
import {VFile} from 'vfile'
import type {Citations} from '../extract/citations-types.js'
import rehypeDropHidden from './drop-hidden.js'
import rehypeFragmentLinks from './fragment-links.js'
import rehypeOffsiteImages, {type ImageAsset} from './offsite-images.js'
import {sanitizeSchema} from './sanitize-schema.js'
import rehypeScrollTables from './scroll-tables.js'
import {annotateFootnotes, footnoteSection, furtherSources, takeOrphanFootnotes} from './sources.js'

export interface BodyOptions {
  /** Hosts whose images a page may load (config `allowedImageHosts`). */
  allowedImageHosts: readonly string[]
}

export interface RenderedBody {
  tree: HastRoot
  /** Images embedded as `data:` URLs, to write beside the page. */
  images: ImageAsset[]
}

/**
 * Renders a brief's body to a sanitized hast tree: GFM footnotes as a
 * "Sources" list with back-links and domains; references inside hidden HTML
 * (`<span style="display:none">[^32]…</span>`) left out, and the sources
 * cited only there (or nowhere) listed on purpose in a collapsed "Further
 * sources" block instead of a wall of superscripts; raw HTML parsed and
 * sanitized; nothing loaded from another host. The mdast tree is not changed.
 */
export function renderBody(tree: Root, citations: Citations | undefined, options: BodyOptions): RenderedBody {
  const hidden = new Set((citations?.references ?? []).filter((reference) => reference.hidden).map((reference) => reference.position.start.offset))
  const isHidden = (node: FootnoteReference) => hidden.has(node.position?.start.offset)

  const file = new VFile()
  const main = toSafeHast(options, {
    // Skipping the reference here, rather than deleting it from the tree,
    // also keeps it out of remark-rehype's footnote numbering and list.
    footnoteReference: (state, node: FootnoteReference) => (isHidden(node) ? undefined : defaultHandlers.footnoteReference(state, node))
  }).runSync(tree, file) as HastRoot

  const further: ElementContent[] = []
  const uncited = uncitedDefinitions(tree, citations, isHidden)
  if (uncited.length > 0) {
    const list: Root = {type: 'root', children: [{type: 'list', ordered: false, spread: false, children: uncited.map((definition): ListItem => ({type: 'listItem', spread: false, children: definition.children}))}]}
    const rendered = toSafeHast(options, {}).runSync(list, file) as HastRoot
    const ul = rendered.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ul')
    further.push(...(ul?.children ?? []))
  }

  const section = footnoteSection(main)
  if (section) {
    // A reference inside hidden HTML the extractor did not flag was dropped
    // with that HTML: its footnote moves to the further sources too.
    further.push(...takeOrphanFootnotes(main, section))
    if (!section.children.some((node) => node.type === 'element' && node.tagName === 'ol' && node.children.some((item) => item.type === 'element'))) {
      main.children.splice(main.children.indexOf(section), 1)
    } else {
      annotateFootnotes(main, section)
    }
  }
  demoteHeadings(main)
  if (further.some((node) => node.type === 'element')) main.children.push({type: 'text', value: '\n'}, furtherSources(further))
  return {tree: main, images: file.data.images ?? []}
}

function toSafeHast(options: BodyOptions, handlers: NonNullable<ToHastOptions['handlers']>) {
  return unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      handlers,
      // Ids get their `user-content-` prefix once, from the sanitizer, and
      // fragment-links prefixes the links to match.
      clobberPrefix: '',
      footnoteLabel: 'Sources',
      footnoteLabelProperties: {}
    })
    .use(rehypeRaw)
    .use(rehypeDropHidden)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFragmentLinks)
    .use(rehypeOffsiteImages, {allowedImageHosts: options.allowedImageHosts})
    .use(rehypeScrollTables)
}

/**
 * Definitions no visible reference cites, once per label, in document order.
 * The brief's citations already list its references (those GFM resolved are
 * the tree's `footnoteReference` nodes); without them the tree is walked.
 */
export function uncitedDefinitions(tree: Root, citations: Citations | undefined, isHidden: (node: FootnoteReference) => boolean): FootnoteDefinition[] {
  const cited = new Set<string>()
  if (citations) {
    for (const reference of citations.references) if (reference.resolved && !reference.hidden) cited.add(reference.identifier)
  } else {
    visit(tree, 'footnoteReference', (node) => {
      if (!isHidden(node)) cited.add(node.identifier)
    })
  }
  const seen = new Set<string>()
  const uncited: FootnoteDefinition[] = []
  for (const node of footnoteDefinitions(tree)) {
    if (cited.has(node.identifier) || seen.has(node.identifier)) continue
    seen.add(node.identifier)
    uncited.push(node)
  }
  return uncited
}

/** Blocks whose children are inline content (or table rows of it), where no definition can be. */
const INLINE_HOLDERS = new Set(['paragraph', 'heading', 'table'])

/** Every footnote definition, in document order, without entering paragraphs, headings or tables. */
function footnoteDefinitions(tree: Root): FootnoteDefinition[] {
  const found: FootnoteDefinition[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition') found.push(node)
    if ('children' in node && !INLINE_HOLDERS.has(node.type)) for (const child of node.children) walk(child)
  }
  walk(tree)
  return found
}

/**
 * The page's `<h1>` is the brief's title: when a brief uses `#` for its
 * sections, every body heading moves one level down (the sources' heading
 * stays an `<h2>`).
 */
function demoteHeadings(tree: HastRoot): void {
  let hasH1 = false
  visit(tree, 'element', (node) => {
    if (node.tagName === 'h1') hasH1 = true
  })
  if (!hasH1) return
  visit(tree, 'element', (node) => {
    if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return 'skip'
    const rank = /^h([1-5])$/.exec(node.tagName)
    if (rank) node.tagName = `h${Number(rank[1]) + 1}`
    return undefined
  })
}

import path from 'node:path'
import {toString} from 'mdast-util-to-string'
import type {Root} from 'mdast'
import type {Brief, BriefContext} from './brief.js'
import type {BriefData} from './data/brief-data-schema.js'
import type {Config} from './config/schema.js'
import {Reporter} from './diagnostics/reporter.js'
import {briefDataSchema} from './data/brief-data-schema.js'
import {extractStructure, toBriefData} from './extract/brief-data.js'
import {extractCitations} from './extract/citations.js'
import {findBriefs} from './load/find-briefs.js'
import {readBrief} from './load/read-brief.js'
import {parseFrontMatter} from './parse/front-matter.js'
import {NestingLimitError, parseMarkdown} from './parse/markdown.js'
import {parseError} from './parse/rules.js'
import {validateFrontMatter} from './validate/front-matter.js'
import {implausibleValue} from './validate/rules/implausible-value.js'
import {archiveRules, fileRules} from './validate/rules/index.js'
import {dayFolder} from './render/paths.js'

export interface PipelineOptions {
  /** Files or folders to read, relative to `cwd`. */
  paths: readonly string[]
  cwd: string
  config: Config
  /**
   * The sink's per-brief stage (the build renders the body here), called while
   * the tree is in memory and only for briefs without errors so far.
   */
  render?: (brief: BriefContext) => unknown
}

export interface PipelineResult {
  briefs: Brief[]
  reporter: Reporter
}

/**
 * The one pipeline behind `check` and `build`: load, parse, extract and
 * validate each brief once, then run the cross-brief rules. Sinks differ only
 * in what they do with the result.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const reporter = new Reporter(options.config.rules)
  const files = await findBriefs(options.paths, options.cwd)
  const briefs: Brief[] = []
  for (const absolutePath of files) {
    briefs.push(await processFile(absolutePath, options, reporter))
  }
  for (const rule of archiveRules) {
    if (reporter.enabled(rule.meta)) rule.check(briefs, reporter, options.config)
  }
  for (const brief of briefs) brief.file.messages.sort(compareMessages)
  return {briefs, reporter}
}

async function processFile(absolutePath: string, options: PipelineOptions, reporter: Reporter): Promise<Brief> {
  const displayPath = toDisplayPath(absolutePath, options.cwd)
  const {file, text} = await readBrief(absolutePath, reporter, {maxFileSize: options.config.maxFileSize, displayPath})
  const brief: Brief = {file, frontMatter: undefined, citations: undefined, extracted: undefined, data: undefined, excerpt: ''}
  if (text === undefined) return brief

  const block = parseFrontMatter(file, text, reporter)
  if (!block) return brief
  const frontMatter = validateFrontMatter(file, block, options.config.categories, reporter)
  brief.frontMatter = frontMatter
  brief.frontMatterPlaces = Object.fromEntries([...block.keys].map(([key, places]) => [key, places.value]))

  let tree: Root
  try {
    tree = parseMarkdown(text, block.bodyOffset)
  } catch (error) {
    reportParseFailure(file, reporter, error, text, block.bodyOffset)
    return brief
  }

  try {
    const context: BriefContext = {
      file,
      text,
      tree,
      block,
      frontMatter,
      citations: extractCitations(tree, text),
      extracted: extractStructure(tree, text),
      config: options.config
    }
    brief.citations = context.citations
    brief.extracted = context.extracted
    brief.excerpt = frontMatter?.summary ?? excerptOf(tree)
    for (const rule of fileRules) {
      if (reporter.enabled(rule.meta)) rule.check(context, reporter)
    }
    if (frontMatter) brief.data = validateBriefData(context, frontMatter, reporter)
    if (options.render && !file.messages.some((message) => message.fatal === true)) {
      brief.rendered = options.render(context)
    }
  } catch (error) {
    // Deeply nested input can exhaust the stack in any tree walker: report it
    // on this brief and go on with the others.
    if (!(error instanceof RangeError)) throw error
    reportParseFailure(file, reporter, error, text, block.bodyOffset)
  }
  return brief
}

/**
 * Builds the day's published data and validates it against the data
 * contract; each zod issue becomes a message at the line the figure came from.
 */
function validateBriefData(context: BriefContext, frontMatter: NonNullable<BriefContext['frontMatter']>, reporter: Reporter): BriefData | undefined {
  const data = toBriefData(frontMatter, dayFolder(frontMatter.date), context.extracted, context.citations)
  const result = briefDataSchema.safeParse(data)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    let item: unknown = data
    let line: number | undefined
    for (const key of issue.path) {
      item = (item as Record<PropertyKey, unknown> | undefined)?.[key as string]
      const itemLine = (item as {line?: unknown} | undefined)?.line
      if (typeof itemLine === 'number') line = itemLine
    }
    reporter.report(
      context.file,
      implausibleValue.meta,
      `Unexpected \`${issue.path.join('.')}\` in the extracted data: ${issue.message}`,
      line ? {line, column: 1} : context.block.place.start
    )
  }
  return undefined
}

function reportParseFailure(file: Brief['file'], reporter: Reporter, error: unknown, text: string, bodyOffset: number): void {
  if (error instanceof NestingLimitError) {
    // Refused before parsing, at the line that nests too deep.
    reporter.report(file, parseError, `Unexpected ${error.what}, expected a brief of ordinary structure`, {line: error.line, column: error.column}, {
      note: 'Markdown nested this deeply would take minutes to parse or overflow the stack; flatten it.'
    })
    return
  }
  const reason = error instanceof RangeError ? 'nesting too deep to process' : error instanceof Error ? error.message : String(error)
  const line = text.slice(0, bodyOffset).split('\n').length
  reporter.report(file, parseError, `Unexpected Markdown that could not be parsed (${reason}), expected a brief of ordinary structure`, {line, column: 1}, {
    note: 'Look for deeply nested lists or block quotes, or thousands of nested brackets.'
  })
}

/** Paths in messages are relative to the working folder, with `/` on every OS. */
function toDisplayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath)
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative).split(path.sep).join('/')
}

const EXCERPT_LENGTH = 200

/** The first paragraph's text, cut at a word boundary. */
export function excerptOf(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue
    const text = toString(node, {includeHtml: false}).replace(/\[\^[^\]]*\]/g, '').replace(/\s+/g, ' ').trim()
    if (text.length < 40) continue
    if (text.length <= EXCERPT_LENGTH) return text
    const cut = text.slice(0, EXCERPT_LENGTH)
    return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:.\s]+$/, '') + '…'
  }
  return ''
}

function compareMessages(a: {line?: number | undefined; column?: number | undefined}, b: {line?: number | undefined; column?: number | undefined}): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}

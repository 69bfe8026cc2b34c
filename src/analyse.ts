import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {hasErrors, type Brief, type BriefContext} from './brief.js'
import type {BriefData} from './data/brief-data-schema.js'
import type {Config} from './config/schema.js'
import {Reporter} from './diagnostics/reporter.js'
import {briefDataSchema} from './data/brief-data-schema.js'
import {summarize} from './data/day-summary.js'
import {excerptOf} from './extract/excerpt.js'
import {extractStructure, toBriefData} from './extract/brief-data.js'
import {extractCitations} from './extract/citations.js'
import {citedHosts} from './validate/lookalike-hosts.js'
import {parseFrontMatter} from './parse/front-matter.js'
import {NestingLimitError, parseMarkdown} from './parse/markdown.js'
import {parseError} from './parse/rules.js'
import {validateFrontMatter} from './validate/front-matter.js'
import {implausibleValue} from './validate/rules/implausible-value.js'
import {fileRules} from './validate/rules/index.js'
import {dayFolder} from './render/paths.js'
import {toPlainMessage, type PlainMessage} from './cache/messages.js'

/**
 * Everything one brief's analysis yields, as plain data: what a worker
 * returns and what the cache stores. Messages are rebuilt as VFileMessages
 * on the main thread's file.
 */
export type BriefAnalysis = Omit<Brief, 'file' | 'lookalikeHosts'> & {messages: PlainMessage[]}

export function emptyBrief(file: VFile): Brief {
  return {file, frontMatter: undefined, citations: undefined, extracted: undefined, data: undefined, excerpt: ''}
}

/**
 * What a lean pipeline keeps of an analysis: no citations, front-matter
 * places or full data (the rendered brief carries `brief.json`'s text), and
 * of the extracted structure only the prices, which day-over-day compares
 * across days. The build holds this of every brief to its end: the
 * figures' evidence and the lines behind the file rules' messages (a few KB
 * a brief) stay out; the messages themselves are made already.
 */
export function leanAnalysis<T extends BriefAnalysis>(analysis: T): T {
  const prices = analysis.extracted?.market.prices
  const extracted = prices && {sections: [], headlines: [], market: {prices, liquidations: [], etfFlows: [], unparsed: [], withheld: [], unread: [], evidence: {}}}
  return {...analysis, citations: undefined, frontMatterPlaces: undefined, data: undefined, extracted}
}

/**
 * Parses, extracts, validates and (with `render`) renders one brief's text:
 * a pure function of the text, the config and the code, so it runs on any
 * thread (src/workers/worker.ts) and its result is cached by content
 * (src/cache/store.ts). The display path only names the file in messages,
 * which are rebuilt on the caller's.
 */
export function analyseBrief(
  text: string,
  displayPath: string,
  absolutePath: string,
  config: Config,
  render?: (brief: BriefContext) => unknown,
  lean = false
): BriefAnalysis {
  const file = new VFile({path: displayPath, value: text})
  file.data.absolutePath = absolutePath
  const reporter = new Reporter(config.rules)
  const brief = emptyBrief(file)
  processText(file, text, brief, config, reporter, render)
  const analysis: BriefAnalysis = {
    messages: file.messages.map(toPlainMessage),
    frontMatter: brief.frontMatter,
    frontMatterPlaces: brief.frontMatterPlaces,
    citations: brief.citations,
    extracted: brief.extracted,
    data: brief.data,
    summary: brief.data && summarize(brief.data),
    excerpt: brief.excerpt,
    hosts: brief.citations && citedHosts(brief.citations),
    ...(brief.claimed && {claimed: brief.claimed}),
    ...(brief.rendered !== undefined && {rendered: brief.rendered})
  }
  // Lean: a worker sends back only what the main thread keeps.
  return lean ? leanAnalysis(analysis) : analysis
}

function processText(file: VFile, text: string, brief: Brief, config: Config, reporter: Reporter, render?: (brief: BriefContext) => unknown): void {
  const block = parseFrontMatter(file, text, reporter)
  if (!block) return
  const frontMatter = validateFrontMatter(file, block, config.categories, reporter)
  brief.frontMatter = frontMatter
  if (!frontMatter) brief.claimed = claimedIdentity(block.data)
  brief.frontMatterPlaces = Object.fromEntries([...block.keys].map(([key, places]) => [key, places.value]))

  let tree: Root
  try {
    tree = parseMarkdown(text, block.bodyOffset)
  } catch (error) {
    reportParseFailure(file, reporter, error, text, block.bodyOffset)
    return
  }

  try {
    const context: BriefContext = {
      file,
      text,
      tree,
      block,
      frontMatter,
      citations: extractCitations(tree, text),
      extracted: extractStructure(tree, text, frontMatter?.date ?? /\d{4}-\d{2}-\d{2}/.exec(file.basename ?? '')?.[0]),
      config
    }
    brief.citations = context.citations
    brief.extracted = context.extracted
    brief.excerpt = frontMatter?.summary ?? excerptOf(tree)
    for (const rule of fileRules) {
      if (reporter.enabled(rule.meta)) rule.check(context, reporter)
    }
    if (frontMatter) brief.data = context.data = validateBriefData(context, frontMatter, reporter)
    if (render && !hasErrors(brief)) {
      brief.rendered = render(context)
    }
  } catch (error) {
    // Deeply nested input can exhaust the stack in any tree walker: report it
    // on this brief and go on with the others.
    if (!(error instanceof RangeError)) throw error
    reportParseFailure(file, reporter, error, text, block.bodyOffset)
  }
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
    // Refused at the place that nests too deep or runs too long.
    reporter.report(file, parseError, `Unexpected ${error.what}, expected ${error.expected ?? 'a brief of ordinary structure'}`, {line: error.line, column: error.column}, {
      note: error.note ?? 'Markdown nested this deeply would take minutes to parse or overflow the stack; flatten it.'
    })
    return
  }
  const reason = error instanceof RangeError ? 'nesting too deep to process' : error instanceof Error ? error.message : String(error)
  const line = text.slice(0, bodyOffset).split('\n').length
  reporter.report(file, parseError, `Unexpected Markdown that could not be parsed (${reason}), expected a brief of ordinary structure`, {line, column: 1}, {
    note: 'Look for deeply nested lists or block quotes, or thousands of nested brackets.'
  })
}


/** The title and day written in front matter that failed validation, when they are usable as such. */
function claimedIdentity(data: Record<string, unknown>): Brief['claimed'] {
  const claimed: NonNullable<Brief['claimed']> = {}
  if (typeof data.title === 'string' && data.title.trim() !== '') claimed.title = data.title
  const date = data.date instanceof Date && !Number.isNaN(data.date.getTime()) ? data.date.toISOString().slice(0, 10) : data.date
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) claimed.date = date
  return claimed.title === undefined && claimed.date === undefined ? undefined : claimed
}

import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Config} from './config/schema.js'
import type {BriefData} from './data/brief-data-schema.js'
import type {DaySummary} from './data/day-summary.js'
import type {Extracted} from './extract/brief-data.js'
import type {Citations} from './extract/citations-types.js'
import type {FrontMatterBlock} from './parse/front-matter.js'
import type {FrontMatter} from './validate/front-matter.js'
import type {CitedHost} from './validate/lookalike-hosts.js'

/**
 * Everything known about one brief while its tree is in memory: what file
 * rules and the build's renderer see. The tree is dropped once the brief is
 * processed, so that a large archive is never held in memory at once.
 */
export interface BriefContext {
  file: VFile
  /** The decoded original text; positions point into it. */
  text: string
  tree: Root
  block: FrontMatterBlock
  /** Valid front matter, or undefined when it has errors. */
  frontMatter: FrontMatter | undefined
  citations: Citations
  /** Sections, market figures and headlines read from the tree. */
  extracted: Extracted
  /** The day's published data, when the front matter is valid and the data passed its schema. */
  data?: BriefData | undefined
  config: Config
}

/** What stays of a brief after processing. */
export interface Brief {
  file: VFile
  /** Valid front matter, or undefined when the brief could not be read. */
  frontMatter: FrontMatter | undefined
  /** Place of each front-matter value, for messages about it after the tree is gone. */
  frontMatterPlaces?: Record<string, Position>
  citations: Citations | undefined
  extracted: Extracted | undefined
  /**
   * The day's published data (`brief.json`), validated against the data
   * contract. A lean pipeline (the build's) drops it: its render stage has
   * written `brief.json`'s text into the rendered brief, and the archive's
   * pages need only `summary`.
   */
  data: BriefData | undefined
  /** The day's figures and top severity, for the archive's pages; set whenever `data` was valid. */
  summary?: DaySummary | undefined
  /** First words of the brief, for the index and feeds. */
  excerpt: string
  /** Each host the brief cites, once, at its first citation (kept by lean pipelines too: `lookalike-citation-host` compares them across the archive). */
  hosts?: CitedHost[] | undefined
  /**
   * The title and day a brief whose front matter failed validation still
   * states: it keeps its place in the cross-brief rules (duplicate-title,
   * duplicate-date, day-over-day) while its page is not published.
   */
  claimed?: {title?: string; date?: string} | undefined
  /** Cited hosts that `lookalike-citation-host` found to imitate another: host → the host it reads as. The day page marks their links. */
  lookalikeHosts?: Record<string, string>
  /** What the build sink made of the brief while its tree was in memory. */
  rendered?: unknown
}

/** True when the brief produced an error (and so is not published). */
export function hasErrors(brief: Brief): boolean {
  return brief.file.messages.some((message) => message.fatal === true)
}

/**
 * A rendered body left in the cache (`deferRendered`): what a brief holds in
 * its place, so that a build never keeps every body in memory at once. Each
 * `load()` reads it again; the caller drops it when done.
 */
export class DeferredBody {
  constructor(readonly load: () => Promise<unknown>) {}
}

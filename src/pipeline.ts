import {VFile} from 'vfile'
import {analyseBrief, emptyBrief, leanAnalysis, type BriefAnalysis} from './analyse.js'
import type {Brief, BriefContext} from './brief.js'
import {DeferredBody} from './brief.js'
import type {Config} from './config/schema.js'
import {Reporter} from './diagnostics/reporter.js'
import {findBriefs} from './load/find-briefs.js'
import {readBrief} from './load/read-brief.js'
import {toDisplayPath} from './load/display-path.js'
import {lineEndsOf} from './load/line-ends.js'
import {archiveRules} from './validate/rules/index.js'
import {environmentDigest, inputDigest, readKey, renderIdOf} from './cache/digest.js'
import {compareMessages, fromPlainMessage, toPlainMessage, type PlainMessage} from './cache/messages.js'
import {BriefCache} from './cache/store.js'
import {AnalysisPool, BODY_IN_CACHE} from './workers/pool.js'
import {loadRenderStage, type RenderStage} from './render/stage.js'

declare module 'vfile' {
  interface DataMap {
    /**
     * With the cache: the brief's cache key (its text under the config and
     * code), which the build uses to tell which pages can be kept as they are.
     */
    briefKey: string
  }
}

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
  /**
   * The same stage named by module and export, so that worker threads can
   * load it and the cache can keep its results apart from `check`'s. Without
   * it, a `render` function runs in-process and uncached.
   */
  renderStage?: RenderStage
  /**
   * Keep of each brief only what the site needs: no citations (the day's
   * sources are in `data`), no front-matter places, and no text once the
   * brief is analysed. What the build holds per brief then stays small
   * enough for 10,000 briefs in well under 1 GiB.
   */
  lean?: boolean
  /** Worker threads for the per-brief stage; 1 (the default) runs in-process. */
  jobs?: number
  /** Reuse per-brief results from `.briefpress-cache/` in `cwd` (default false). */
  cache?: boolean
  /**
   * Leave rendered bodies on disk (with the cache): each brief's `rendered`
   * is then a `DeferredBody`, read when needed or all at once by
   * `loadRendered()`. A build with nothing to write never reads them, and
   * one that writes holds one body at a time.
   */
  deferRendered?: boolean
  /**
   * With the cache, a lean build's briefs known unchanged (src/cache/brief-keys.ts):
   * absolute path → key. Their analysis comes from the store without reading the file.
   */
  knownKeys?: ReadonlyMap<string, string> | undefined
}

export {SITE_RENDER} from './render/stage.js'

export interface PipelineResult {
  briefs: Brief[]
  reporter: Reporter
  /** How many briefs were analysed, and how many of them came from the cache. */
  stats: {analysed: number; cached: number; workers: number}
  /**
   * With the cache: a digest of everything the briefs' results depend on
   * (every path and its content key, the config, the code), equal between
   * two runs exactly when every brief would give the same result.
   */
  inputDigest: string | undefined
  /** Reads every rendered body left on disk by `deferRendered` into its brief. */
  loadRendered: () => Promise<void>
}

/** Briefs read ahead of the oldest one still in progress. */
const IN_PROGRESS = 32

/** Files being read ahead of the brief being analysed in this thread. */
const READ_AHEAD = 4

/**
 * What the store keeps of a brief. A lean build's entry also holds the
 * messages of reading the file (a byte-order mark, CRLF) and its line
 * endings, so that an unchanged brief is not even read: archive rules check
 * their places against its lines (src/diagnostics/reporter.ts).
 */
type StoredAnalysis = Omit<BriefAnalysis, 'rendered'> & {rendered?: typeof DEFERRED; read?: PlainMessage[]; lineEnds?: string}

/** The stored analysis of an unchanged brief of a lean build, with its file; undefined to read it. */
function fromStore(cache: BriefCache, key: string | undefined, absolutePath: string, displayPath: string) {
  const entry = key === undefined ? undefined : cache.getSync<StoredAnalysis>(key)
  if (!key || !entry || entry.read === undefined || entry.lineEnds === undefined) return undefined
  const file = new VFile({path: displayPath, value: entry.lineEnds})
  file.data.absolutePath = absolutePath
  file.data.briefKey = key
  for (const message of entry.read) file.messages.push(fromPlainMessage(message, displayPath))
  return {key, file, analysis: entry}
}

/** Below this many briefs to analyse, starting workers costs more than it saves. */
const MIN_BRIEFS_PER_WORKER = 4

/**
 * The one pipeline behind `check` and `build`: load, parse, extract and
 * validate each brief once, then run the cross-brief rules. Sinks differ only
 * in what they do with the result. Files are read on the main thread; the
 * per-brief stage runs in-process or on worker threads, or is skipped when
 * the cache holds its result, and all three give the same briefs.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const reporter = new Reporter(options.config.rules)
  const files = await findBriefs(options.paths, options.cwd)
  const render = options.render ?? (options.renderStage && (await loadRenderStage(options.renderStage)))
  const renderId = renderIdOf(options)
  const cache = options.cache && renderId !== undefined ? new BriefCache(options.cwd) : undefined
  const environment = cache ? environmentDigest(options.config, renderId!) : ''
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1))
  const canUseWorkers = jobs > 1 && (!options.render || options.renderStage !== undefined)
  let pool: AnalysisPool | undefined
  const stats = {analysed: 0, cached: 0, workers: 0}

  const leanStore = cache && options.lean && options.deferRendered && render ? cache : undefined
  // Made outside this scope: see deferredBodies.
  const deferredBody = deferredBodies(cache, environment, options, render)

  const analyse = async (text: string, file: VFile, absolutePath: string, bom: true | undefined): Promise<BriefAnalysis> => {
    const key = cache ? readKey(environment, {text, bom}) : ''
    const read = file.messages.map(toPlainMessage)
    if (cache) {
      file.data.briefKey = key
      const cached = await cache.get<BriefAnalysis>(key)
      if (cached) {
        stats.cached++
        const {rendered, ...meta} = cached
        if (rendered !== DEFERRED || !render) return meta
        // The body from its own entry: now, or when its page is written.
        const body = deferredBody(key, file)
        return {...meta, rendered: options.deferRendered ? body : await body.load()}
      }
    }
    stats.analysed++
    // A body that stays on disk is written by the worker (src/workers/worker.ts), never sent here.
    const body = pool && cache && render && options.deferRendered ? {cwd: options.cwd, key} : undefined
    const analysis = pool
      ? await pool.analyse({text, path: file.path, absolutePath, ...(body && {body})})
      : inProcess(analyseBrief(text, file.path, absolutePath, options.config, render, options.lean === true), options.lean === true)
    if (cache) {
      const {rendered, ...meta} = analysis
      // The body first: a meta entry that promises a body always has one.
      if (rendered !== undefined && rendered !== BODY_IN_CACHE) await cache.put(key, {rendered}, 'body')
      // A lean build stores what it keeps (stageId keys it apart), and what reading the file gave.
      const stored: StoredAnalysis = options.lean ? {...leanAnalysis(meta), read, lineEnds: lineEndsOf(text)} : meta
      await cache.put(key, rendered === undefined ? stored : {...stored, rendered: DEFERRED})
      // The body is on disk now: hold only a way to read it back.
      if (rendered !== undefined && options.deferRendered) return {...meta, rendered: deferredBody(key, file)}
    }
    return analysis
  }

  const pending: Array<Promise<Brief>> = []
  let briefs: Brief[]
  try {
    // An unchanged brief of a lean build comes whole from the store: not even read.
    const fromStored = files.map((absolutePath) => leanStore && fromStore(leanStore, options.knownKeys?.get(absolutePath), absolutePath, toDisplayPath(absolutePath, options.cwd)))
    // Workers only for enough briefs to analyse: starting them takes about a second.
    const toAnalyse = fromStored.filter((known) => !known).length
    if (canUseWorkers && toAnalyse >= MIN_BRIEFS_PER_WORKER * 2) {
      pool = AnalysisPool.start(Math.min(jobs, Math.floor(toAnalyse / MIN_BRIEFS_PER_WORKER)), options.config, options.renderStage, options.lean === true)
      stats.workers = pool?.size ?? 0
    }
    // Reads run a few files ahead, so the disk works while a brief is analysed.
    const reads: Array<ReturnType<typeof readBrief> | undefined> = []
    const read = (index: number) =>
      (reads[index] ??= readBrief(files[index]!, reporter, {maxFileSize: options.config.maxFileSize, displayPath: toDisplayPath(files[index]!, options.cwd)}))
    for (const [index] of files.entries()) {
      const known = fromStored[index]
      if (known) {
        fromStored[index] = undefined
        stats.cached++
        const rendered = known.analysis.rendered === DEFERRED && render ? deferredBody(known.key, known.file) : undefined
        pending.push(Promise.resolve(toBrief(known.file, {...known.analysis, rendered}, true)))
        continue
      }
      for (let ahead = index + 1; ahead < Math.min(files.length, index + READ_AHEAD); ahead++) if (!fromStored[ahead]) read(ahead).catch(() => undefined)
      const {file, text, bom} = await read(index)
      reads[index] = undefined
      const brief = text === undefined ? Promise.resolve(emptyBrief(file)) : analyse(text, file, files[index]!, bom).then((analysis) => toBrief(file, analysis, options.lean === true))
      // Read on while the brief is analysed; awaited in file order below.
      brief.catch(() => undefined)
      pending.push(brief)
      // A window of briefs in progress overlaps reading files and cache
      // entries with analysis, without reading the whole archive ahead.
      if (pending.length > IN_PROGRESS) await pending[pending.length - 1 - IN_PROGRESS]
    }
    briefs = await Promise.all(pending)
  } finally {
    await pool?.close()
  }
  for (const rule of archiveRules) {
    if (reporter.enabled(rule.meta)) rule.check(briefs, reporter, options.config)
  }
  for (const brief of briefs) brief.file.messages.sort(compareMessages)
  // Each brief's path and key in file order (`-` for one that could not be read).
  const digest = cache ? inputDigest(environment, briefs.map((brief) => [brief.file.path, brief.file.data.briefKey ?? '-'])) : undefined
  return {briefs, reporter, stats, inputDigest: digest, loadRendered: renderedLoader(briefs)}
}

/**
 * The closures a pipeline's result keeps (each deferred body's `load`,
 * `loadRendered`) are made here, outside `runPipeline`: V8 gives all the
 * closures of a scope one shared context, so one made inside would keep that
 * whole scope (the pack, the stats, every pending brief) as long as any brief
 * is held, which is to the end of the build.
 */
function deferredBodies(cache: BriefCache | undefined, environment: string, options: PipelineOptions, render: ((brief: BriefContext) => unknown) | undefined) {
  // A body removed from the cache under our feet: analyse the brief again.
  return (key: string, file: VFile) =>
    new DeferredBody(async () => {
      const body = await cache!.get<{rendered: unknown}>(key, 'body')
      if (body) return body.rendered
      // The text again (a lean build dropped it), as long as it is the text analysed.
      const {text, bom} = await readBrief(String(file.data.absolutePath), new Reporter(options.config.rules), {maxFileSize: options.config.maxFileSize, displayPath: file.path})
      if (text === undefined || readKey(environment, {text, bom}) !== key) throw new Error(`${file.path} changed during the build; build again`)
      return analyseBrief(text, file.path, String(file.data.absolutePath), options.config, render).rendered
    })
}

function renderedLoader(briefs: Brief[]): () => Promise<void> {
  return async () => {
    for (const brief of briefs) {
      if (brief.rendered instanceof DeferredBody) brief.rendered = await brief.rendered.load()
    }
  }
}

/**
 * A lean analysis made on this thread, as a worker would send it back: a
 * copy. Strings the analysis took from the brief's text (a cited URL in a
 * message, a line of figures) are slices that keep the whole text alive, and
 * a lean build holds its briefs to the end (about 40 KB a brief). The body
 * is not copied: it is the renderer's own (and, with the cache, on disk).
 */
function inProcess(analysis: BriefAnalysis, lean: boolean): BriefAnalysis {
  if (!lean) return analysis
  const {rendered, ...kept} = analysis
  return {...structuredClone(kept), ...(rendered !== undefined && {rendered})}
}

/** Stored in a meta entry in place of the rendered body, which has its own entry. */
const DEFERRED = 'briefpress:rendered-body-entry'

function toBrief(file: VFile, analysis: BriefAnalysis, lean: boolean): Brief {
  for (const message of analysis.messages) file.messages.push(fromPlainMessage(message, file.path))
  // Lean: only the line endings stay, against which the archive rules' messages are checked (src/diagnostics/reporter.ts).
  if (lean) file.value = lineEndsOf(String(file.value))
  const kept = lean ? leanAnalysis(analysis) : analysis
  // Field by field: a stored entry holds more than a brief keeps (StoredAnalysis).
  const brief: Brief = {
    file,
    frontMatter: kept.frontMatter,
    citations: kept.citations,
    extracted: kept.extracted,
    data: kept.data,
    summary: kept.summary,
    excerpt: kept.excerpt,
    hosts: kept.hosts,
    ...(kept.claimed && {claimed: kept.claimed})
  }
  if (kept.frontMatterPlaces) brief.frontMatterPlaces = kept.frontMatterPlaces
  if (kept.rendered !== undefined) brief.rendered = kept.rendered
  return brief
}

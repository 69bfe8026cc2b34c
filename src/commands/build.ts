import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Brief} from '../brief.js'
import type {PipelineOptions} from '../pipeline.js'
import {inputDigestOf} from '../cache/input-digest.js'
import {SITE_RENDER} from '../render/stage.js'
import {AnalysisPack} from '../cache/analysis-pack.js'
import {formatPrettyBytes, formatReport, plural, reportEntry, type ReportEntry} from '../report/format.js'
import {assertSafeOutDir, PartlyWrittenSiteError, UnsafeOutDirError, type AtomicSiteWriter} from '../write/atomic-site.js'
import {buildStamp, listSiteSoon, patchedIdentity, previousMemos, previousSite, readSiteReport, recordReport, recordSite, siteIsCurrent} from '../cache/site-stamp.js'
import {CarriedMemo} from '../cache/carried-memo.js'
import type {StringTable} from '../cache/string-table.js'
import {afterRun, touchRun} from '../cache/prune.js'
import {readSpeedOptions, speedCliOptions, speedHelp} from '../workers/cli-options.js'
import {relaunchWithYoungGeneration} from '../workers/young-generation.js'
import {commonOptions, EXIT, parse, readConfig, readFormat, seconds, UsageError, type Io} from './shared.js'

export const buildHelp = `Usage: briefpress build [options]

Checks every brief, then renders the static site. New and changed files are
written to a temporary folder beside the output and moved in only when every
one is written: with errors it writes nothing and leaves the previous site
exactly as it was.

Options:
  --src <folder>                 Folder of briefs (default briefs)
  --out <folder>                 Output folder (default site); replaced whole, so
                                 it must be empty, absent or a previous build
  --drafts                       Include briefs with \`draft: true\`
  --keep-going                   Build the valid briefs, skip broken ones (still exits 1)
  --no-search                    Skip the Pagefind search index (the search page
                                 then finds nothing); for quick local builds
  --format <pretty|json|github>  How to print diagnostics (default pretty)
  --frail                        Exit 1 on warnings too
  --config <file>                Config file (default briefpress.config.json)
${speedHelp}  -h, --help                     Show this help

Exit codes: 0 built cleanly, 1 content errors (or warnings with --frail),
2 usage, configuration, write or internal error.
`

/**
 * Below this many new or changed briefs, the build does not relaunch itself
 * with a larger young generation: a second start-up costs more than the
 * collector saves (about 5 ms a brief).
 */
const RELAUNCH_MIN_BRIEFS = 50

/** Set for a relaunched build: its parent found the site out of date just before. */
const CHECKED = 'BRIEFPRESS_SITE_OUT_OF_DATE'

export async function build(argv: string[], io: Io): Promise<number> {
  const {values} = parse(argv, {
    options: {
      ...commonOptions,
      src: {type: 'string', default: 'briefs'},
      out: {type: 'string', default: 'site'},
      drafts: {type: 'boolean', default: false},
      'keep-going': {type: 'boolean', default: false},
      'no-search': {type: 'boolean', default: false},
      ...speedCliOptions
    },
    allowPositionals: false
  })
  if (values.help) {
    io.stdout(buildHelp)
    return EXIT.ok
  }
  const format = readFormat(values.format)
  const config = readConfig(io.cwd, values.config)
  try {
    assertSafeOutDir(values.out, io.cwd, [values.src])
  } catch (error) {
    if (error instanceof UnsafeOutDirError) throw new UsageError(error.message)
    throw error
  }
  const outName = `${values.out.replace(/[\\/]+$/, '')}/`
  const start = process.hrtime.bigint()
  const speed = readSpeedOptions(values)
  const outDir = path.resolve(io.cwd, values.out)
  const stampOptions = {drafts: values.drafts, keepGoing: values['keep-going'], search: !values['no-search']}
  const pipelineOptions: Omit<PipelineOptions, 'render'> = {paths: [values.src], cwd: io.cwd, config, renderStage: SITE_RENDER, deferRendered: true, lean: true, ...speed}

  // Nothing changed since the last build into this folder: print that
  // build's report and write nothing, without analysing any brief.
  let changedBriefs: number | undefined
  let environment: string | undefined
  if (speed.cache && !process.env[CHECKED]) {
    const quick = await inputDigestOf(pipelineOptions)
    environment = quick?.environment
    changedBriefs = quick?.read
    pipelineOptions.briefStats = quick?.stats
    const stamp = quick && buildStamp(quick.digest, stampOptions)
    const recorded = stamp && (await siteIsCurrent(io.cwd, outDir, stamp)) ? await readSiteReport(io.cwd, outDir, stamp) : undefined
    if (recorded) {
      // Cache pruning (src/cache/prune.ts): this build's entries count as used now.
      touchRun({...pipelineOptions, configFile: values.config, outDir})
      // Each file's block from the last build's; its messages are decoded only to format one anew.
      const {entries} = recorded
      const {counts, failed, summary} = printReport(entries, format, io, values.frail, recorded.prettyBlocks)
      if (failed && !values['keep-going']) return notWriting(io, outName, summary, entries.length)
      io.stderr(`${outName} is up to date: ${plural(entries.length, 'brief')} unchanged since the last build (${seconds(start)})${counts.errors + counts.warnings > 0 ? ` with ${summary}` : ''}\n`)
      return failed ? EXIT.content : EXIT.ok
    }
  }

  // Many briefs to analyse: with a larger young generation (a second
  // start-up, worth it for more than a few dozen briefs, not for one).
  const relaunched = changedBriefs !== undefined && changedBriefs < RELAUNCH_MIN_BRIEFS ? undefined : await relaunchWithYoungGeneration(speed.jobs, {[CHECKED]: '1'})
  if (relaunched !== undefined) return relaunched
  // The briefs' pack is read while the parser and the renderer load.
  if (environment) AnalysisPack.prefetch(io.cwd, environment)

  // Loaded only now: a build with nothing to do never loads the parser or the renderer.
  const [{runPipeline}, {renderBrief, selectBriefs, writeSite}, {indexSearch}, {writeAtomically}] = await Promise.all([
    import('../pipeline.js'),
    import('../render/site.js'),
    import('../render/search.js'),
    import('../write/atomic-site.js')
  ])
  // The output folder is listed on another thread while briefs are analysed:
  // the pages kept from it are known once the briefs are (`previousSite`).
  const listing = speed.cache ? listSiteSoon(io.cwd, outDir) : undefined
  const result = await runPipeline({...pipelineOptions, render: renderBrief})
  // Cache pruning (src/cache/prune.ts): records this run's entries, sweeps stale ones once a day.
  await afterRun({...pipelineOptions, configFile: values.config, outDir}, result.briefs)
  const {briefs} = result
  const files = briefs.map((brief) => brief.file)
  const memos = speed.cache ? await previousMemos(io.cwd, outDir) : {}
  const {counts, failed, summary, prettyBlocks} = printReport(files.map(reportEntry), format, io, values.frail, memos.prettyBlocks)
  if (failed && !values['keep-going']) return notWriting(io, outName, summary, briefs.length)

  const stamp = result.inputDigest && buildStamp(result.inputDigest, stampOptions)
  if (stamp && (await siteIsCurrent(io.cwd, outDir, stamp))) {
    // Recorded again with the report, for a site stamped without one.
    const report = recordReport(io.cwd, outDir, stamp, {files, reportMessages: memos.reportMessages, prettyBlocks})
    await recordSite(io.cwd, outDir, stamp, {report, keys: (await previousSite(io.cwd, outDir))?.keys, feedLinks: memos.feedLinks, cards: memos.cards})
    io.stderr(`${outName} is up to date: ${plural(briefs.length, 'brief')} unchanged since the last build (${seconds(start)})${counts.errors + counts.warnings > 0 ? ` with ${summary}` : ''}\n`)
    return failed ? EXIT.content : EXIT.ok
  }
  const selection = selectBriefs(briefs, {drafts: values.drafts})
  // Pages whose inputs are unchanged are taken from the previous build.
  const previous = stamp ? await previousSite(io.cwd, outDir, listing) : undefined
  const keys = new Map<string, string>()
  // The report's sidecar is written while the site is (recordSite waits for it).
  const report = stamp ? recordReport(io.cwd, outDir, stamp, {files, reportMessages: memos.reportMessages, prettyBlocks}) : undefined
  const feedLinks = new CarriedMemo(memos.feedLinks)
  const cards = new CarriedMemo(memos.cards)
  let pages: number
  // The writer, to ask after the patch what it changed: the site need not be walked again.
  const used: {writer?: AtomicSiteWriter} = {}
  try {
    pages = await writeAtomically(outDir, async (writer) => {
      used.writer = writer
      const reuse = previous && {dir: outDir, keys: previous.keys}
      // Pagefind reads the finished day pages through the writer, while the
      // rest of the site is written and before it is swapped or patched: a
      // failed index leaves the previous site as it was. Tiers of the index
      // whose days are unchanged are taken from the previous site, like pages.
      const search = values['no-search'] ? undefined : () => indexSearch(selection.published, writer, {previous: reuse, keys})
      return writeSite(selection.published, config, writer, {previous: reuse, keys, feedLinks, cards, alongside: search})
    }, previous?.files)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    io.stderr(`briefpress build: could not write ${outName}: ${reason}\n${error instanceof PartlyWrittenSiteError ? '' : 'The previous site is unchanged.\n'}`)
    await report
    return EXIT.usage
  }
  const changes = used.writer?.changes
  const identity = previous && changes ? patchedIdentity(outDir, previous, changes) : undefined
  if (stamp && report) await recordSite(io.cwd, outDir, stamp, {report, keys, feedLinks: feedLinks.next, cards: cards.next, identity})

  const notes = [
    selection.broken.length > 0 ? `skipped ${plural(selection.broken.length, 'broken brief')}: ${names(selection.broken)}` : '',
    selection.drafts.length > 0 ? `left out ${plural(selection.drafts.length, 'draft')} (use --drafts to include them)` : ''
  ].filter(Boolean)
  io.stderr(
    `Wrote ${plural(pages, 'page')} (${plural(selection.published.length, 'brief')}) to ${outName} in ${seconds(start)}` +
      `${counts.errors + counts.warnings > 0 ? ` with ${summary}` : ''}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}\n` +
      `Open ${outName}index.html in a browser (${pathToFileURL(path.join(outDir, 'index.html')).href}), or serve the folder with any static web server.\n`
  )
  return failed ? EXIT.content : EXIT.ok
}

/**
 * Prints the report. The pretty format takes each file's block from the
 * previous build's when that file's messages are unchanged; returned are
 * the blocks printed now, for the next build.
 */
function printReport(entries: readonly ReportEntry[], format: ReturnType<typeof readFormat>, io: Io, frail: boolean | undefined, previous?: StringTable) {
  const memo = new CarriedMemo(previous)
  // Kept blocks are printed as the bytes they were kept as.
  if (format === 'pretty') io.stderr(formatPrettyBytes(entries, {color: io.color, memo: {get: (key) => memo.kept(key), set: (key, block) => memo.set(key, block)}}))
  else io.stdout(formatReport(format, entries.map((entry) => entry.file())))
  const counts = {errors: 0, warnings: 0}
  for (const entry of entries) {
    counts.errors += entry.counts.errors
    counts.warnings += entry.counts.warnings
  }
  const failed = counts.errors > 0 || (frail === true && counts.warnings > 0)
  const summary = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`
  // Another format leaves the pretty blocks as they were.
  return {counts, failed, summary, prettyBlocks: format === 'pretty' ? memo.next : previous}
}

function notWriting(io: Io, outName: string, summary: string, briefs: number): number {
  io.stderr(`Not writing ${outName}: ${summary} in ${plural(briefs, 'brief')}; the previous site is unchanged (use --keep-going to build the valid briefs)\n`)
  return EXIT.content
}

function names(briefs: readonly Brief[]): string {
  const shown = briefs.slice(0, 5).map((brief) => brief.file.path)
  return shown.join(', ') + (briefs.length > shown.length ? ` and ${briefs.length - shown.length} more` : '')
}

import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {VFile} from 'vfile'
import type {Brief} from '../brief.js'
import type {PipelineOptions} from '../pipeline.js'
import {briefKeys, type BriefKeys} from '../cache/brief-keys.js'
import {environmentDigest, inputDigest, stageId} from '../cache/digest.js'
import {fromPlainMessage} from '../cache/messages.js'
import {readManifest, recordedReport, writeManifest, type Manifest} from '../cache/manifest.js'
import {afterRun, touchRun} from '../cache/prune.js'
import {defaultConfig} from '../config/load.js'
import {findBriefs} from '../load/find-briefs.js'
import {toDisplayPath} from '../load/display-path.js'
import {SITE_RENDER} from '../render/stage.js'
import {plural} from '../report/format.js'
import {completeInterruptedCommit} from '../write/commit-journal.js'
import {lockOutDir, OutDirLockedError} from '../write/out-lock.js'
import {describeWriteError} from '../write/write-errors.js'
import {assertSafeOutDir, PartlyWrittenSiteError, UnsafeOutDirError, type AtomicSiteWriter} from '../write/atomic-site.js'
import {listSite, patchedListing, siteIdentity} from '../write/site-files.js'
import {readSpeedOptions, speedCliOptions, speedHelp} from '../workers/cli-options.js'
import {relaunchWithYoungGeneration} from '../workers/young-generation.js'
import {commonOptions, EXIT, onSignals, parse, printReport, readConfig, readFormat, reportHelp, seconds, UsageError, type Io} from './shared.js'

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
${reportHelp}${speedHelp}  -h, --help                     Show this help

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

/**
 * The build, as the orchestrator of the stages and the only user of the
 * cache besides the pipeline's store: it reads the last build's manifest
 * (src/cache/manifest.ts), prints its report when nothing changed, else runs
 * the pipeline, renders and writes the site, reusing unchanged files, and
 * writes the manifest last.
 */
export async function build(argv: string[], io: Io): Promise<number> {
  const lock: {release?: () => Promise<void>} = {}
  try {
    return await buildLocked(argv, io, lock)
  } finally {
    await lock.release?.()
  }
}

/** The build, which takes the output folder's lock (src/write/out-lock.ts) into `lock` before it reads the previous site. */
async function buildLocked(argv: string[], io: Io, lock: {release?: () => Promise<void>}): Promise<number> {
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
  const config = await readConfig(io.cwd, values.config)
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
  // One build at a time into one folder; a relaunched build runs under its parent's lock.
  if (!process.env[CHECKED]) {
    try {
      lock.release = await lockOutDir(outDir, {outName, onWait: (holder) => io.stderr(`Waiting for another build (process ${holder}) writing ${outName} to finish…\n`)})
    } catch (error) {
      if (!(error instanceof OutDirLockedError)) throw error
      io.stderr(`briefpress build: ${error.message}\n`)
      return EXIT.usage
    }
  }
  // Before anything reads the site: the commit of a build killed half-way is completed.
  completeInterruptedCommit(outDir)
  const pipelineOptions: Omit<PipelineOptions, 'render'> = {paths: [values.src], cwd: io.cwd, config, renderStage: SITE_RENDER, deferRendered: true, lean: true, ...speed}
  const runOptions = {...pipelineOptions, configFile: values.config, outDir}
  // What the build's result depends on besides the briefs: the cache's environment and the options.
  const environment = environmentDigest(config, stageId(SITE_RENDER, true))
  const buildOptions = JSON.stringify({drafts: values.drafts, keepGoing: values['keep-going'], search: !values['no-search']})

  let manifest: Manifest | undefined
  let keys: BriefKeys | undefined
  if (speed.cache) {
    manifest = await readManifest(io.cwd, outDir)
    if (manifest?.environment !== environment) manifest = undefined
    const files = await findBriefs(pipelineOptions.paths, io.cwd)
    keys = await briefKeys(files, io.cwd, config, environment, manifest?.inputs)
    const digest = inputDigest(environment, files.map((file) => [toDisplayPath(file, io.cwd), keys!.keys.get(file)!]))
    // Nothing changed since the last build into this folder: print its report and write nothing.
    if (!process.env[CHECKED] && manifest?.inputDigest === digest && manifest.options === buildOptions && manifest.site === (await siteIdentity(outDir))) {
      touchRun(runOptions)
      // Briefs read again only because they were recorded too soon after an edit: recorded anew, so that the next build trusts them.
      if (keys.trusted.size < keys.keys.size) await writeManifest(io.cwd, outDir, {...manifest, inputs: keys.inputs})
      const recorded = manifest.report.map(([filePath, messages]) => {
        const file = new VFile({path: filePath})
        for (const message of messages) file.messages.push(fromPlainMessage(message, filePath))
        return file
      })
      const {counts, failed, summary} = printReport(recorded, format, io, values)
      if (failed && !values['keep-going']) return notWriting(io, outName, summary, recorded.length)
      // Of the briefs read, say how many the site holds: after --keep-going they differ.
      const published = manifest.published !== undefined && manifest.published !== recorded.length ? `, ${manifest.published} of them published` : ''
      io.stderr(`${outName} is up to date: ${plural(recorded.length, 'brief')} unchanged since the last build${published} (${seconds(start)})${counts.errors + counts.warnings > 0 ? ` with ${summary}` : ''}\n`)
      io.stderr(localBaseUrlWarning(config.baseUrl))
      return failed ? EXIT.content : EXIT.ok
    }
  }

  // Many briefs to analyse: with a larger young generation (a second
  // start-up, worth it for more than a few dozen briefs, not for one).
  const changedBriefs = keys && keys.keys.size - keys.trusted.size
  const relaunched = changedBriefs !== undefined && changedBriefs < RELAUNCH_MIN_BRIEFS ? undefined : await relaunchWithYoungGeneration(speed.jobs, {[CHECKED]: '1'})
  if (relaunched !== undefined) return relaunched

  // Loaded only now: a build with nothing to do never loads the parser or the renderer.
  const [{runPipeline}, {renderBrief, selectBriefs, writeSite}, {indexSearch}, {writeAtomically}] = await Promise.all([
    import('../pipeline.js'),
    import('../render/site.js'),
    import('../render/search.js'),
    import('../write/atomic-site.js')
  ])
  const result = await runPipeline({...pipelineOptions, render: renderBrief, knownKeys: keys?.trusted})
  // Cache pruning (src/cache/prune.ts): records this run's entries, sweeps stale ones once a day.
  await afterRun(runOptions, result.briefs)
  const {briefs} = result
  const files = briefs.map((brief) => brief.file)
  const {counts, failed, summary} = printReport(files, format, io, values)
  if (failed && !values['keep-going']) return notWriting(io, outName, summary, briefs.length)

  const selection = selectBriefs(briefs, {drafts: values.drafts})
  // The previous site's files are reused only while it is exactly as the last build left it.
  const listing = manifest && listSite(outDir)
  const previous = listing && manifest!.site === (await siteIdentity(outDir, listing)) ? {dir: outDir, keys: manifest!.outputs} : undefined
  const outputs = new Map<string, string>()
  let pages: number
  // The writer, to ask after the patch what it changed: the site need not be listed again.
  const used: {writer?: AtomicSiteWriter} = {}
  // Interrupted while writing, the build removes what it wrote and ends by the signal.
  const stopWatching = onInterrupt(() => used.writer?.abort())
  try {
    pages = await writeAtomically(
      outDir,
      async (writer) => {
        used.writer = writer
        // Pagefind reads the finished day pages through the writer, while the
        // rest of the site is written and before it is swapped or patched: a
        // failed index leaves the previous site as it was. Tiers of the index
        // whose days are unchanged are taken from the previous site, like pages.
        const search = values['no-search'] ? undefined : () => indexSearch(selection.published, writer, {previous, keys: outputs})
        return writeSite(selection.published, config, writer, {previous, keys: outputs, alongside: search, missing: selection.missing})
      },
      previous && listing ? [...listing.stats.keys()] : undefined
    )
  } catch (error) {
    stopWatching()
    io.stderr(`briefpress build: could not write ${outName}: ${describeWriteError(error)}\n${error instanceof PartlyWrittenSiteError ? '' : 'The previous site is unchanged.\n'}`)
    return EXIT.usage
  }
  if (keys && result.inputDigest) {
    // The manifest last: the commit point of this build.
    const changes = used.writer?.changes
    const site = await siteIdentity(outDir, previous && listing && changes ? patchedListing(outDir, listing, changes) : undefined)
    if (site) await writeManifest(io.cwd, outDir, {environment, options: buildOptions, inputs: keys.inputs, inputDigest: result.inputDigest, site, outputs, published: selection.published.length, report: recordedReport(files)})
  }
  stopWatching()

  const notes = [
    selection.broken.length > 0 ? `skipped ${plural(selection.broken.length, 'broken brief')}: ${names(selection.broken)}` : '',
    selection.drafts.length > 0 ? `left out ${plural(selection.drafts.length, 'draft')} (use --drafts to include them)` : ''
  ].filter(Boolean)
  io.stderr(
    `Wrote ${plural(pages, 'page')} (${plural(selection.published.length, 'brief')}) to ${outName} in ${seconds(start)}` +
      `${counts.errors + counts.warnings > 0 ? ` with ${summary}` : ''}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}\n` +
      `Open ${outName}index.html in a browser (${pathToFileURL(path.join(outDir, 'index.html')).href}), or serve the folder with any static web server.\n`
  )
  io.stderr(localBaseUrlWarning(config.baseUrl))
  return failed ? EXIT.content : EXIT.ok
}

/**
 * SIGINT, SIGTERM or SIGHUP while the site is written: `cleanUp` runs, then
 * the process ends by that signal. A commit under way is synchronous, so a
 * signal is handled only once it is done: the folder holds the old site or
 * the new one. Returns the function that stops watching.
 */
function onInterrupt(cleanUp: () => void): () => void {
  const stop = onSignals((signal) => {
    stop()
    cleanUp()
    process.kill(process.pid, signal)
  })
  return stop
}

function notWriting(io: Io, outName: string, summary: string, briefs: number): number {
  io.stderr(`Not writing ${outName}: ${summary} in ${plural(briefs, 'brief')}; the previous site is unchanged (use --keep-going to build the valid briefs)\n`)
  return EXIT.content
}

/**
 * Feeds, the sitemap and canonical links are absolute URLs: built with a
 * loopback `baseUrl` (the default is http://localhost:8080/), they lead
 * nowhere once the site is published. Said once per build, not per page.
 */
export function localBaseUrlWarning(baseUrl: string): string {
  const host = new URL(baseUrl).hostname
  if (host !== 'localhost' && !host.endsWith('.localhost') && host !== '[::1]' && !/^127\./.test(host)) return ''
  const what = baseUrl === defaultConfig().baseUrl ? `the default ${baseUrl}` : baseUrl
  return `Warning: \`baseUrl\` is ${what}, so the feeds, the sitemap and the pages' canonical links point at this computer; set "baseUrl" in briefpress.config.json to the address the site is published at\n`
}

function names(briefs: readonly Brief[]): string {
  const shown = briefs.slice(0, 5).map((brief) => brief.file.path)
  return shown.join(', ') + (briefs.length > shown.length ? ` and ${briefs.length - shown.length} more` : '')
}

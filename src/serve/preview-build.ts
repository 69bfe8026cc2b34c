import type {VFile} from 'vfile'
import {hasErrors} from '../brief.js'
import {ConfigError, loadConfig} from '../config/load.js'
import type {Config} from '../config/schema.js'
import {MissingPathError} from '../load/find-briefs.js'
import {runPipeline, SITE_RENDER, type PipelineResult} from '../pipeline.js'
import {renderBrief, selectBriefs, writeSite} from '../render/site.js'
import {countMessages, toJsonMessage, type Counts} from '../report/format.js'
import {writeAtomically} from '../write/atomic-site.js'
import {afterRun} from '../cache/prune.js'
import {readSpeedOptions} from '../workers/cli-options.js'
import type {Problem} from './overlay.js'

export interface PreviewBuildOptions {
  cwd: string
  /** Folder of briefs, relative to `cwd`. */
  src: string
  /** Config file, relative to `cwd` (default briefpress.config.json). */
  config?: string | undefined
  /** A folder that does not exist yet: where this build's site goes. */
  outDir: string
  /**
   * Write the valid briefs even when others have errors. The preview does
   * this only until it has a good build, so there is something to look at.
   */
  keepGoing: boolean
}

export interface PreviewBuild {
  /** Every brief's file with its messages (for the terminal report). */
  files: VFile[]
  counts: Counts
  /** What blocks the preview: the messages of briefs with errors, or a failure of the build itself. */
  problems: Problem[]
  /** Set when a site was written to `outDir`. */
  written?: {pages: number; briefs: number}
}

/**
 * The check-and-build pipeline that `build` runs, with the site going to a
 * private folder. Drafts are included: the preview is for authors.
 */
export async function buildPreview(options: PreviewBuildOptions): Promise<PreviewBuild> {
  let config: Config
  try {
    config = (await loadConfig(options.cwd, options.config)).config
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return failure(options.config ?? 'briefpress.config.json', error.message)
  }
  let result: PipelineResult
  try {
    result = await runBuildPipeline(options.cwd, options.src, config)
  } catch (error) {
    if (!(error instanceof MissingPathError)) throw error
    return failure(options.src, error.message)
  }
  const files = result.briefs.map((brief) => brief.file)
  const counts = countMessages(files)
  const problems = result.briefs
    .filter((brief) => hasErrors(brief))
    .flatMap((brief) => brief.file.messages.filter((message) => message.fatal !== undefined && message.fatal !== null).map((message): Problem => toJsonMessage(brief.file, message)))
  if (counts.errors > 0 && !options.keepGoing) return {files, counts, problems}

  const selection = selectBriefs(result.briefs, {drafts: true})
  try {
    const pages = await writeAtomically(options.outDir, (writer) => writeSite(selection.published, config, writer, {missing: selection.missing}))
    return {files, counts, problems, written: {pages, briefs: selection.published.length}}
  } catch (error) {
    return {...failure('site', `could not write the preview: ${error instanceof Error ? error.message : String(error)}`), files, counts: {...counts, errors: counts.errors + 1}}
  }
}

/**
 * The build's pipeline call, in one place, with `build`'s defaults: results
 * cached in `.briefpress-cache/` (so a save re-analyses only the briefs that
 * changed) and worker threads for a cold start.
 */
export async function runBuildPipeline(cwd: string, src: string, config: Config): Promise<PipelineResult> {
  const options = {paths: [src], cwd, config, render: renderBrief, renderStage: SITE_RENDER, ...readSpeedOptions({})}
  const result = await runPipeline(options)
  // Cache pruning (src/cache/prune.ts): without a record, build's and check's sweeps would drop the preview's entries.
  await afterRun(options, result.briefs)
  return result
}

/** A build that failed as a whole: one problem without a place. */
export function failure(file: string, message: string): PreviewBuild {
  return {files: [], counts: {errors: 1, warnings: 0}, problems: [{file, line: null, column: null, severity: 'error', ruleId: null, message}]}
}

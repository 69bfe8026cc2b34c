import {createHash} from 'node:crypto'
import type {Config} from '../config/schema.js'
import type {RenderStage} from '../render/stage.js'
import {Reporter} from '../diagnostics/reporter.js'
import {toDisplayPath} from '../load/display-path.js'
import {findBriefs} from '../load/find-briefs.js'
import {readBrief} from '../load/read-brief.js'
import {BriefStats} from './brief-stats.js'
import {briefKey, environmentDigest} from './digest.js'

// Kept apart from the pipeline (and its parser) so that a build with nothing
// to do loads only this. Must hash exactly as runPipeline does.

/** Briefs read at once. */
const IN_PROGRESS = 32

interface Entry {
  path: string
  key: string
}

/**
 * The key of a brief as read: its text under the environment, and whether a
 * byte-order mark was dropped from it, which the text does not show but the
 * messages of reading do. Without it, adding or removing a mark left the
 * build "up to date" with the previous report.
 */
export function readKey(environment: string, read: {text: string; bom?: true | undefined}): string {
  return briefKey(environment, read.bom ? `\uFEFF${read.text}` : read.text)
}

/** The render stage as the cache keys it: a lean pipeline stores less, under its own entries. */
export function stageId(stage: RenderStage, lean: boolean | undefined): string {
  return `${stage.id}${lean ? '#lean' : ''}`
}

/**
 * The `inputDigest` that `runPipeline` would return for these options,
 * computed by reading and hashing every brief without analysing anything or
 * opening the cache: what lets a build with nothing to do say so at the cost
 * of reading the briefs once. Texts are not kept, so memory stays flat.
 * `read` counts the briefs whose stats were not known (new or changed);
 * `stats` are the briefs' stats as checked, for the pipeline to take;
 * `environment` is what the cache's entries are kept under.
 */
export async function inputDigestOf(options: {paths: readonly string[]; cwd: string; config: Config; renderStage?: RenderStage | undefined; lean?: boolean}): Promise<{digest: string; read: number; stats: BriefStats; environment: string} | undefined> {
  if (!options.renderStage) return undefined
  const environment = environmentDigest(options.config, stageId(options.renderStage, options.lean))
  const inputs = createHash('sha256').update(environment)
  const reporter = new Reporter(options.config.rules)
  const files = await findBriefs(options.paths, options.cwd)
  // Briefs whose stats are unchanged since they were last hashed are not read (src/cache/brief-stats.ts).
  const stats = BriefStats.open(options.cwd, environment)
  // Each brief's path and key, in file order; a read brief's once read.
  const entries: Array<Entry | Promise<Entry>> = []
  // A few reads in flight at once: the disk and the hashing overlap.
  const reads: Array<Promise<Entry>> = []
  // Briefs read because their stats were not known: about what the build will analyse.
  let read = 0
  for (const absolutePath of files) {
    const displayPath = toDisplayPath(absolutePath, options.cwd)
    const recordedAt = Date.now()
    const before = BriefStats.stat(absolutePath)
    const known = stats.lookup(absolutePath, before)
    if (known !== undefined) {
      entries.push({path: displayPath, key: known})
      continue
    }
    read++
    const entry = readBrief(absolutePath, reporter, {maxFileSize: options.config.maxFileSize, displayPath}).then(({file, text, bom}) => {
      const key = text === undefined ? '-' : readKey(environment, {text, bom})
      stats.record(absolutePath, before, recordedAt, key)
      return {path: file.path, key}
    })
    entries.push(entry)
    reads.push(entry)
    if (reads.length >= IN_PROGRESS) await Promise.all(reads.splice(0))
  }
  await Promise.all(reads)
  stats.save()
  // One update: hashing the concatenation is hashing the parts in turn.
  let text = ''
  for (const entry of entries) {
    const {path: filePath, key} = entry instanceof Promise ? await entry : entry
    text += `\0${filePath}\0${key}`
  }
  inputs.update(text)
  return {digest: inputs.digest('hex'), read, stats, environment}
}

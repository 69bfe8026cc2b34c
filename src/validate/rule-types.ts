import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Config} from '../config/schema.js'
import type {Reporter} from '../diagnostics/reporter.js'
import type {RuleMeta} from '../diagnostics/rule.js'
import type {Brief, BriefContext} from '../brief.js'
import type {PackedMessages} from '../cache/packed-messages.js'

export type {Root, VFile}

/** A rule that looks at one brief, with its syntax tree still in memory. */
export interface FileRule {
  meta: RuleMeta
  check(brief: BriefContext, reporter: Reporter): void
}

/**
 * An archive rule's messages from earlier builds, by a key of everything
 * they depend on (src/cache/analysis-pack.ts keeps them with the cache).
 */
export interface ArchiveMemo {
  take(key: string): PackedMessages | undefined
  add(key: string, messages: PackedMessages): void
}

/** A rule that runs once all briefs are loaded (duplicates, day-over-day). */
export interface ArchiveRule {
  meta: RuleMeta
  /** With a memo, a rule may take what it reports on unchanged briefs from it. */
  check(briefs: readonly Brief[], reporter: Reporter, config: Config, memo?: ArchiveMemo): void
}

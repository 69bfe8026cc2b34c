import type {Config} from '../config/schema.js'
import type {Reporter} from '../diagnostics/reporter.js'
import type {RuleMeta} from '../diagnostics/rule.js'
import type {Brief, BriefContext} from '../brief.js'

/** A rule that looks at one brief, with its syntax tree still in memory. */
export interface FileRule {
  meta: RuleMeta
  check(brief: BriefContext, reporter: Reporter): void
}

/** A rule that runs once all briefs are loaded (duplicates, day-over-day). */
export interface ArchiveRule {
  meta: RuleMeta
  check(briefs: readonly Brief[], reporter: Reporter, config: Config): void
}

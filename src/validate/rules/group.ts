import type {Reporter} from '../../diagnostics/reporter.js'
import type {RuleMeta} from '../../diagnostics/rule.js'
import type {Brief} from '../../brief.js'

export function groupBy(briefs: readonly Brief[], key: (brief: Brief) => string | undefined): Map<string, Brief[]> {
  const groups = new Map<string, Brief[]>()
  for (const brief of briefs) {
    const value = key(brief)
    if (value === undefined || value === '') continue
    const group = groups.get(value)
    if (group) group.push(brief)
    else groups.set(value, [brief])
  }
  return groups
}

/**
 * Reports a duplicate on every file of a group, each message naming all the
 * other files, as Eleventy's duplicate-permalink check lists every offender.
 */
export function reportGroup(
  group: readonly Brief[],
  reporter: Reporter,
  rule: RuleMeta,
  key: 'date' | 'title',
  reason: (others: string) => string
): void {
  if (group.length < 2) return
  for (const brief of group) {
    const others = group.filter((other) => other !== brief).map((other) => other.file.path).join(', ')
    const place = brief.frontMatterPlaces?.[key]
    reporter.report(brief.file, rule, reason(others), place, {actual: others})
  }
}

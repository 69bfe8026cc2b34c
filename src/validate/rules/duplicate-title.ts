import {defineRule} from '../../diagnostics/rule.js'
import type {ArchiveRule} from '../rule-types.js'
import {groupBy, reportGroup} from './group.js'

export const duplicateTitle: ArchiveRule = {
  meta: defineRule({
    id: 'duplicate-title',
    severity: 'warning',
    description: 'Two or more briefs have the same `title`, so readers cannot tell them apart in the index.'
  }),
  check(briefs, reporter) {
    const key = (title: string | undefined) => title?.trim().replace(/\s+/g, ' ').toLowerCase()
    for (const [, group] of groupBy(briefs, (brief) => key(brief.frontMatter?.title ?? brief.claimed?.title))) {
      reportGroup(group, reporter, this.meta, 'title', (others) =>
        `Unexpected title shared with ${others}, expected a title unique to this day`
      )
    }
  }
}

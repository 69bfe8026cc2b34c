import {defineRule} from '../../diagnostics/rule.js'
import type {ArchiveRule} from '../rule-types.js'
import {groupBy, reportGroup} from './group.js'

export const duplicateDate: ArchiveRule = {
  meta: defineRule({
    id: 'duplicate-date',
    severity: 'error',
    description: 'Two or more briefs have the same `date`: each day has one page, so one would be lost.'
  }),
  check(briefs, reporter) {
    for (const [date, group] of groupBy(briefs, (brief) => brief.frontMatter?.date)) {
      reportGroup(group, reporter, this.meta, 'date', (others) =>
        `Unexpected second brief for ${date}, expected one brief per day; also dated ${date}: ${others}`
      )
    }
  }
}

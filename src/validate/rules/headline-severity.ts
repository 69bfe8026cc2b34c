import {defineRule} from '../../diagnostics/rule.js'
import {headlinesWithoutSeverity} from '../../extract/headlines/index.js'
import type {FileRule} from '../rule-types.js'

export const headlineSeverity: FileRule = {
  meta: defineRule({
    id: 'headline-severity',
    severity: 'warning',
    description: 'A top headline carries no recognisable severity (`[HIGH]`, `**Risk: High**`, a Risk column…).'
  }),
  check({file, extracted}, reporter) {
    for (const headline of headlinesWithoutSeverity(extracted.headlines)) {
      const title = headline.title.length > 60 ? `${headline.title.slice(0, 57)}…` : headline.title
      reporter.report(
        file,
        this.meta,
        `Unexpected headline “${title}” without a severity, expected a tag such as \`[HIGH]\` or a \`**Risk: Medium**\` line`,
        {line: headline.line, column: headline.column},
        {
          expected: ['critical', 'high', 'medium', 'low', 'info'],
          note: 'The day page shows a headline’s severity as a badge, and the index shows the day’s highest: end the headline with a tag such as `[HIGH]`, or put a `**Risk: High**` line under it.'
        }
      )
    }
  }
}

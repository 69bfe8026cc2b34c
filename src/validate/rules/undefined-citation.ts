import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

/**
 * remark-gfm leaves a `[^x]` without definition as literal text, so readers
 * see `[^7]` in the page and the claim it backs has no source.
 */
export const undefinedCitation: FileRule = {
  meta: defineRule({
    id: 'undefined-citation',
    severity: 'error',
    description: 'A citation `[^x]` has no definition `[^x]: https://…`, so it shows as literal text with no source.'
  }),
  check({file, citations}, reporter) {
    for (const reference of citations.references) {
      if (reference.defined) continue
      reporter.report(
        file,
        this.meta,
        `Unexpected citation \`[^${reference.label}]\` with no definition, expected a definition \`[^${reference.label}]: https://…\``,
        reference.position,
        {
          actual: `[^${reference.label}]`,
          expected: [`[^${reference.label}]: https://…`],
          note: 'Add the definition at the end of the brief, or fix the label if it is a typo. GFM compares labels case-insensitively.'
        }
      )
    }
  }
}

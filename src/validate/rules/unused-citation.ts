import {defineRule} from '../../diagnostics/rule.js'
import {citationUsage} from '../../extract/citations.js'
import type {FileRule} from '../rule-types.js'

/** A definition nothing cites is dead weight in the source list (often a typo in a label). */
export const unusedCitation: FileRule = {
  meta: defineRule({
    id: 'unused-citation',
    severity: 'warning',
    description: 'A footnote definition is never referenced, neither in the text nor in hidden HTML.'
  }),
  check({file, citations}, reporter) {
    const usage = citationUsage(citations)
    for (const definition of citations.definitions) {
      if (usage.has(definition.identifier)) continue
      reporter.report(
        file,
        this.meta,
        `Unexpected unused definition \`[^${definition.label}]\` (${definition.target || 'empty'}), expected a reference \`[^${definition.label}]\` in the text`,
        definition.position,
        {
          actual: `[^${definition.label}]: ${definition.raw}`,
          expected: [`[^${definition.label}]`],
          note: 'Cite it where the claim it supports is made, or remove the definition.'
        }
      )
    }
  }
}

import {defineRule} from '../../diagnostics/rule.js'
import type {FileRule} from '../rule-types.js'

/** A citation must lead a reader to its source: only an absolute http(s) URL does. */
export const invalidCitationUrl: FileRule = {
  meta: defineRule({
    id: 'invalid-citation-url',
    severity: 'error',
    description: 'A footnote definition\'s target is not an absolute http(s) URL (empty, relative, `javascript:`, `data:`, a bare word).'
  }),
  check({file, citations}, reporter) {
    for (const definition of citations.definitions) {
      if (definition.url !== undefined) continue
      const found = definition.target === '' ? 'empty citation target' : `citation target \`${definition.target}\``
      reporter.report(
        file,
        this.meta,
        `Unexpected ${found} for \`[^${definition.label}]\`, expected an absolute http(s) URL such as \`https://example.com/article\``,
        definition.targetPosition,
        {
          actual: definition.target,
          expected: ['https://…'],
          note: 'Write the full address of the source, with `https://` (or `[title](https://…) - snippet`).'
        }
      )
    }
  }
}

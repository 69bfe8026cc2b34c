import {defineRule} from '../../diagnostics/rule.js'
import type {CitationDefinition} from '../../extract/citations-types.js'
import type {FileRule} from '../rule-types.js'

/** GFM keeps the first of two definitions with the same label and drops the other silently. */
export const duplicateCitation: FileRule = {
  meta: defineRule({
    id: 'duplicate-citation',
    severity: 'error',
    description: 'Two footnote definitions share a label (compared case-insensitively); GFM silently uses the first.'
  }),
  check({file, citations}, reporter) {
    const first = new Map<string, CitationDefinition>()
    for (const definition of citations.definitions) {
      const earlier = first.get(definition.identifier)
      if (!earlier) {
        first.set(definition.identifier, definition)
        continue
      }
      const line = earlier.position.start.line
      reporter.report(
        file,
        this.meta,
        `Unexpected second definition of \`[^${definition.label}]\` (${shown(definition)}), expected one definition per label: \`[^${earlier.label}]\` is already defined on line ${line} (${shown(earlier)})`,
        definition.position,
        {
          actual: `[^${definition.label}]: ${definition.raw}`,
          expected: [`a new label, e.g. [^${definition.label}-2]`],
          note: 'GFM uses the first definition and drops this one: give it its own label and update its references, or delete it.'
        }
      )
    }
  }
}

function shown(definition: CitationDefinition): string {
  return definition.target === '' ? 'empty' : definition.target
}

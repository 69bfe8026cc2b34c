import {defineRule} from '../../diagnostics/rule.js'
import {normaliseTitle} from '../../extract/sections.js'
import type {FileRule} from '../rule-types.js'

export const missingSection: FileRule = {
  meta: defineRule({
    id: 'missing-section',
    severity: 'warning',
    description: 'A section listed in `requiredSections` (by default the market overview and the top headlines) is not in the brief.'
  }),
  check({file, extracted, config, block}, reporter) {
    const sections = extracted.sections
    for (const required of config.requiredSections) {
      const prefixes = [required.title, ...required.aliases].map(normaliseTitle)
      const found = sections.some(
        (section) =>
          (required.kind !== undefined && section.kind === required.kind) ||
          prefixes.some((prefix) => normaliseTitle(section.title).startsWith(prefix))
      )
      if (found) continue
      const names = [required.title, ...required.aliases].map((name) => `\`${name}\``).join(' or ')
      // Point at the first line of the body: that is where a section would go.
      const bodyLine = block.place.end.line + 1
      const lines = file.value.toString().split('\n').length
      reporter.report(
        file,
        this.meta,
        `Missing section ${names}, expected a heading or bold line with that title`,
        {line: Math.min(bodyLine, lines), column: 1},
        {
          expected: [required.title, ...required.aliases],
          note: `Add a \`## ${required.title}\` heading with its content, or, if the brief names it otherwise, add that name to its \`aliases\` in \`requiredSections\` of briefpress.config.json.`
        }
      )
    }
  }
}

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
    for (const required of config.requiredSections) {
      const names = [required.title, ...required.aliases]
      const prefixes = names.map(normaliseTitle)
      const found = extracted.sections.some(
        (section) =>
          (required.kind !== undefined && section.kind === required.kind) ||
          prefixes.some((prefix) => normaliseTitle(section.title).startsWith(prefix))
      )
      if (found) continue
      // Point at the first line of the body: that is where a section would go.
      const bodyLine = block.place.end.line + 1
      const lines = file.value.toString().split('\n').length
      reporter.report(
        file,
        this.meta,
        `Missing section ${names.map((name) => `\`${name}\``).join(' or ')}, expected a heading or bold line with that title`,
        {line: Math.min(bodyLine, lines), column: 1},
        {
          expected: names,
          note: `Add a \`## ${required.title}\` heading with its content, or, if the brief names it otherwise, add that name to its \`aliases\` in \`requiredSections\` of briefpress.config.json.`
        }
      )
    }
  }
}

import {defineRule} from '../../diagnostics/rule.js'
import {normaliseTitle} from '../../extract/sections.js'
import type {FileRule} from '../rule-types.js'

/** A line that is only a bold title, perhaps as a list item or a heading: "**Market Overview (24h)**", "- **Market Overview:**". */
const TITLE_ONLY = /^\s*(?:[-*+]\s+)?(?:#{1,6}\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$/

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
      const lines = file.value.toString().split('\n')
      const bodyLine = block.place.end.line + 1
      // "**Market Overview (24h)**" in a brief whose other sections are `##` headings, or "- **Market Overview:**" as a
      // list item: the title is there, written so that it opens no section. Say so at that line.
      const titled = lines.findIndex((raw, index) => index + 1 >= bodyLine && TITLE_ONLY.test(raw) && prefixes.some((prefix) => normaliseTitle(raw).startsWith(prefix)))
      if (titled !== -1) {
        reporter.report(file, this.meta, `Unexpected \`${lines[titled]!.trim()}\` as the title of section \`${required.title}\`, which opens no section there, expected a heading \`## ${required.title}\``, {line: titled + 1, column: 1}, {
          expected: names,
          note: 'A list item never opens a section, and a brief is read in the strongest style it uses for its section titles (headings, then bold lines, then plain lines), so a bold line among `##` headings opens none either: its content is read as part of what comes before it.'
        })
        continue
      }
      // Else point at the first line of the body: that is where a section would go.
      reporter.report(
        file,
        this.meta,
        `Missing section ${names.map((name) => `\`${name}\``).join(' or ')}, expected a heading or bold line with that title`,
        {line: Math.min(bodyLine, lines.length), column: 1},
        {
          expected: names,
          note: `Add a \`## ${required.title}\` heading with its content, or, if the brief names it otherwise, add that name to its \`aliases\` in \`requiredSections\` of briefpress.config.json.`
        }
      )
    }
  }
}

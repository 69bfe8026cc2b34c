import {readFileSync} from 'node:fs'
import path from 'node:path'
import {defineRule} from '../../diagnostics/rule.js'
import {packageRoot} from '../../package-root.js'
import type {FileRule} from '../rule-types.js'

/**
 * `briefpress new` writes templates/brief.md with example figures,
 * headlines and sources on example.com, all valid Markdown: without this
 * rule the untouched template passed `check` silently. The examples are read
 * from the template itself, so the rule follows any edit to it.
 */
export const templatePlaceholder: FileRule = {
  meta: defineRule({
    id: 'template-placeholder',
    severity: 'warning',
    description: 'A brief still holds example text or example sources of the `briefpress new` template.'
  }),
  check({file, text, citations}, reporter) {
    const examples = templateExamples()
    const found: Array<{line: number; start: number; end: number; text: string}> = []
    text.split(/\r\n|\r|\n/).forEach((line, index) => {
      const trimmed = line.trim()
      if (trimmed === '' || !examples.passages.some(({prefix, pattern}) => trimmed.startsWith(prefix) && pattern.test(trimmed))) return
      const start = line.length - line.trimStart().length
      found.push({line: index + 1, start: start + 1, end: start + trimmed.length + 1, text: trimmed})
    })
    const [first] = found
    if (first) {
      const lines = found.map((item) => item.line)
      reporter.report(
        file,
        this.meta,
        found.length === 1
          ? `Unexpected example text of the \`briefpress new\` template, “${excerpt(first.text)}”, expected the day’s own text`
          : `Unexpected example text of the \`briefpress new\` template on ${found.length} lines (${listed(lines)}; the first “${excerpt(first.text)}”), expected the day’s own text`,
        {start: {line: first.line, column: first.start}, end: {line: first.line, column: first.end}},
        {actual: first.text, note: 'Replace the example figures, headlines and sentences with the day’s own, or delete them.'}
      )
    }
    const sources = citations.definitions.filter((definition) => definition.url !== undefined && examples.sources.has(definition.url))
    const [source] = sources
    if (source) {
      const labels = sources.map((definition) => `\`[^${definition.label}]\``)
      reporter.report(
        file,
        this.meta,
        sources.length === 1
          ? `Unexpected example source \`${source.url}\` of ${labels[0]} from the \`briefpress new\` template, expected the address of the page it cites`
          : `Unexpected ${sources.length} example sources of the \`briefpress new\` template, of ${listed(labels)}, expected the address of the page each one cites`,
        source.targetPosition,
        {actual: source.url!, note: 'The template’s sources are placeholders on example.com: cite the page each figure and headline comes from.'}
      )
    }
  }
}

interface TemplateExamples {
  /** Each example line of the template's body, `{{date}}` and the like matching anything; `prefix` is its text up to the first of those. */
  passages: Array<{prefix: string; pattern: RegExp}>
  /** The template's footnote targets. */
  sources: Set<string>
}

let cached: TemplateExamples | undefined

/** The template's body lines other than headings, and its footnote targets; nothing when the template is not installed. */
function templateExamples(): TemplateExamples {
  if (cached) return cached
  let template = ''
  try {
    template = readFileSync(path.join(packageRoot(), 'templates', 'brief.md'), 'utf8')
  } catch {
    // A library user without templates/: there is nothing to compare with.
  }
  const body = template.replace(/^---\n[\s\S]*?\n---\n/, '')
  const passages: TemplateExamples['passages'] = []
  const sources = new Set<string>()
  for (const raw of body.split('\n')) {
    const line = raw.trim()
    const definition = /^\[\^[^\]]+\]:\s*(\S+)/.exec(line)
    if (definition) sources.add(definition[1]!)
    else if (line !== '' && !line.startsWith('#')) {
      const parts = line.split(/\{\{\w+\}\}/)
      passages.push({prefix: parts[0]!, pattern: new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`)})
    }
  }
  return (cached = {passages, sources})
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** `9, 11, 13 and 4 more`. */
function listed(items: readonly (string | number)[]): string {
  const shown = items.slice(0, 3).join(', ')
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown
}

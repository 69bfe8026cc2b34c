import {defineRule} from '../../diagnostics/rule.js'
import {citationUsage} from '../../extract/citations.js'
import type {CitationReference} from '../../extract/citations-types.js'
import type {FileRule} from '../rule-types.js'

/**
 * Research tools append every consulted source as references inside a
 * `<span style="display:none">`: the reader never sees what they back. One
 * message per file, since the span is one authoring decision.
 */
export const hiddenCitation: FileRule = {
  meta: defineRule({
    id: 'hidden-citation',
    severity: 'warning',
    description: 'Footnote definitions are referenced only inside hidden raw HTML (`<span style="display:none">[^32]…</span>`).'
  }),
  check({file, citations}, reporter) {
    const usage = citationUsage(citations)
    const labels: string[] = []
    const seen = new Set<string>()
    for (const definition of citations.definitions) {
      const use = usage.get(definition.identifier)
      if (!use || use.visible > 0 || seen.has(definition.identifier)) continue
      seen.add(definition.identifier)
      labels.push(definition.label)
    }
    if (labels.length === 0) return
    const first = citations.references.find((reference) => reference.hidden && seen.has(reference.identifier))
    const place = citations.hiddenRanges.find((range) => containsOffset(range, first)) ?? first?.position
    const count = labels.length === 1 ? '1 citation' : `${labels.length} citations`
    reporter.report(
      file,
      this.meta,
      `Unexpected ${count} (${compactLabels(labels)}) referenced only inside hidden HTML, expected every cited source to be referenced in the visible text`,
      place,
      {
        actual: labels.map((label) => `[^${label}]`).join(''),
        expected: ['references in the visible text', 'no hidden references'],
        note: 'Readers cannot see these sources. Cite them where they support a claim, or remove the hidden span and their definitions.'
      }
    )
  }
}

function containsOffset(range: {start: {offset?: number}; end: {offset?: number}}, reference: CitationReference | undefined): boolean {
  const offset = reference?.position.start.offset
  return offset !== undefined && range.start.offset! <= offset && offset < range.end.offset!
}

/**
 * `32–49`, or `1, 3–5, note` : runs of consecutive numbers collapse, other
 * labels follow in the order written.
 */
export function compactLabels(labels: readonly string[]): string {
  const numbers = labels.filter((label) => /^\d+$/.test(label)).map(Number).sort((a, b) => a - b)
  const words = labels.filter((label) => !/^\d+$/.test(label))
  const parts: string[] = []
  for (let index = 0; index < numbers.length; ) {
    let end = index
    while (end + 1 < numbers.length && numbers[end + 1]! <= numbers[end]! + 1) end++
    parts.push(numbers[index] === numbers[end] ? String(numbers[index]) : `${numbers[index]}–${numbers[end]}`)
    index = end + 1
  }
  return [...parts, ...words].join(', ')
}

import type {Element, Root} from 'hast'
import {visit} from '../visit.js'
import {elementsOnLines} from './contents.js'
import type {Headline} from '../extract/headlines/index.js'
import {severityBadge} from '../../templates/key-figures.js'

/** Where a badge reads best, most preferred first. */
const PREFERENCE = ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'li'] as const

/**
 * Puts a severity badge at the start of each headline's title in the rendered
 * body, found through the positions that remark-rehype keeps from the
 * original file. Runs after sanitizing: the badge is Briefpress's own markup.
 */
export function addSeverityBadges(tree: Root, headlines: readonly Headline[]): void {
  const wanted = new Map<number, Headline>()
  for (const headline of headlines) if (headline.severity) wanted.set(headline.line, headline)
  if (wanted.size === 0) return
  for (const [line, target] of elementsOnLines(tree, new Set(wanted.keys()), PREFERENCE)) {
    const headline = wanted.get(line)!
    target.children.unshift(severityBadge(headline.severity!, headline.severityLabel), {type: 'text', value: ' '})
    if (headline.severityLabel) dropWrittenMarker(target, headline.severityLabel)
  }
}

/**
 * The badge replaces a bracketed marker such as `[HIGH]` or `{High Risk}` in
 * the title, so the level is not shown twice; the label stays in the badge's
 * title. Unbracketed forms (`**Risk: High**` lines) are prose and stay.
 */
function dropWrittenMarker(element: Element, label: string): void {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const marker = new RegExp(`\\s*[\\[{(][^\\[\\]{}()]{0,20}?${escaped}[^\\[\\]{}()]{0,20}?[\\]})]`, 'i')
  let done = false
  visit(element, 'text', (node) => {
    if (done || !marker.test(node.value)) return
    node.value = node.value.replace(marker, '')
    done = true
  })
}

import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import type {Element} from 'hast'
import type {JsonMessage} from '../report/format.js'

/** One problem shown in the preview: a located diagnostic, or a build failure without a place (line null). */
export type Problem = Pick<JsonMessage, 'file' | 'line' | 'column' | 'severity' | 'ruleId' | 'message' | 'note' | 'url'>

export const OVERLAY_ID = 'briefpress-preview-problems'

/**
 * The panel listing what keeps the preview from updating, grouped by file.
 * Built as a hast tree, so every message (which quotes the brief's own text)
 * is escaped by hast-util-to-html, never pasted into the page as HTML.
 */
export function renderOverlay(problems: readonly Problem[], servedSince: string | undefined): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const byFile = new Map<string, Problem[]>()
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem])
  const status = servedSince
    ? `This page is the last good build (${servedSince}); it updates when the errors are fixed.`
    : 'Nothing could be built yet; fix the errors below.'
  const panel: Element = h(`aside#${OVERLAY_ID}`, {role: 'alert', 'aria-labelledby': `${OVERLAY_ID}-title`}, [
    h(`h2#${OVERLAY_ID}-title`, `Briefpress preview: ${errors} ${errors === 1 ? 'error' : 'errors'}`),
    h('p', status),
    ...[...byFile].flatMap(([file, list]) => [
      h('h3', file),
      h(
        'ol',
        list.map((problem) =>
          h(`li.bp-${problem.severity}`, [
            h('code.bp-place', problem.line === null ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`),
            ' ',
            h('span.bp-severity', problem.severity),
            ' ',
            problem.message,
            problem.ruleId ? [' ', problem.url ? h('a.bp-rule', {href: problem.url}, problem.ruleId) : h('code.bp-rule', problem.ruleId)] : [],
            problem.note ? h('p.bp-note', problem.note) : []
          ])
        )
      )
    ])
  ])
  return toHtml(panel)
}

/** Served as `/__briefpress/overlay.css`: a file, so a CSP without inline styles still applies it. */
export const OVERLAY_CSS = `#${OVERLAY_ID} {
  position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 60vh; overflow: auto;
  margin: 0; padding: 1rem 1.25rem; border-top: 4px solid #c62828;
  background: #fff8f7; color: #1d1b1b; font: 15px/1.45 system-ui, sans-serif;
  box-shadow: 0 -4px 16px rgb(0 0 0 / 0.2);
}
#${OVERLAY_ID} h2 { margin: 0 0 0.25rem; font-size: 1.1rem; color: #b71c1c; }
#${OVERLAY_ID} h3 { margin: 0.75rem 0 0.25rem; font-size: 1rem; font-family: ui-monospace, monospace; }
#${OVERLAY_ID} ol { margin: 0; padding-left: 1.5rem; }
#${OVERLAY_ID} li { margin: 0.25rem 0; }
#${OVERLAY_ID} code { font-family: ui-monospace, monospace; }
#${OVERLAY_ID} .bp-severity { font-weight: 600; }
#${OVERLAY_ID} .bp-error .bp-severity { color: #b71c1c; }
#${OVERLAY_ID} .bp-warning .bp-severity { color: #8a5a00; }
#${OVERLAY_ID} .bp-rule { color: #555; }
#${OVERLAY_ID} .bp-note { margin: 0.1rem 0 0; color: #444; }
@media (prefers-color-scheme: dark) {
  #${OVERLAY_ID} { background: #2a1212; color: #f3eaea; }
  #${OVERLAY_ID} h2, #${OVERLAY_ID} .bp-error .bp-severity { color: #ff8a80; }
  #${OVERLAY_ID} .bp-warning .bp-severity { color: #ffcc80; }
  #${OVERLAY_ID} .bp-rule, #${OVERLAY_ID} .bp-note { color: #ccc; }
}
`

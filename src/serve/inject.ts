import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {Parser} from 'htmlparser2'

/**
 * What the preview adds to each HTML page it serves (never to the built
 * site): the reload script and the problems stylesheet as same-origin files,
 * and the problems panel while the build is broken.
 */

export const PREVIEW_PREFIX = '/__briefpress/'
export const EVENTS_PATH = `${PREVIEW_PREFIX}events`
export const RELOAD_SCRIPT_PATH = `${PREVIEW_PREFIX}reload.js`
export const OVERLAY_CSS_PATH = `${PREVIEW_PREFIX}overlay.css`

/**
 * Served as `/__briefpress/reload.js`. The page carries the id of the build
 * it came from (in the script's URL), so a rebuild that finished between the
 * page load and the event stream's connection still reloads it, and so does a
 * restarted server.
 */
export const RELOAD_SCRIPT = `// Briefpress preview: reloads the page when the site is rebuilt.
(() => {
  const shown = new URL(document.currentScript.src).searchParams.get('build')
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)})
  events.addEventListener('hello', (event) => {
    if (shown !== null && event.data !== shown) location.reload()
  })
  events.addEventListener('reload', () => location.reload())
})()
`

/** Adds the preview's tags to a page; `overlay` is already-escaped HTML or ''. */
export function injectPreview(html: string, buildId: string, overlay: string): string {
  const head = `<link rel="stylesheet" href="${OVERLAY_CSS_PATH}"><script src="${RELOAD_SCRIPT_PATH}?build=${encodeURIComponent(buildId)}" defer></script>`
  let page = allowPreviewAssets(html)
  page = insertBefore(page, /<\/head\s*>/i, head) ?? head + page
  if (overlay) page = insertBefore(page, /<\/body\s*>/i, overlay) ?? page + overlay
  return page
}

function insertBefore(html: string, pattern: RegExp, text: string): string | undefined {
  const match = pattern.exec(html)
  if (!match) return undefined
  return html.slice(0, match.index) + text + html.slice(match.index)
}

/** The policy meta tag; hast-util-to-html writes `http-equiv` before `content`, as does almost everyone. */
const CSP_META = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi

/** What the preview's own files need: its script, its stylesheet, and the event stream (connect-src). */
const PREVIEW_DIRECTIVES = ['script-src', 'style-src', 'connect-src']

/**
 * The site's pages carry a Content-Security-Policy meta tag that allows no
 * script on most pages and no connection at all (`default-src 'none'`). The
 * preview adds `'self'` to just the directives its own same-origin files
 * need and changes nothing else, so the page is otherwise checked as
 * published. The tag is rewritten by hastscript, so its value is escaped as
 * the build escapes it.
 */
export function allowPreviewAssets(html: string): string {
  return html.replace(CSP_META, (tag) => {
    // The attribute's value with its character references decoded (`&#x27;` is `'`).
    let policy: string | undefined
    new Parser({
      onattribute: (name, value) => {
        if (name === 'content') policy ??= value
      }
    }).end(tag)
    return policy === undefined ? tag : toHtml(h('meta', {httpEquiv: 'Content-Security-Policy', content: allowSelf(policy)}))
  })
}

function allowSelf(policy: string): string {
  const directives = policy
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((directive) => directive.split(/\s+/))
  const named = (name: string) => directives.find(([first]) => first?.toLowerCase() === name)
  // Without default-src a missing directive allows everything already.
  const restrictive = named('default-src') !== undefined
  for (const name of PREVIEW_DIRECTIVES) {
    const directive = named(name)
    if (directive) {
      if (!directive.includes("'self'")) directive.splice(1, directive.length - 1, ...directive.slice(1).filter((source) => source !== "'none'"), "'self'")
    } else if (restrictive) {
      directives.push([name, "'self'"])
    }
  }
  return directives.map((directive) => directive.join(' ')).join('; ')
}

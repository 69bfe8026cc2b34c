import type {ElementContent} from 'hast'
import {h} from 'hastscript'

/**
 * The 404 page. A server shows it at whatever path was asked for, so its
 * links are absolute paths from the base path (`/briefs/index.html`), never
 * relative ones.
 */
export function notFoundPage({root, assetsHref}: {root: string; assetsHref: string}): ElementContent[] {
  return [
    h('h1', 'Page not found'),
    h('p', 'There is no page at this address. It may have moved, or the link may be mistyped.'),
    h('ul', [h('li', [h('a', {href: `${root}index.html`}, 'All briefs, newest first')]), h('li', [h('a', {href: assetsHref}, 'Price history by asset')])])
  ]
}

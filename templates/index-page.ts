import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {PublishedBrief} from '../src/render/site.js'

/** The archive index: every brief, newest first, with date, title and excerpt. */
export function indexPage({items, root}: {items: readonly PublishedBrief[]; root: string}): ElementContent[] {
  return [
    h('h1', 'Daily briefs'),
    h(
      'ol.brief-list',
      items.map((item) =>
        h('li', [
          h('time', {dateTime: item.date}, item.date),
          ' ',
          h('a', {href: `${root}${item.path}index.html`}, item.title),
          item.brief.excerpt ? h('p.excerpt', item.brief.excerpt) : ''
        ])
      )
    )
  ]
}

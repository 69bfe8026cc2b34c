import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {monthOf, shortDate} from '../src/render/dates.js'
import type {PublishedBrief} from '../src/render/site.js'

export interface IndexProps {
  siteTitle: string
  description: string
  /** Newest first. */
  items: readonly PublishedBrief[]
  link: (to: PublishedBrief) => string
}

/** The archive: every brief, newest first, grouped by month, with date, title and excerpt. */
export function indexPage({siteTitle, description, items, link}: IndexProps): ElementContent[] {
  const months: Element[] = []
  let current: {month: string; list: Element} | undefined
  for (const item of items) {
    const month = monthOf(item.date)
    if (current?.month !== month) {
      current = {month, list: h('ol.brief-list')}
      months.push(h('section.month', [h('h2', month), current.list]))
    }
    current.list.children.push(
      h('li', [
        h('article.brief-card', [
          h('h3', [h('a', {href: link(item)}, item.title)]),
          h('p.meta', [h('time', {dateTime: item.date}, shortDate(item.date)), ' · ', h('span.category', item.category)]),
          item.excerpt ? h('p.excerpt', item.excerpt) : undefined
        ])
      ])
    )
  }
  return [
    h('h1', siteTitle),
    description ? h('p.lede', description) : undefined,
    items.length > 0 ? h('p.count', `${items.length} ${items.length === 1 ? 'brief' : 'briefs'}, newest first.`) : h('p.empty', 'No briefs published yet.'),
    ...months
  ].filter((node): node is Element => node !== undefined)
}

import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {PublishedBrief} from '../src/render/site.js'

export interface DayProps {
  item: PublishedBrief
  root: string
  previous: PublishedBrief | undefined
  next: PublishedBrief | undefined
}

/** One day's brief: title, date, rendered body, and previous/next day links. */
export function dayPage({item, root, previous, next}: DayProps): ElementContent[] {
  return [
    h('article.brief', [
      h('header', [h('h1', item.title), h('p.meta', [h('time', {dateTime: item.date}, item.date)])]),
      {type: 'raw', value: item.html} as unknown as ElementContent
    ]),
    h('nav.pager', {ariaLabel: 'Other days'}, [
      previous ? h('a', {href: `${root}${previous.path}index.html`, rel: 'prev'}, `← ${previous.date}`) : h('span'),
      next ? h('a', {href: `${root}${next.path}index.html`, rel: 'next'}, `${next.date} →`) : h('span')
    ])
  ]
}

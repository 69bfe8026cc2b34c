import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {PublishedBrief} from '../src/render/site.js'
import {briefList, type CardMemo, type PagerLink} from './brief-list.js'
import type {BrowseLink} from './index-page.js'

export interface ArchiveProps {
  /** Rendered cards to reuse (see briefList). */
  cards?: CardMemo | undefined
  /** "2026", "November 2026", "Category: crypto". */
  title: string
  /** Newest first. */
  items: readonly PublishedBrief[]
  link: (to: PublishedBrief) => string
  monthLink?: ((month: string) => string) | undefined
  /** A year page's months, newest first, as a summary above the list. */
  months?: readonly BrowseLink[]
  /** The neighbouring period (month or year) with briefs. */
  previous?: PagerLink | undefined
  next?: PagerLink | undefined
  indexHref: string
}

/** A year, month or category: its briefs, newest first, grouped by month. */
export function archivePage(props: ArchiveProps): ElementContent[] {
  const {title, items} = props
  return [
    h('h1', title),
    h('p.count', `${items.length} ${items.length === 1 ? 'brief' : 'briefs'}, newest first.`),
    props.months && props.months.length > 0
      ? h('nav.month-summary', {ariaLabel: `Months of ${title}`}, [
          h('ul.inline-list', props.months.map((month) => h('li', [h('a', {href: month.href}, month.label), h('span.count-badge', ` (${month.count})`)])))
        ])
      : undefined,
    ...briefList({items, link: props.link, monthLink: props.monthLink, cards: props.cards}),
    h('nav.pager', {ariaLabel: 'Other periods'}, [
      props.previous ? h('a.pager-previous', {href: props.previous.href, rel: 'prev'}, [h('span.pager-label', '← Earlier'), h('span.pager-title', props.previous.label)]) : h('span.pager-previous'),
      h('a.pager-index', {href: props.indexHref}, 'All briefs'),
      props.next ? h('a.pager-next', {href: props.next.href, rel: 'next'}, [h('span.pager-label', 'Later →'), h('span.pager-title', props.next.label)]) : h('span.pager-next')
    ])
  ].filter((node): node is Element => node !== undefined)
}

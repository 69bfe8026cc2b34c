import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {PublishedBrief} from '../src/render/page-model.js'
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
  /** Briefs behind this page when it lists only the newest (`items`): a category's page. */
  total?: number | undefined
  /** Periods of this page, newest first, as a summary above the list: a year's months, a category's years. */
  periods?: {label: string; links: readonly BrowseLink[]} | undefined
  /** The neighbouring period (month or year) with briefs. */
  previous?: PagerLink | undefined
  next?: PagerLink | undefined
  indexHref: string
  /** The middle link of the pager: "All briefs" (the home page) unless given. */
  indexLabel?: string | undefined
}

/** A year, month or category: its briefs, newest first, grouped by month. */
export function archivePage(props: ArchiveProps): ElementContent[] {
  const {title, items, periods} = props
  const total = props.total ?? items.length
  return [
    h('h1', title),
    h('p.count', total > items.length ? `${total} briefs; the newest ${items.length} below, every one in its year's list.` : `${total} ${total === 1 ? 'brief' : 'briefs'}, newest first.`),
    periods && periods.links.length > 0
      ? h('nav.month-summary', {ariaLabel: periods.label}, [
          h('ul.inline-list', periods.links.map((period) => h('li', [h('a', {href: period.href}, period.label), h('span.count-badge', ` (${period.count})`)])))
        ])
      : undefined,
    ...briefList({items, link: props.link, monthLink: props.monthLink, cards: props.cards}),
    h('nav.pager', {ariaLabel: 'Other periods'}, [
      props.previous ? h('a.pager-previous', {href: props.previous.href, rel: 'prev'}, [h('span.pager-label', '← Earlier'), h('span.pager-title', props.previous.label)]) : h('span.pager-previous'),
      h('a.pager-index', {href: props.indexHref}, props.indexLabel ?? 'All briefs'),
      props.next ? h('a.pager-next', {href: props.next.href, rel: 'next'}, [h('span.pager-label', 'Later →'), h('span.pager-title', props.next.label)]) : h('span.pager-next')
    ])
  ].filter((node): node is Element => node !== undefined)
}

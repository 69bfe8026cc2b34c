import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {longDate, shortDate} from '../src/render/dates.js'
import {markLookalikes} from '../src/render/lookalike-marks.js'
import type {PublishedBrief} from '../src/render/page-model.js'
import {keyFigures} from './key-figures.js'
import {tagLinks} from './tag-links.js'

export interface DayProps {
  item: PublishedBrief
  previous: PublishedBrief | undefined
  next: PublishedBrief | undefined
  /** Relative link from this page to another day's page. */
  link: (to: PublishedBrief) => string
  indexHref: string
  /** The page of the brief's category. */
  categoryHref: string
  /** The price-history page of a ticker, where the site has one. */
  assetHref: (symbol: string) => string | undefined
  /** The page of a tag, where the site has one. */
  tagHref: (tag: string) => string | undefined
  /** Days between this one and the previous (next) day shown, left out for their errors: the pager says so. */
  gapBefore: readonly string[]
  gapAfter: readonly string[]
}

/** One day's brief: title, date, the rendered body, and links to the days around it. */
export function dayPage({item, previous, next, link, indexHref, categoryHref, assetHref, tagHref, gapBefore, gapAfter}: DayProps): ElementContent[] {
  const figures = keyFigures({...item.data, evidence: item.evidence}, assetHref)
  return [
    // Pagefind indexes the day pages only, and sorts results by the day and
    // labels them with it as the lists write it (templates/search.js).
    h('article.brief', {dataPagefindBody: true, dataPagefindMeta: `date:${item.date}`, dataPagefindSort: `date:${item.date}`}, [
      h('header.brief-header', [
        h('h1', item.title),
        h('p.meta', [
          h('time', {dateTime: item.date, dataPagefindMeta: `day:${shortDate(item.date)}`}, longDate(item.date)),
          ' · ',
          // The category is a Pagefind filter of the search page.
          h('a.category', {href: categoryHref, dataPagefindFilter: 'category'}, item.category),
          ...(item.tags.length > 0 ? [' · ', tagLinks(item.tags, tagHref)] : [])
        ])
      ]),
      contents(item.contents, figures !== undefined),
      figures,
      // Sanitized HTML from the render stage, kept as a string so the tree
      // could be released while the rest of the archive was read.
      // Sources whose host imitates a well-known site are marked (lookalike-citation-host).
      h('div.brief-body', [{type: 'raw', value: markLookalikes(item.html, item.brief.lookalikeHosts)} as unknown as ElementContent])
    ]),
    h('nav.pager', {ariaLabel: 'Other days'}, [
      previous
        ? h('a.pager-previous', {href: link(previous), rel: 'prev'}, [h('span.pager-label', '← Previous day'), h('span.pager-title', [h('time', {dateTime: previous.date}, longDate(previous.date)), ': ', previous.title]), gap(gapBefore)])
        : h('span.pager-previous', [gap(gapBefore)]),
      h('a.pager-index', {href: indexHref}, 'All briefs'),
      next
        ? h('a.pager-next', {href: link(next), rel: 'next'}, [h('span.pager-label', 'Next day →'), h('span.pager-title', [h('time', {dateTime: next.date}, longDate(next.date)), ': ', next.title]), gap(gapAfter)])
        : h('span.pager-next', [gap(gapAfter)])
    ])
  ]
}

/**
 * A short table of contents under the title: the key figures, then each
 * section with its headlines, linked to the ids the render stage gave them
 * (src/render/contents.ts). A long day on a phone is then a tap away from
 * any part. Left out of the search index, which would otherwise match every
 * headline twice.
 */
function contents(entries: PublishedBrief['contents'], hasFigures: boolean): ElementContent | undefined {
  if (entries.length === 0) return undefined
  return h('nav.contents', {ariaLabelledby: 'contents-title', dataPagefindIgnore: true}, [
    h('h2#contents-title', 'On this page'),
    h('ol', [
      ...(hasFigures ? [h('li', [h('a', {href: '#key-figures-title'}, 'Key figures')])] : []),
      ...entries.map((entry) =>
        h('li', [
          h('a', {href: `#${entry.id}`}, entry.title),
          ...(entry.headlines.length > 0 ? [h('ol', entry.headlines.map((headline) => h('li', [h('a', {href: `#${headline.id}`}, headline.title)])))] : [])
        ])
      )
    ])
  ])
}

/** "2026-02-03 is missing: it has errors", for days the pager steps over. */
function gap(dates: readonly string[]): ElementContent | undefined {
  if (dates.length === 0) return undefined
  const named = dates.length === 1 ? dates[0]! : `${dates.slice(0, -1).join(', ')} and ${dates.at(-1)}`
  return h('span.pager-gap', dates.length === 1 ? `${named} is missing: it has errors` : `${named} are missing: they have errors`)
}

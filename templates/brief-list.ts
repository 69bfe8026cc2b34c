import type {Element} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {monthOf, shortDate} from '../src/render/dates.js'
import {percent, usd} from '../src/render/figures.js'
import type {PublishedBrief} from '../src/render/page-model.js'
import {tagFolder} from '../src/render/tag-folders.js'
import {tagLinks} from './tag-links.js'
import {severityBadge} from './key-figures.js'
import {spliced} from './spliced.js'

export interface BriefListProps {
  /** In the order shown (newest first on every list page). */
  items: readonly PublishedBrief[]
  /** Relative link from the page to a day. */
  link: (to: PublishedBrief) => string
  /** Relative link to the archive page of a month (`YYYY-MM`); month headings link there when given. */
  monthLink?: ((month: string) => string) | undefined
  /** HTML of cards already rendered by this build, by brief and link. */
  cards?: CardMemo | undefined
}

/** What `briefList` needs of a memo: a `Map` will do (writeSite shares one across a build's pages). */
export interface CardMemo {
  get(key: string): string | undefined
  set(key: string, html: string): void
}

/**
 * The HTML of the element `build` makes: from the memo when `key` is there,
 * else built and kept under `key` (without a memo or a key, just built).
 * Lists splice it into their element (templates/spliced.ts).
 */
export function memoisedHtml(memo: CardMemo | undefined, key: string | undefined, build: () => Element): string {
  let html = memo && key ? memo.get(key) : undefined
  if (html === undefined) {
    html = toHtml(build())
    if (memo && key) memo.set(key, html)
  }
  return html
}

/** Briefs as cards grouped under their month: date, title, category, tags, BTC figure, top severity, excerpt. */
export function briefList({items, link, monthLink, cards}: BriefListProps): Element[] {
  // Each month's cards are kept as HTML and spliced into its list: the
  // category page lists every brief of the archive.
  const months: Element[] = []
  const lists: Array<{heading: Element; cards: string[]}> = []
  let current: {month: string; cards: string[]} | undefined
  for (const item of items) {
    const month = item.date.slice(0, 7)
    if (current?.month !== month) {
      current = {month, cards: []}
      const label = monthOf(item.date)
      lists.push({heading: h('h2', monthLink ? h('a', {href: monthLink(month)}, label) : label), cards: current.cards})
    }
    const href = link(item)
    // A tag's folder depends on its text alone, so its link is made from the
    // page's root, as the day's link is: the memo key below still covers it.
    const root = href.endsWith(`${item.folder}index.html`) ? href.slice(0, -`${item.folder}index.html`.length) : undefined
    const tagHref = root === undefined ? undefined : (tag: string) => {
      const folder = tagFolder(tag)
      return folder && `${root}${folder}index.html`
    }
    const card = () =>
      h('li', [
        h('article.brief-card', [
          h('h3', [h('a', {href}, item.title)]),
          h('p.meta', [h('time', {dateTime: item.date}, shortDate(item.date)), ' · ', h('span.category', item.category), ...(item.tags.length > 0 ? [' · ', tagLinks(item.tags, tagHref)] : []), ...dayFigures(item)]),
          item.excerpt ? h('p.excerpt', item.excerpt) : undefined
        ])
      ])
    // A card is the same wherever its brief is listed at this depth: its HTML
    // is made once (a brief's key covers its text, config and code).
    const briefKey = item.brief.file.data.briefKey
    current.cards.push(memoisedHtml(cards, briefKey && `${briefKey}@${item.folder}\0${href}`, card))
  }
  for (const {heading, cards} of lists) months.push(h('section.month', [heading, spliced(h('ol.brief-list'), cards)]))
  return months
}

/** The day's BTC figure and most severe headline, as the lists show them. */
function dayFigures(item: PublishedBrief): Array<string | Element> {
  const parts: Array<string | Element> = []
  const quote = item.data.prices.find((price) => price.symbol === 'BTC')
  if (quote) {
    const value = quote.price !== undefined ? usd(quote.price) : quote.range ? `${usd(quote.range[0])}–${usd(quote.range[1])}` : undefined
    const change = quote.change24hPct !== undefined ? percent(quote.change24hPct) : quote.change24hRange ? `${percent(quote.change24hRange[0])} to ${percent(quote.change24hRange[1])}` : undefined
    if (value) parts.push(' · ', h('span.btc', [h('abbr', {title: 'Bitcoin'}, 'BTC'), ` ${value}`, change ? ` (${change})` : '']))
  }
  const severity = item.data.topSeverity
  if (severity) parts.push(' · ', h('span.top-severity', ['Top severity: ', severityBadge(severity)]))
  return parts
}

export interface PagerLink {
  href: string
  label: string
}

import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {Feed, type Item} from 'feed'
import {cleanMarkup, cleanText} from '../control-characters.js'
import {absoluteLinks} from './absolute-links.js'
import {absoluteUrl} from './absolute-url.js'
import {compare} from './compare.js'
import {utcMidnight} from './dates.js'

/**
 * Atom (`feed.xml`), RSS 2.0 (`rss.xml`) and JSON Feed 1.1 (`feed.json`) of
 * the latest briefs, written with the `feed` package. Everything is derived
 * from the briefs, never from the clock, so the same archive always gives the
 * same bytes.
 */

export interface FeedSite {
  title: string
  description: string
  /** Absolute URL the site is served from, base path included (`https://example.org/briefs/`). */
  baseUrl: string
}

export interface FeedItem {
  /** Calendar day of the brief, `YYYY-MM-DD`. */
  date: string
  /** Plain text. */
  title: string
  /** Site-relative URL of the day page, `2026/11/20/`. */
  url: string
  /** Plain-text summary (the excerpt). */
  summary: string
  /** Sanitized HTML of the body, carried with `content: 'full'`; its relative links are made absolute here. */
  html: string
  /** HTML of the day's key figures (src/render/feed-figures.ts), carried with `content: 'summary'`. */
  figures?: string | undefined
  category?: string
}

/**
 * What an item's content carries: `summary` (the default), the summary, the
 * key figures and a link to the day, a few hundred bytes; `full`, the whole
 * brief (a feed of 20 real briefs then weighs about 2 MB).
 */
export type FeedContent = 'summary' | 'full'

export interface FeedOptions {
  /** How many of the latest briefs the feeds carry. */
  limit?: number
  content?: FeedContent | undefined
}

/** A feed of part of the site (a category, a tag, an asset), beside its page. */
export interface FeedHead {
  /** Site-relative path of the feed file: `tag/etf/feed.xml`. */
  path: string
  /** Site-relative URL of the page it follows: `tag/etf/`. */
  page: string
  /** Plain text: "Tag: ETF". */
  title: string
}

export interface SiteFile {
  /** Site-relative path with `/` separators. */
  path: string
  content: string | Uint8Array
}

export const DEFAULT_FEED_LIMIT = 20

/** Where the feeds live in the site, for `<link rel="alternate">` and the README. */
export const FEED_PATHS = {atom: 'feed.xml', rss: 'rss.xml', json: 'feed.json'} as const

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'
const LANGUAGE = 'en'

/** The three feeds as site files. */
export function feedFiles(site: FeedSite, items: readonly FeedItem[], options: FeedOptions = {}): SiteFile[] {
  const feeds = renderFeeds(site, items, options)
  return (['atom', 'rss', 'json'] as const).map((format) => ({path: FEED_PATHS[format], content: feeds[format]}))
}

/** The three feeds as strings. */
export function renderFeeds(site: FeedSite, items: readonly FeedItem[], options: FeedOptions = {}): {atom: string; rss: string; json: string} {
  const {atom, xml, json, author} = buildFeeds(site, items, options)
  // Whatever a brief holds, the XML feeds stay well-formed: the characters
  // XML 1.0 forbids are left out (the `control-character` rule reports them).
  return {atom: cleanMarkup(atom.atom1()), rss: cleanMarkup(xml.rss2()), json: jsonFeed11(json.json1(), author)}
}

/** The Atom feed of part of the site (`head`), its latest briefs among `items`. */
export function renderGroupFeed(site: FeedSite, head: FeedHead, items: readonly FeedItem[], options: FeedOptions = {}): string {
  return cleanMarkup(buildFeeds(site, items, options, head).atom.atom1())
}

/** The feeds' items, and the `feed` objects that write them as XML and as JSON. */
function buildFeeds(site: FeedSite, items: readonly FeedItem[], options: FeedOptions, head?: FeedHead) {
  const limit = options.limit ?? DEFAULT_FEED_LIMIT
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`The feed limit must be a positive integer, not ${limit}`)
  // Newest first; ties (which `duplicate-date` forbids) by URL, in code-unit order.
  const latest = [...items].map(cleanItem).sort((a, b) => compare(b.date, a.date) || compare(a.url, b.url)).slice(0, limit)
  const home = absoluteUrl(site.baseUrl, head?.page ?? '')
  // An empty archive has no newest brief; the epoch keeps the output fixed rather than "now".
  const updated = latest[0] ? utcMidnight(latest[0].date) : new Date(0)
  // Atom requires an author: the site.
  const author = {name: cleanText(site.title)}
  const options_ = {
    id: home,
    title: cleanText(head ? `${site.title}: ${head.title}` : site.title),
    description: cleanText(site.description),
    link: home,
    language: LANGUAGE,
    updated,
    generator: 'Briefpress',
    author,
    feedLinks: head ? {atom: absoluteUrl(site.baseUrl, head.path)} : Object.fromEntries(Object.entries(FEED_PATHS).map(([format, file]) => [format, absoluteUrl(site.baseUrl, file)]))
  }

  // Atom `type="html"` and RSS titles are read as HTML, so plain text is
  // escaped for them; JSON Feed keeps `title` and `summary` as plain text.
  const xml = new Feed(options_)
  // `feed` escapes Atom's category attributes for `"` only: a category
  // "Macro & ETFs" broke the Atom feed, so its items have their own.
  const atom = new Feed(options_)
  const json = new Feed(options_)
  for (const item of latest) {
    const link = absoluteUrl(site.baseUrl, item.url)
    const day = utcMidnight(item.date)
    const content = options.content === 'full' ? absoluteLinks(item.html, link) : summaryContent(item, link)
    const common: Item = {
      title: item.title,
      link,
      date: day,
      published: day,
      content,
      description: item.summary,
      ...(item.category ? {category: [{name: item.category, term: item.category}]} : {})
    }
    const asXml = {...common, title: cdataSafe(escapeHtml(item.title)), description: cdataSafe(escapeHtml(item.summary)), content: cdataSafe(content)}
    xml.addItem(asXml)
    const category = item.category?.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
    atom.addItem({...asXml, ...(category ? {category: [{name: category, term: category}]} : {})})
    json.addItem({...common, id: link})
  }
  return {atom, xml, json, author}
}

/** An item's content by default: its summary, its key figures, and a link to the whole brief. */
function summaryContent(item: FeedItem, link: string): string {
  const summary = item.summary ? toHtml(h('p', item.summary)) : ''
  return `${summary}${item.figures ?? ''}${toHtml(h('p', [h('a', {href: link}, 'Read the whole brief')]))}`
}

/** The item's text without control characters, for the JSON feed as for the XML ones. */
function cleanItem(item: FeedItem): FeedItem {
  return {...item, title: cleanText(item.title), summary: cleanText(item.summary), html: cleanMarkup(item.html), ...(item.figures !== undefined && {figures: cleanMarkup(item.figures)}), ...(item.category !== undefined && {category: cleanText(item.category)})}
}

/**
 * `feed` writes JSON Feed 1.0; 1.1 renames the version and replaces `author`
 * with `authors` and adds `language`. Nothing else differs for what we emit.
 */
function jsonFeed11(json1: string, author: {name: string}): string {
  const {version: _version, author: _author, items, ...head} = JSON.parse(json1) as Record<string, unknown>
  const feed = {version: JSON_FEED_VERSION, ...head, language: LANGUAGE, authors: [author], items}
  return `${JSON.stringify(feed, null, 2)}\n`
}

/**
 * `feed` puts HTML in CDATA sections and splits only the first `]]>` of a
 * text, so a second one would end the section early and break the feed.
 * In HTML, `>` and `&gt;` are the same character, in text and attributes.
 */
function cdataSafe(html: string): string {
  return html.replaceAll(']]>', ']]&gt;')
}

function escapeHtml(text: string): string {
  return toHtml({type: 'text', value: text}, {characterReferences: {useNamedReferences: true}})
}

import Parser from 'rss-parser'
import {unified} from 'unified'
import type {Root} from 'hast'
import {toString} from 'hast-util-to-string'
import rehypeRaw from 'rehype-raw'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {absoluteLinks} from '../src/render/absolute-links.js'
import {utcMidnight} from '../src/render/dates.js'
import {feedFiles, renderFeeds, renderGroupFeed, type FeedItem, type FeedOptions, type FeedSite} from '../src/render/feeds.js'

/** Parses HTML the way a browser would (parse5, through rehype-raw). */
const parseHtml = (html: string) => unified().use(rehypeRaw).runSync({type: 'root', children: [{type: 'raw', value: html}]}) as Root

const site: FeedSite = {title: 'Market Briefs', description: 'Daily crypto market briefs', baseUrl: 'https://example.org/briefs/'}

/** A brief of `date`, shaped like what the build keeps (sanitized body HTML with relative links). */
function item(date: string, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    date,
    title: `Brief of ${date}`,
    url: `${date.replaceAll('-', '/')}/`,
    summary: `What moved on ${date}.`,
    html: `<h2 id="user-content-overview">Overview</h2><p>BTC held.<sup><a href="#user-content-fn-1" id="user-content-fnref-1">1</a></sup></p><p><img src="img-0a1b2c.png" alt="Chart"></p>`,
    ...extra
  }
}

/** `count` consecutive days from 2026-10-01, shuffled so order is the module's job. */
function days(count: number): FeedItem[] {
  const list = Array.from({length: count}, (_, i) => item(new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10)))
  return list.map((value, i) => ({value, key: (i * 7919) % count})).sort((a, b) => a.key - b.key).map(({value}) => value)
}

const parser = new Parser()

afterEach(() => {
  vi.useRealTimers()
})

describe('feeds read back by a feed parser', () => {
  const items = [item('2026-11-18'), item('2026-11-20', {category: 'crypto'}), item('2026-11-19')]

  it('Atom: title, links with the base path, newest first, UTC-midnight dates', async () => {
    const feed = await parser.parseString(renderFeeds(site, items).atom)
    expect(feed.title).toBe('Market Briefs')
    expect(feed.link).toBe('https://example.org/briefs/')
    expect(feed.items.map((entry) => entry.title)).toEqual(['Brief of 2026-11-20', 'Brief of 2026-11-19', 'Brief of 2026-11-18'])
    expect(feed.items.map((entry) => entry.link)).toEqual([
      'https://example.org/briefs/2026/11/20/',
      'https://example.org/briefs/2026/11/19/',
      'https://example.org/briefs/2026/11/18/'
    ])
    expect(feed.items.map((entry) => entry.isoDate)).toEqual(['2026-11-20T00:00:00.000Z', '2026-11-19T00:00:00.000Z', '2026-11-18T00:00:00.000Z'])
    expect(feed.items[0]!.id).toBe('https://example.org/briefs/2026/11/20/')
  })

  it('Atom: the feed is updated on the newest brief and links to itself', () => {
    const atom = renderFeeds(site, items).atom
    expect(atom).toContain('<updated>2026-11-20T00:00:00.000Z</updated>')
    expect(atom).toContain('<link rel="self" href="https://example.org/briefs/feed.xml"/>')
  })

  it('RSS 2.0: titles, links, pubDate, content and its self link', async () => {
    const rss = renderFeeds(site, items, {content: 'full'}).rss
    const feed = await parser.parseString(rss)
    expect(feed.title).toBe('Market Briefs')
    expect(feed.description).toBe('Daily crypto market briefs')
    expect(feed.link).toBe('https://example.org/briefs/')
    expect(feed.items).toHaveLength(3)
    expect(feed.items.map((entry) => entry.link)).toEqual([
      'https://example.org/briefs/2026/11/20/',
      'https://example.org/briefs/2026/11/19/',
      'https://example.org/briefs/2026/11/18/'
    ])
    expect(feed.items.map((entry) => entry.pubDate)).toEqual(['Fri, 20 Nov 2026 00:00:00 GMT', 'Thu, 19 Nov 2026 00:00:00 GMT', 'Wed, 18 Nov 2026 00:00:00 GMT'])
    expect(feed.items[0]!.guid).toBe('https://example.org/briefs/2026/11/20/')
    expect(feed.items[0]!.categories).toEqual(['crypto'])
    expect((feed.items[0] as Record<string, unknown>)['content:encoded']).toContain('BTC held.')
    expect(rss).toContain('<lastBuildDate>Fri, 20 Nov 2026 00:00:00 GMT</lastBuildDate>')
    expect(rss).toContain('<atom:link href="https://example.org/briefs/rss.xml" rel="self" type="application/rss+xml"/>')
  })

  it('JSON Feed 1.1 has its required keys and plain-text titles', () => {
    const feed = JSON.parse(renderFeeds(site, [...items, item('2026-11-17', {title: 'Fed <pause> & BTC'})]).json) as Record<string, any>
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe('Market Briefs')
    expect(feed.home_page_url).toBe('https://example.org/briefs/')
    expect(feed.feed_url).toBe('https://example.org/briefs/feed.json')
    expect(feed.authors).toEqual([{name: 'Market Briefs'}])
    expect(feed).not.toHaveProperty('author')
    expect(feed.items).toHaveLength(4)
    for (const entry of feed.items) {
      for (const key of ['id', 'url', 'title', 'content_html', 'date_published', 'summary']) expect(entry, key).toHaveProperty(key)
      expect(entry.id).toBe(entry.url)
      expect(Number.isNaN(Date.parse(entry.date_published))).toBe(false)
    }
    expect(feed.items[3].title).toBe('Fed <pause> & BTC')
    expect(feed.items[3].date_published).toBe('2026-11-17T00:00:00.000Z')
  })

  it('escapes titles for the XML feeds, where titles are read as HTML', async () => {
    const {atom, rss} = renderFeeds(site, [item('2026-11-20', {title: 'Fed <pause> & BTC ]]> end'})])
    for (const xml of [atom, rss]) {
      const feed = await parser.parseString(xml)
      // Read as XML, the title is HTML; read as HTML, it is the original text.
      expect(feed.items[0]!.title).toMatch(/^Fed &lt;pause/)
      expect(toString(parseHtml(feed.items[0]!.title!))).toBe('Fed <pause> & BTC ]]> end')
    }
  })
})

describe('feed content', () => {
  it('makes the body links absolute against the day page, base path kept', async () => {
    const feed = await parser.parseString(renderFeeds(site, [item('2026-11-20')], {content: 'full'}).atom)
    const content = feed.items[0]!.content!
    expect(content).toContain('href="https://example.org/briefs/2026/11/20/#user-content-fn-1"')
    expect(content).toContain('src="https://example.org/briefs/2026/11/20/img-0a1b2c.png"')
  })

  it('leaves absolute and mailto links alone', () => {
    const html = absoluteLinks('<p><a href="https://coindesk.com/x?a=1&amp;b=2">a</a> <a href="mailto:desk@example.org">m</a></p>', 'https://example.org/2026/11/20/')
    expect(html).toBe('<p><a href="https://coindesk.com/x?a=1&amp;b=2">a</a> <a href="mailto:desk@example.org">m</a></p>')
  })
})

describe('what an item carries', () => {
  const withFigures = item('2026-11-20', {summary: 'BTC slipped & ETH held.', figures: '<ul><li>BTC $95,180 (−2.3% in 24h)</li></ul>', category: 'Macro & ETFs'})

  it('by default: the summary, the key figures and a link to the day, not the body', async () => {
    const {atom, rss, json} = renderFeeds(site, [withFigures])
    for (const xml of [atom, rss]) {
      const content = (await parser.parseString(xml)).items[0]! as Record<string, any>
      const html = content['content:encoded'] ?? content.content
      expect(html).toBe('<p>BTC slipped &#x26; ETH held.</p><ul><li>BTC $95,180 (−2.3% in 24h)</li></ul><p><a href="https://example.org/briefs/2026/11/20/">Read the whole brief</a></p>')
      expect(xml).not.toContain('BTC held.')
    }
    expect(JSON.parse(json).items[0].content_html).toContain('<li>BTC $95,180')
  })

  it('with content "full": the body, links made absolute', async () => {
    const atom = renderFeeds(site, [withFigures], {content: 'full'}).atom
    expect((await parser.parseString(atom)).items[0]!.content).toContain('BTC held.')
    expect(atom).not.toContain('Read the whole brief')
  })

  it('keeps the Atom feed well-formed with a category holding & and <', async () => {
    const category = 'Macro & <ETFs> "x"'
    const atom = renderFeeds(site, [{...withFigures, category}]).atom
    expect(atom).toContain('<category label="Macro &amp; &lt;ETFs> &quot;x&quot;" term="Macro &amp; &lt;ETFs> &quot;x&quot;"/>')
    expect((await parser.parseString(atom)).items).toHaveLength(1)
  })

  it('a part of the site gets an Atom feed of its own, linked to its page', async () => {
    const xml = renderGroupFeed(site, {path: 'tag/etf/feed.xml', page: 'tag/etf/', title: 'Tag: ETF'}, [withFigures, item('2026-11-19')])
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe('Market Briefs: Tag: ETF')
    expect(feed.link).toBe('https://example.org/briefs/tag/etf/')
    expect(xml).toContain('<id>https://example.org/briefs/tag/etf/</id>')
    expect(xml).toContain('<link rel="self" href="https://example.org/briefs/tag/etf/feed.xml"/>')
    expect(feed.items.map((entry) => entry.link)).toEqual(['https://example.org/briefs/2026/11/20/', 'https://example.org/briefs/2026/11/19/'])
  })
})

describe('feed selection and determinism', () => {
  it('carries the latest 20 briefs by default, newest first', () => {
    const feed = JSON.parse(renderFeeds(site, days(25)).json) as {items: Array<{date_published: string}>}
    expect(feed.items).toHaveLength(20)
    expect(feed.items[0]!.date_published).toBe('2026-10-25T00:00:00.000Z')
    expect(feed.items[19]!.date_published).toBe('2026-10-06T00:00:00.000Z')
  })

  it('honours a configured limit', async () => {
    const feed = await parser.parseString(renderFeeds(site, days(25), {limit: 3}).rss)
    expect(feed.items.map((entry) => entry.title)).toEqual(['Brief of 2026-10-25', 'Brief of 2026-10-24', 'Brief of 2026-10-23'])
    expect(() => renderFeeds(site, days(2), {limit: 0})).toThrow(/positive integer/)
  })

  it('gives the same bytes whatever the clock, time zone or input order', () => {
    const original = process.env.TZ
    try {
      vi.useFakeTimers({now: new Date('2030-01-01T12:00:00Z')})
      process.env.TZ = 'Pacific/Kiritimati'
      const first = feedFiles(site, days(5))
      vi.setSystemTime(new Date('2031-06-15T03:00:00Z'))
      process.env.TZ = 'America/Los_Angeles'
      const second = feedFiles(site, [...days(5)].reverse())
      expect(second).toEqual(first)
      expect(first.map((file) => file.path)).toEqual(['feed.xml', 'rss.xml', 'feed.json'])
      for (const file of first) expect(file.content).not.toMatch(/2030|2031/)
    } finally {
      process.env.TZ = original
    }
  })

  it('keeps the base path of a base URL written without a trailing slash', async () => {
    const feed = await parser.parseString(renderFeeds({...site, baseUrl: 'https://example.org/briefs'}, [item('2026-11-20')]).atom)
    expect(feed.link).toBe('https://example.org/briefs/')
    expect(feed.items[0]!.link).toBe('https://example.org/briefs/2026/11/20/')
  })

  it('writes valid feeds for an empty archive, dated at the epoch rather than now', async () => {
    const {atom, rss, json} = renderFeeds(site, [])
    expect((await parser.parseString(atom)).items).toEqual([])
    expect((await parser.parseString(rss)).items).toEqual([])
    expect(JSON.parse(json).items).toEqual([])
    expect(atom).toContain('<updated>1970-01-01T00:00:00.000Z</updated>')
  })

  it('refuses a date that is not a calendar day', () => {
    expect(utcMidnight('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z')
    expect(() => utcMidnight('2026-02-30')).toThrow(/calendar day/)
    expect(() => renderFeeds(site, [item('20-11-2026')])).toThrow(/calendar day/)
  })
})

import {xml2js} from 'xml-js'
import {describe, expect, it} from 'vitest'
import {robotsTxt, sitemapFiles, sitemapXml} from '../src/render/sitemap.js'

interface Text {
  _text: string
}
interface UrlEntry {
  loc: Text
  lastmod?: Text
}

/** The `<url>` entries as an XML parser reads them (entities decoded). */
function readSitemap(xml: string): Array<{loc: string; lastmod?: string}> {
  const doc = xml2js(xml, {compact: true}) as {urlset: {_attributes: {xmlns: string}; url?: UrlEntry | UrlEntry[]}}
  expect(doc.urlset._attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  const urls = doc.urlset.url === undefined ? [] : Array.isArray(doc.urlset.url) ? doc.urlset.url : [doc.urlset.url]
  return urls.map((url) => ({loc: url.loc._text, ...(url.lastmod ? {lastmod: url.lastmod._text} : {})}))
}

const baseUrl = 'https://example.org/briefs/'

describe('sitemap.xml', () => {
  it('lists every page as an absolute URL under the base path, with the brief date as lastmod', () => {
    const xml = sitemapXml(baseUrl, [
      {path: ''},
      {path: '2026/11/19/', lastmod: '2026-11-19'},
      {path: '2026/11/20/', lastmod: '2026-11-20'},
      {path: 'assets/btc/', lastmod: '2026-11-20'},
      {path: '2026/11/'}
    ])
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
    expect(readSitemap(xml)).toEqual([
      {loc: 'https://example.org/briefs/'},
      {loc: 'https://example.org/briefs/2026/11/19/', lastmod: '2026-11-19'},
      {loc: 'https://example.org/briefs/2026/11/20/', lastmod: '2026-11-20'},
      {loc: 'https://example.org/briefs/assets/btc/', lastmod: '2026-11-20'},
      {loc: 'https://example.org/briefs/2026/11/'}
    ])
  })

  it('escapes what XML reserves, so a parser reads the URL back unchanged', () => {
    const xml = sitemapXml(baseUrl, [{path: "categories/m&a/"}, {path: "tags/o'neil/"}, {path: 'tags/<b>/'}])
    expect(xml).toContain('categories/m&amp;a/')
    expect(xml).toContain('tags/o&apos;neil/')
    expect(xml).not.toMatch(/&(?!amp;|apos;|lt;|gt;|quot;)/)
    expect(readSitemap(xml).map((url) => url.loc)).toEqual([
      'https://example.org/briefs/categories/m&a/',
      "https://example.org/briefs/tags/o'neil/",
      // The URL API percent-encodes `<` and `>` in a path.
      'https://example.org/briefs/tags/%3Cb%3E/'
    ])
  })

  it('keeps the base path when the base URL has no trailing slash, and a leading / stays inside the site', () => {
    expect(readSitemap(sitemapXml('https://example.org/briefs', [{path: '/2026/11/20/'}]))).toEqual([{loc: 'https://example.org/briefs/2026/11/20/'}])
  })

  it('lists a page given twice once, with its latest lastmod', () => {
    const pages = [
      {path: 'assets/btc/', lastmod: '2026-11-18'},
      {path: 'assets/btc/', lastmod: '2026-11-20'},
      {path: 'assets/btc/', lastmod: '2026-11-19'},
      {path: 'assets/btc/'}
    ]
    expect(readSitemap(sitemapXml(baseUrl, pages))).toEqual([{loc: 'https://example.org/briefs/assets/btc/', lastmod: '2026-11-20'}])
  })

  it('is a valid, empty urlset for no pages, and refuses a lastmod that is not a day', () => {
    expect(readSitemap(sitemapXml(baseUrl, []))).toEqual([])
    expect(() => sitemapXml(baseUrl, [{path: '2026/11/20/', lastmod: '20 Nov 2026'}])).toThrow(/calendar day/)
  })
})

describe('robots.txt', () => {
  it('allows everything and names the absolute sitemap URL', () => {
    expect(robotsTxt(baseUrl)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/briefs/sitemap.xml\n')
    expect(robotsTxt('http://localhost:8080')).toContain('Sitemap: http://localhost:8080/sitemap.xml\n')
  })

  it('comes with the sitemap as site files', () => {
    const files = sitemapFiles(baseUrl, [{path: ''}])
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'robots.txt'])
    expect(files[1]!.content).toBe(robotsTxt(baseUrl))
  })
})

import {cleanMarkup} from '../control-characters.js'
import {absoluteUrl, absoluteUrls} from './absolute-url.js'
import {utcMidnight} from './dates.js'
import type {SiteFile} from './feeds.js'

/**
 * `sitemap.xml` (https://www.sitemaps.org/protocol.html) and `robots.txt`.
 * The sitemap lists absolute URLs, so it is the one place besides the feeds
 * where the configured base URL matters.
 */

export interface SitemapPage {
  /** Site-relative URL of the page: `''` for the home page, `2026/11/20/`, `assets/btc/`. */
  path: string
  /** `YYYY-MM-DD` the page last changed (a day page: its brief's date), where known. */
  lastmod?: string
}

export const SITEMAP_PATH = 'sitemap.xml'
export const ROBOTS_PATH = 'robots.txt'

// The protocol's limit for one sitemap file; beyond it a sitemap index is needed.
const MAX_URLS = 50_000

/** `sitemap.xml` and `robots.txt` as site files. */
export function sitemapFiles(baseUrl: string, pages: readonly SitemapPage[]): SiteFile[] {
  return [
    {path: SITEMAP_PATH, content: sitemapXml(baseUrl, pages)},
    {path: ROBOTS_PATH, content: robotsTxt(baseUrl)}
  ]
}

/**
 * One `<url>` per page, in the order given; a page given twice is listed once
 * with its latest `lastmod`.
 */
export function sitemapXml(baseUrl: string, pages: readonly SitemapPage[]): string {
  const byUrl = new Map<string, string | undefined>()
  const urlOf = absoluteUrls(baseUrl)
  for (const page of pages) {
    if (page.lastmod !== undefined) utcMidnight(page.lastmod) // throws on anything but a calendar day
    const url = urlOf(page.path)
    const known = byUrl.get(url)
    byUrl.set(url, known === undefined || (page.lastmod !== undefined && page.lastmod > known) ? page.lastmod : known)
  }
  if (byUrl.size > MAX_URLS) throw new Error(`A sitemap holds at most ${MAX_URLS} URLs, not ${byUrl.size}`)
  const entries = [...byUrl].map(([url, lastmod]) =>
    lastmod === undefined ? `  <url><loc>${escapeXml(url)}</loc></url>` : `  <url><loc>${escapeXml(url)}</loc><lastmod>${lastmod}</lastmod></url>`
  )
  return cleanMarkup(['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n'))
}

/**
 * Everything may be crawled; the `Sitemap:` line is absolute, as the format
 * requires. Crawlers read `robots.txt` only at the host root, so a site under
 * a base path is covered only if the host's own file points here too.
 */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, SITEMAP_PATH)}\n`
}

/** The five characters XML reserves; the URL API already percent-encodes the rest. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[char]!)
}

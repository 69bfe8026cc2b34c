/**
 * Absolute URLs for what leaves the site (feeds, sitemap, robots.txt), where a
 * relative link means nothing. Built with the URL API so a base path such as
 * `https://example.org/briefs/` is kept and every part is properly encoded.
 */

/** `baseUrl` as a folder URL: without the trailing `/`, `new URL` would drop its last segment. */
function siteRoot(baseUrl: string): URL {
  const root = new URL(baseUrl)
  if (!root.pathname.endsWith('/')) root.pathname += '/'
  root.search = ''
  root.hash = ''
  return root
}

/**
 * The absolute URLs of site-relative paths (`2026/11/20/`, `feed.xml`, `''`
 * for the home page) under one base URL, which is parsed once (the sitemap
 * lists every page). A leading `/` still means the site root, not the host
 * root, so a site under a base path never links outside itself.
 */
export function absoluteUrls(baseUrl: string): (sitePath: string) => string {
  const root = siteRoot(baseUrl)
  return (sitePath) => new URL(sitePath.replace(/^\/+/, ''), root).href
}

export const absoluteUrl = (baseUrl: string, sitePath: string): string => absoluteUrls(baseUrl)(sitePath)

/** The base path of `baseUrl` (`https://example.org/briefs/` → `/briefs/`), for the 404 page's links. */
export const basePath = (baseUrl: string): string => siteRoot(baseUrl).pathname

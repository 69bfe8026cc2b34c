/**
 * Absolute URLs for what leaves the site (feeds, sitemap, robots.txt), where a
 * relative link means nothing. Built with the URL API so a base path such as
 * `https://example.org/briefs/` is kept and every part is properly encoded.
 */

/** `baseUrl` as a folder URL: without the trailing `/`, `new URL` would drop its last segment. */
export function siteRoot(baseUrl: string): URL {
  const root = new URL(baseUrl)
  if (!root.pathname.endsWith('/')) root.pathname += '/'
  root.search = ''
  root.hash = ''
  return root
}

/**
 * The absolute URL of a site-relative path (`2026/11/20/`, `feed.xml`, `''`
 * for the home page). A leading `/` still means the site root, not the host
 * root, so a site under a base path never links outside itself.
 */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  return absoluteUrls(baseUrl)(sitePath)
}

/** `absoluteUrl` for many paths under one base URL, which is parsed once (the sitemap lists every page). */
export function absoluteUrls(baseUrl: string): (sitePath: string) => string {
  const root = siteRoot(baseUrl)
  return (sitePath) => new URL(sitePath.replace(/^\/+/, ''), root).href
}

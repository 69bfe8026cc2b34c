import {createHash} from 'node:crypto'

/**
 * Where pages live in the site and how they link to each other.
 *
 * Every link is relative and names `index.html` explicitly, so the site works
 * when opened straight from the file system (where a folder URL does not open
 * its index) as well as from any folder of a web server, base path or not.
 * Only what is read away from the site (feeds, sitemap, canonical links) and
 * the 404 page (served at any path) use the configured base URL.
 */

/** Site-relative folder of the page for a `YYYY-MM-DD` day: `YYYY/MM/DD/`. */
export function dayFolder(date: string): string {
  return `${date.replaceAll('-', '/')}/`
}

/** `2026/`: the year's archive page. */
export function yearFolder(year: string): string {
  return `${year}/`
}

/** `2026/11/`: the month's archive page (the day pages live below it). */
export function monthFolder(month: string): string {
  return `${month.replace('-', '/')}/`
}

/** `category/crypto/2025/`, `assets/btc/2025/`: one year of a category or an asset, below its page. */
export function periodFolder(folder: string, year: string): string {
  return `${folder}${year}/`
}

export const ASSETS_FOLDER = 'assets/'

/** The site's picture for sharing (`og:image`) on every page but the days; a day's is beside its page: `2026/11/20/card.svg`. */
export const SITE_CARD_PATH = 'card.svg'
export const dayCardPath = (folder: string) => `${folder}${SITE_CARD_PATH}`

/** `assets/btc/`: the price history of one ticker. */
export function assetFolder(symbol: string): string {
  return `${ASSETS_FOLDER}${slug(symbol) || hashed(symbol)}/`
}

/**
 * Folders of the category pages, `category/<slug>/`, for every category
 * given. A slug is lower-case ASCII letters, digits and dashes whatever the
 * category says (accents dropped, anything else a dash); should two
 * categories meet on one slug ("ETF news", "etf-news"), or a category give no
 * slug at all ("日本"), a short hash of the exact text keeps them apart.
 */
export function categoryFolders(categories: Iterable<string>): Map<string, string> {
  const unique = [...new Set(categories)].sort()
  const bySlug = new Map<string, string[]>()
  for (const category of unique) {
    const base = slug(category)
    bySlug.set(base, [...(bySlug.get(base) ?? []), category])
  }
  const folders = new Map<string, string>()
  for (const [base, members] of bySlug) {
    for (const category of members) {
      const name = base === '' ? hashed(category) : members.length > 1 ? `${base}-${hashed(category)}` : base
      folders.set(category, `category/${name}/`)
    }
  }
  return folders
}

/** Lower-case ASCII slug: `"Macro & ETFs"` → `macro-etfs`, `"Café"` → `cafe`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

function hashed(text: string): string {
  return `c-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`
}

/** Path from a page in `folder` (site-relative, `''` for the root) back to the site root. */
export function rootFrom(folder: string): string {
  const depth = folder.split('/').filter(Boolean).length
  return '../'.repeat(depth)
}

/** Relative link from a page in `fromFolder` to the page in `toFolder`. */
export function pageLink(fromFolder: string, toFolder: string): string {
  return `${rootFrom(fromFolder)}${toFolder}index.html`
}

/**
 * Where pages live in the site and how they link to each other.
 *
 * Every link is relative and names `index.html` explicitly, so the site works
 * when opened straight from the file system (where a folder URL does not open
 * its index) as well as from any folder of a web server. A configurable base
 * path only has to change `rootFrom`.
 */

/** Site-relative folder of the page for a `YYYY-MM-DD` day: `YYYY/MM/DD/`. */
export function dayFolder(date: string): string {
  return `${date.replaceAll('-', '/')}/`
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

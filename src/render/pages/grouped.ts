import {archivePage} from '../../../templates/archive-page.js'
import {shell, type Crumb} from '../../../templates/layout.js'
import {monthFolder, pageLink} from '../paths.js'
import {type SitePage, type SiteContext, type PageKind, type PublishedBrief, keyed, folderPage, yearPagesBelow, groupBy} from '../page-model.js'

/** The file name of a category's, a tag's or an asset's Atom feed, in its page's folder (src/render/group-feeds.ts). */
export const GROUP_FEED_FILE = 'feed.xml'

/** The `<link rel=alternate>` of the feed in `folder`, from a page in `from`. */
export function feedLink(from: string, folder: string, title: string): {title: string; href: string} {
  return {title: `${title} (Atom)`, href: `${pageLink(from, folder).slice(0, -'index.html'.length)}${GROUP_FEED_FILE}`}
}

/** Briefs filed together (a category, a tag) with a page of their own. */
export interface BriefGroup {
  kind: Extract<PageKind, 'category' | 'tag'>
  /** The category or tag as the briefs write it. */
  name: string
  /** Site-relative folder of the group's page: `category/crypto/`, `tag/etf/`. */
  folder: string
  /** Newest first. */
  items: readonly PublishedBrief[]
  /** "Category: crypto", "Tag: ETF". */
  title: string
  /** The page's description, for the whole group or one year of it. */
  describe: (year?: string) => string
  /** Pages above the group's, after Home: `Tags` above a tag's page. */
  parents?: ReadonlyArray<{label: string; folder: string}>
}

/**
 * The group's page, `<folder>index.html`: its newest `pageSize` briefs and
 * its years; and `<folder><year>/index.html`: every brief of the group that
 * year. A new brief rewrites the group's page and its year's, not a page
 * listing the whole archive (2.5 MB at 4,000 briefs); earlier years keep
 * their pages. Each page links the group's Atom feed (src/render/group-feeds.ts).
 */
export function groupPages(context: SiteContext, group: BriefGroup): SitePage[] {
  const {kind, name, folder, items, title} = group
  const link = (to: string) => pageLink(folder, to)
  const years = yearPagesBelow(folder, groupBy(items, (item) => item.date.slice(0, 4)))
  const crumbs = (from: (to: string) => string): Crumb[] => [{label: 'Home', href: from('')}, ...(group.parents ?? []).map((parent) => ({label: parent.label, href: from(parent.folder)}))]
  const feed = (from: string) => feedLink(from, folder, `${context.config.siteTitle}: ${title}`)
  const newest = items.slice(0, context.config.pageSize)
  // Kept while its newest briefs and its years' counts are unchanged: an
  // archive has a few categories but may have hundreds of tags.
  const shown = ['group', name, newest, String(items.length), years.links.map((year) => `${year.label}:${year.count}`).join(' ')]
  const pages: SitePage[] = [
    keyed(shown, folderPage(kind, folder, items[0]?.date, () =>
      shell(context, {
        kind,
        folder,
        title,
        description: group.describe(),
        feed: feed(folder),
        breadcrumbs: [...crumbs(link), {label: title}],
        main: archivePage({
          cards: context.cards,
          title,
          items: newest,
          total: items.length,
          periods: {label: `Years of ${title}`, links: years.links},
          link: (to) => link(to.folder),
          monthLink: (month) => link(monthFolder(month)),
          indexHref: link('')
        })
      })
    ))
  ]
  for (const {year, folder: yearFolder, link: yearLink, items: inYear, earlier, later} of years.pages) {
    const yearTitle = `${title}, ${year}`
    pages.push(
      keyed([`${kind}-year`, name, inYear, earlier?.label, later?.label], folderPage(kind, yearFolder, inYear[0]!.date, () =>
        shell(context, {
          kind,
          folder: yearFolder,
          title: yearTitle,
          description: group.describe(year),
          feed: feed(yearFolder),
          previous: earlier?.href,
          next: later?.href,
          breadcrumbs: [...crumbs(yearLink), {label: title, href: yearLink(folder)}, {label: year}],
          main: archivePage({
            cards: context.cards,
            title: yearTitle,
            items: inYear,
            link: (to) => yearLink(to.folder),
            monthLink: (month) => yearLink(monthFolder(month)),
            previous: earlier,
            next: later,
            indexHref: yearLink(folder),
            indexLabel: title
          })
        })
      ))
    )
  }
  return pages
}

import {archivePage} from '../../../templates/archive-page.js'
import {monthFolder, pageLink, yearFolder} from '../paths.js'
import {type SitePage, type SiteContext, shell, keyed, folderPage, yearPagesBelow, groupBy} from '../page-model.js'

/**
 * Per category with briefs, `category/<slug>/index.html`: its newest
 * `pageSize` briefs and its years; and `category/<slug>/<year>/index.html`:
 * every brief of the category that year. A new brief rewrites the category's
 * page and its year's, not a page listing the whole archive (2.5 MB at
 * 4,000 briefs); earlier years keep their pages.
 */
export function categoryPages(context: SiteContext): SitePage[] {
  const pages: SitePage[] = []
  for (const [category, folder] of context.categories) {
    const link = (to: string) => pageLink(folder, to)
    const items = context.newestFirst.filter((item) => item.category === category)
    const years = yearPagesBelow(folder, groupBy(items, (item) => item.date.slice(0, 4)))
    const title = `Category: ${category}`
    pages.push(
      folderPage('category', folder, items[0]?.date, () =>
        shell(context, {
          kind: 'category',
          folder,
          title,
          description: `Every brief filed under ${category}.`,
          breadcrumbs: [{label: 'Home', href: link('')}, {label: title}],
          main: archivePage({
            cards: context.cards,
            title,
            items: items.slice(0, context.config.pageSize),
            total: items.length,
            periods: {label: `Years of ${title}`, links: years.links},
            link: (to) => link(to.folder),
            monthLink: (month) => link(monthFolder(month)),
            indexHref: link('')
          })
        })
      )
    )
    for (const {year, folder: yearFolder, link: yearLink, items: inYear, earlier, later} of years.pages) {
      const yearTitle = `${title}, ${year}`
      pages.push(
        keyed(['category-year', category, inYear, earlier?.label, later?.label], folderPage('category', yearFolder, inYear[0]!.date, () =>
          shell(context, {
            kind: 'category',
            folder: yearFolder,
            title: yearTitle,
            description: `Every brief of ${year} filed under ${category}.`,
            previous: earlier?.href,
            next: later?.href,
            breadcrumbs: [{label: 'Home', href: yearLink('')}, {label: title, href: yearLink(folder)}, {label: year}],
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
  }
  return pages
}

/**
 * The year pages below `folder` (`category/crypto/2025/`, `assets/btc/2025/`),
 * newest first: each with its items, its relative links and the years
 * around it; and the links to them from `folder`'s own page, with counts.
 */

import {dayPage} from '../../../templates/day.js'
import {shortDate} from '../dates.js'
import {dayCardPath, monthFolder, pageLink, yearFolder} from '../paths.js'
import {tagFolder} from '../tag-folders.js'
import {type SitePage, type SiteContext, monthName, folderPage, keyed} from '../page-model.js'
import {shell} from '../../../templates/layout.js'

/** Every day page, with the links to the days around it. */
export function dayPages(context: SiteContext): SitePage[] {
  const {published} = context
  const assetFolders = new Map(context.assets.map((asset) => [asset.symbol, asset.folder]))
  // Written once, not once per day: the same for every page.
  const assetLinks = JSON.stringify([...assetFolders])
  return published.map((item, index) => {
    const previous = published[index - 1]
    const next = published[index + 1]
    const from = item.folder
    const link = (to: string) => pageLink(from, to)
    // Days between this one and its neighbours left out for their errors (--keep-going).
    const gapBefore = context.missing.filter((date) => date < item.date && (!previous || date > previous.date))
    const gapAfter = context.missing.filter((date) => date > item.date && (!next || date < next.date))
    const page = folderPage('day', from, item.date, () =>
      shell(context, {
        kind: 'day',
        folder: from,
        title: item.title,
        description: item.excerpt,
        image: {path: dayCardPath(from), alt: `${item.title}: ${shortDate(item.date)} and the day's key figures`},
        previous: previous && link(previous.folder),
        next: next && link(next.folder),
        breadcrumbs: [
          {label: 'Home', href: link('')},
          {label: item.date.slice(0, 4), href: link(yearFolder(item.date.slice(0, 4)))},
          {label: monthName(item.date.slice(0, 7)).split(' ')[0]!, href: link(monthFolder(item.date.slice(0, 7)))},
          {label: shortDate(item.date)}
        ],
        main: dayPage({
          item,
          previous,
          next,
          link: (to) => link(to.folder),
          indexHref: link(''),
          categoryHref: link(context.categories.get(item.category)!),
          tagHref: (tag) => {
            const folder = tagFolder(tag)
            return folder && link(folder)
          },
          gapBefore,
          gapAfter,
          assetHref: (symbol) => {
            const folder = assetFolders.get(symbol)
            return folder && link(folder)
          }
        })
      })
    )
    // The day's text, its neighbours' (their titles, dates and folders are
    // on the page), the site-wide links it makes, its look-alike sources
    // (they depend on the whole archive: lookalike-citation-host) and the
    // missing days around it, which its pager names.
    return keyed([previous, item, next, context.categories.get(item.category), JSON.stringify(item.brief.lookalikeHosts ?? null), JSON.stringify([gapBefore, gapAfter]), assetLinks], {...page, item})
  })
}

import {archivePage, type ArchiveProps} from '../../../templates/archive-page.js'
import {shell, type Crumb} from '../../../templates/layout.js'
import {monthFolder, pageLink, yearFolder} from '../paths.js'
import {type SitePage, type SiteContext, type PublishedBrief, monthName, keyed, folderPage} from '../page-model.js'

/** `2026/index.html`: the year's briefs, with its months; and `2026/11/index.html`: the month's. */
export function archivePages(context: SiteContext): SitePage[] {
  return [
    ...periodPages(context, 'year', context.years, yearFolder, (year) => year, (year, link) => ({
      crumbs: [{label: year}],
      monthLink: (month) => link(monthFolder(month)),
      periods: {
        label: `Months of ${year}`,
        links: [...context.months].filter(([month]) => month.startsWith(`${year}-`)).map(([month, inMonth]) => ({label: monthName(month), href: link(monthFolder(month)), count: inMonth.length}))
      }
    })),
    ...periodPages(context, 'month', context.months, monthFolder, monthName, (month, link) => ({
      crumbs: [{label: month.slice(0, 4), href: link(yearFolder(month.slice(0, 4)))}, {label: monthName(month).split(' ')[0]!}]
    }))
  ]
}

/** One archive page per period (newest first), each linking the periods around it; `more` adds what differs between years and months. */
function periodPages(
  context: SiteContext,
  kind: 'year' | 'month',
  periods: Map<string, PublishedBrief[]>,
  folderOf: (period: string) => string,
  nameOf: (period: string) => string,
  more: (period: string, link: (to: string) => string) => {crumbs: Crumb[]} & Pick<ArchiveProps, 'monthLink' | 'periods'>
): SitePage[] {
  const keys = [...periods.keys()]
  return keys.map((period, position) => {
    const folder = folderOf(period)
    const link = (to: string) => pageLink(folder, to)
    const items = periods.get(period)!
    const [later, earlier] = [keys[position - 1], keys[position + 1]]
    const around = (other: string | undefined) => (other ? {label: nameOf(other), href: link(folderOf(other))} : undefined)
    return keyed([kind, items, earlier, later], folderPage(kind, folder, items[0]!.date, () => {
      const {crumbs, ...extra} = more(period, link)
      return shell(context, {
        kind,
        folder,
        title: nameOf(period),
        description: `Every brief of ${nameOf(period)}.`,
        previous: earlier && link(folderOf(earlier)),
        next: later && link(folderOf(later)),
        breadcrumbs: [{label: 'Home', href: link('')}, ...crumbs],
        main: archivePage({cards: context.cards, title: nameOf(period), items, link: (to) => link(to.folder), ...extra, previous: around(earlier), next: around(later), indexHref: link('')})
      })
    }))
  })
}

import {archivePage} from '../../../templates/archive-page.js'
import {monthFolder, pageLink, yearFolder} from '../paths.js'
import {type SitePage, type SiteContext, shell, monthName, keyed, folderPage} from '../page-model.js'

/** `2026/index.html`: the year's briefs; and `2026/11/index.html`: the month's. */
export function archivePages(context: SiteContext): SitePage[] {
  const pages: SitePage[] = []
  const years = [...context.years.keys()]
  for (const [position, year] of years.entries()) {
    const folder = yearFolder(year)
    const link = (to: string) => pageLink(folder, to)
    const items = context.years.get(year)!
    const [later, earlier] = [years[position - 1], years[position + 1]]
    pages.push(
      keyed(['year', items, earlier, later], folderPage('year', folder, items[0]!.date, () =>
        shell(context, {
          kind: 'year',
          folder,
          title: year,
          description: `Every brief of ${year}.`,
          previous: earlier && link(yearFolder(earlier)),
          next: later && link(yearFolder(later)),
          breadcrumbs: [{label: 'Home', href: link('')}, {label: year}],
          main: archivePage({
            cards: context.cards,
            title: year,
            items,
            link: (to) => link(to.folder),
            monthLink: (month) => link(monthFolder(month)),
            periods: {
              label: `Months of ${year}`,
              links: [...context.months].filter(([month]) => month.startsWith(`${year}-`)).map(([month, inMonth]) => ({label: monthName(month), href: link(monthFolder(month)), count: inMonth.length}))
            },
            previous: earlier ? {label: earlier, href: link(yearFolder(earlier))} : undefined,
            next: later ? {label: later, href: link(yearFolder(later))} : undefined,
            indexHref: link('')
          })
        })
      ))
    )
  }
  const months = [...context.months.keys()]
  for (const [position, month] of months.entries()) {
    const folder = monthFolder(month)
    const link = (to: string) => pageLink(folder, to)
    const items = context.months.get(month)!
    const [later, earlier] = [months[position - 1], months[position + 1]]
    const year = month.slice(0, 4)
    pages.push(
      keyed(['month', items, earlier, later], folderPage('month', folder, items[0]!.date, () =>
        shell(context, {
          kind: 'month',
          folder,
          title: monthName(month),
          description: `Every brief of ${monthName(month)}.`,
          previous: earlier && link(monthFolder(earlier)),
          next: later && link(monthFolder(later)),
          breadcrumbs: [{label: 'Home', href: link('')}, {label: year, href: link(yearFolder(year))}, {label: monthName(month).split(' ')[0]!}],
          main: archivePage({
            cards: context.cards,
            title: monthName(month),
            items,
            link: (to) => link(to.folder),
            previous: earlier ? {label: monthName(earlier), href: link(monthFolder(earlier))} : undefined,
            next: later ? {label: monthName(later), href: link(monthFolder(later))} : undefined,
            indexHref: link('')
          })
        })
      ))
    )
  }
  return pages
}

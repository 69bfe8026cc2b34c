import {indexPage, type Browse} from '../../../templates/index-page.js'
import {ASSETS_FOLDER, monthFolder, pageLink, yearFolder} from '../paths.js'
import {TAGS_FOLDER} from '../tag-folders.js'
import {tagsByUse} from './tags.js'
import {type SitePage, type SiteContext, monthName, folderPage, groupBy} from '../page-model.js'
import {shell} from '../../../templates/layout.js'

/** Tags the home page lists (the most used); every one is on tag/index.html. */
const HOME_TAGS = 20

/**
 * The home page, `index.html`: the newest `pageSize` briefs, a small BTC
 * chart, and links to every year, month, category and asset. The rest of
 * the archive is read by month and year (see templates/index-page.ts).
 */
export function indexPages(context: SiteContext): SitePage[] {
  const {config, newestFirst} = context
  const folder = ''
  const link = (to: string) => pageLink(folder, to)
  const items = newestFirst.slice(0, config.pageSize)
  // Where the briefs not listed begin: that month's archive lists them from its first day.
  const firstUnlisted = newestFirst[items.length]
  const btcAsset = context.assets.find((asset) => asset.symbol === 'BTC')
  const byCategory = groupBy(newestFirst, (item) => item.category)
  const browse: Browse = {
    years: [...context.years].map(([year, briefs]) => ({
      label: year,
      href: link(yearFolder(year)),
      count: briefs.length,
      months: [...context.months].filter(([month]) => month.startsWith(`${year}-`)).map(([month, inMonth]) => ({label: monthName(month).split(' ')[0]!, href: link(monthFolder(month)), count: inMonth.length}))
    })),
    categories: [...context.categories].map(([category, categoryFolder]) => ({label: category, href: link(categoryFolder), count: byCategory.get(category)?.length ?? 0})),
    assets: context.assets.filter((asset) => asset.quotes.length > 0).map((asset) => ({label: asset.symbol, href: link(asset.folder), count: asset.quotes.length})),
    assetsHref: link(ASSETS_FOLDER),
    tags: {top: tagsByUse(context).slice(0, HOME_TAGS).map((group) => ({label: group.label, href: link(group.folder), count: group.items.length})), href: link(TAGS_FOLDER), total: context.tags.size}
  }
  return [
    folderPage('index', folder, newestFirst[0]?.date, () =>
      shell(context, {
        kind: 'index',
        folder,
        title: config.siteTitle,
        description: config.siteDescription,
        main: indexPage({
          cards: context.cards,
          siteTitle: config.siteTitle,
          description: config.siteDescription,
          items,
          total: newestFirst.length,
          older: firstUnlisted && {label: monthName(firstUnlisted.date.slice(0, 7)), href: link(monthFolder(firstUnlisted.date.slice(0, 7)))},
          link: (to) => link(to.folder),
          monthLink: (month) => link(monthFolder(month)),
          btc: btcAsset?.points,
          btcHref: btcAsset && link(btcAsset.folder),
          browse
        })
      })
    )
  ]
}

import {assetPage, assetsIndexPage} from '../../../templates/asset-page.js'
import {ASSETS_FOLDER, pageLink} from '../paths.js'
import {type SitePage, type AssetInfo, type SiteContext, keyed, folderPage, yearPagesBelow, groupBy} from '../page-model.js'
import {shell} from '../../../templates/layout.js'
import {assetTitle} from '../group-feeds.js'
import {feedLink} from './grouped.js'

/**
 * `assets/index.html`, `assets/<symbol>/index.html` (the whole history as a
 * chart, the newest `pageSize` figures as a table) and
 * `assets/<symbol>/<year>/index.html` (that year's chart and every figure).
 */
export function assetPages(context: SiteContext): SitePage[] {
  const listFolder = ASSETS_FOLDER
  const pages: SitePage[] = [
    folderPage('assets', listFolder, context.newestFirst[0]?.date, () =>
      shell(context, {
        kind: 'assets',
        folder: listFolder,
        title: 'Assets',
        description: 'Price history of each asset across the archive.',
        breadcrumbs: [{label: 'Home', href: pageLink(listFolder, '')}, {label: 'Assets'}],
        main: assetsIndexPage({assets: context.assets.map((asset) => ({symbol: asset.symbol, name: asset.name, href: pageLink(listFolder, asset.folder), points: asset.points}))})
      })
    )
  ]
  for (const asset of context.assets) {
    const {symbol, name, folder} = asset
    const link = (to: string) => pageLink(folder, to)
    const rowsFrom = (from: string, quotes: Readonly<AssetInfo['quotes']>) =>
      quotes.map(({item, quote}) => {
        const briefKey = item.brief.file.data.briefKey
        const href = pageLink(from, item.folder)
        return {date: item.date, quote, href, key: briefKey && `${briefKey}@${item.folder}\0${symbol}\0${href}`}
      })
    const years = yearPagesBelow(folder, groupBy(asset.quotes, ({item}) => item.date.slice(0, 4)))
    // The asset's feed: the briefs that quote it (src/render/group-feeds.ts).
    const feed = (from: string) => feedLink(from, folder, `${context.config.siteTitle}: ${assetTitle(asset)}`)
    pages.push(
      folderPage('asset', folder, asset.quotes[0]?.item.date ?? context.newestFirst[0]?.date, () =>
        shell(context, {
          kind: 'asset',
          folder,
          title: assetTitle(asset),
          description: `${symbol} price history across the archive.`,
          feed: feed(folder),
          breadcrumbs: [{label: 'Home', href: link('')}, {label: 'Assets', href: link(listFolder)}, {label: symbol}],
          main: assetPage({
            symbol,
            name,
            points: asset.points,
            days: rowsFrom(folder, asset.quotes.slice(0, context.config.pageSize)),
            total: asset.quotes.length,
            years: years.links,
            assetsHref: link(listFolder),
            rows: context.cards
          })
        })
      )
    )
    for (const {year, folder: yearFolder, link: yearLink, items: quotes, earlier, later} of years.pages) {
      pages.push(
        keyed(['asset-year', symbol, name, quotes.map(({item}) => item), earlier?.label, later?.label], folderPage('asset', yearFolder, quotes[0]!.item.date, () =>
          shell(context, {
            kind: 'asset',
            folder: yearFolder,
            title: `${name} (${symbol}) in ${year}`,
            description: `${symbol} price in ${year}, as stated in the briefs.`,
            feed: feed(yearFolder),
            previous: earlier?.href,
            next: later?.href,
            breadcrumbs: [{label: 'Home', href: yearLink('')}, {label: 'Assets', href: yearLink(listFolder)}, {label: symbol, href: yearLink(folder)}, {label: year}],
            main: assetPage({
              symbol,
              name,
              year,
              points: asset.points.filter((point) => point.date.startsWith(year)),
              days: rowsFrom(yearFolder, quotes),
              assetsHref: yearLink(listFolder),
              assetHref: yearLink(folder),
              previous: earlier,
              next: later,
              rows: context.cards
            })
          })
        ))
      )
    }
  }
  return pages
}

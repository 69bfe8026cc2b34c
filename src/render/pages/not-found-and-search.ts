import {notFoundPage} from '../../../templates/not-found.js'
import {searchPage} from '../../../templates/search-page.js'
import {SEARCH_FOLDER, searchPageHead} from '../search.js'
import {searchTiers} from '../search-tiers.js'
import {basePath} from '../absolute-url.js'
import {ASSETS_FOLDER, rootFrom} from '../paths.js'
import {type SitePage, type SiteContext, folderPage} from '../page-model.js'
import {shell} from '../../../templates/layout.js'

/**
 * `404.html`, which a server returns for any missing path: its links start
 * from the base path of `baseUrl` (`/briefs/`), as a relative link would
 * resolve against the missing path.
 */
export function notFoundPages(context: SiteContext): SitePage[] {
  const root = basePath(context.config.baseUrl)
  return [
    {
      kind: 'not-found',
      file: NOT_FOUND_PATH,
      url: NOT_FOUND_PATH,
      sitemap: false,
      render: () =>
        shell(context, {kind: 'not-found', folder: '', root, title: 'Page not found', main: notFoundPage({root, assetsHref: `${root}${ASSETS_FOLDER}index.html`})})
    }
  ]
}

export const NOT_FOUND_PATH = '404.html'

/**
 * `search/index.html`: Pagefind's UI over the day pages (src/render/search.ts;
 * the build indexes the pages once they are all written). Not in the sitemap:
 * it has nothing to index.
 */
export function searchPages(context: SiteContext): SitePage[] {
  const folder = SEARCH_FOLDER
  // The older tiers' bundles, whose results the page merges with the primary one's.
  const merged = searchTiers(context.published).slice(1).map((tier) => tier.folder)
  return [
    {
      ...folderPage('search', folder, undefined, () =>
        shell(context, {kind: 'search', folder, title: 'Search', description: `Search every brief of ${context.config.siteTitle}.`, ...searchPageHead(rootFrom(folder)), main: searchPage({merged})})
      ),
      sitemap: false
    }
  ]
}

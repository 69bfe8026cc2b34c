/** The site's HTML pages, each kind from its own builder (one module each). */
import {dayPages} from './day.js'
import {indexPages} from './home.js'
import {archivePages} from './archives.js'
import {categoryPages} from './categories.js'
import {tagPages} from './tags.js'
import {assetPages} from './assets.js'
import {notFoundPages, searchPages} from './not-found-and-search.js'
import type {SitePage, SiteContext} from '../page-model.js'

/** The builders of every kind of page, in the order their pages are written and listed. */
const PAGE_BUILDERS: ReadonlyArray<(context: SiteContext) => SitePage[]> = [indexPages, dayPages, archivePages, categoryPages, tagPages, assetPages, notFoundPages, searchPages]

/** Every HTML page of the site of `context`, without rendering them. */
export function pagesOf(context: SiteContext): SitePage[] {
  return PAGE_BUILDERS.flatMap((build) => build(context))
}

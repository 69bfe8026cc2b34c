/** The site's HTML pages, each kind from its own builder (one module each). */
import {dayPages} from './day.js'
import {indexPages} from './home.js'
import {archivePages} from './archives.js'
import {categoryPages} from './categories.js'
import {tagPages} from './tags.js'
import {assetPages} from './assets.js'
import {notFoundPages, searchPages} from './not-found-and-search.js'
import type {Config} from '../../config/schema.js'
import type {CardMemo} from '../../../templates/brief-list.js'
import {type PublishedBrief, type SitePage, type SiteContext, siteContext} from '../page-model.js'

/** The builders of every kind of page, in the order their pages are written and listed. */
export const PAGE_BUILDERS: ReadonlyArray<(context: SiteContext) => SitePage[]> = [indexPages, dayPages, archivePages, categoryPages, tagPages, assetPages, notFoundPages, searchPages]

/** Every HTML page the build writes for these briefs, without rendering them. */
export function sitePages(published: readonly PublishedBrief[], config: Config, cards?: CardMemo): SitePage[] {
  return pagesOf({...siteContext(published, config), cards})
}

/** Every HTML page of the site of `context`, without rendering them. */
export function pagesOf(context: SiteContext): SitePage[] {
  return PAGE_BUILDERS.flatMap((build) => build(context))
}

/** Site-relative URLs of every HTML page (`''`, `page/2/`, `2026/11/20/`, `404.html`, …). */
export function siteUrls(published: readonly PublishedBrief[], config: Config): string[] {
  return sitePages(published, config).map((page) => page.url)
}


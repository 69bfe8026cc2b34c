import {type SitePage, type SiteContext} from '../page-model.js'
import {groupPages, type BriefGroup} from './grouped.js'

/**
 * Per category with briefs, `category/<slug>/index.html` and
 * `category/<slug>/<year>/index.html` (see groupPages).
 */
export function categoryPages(context: SiteContext): SitePage[] {
  return categoryGroups(context).flatMap((group) => groupPages(context, group))
}

/** Every category with briefs, with its briefs newest first. */
export function categoryGroups(context: SiteContext): BriefGroup[] {
  return [...context.categories].map(([category, folder]) => ({
    kind: 'category',
    name: category,
    folder,
    items: context.newestFirst.filter((item) => item.category === category),
    title: `Category: ${category}`,
    describe: (year) => (year ? `Every brief of ${year} filed under ${category}.` : `Every brief filed under ${category}.`)
  }))
}

import {tagsIndexPage} from '../../../templates/tags-page.js'
import {compare} from '../compare.js'
import {pageLink} from '../paths.js'
import {TAGS_FOLDER} from '../tag-folders.js'
import {type SitePage, type SiteContext, folderPage} from '../page-model.js'
import {shell} from '../../../templates/layout.js'
import {groupPages, type BriefGroup} from './grouped.js'

/**
 * `tag/index.html`, every tag with its count (when briefs have tags); and per tag, `tag/<slug>/`
 * and its years, like a category's pages (see groupPages). Tags that slug
 * alike share a page (src/render/tag-folders.ts).
 */
export function tagPages(context: SiteContext): SitePage[] {
  const link = (to: string) => pageLink(TAGS_FOLDER, to)
  const byUse = tagsByUse(context)
  // No tags, no list of them.
  if (byUse.length === 0) return []
  return [
    folderPage('tags', TAGS_FOLDER, context.newestFirst[0]?.date, () =>
      shell(context, {
        kind: 'tags',
        folder: TAGS_FOLDER,
        title: 'Tags',
        description: 'Every tag of the briefs, with its briefs.',
        breadcrumbs: [{label: 'Home', href: link('')}, {label: 'Tags'}],
        main: tagsIndexPage({tags: byUse.map((group) => ({label: group.label, href: link(group.folder), count: group.items.length}))})
      })
    ),
    ...tagBriefGroups(context).flatMap((group) => groupPages(context, group))
  ]
}

/** Every tag's page, most used first (ties in code-unit order of their names). */
export function tagsByUse(context: SiteContext) {
  return [...context.tags.values()].sort((a, b) => b.items.length - a.items.length || compare(a.label, b.label))
}

/** Every tag's page, with its briefs newest first. */
export function tagBriefGroups(context: SiteContext): BriefGroup[] {
  return [...context.tags.values()].map((group) => ({
    kind: 'tag',
    name: group.label,
    folder: group.folder,
    items: group.items,
    title: `Tag: ${group.label}`,
    describe: (year) => (year ? `Every brief of ${year} tagged ${group.label}.` : `Every brief tagged ${group.label}.`),
    parents: [{label: 'Tags', folder: TAGS_FOLDER}]
  }))
}

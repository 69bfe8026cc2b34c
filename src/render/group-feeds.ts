import type {SiteContext, PublishedBrief} from './page-model.js'
import type {FeedHead} from './feeds.js'
import {categoryGroups} from './pages/categories.js'
import {GROUP_FEED_FILE} from './pages/grouped.js'
import {tagBriefGroups} from './pages/tags.js'

/**
 * The Atom feeds of the parts of the site that have a page: every category,
 * every tag and every asset (the briefs that quote it), each beside its
 * page: `category/<slug>/feed.xml`, `tag/<slug>/feed.xml`,
 * `assets/<symbol>/feed.xml`. Items newest first.
 */
export function groupFeeds(context: SiteContext): Array<{head: FeedHead; items: readonly PublishedBrief[]}> {
  const feed = (page: string, title: string, items: readonly PublishedBrief[]) => ({head: {path: `${page}${GROUP_FEED_FILE}`, page, title}, items})
  return [
    ...[...categoryGroups(context), ...tagBriefGroups(context)].map((group) => feed(group.folder, group.title, group.items)),
    ...context.assets.map((asset) => feed(asset.folder, assetTitle(asset), asset.quotes.map(({item}) => item)))
  ]
}

/** "Bitcoin (BTC)": an asset page's title and its feed's. */
export function assetTitle(asset: {name: string; symbol: string}): string {
  return `${asset.name} (${asset.symbol})`
}

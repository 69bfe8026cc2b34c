/**
 * The search index in tiers: Pagefind has no incremental mode, so the day
 * pages are split into separate Pagefind bundles by date, anchored on the
 * newest published brief, and a build indexes again only the tiers whose
 * days changed. Adding the next day touches only the smallest tier.
 *
 *   month: days of the newest brief's month  → `pagefind/` (the primary bundle, with Pagefind's UI)
 *   year:  earlier days of that year         → `pagefind/year/`
 *   2025, 2024, …: each earlier year         → `pagefind/older/2025/`, …
 *
 * An earlier year's bundle never changes once the year is over, unless one
 * of its briefs does: the first brief of a new year indexes the year just
 * ended (at most 365 pages) rather than the whole archive, and no Pagefind
 * index ever holds more than a year of pages, which bounds its memory
 * (one bundle of 4,000 pages took Pagefind 3.4-4 GiB).
 *
 * The search page searches every bundle and merges the results, newest tier
 * first (templates/search-bundles.js).
 */
import {createHash} from 'node:crypto'
import type {PublishedBrief} from './page-model.js'

/** Site-relative folder of the primary bundle: Pagefind's UI, and the newest tier's index. */
export const PAGEFIND_FOLDER = 'pagefind/'

export interface SearchTier {
  /** `month`, `year`, or an earlier year (`2025`). */
  name: string
  /** Site-relative folder of the tier's bundle. */
  folder: string
  /** The tier's days, oldest first. */
  items: PublishedBrief[]
}

/**
 * The tiers of these briefs (oldest first, as `selectBriefs` orders them),
 * newest tier first: the order in which the search page lists results by
 * date. The primary tier is always there, empty when nothing is published,
 * so the search page always has a bundle to load; the others only when they
 * hold a day.
 */
export function searchTiers(published: readonly PublishedBrief[]): SearchTier[] {
  const newest = published.at(-1)?.date ?? ''
  const month: SearchTier = {name: 'month', folder: PAGEFIND_FOLDER, items: []}
  const year: SearchTier = {name: 'year', folder: `${PAGEFIND_FOLDER}year/`, items: []}
  const earlier = new Map<string, SearchTier>()
  for (const item of published) {
    if (item.date.slice(0, 7) === newest.slice(0, 7)) month.items.push(item)
    else if (item.date.slice(0, 4) === newest.slice(0, 4)) year.items.push(item)
    else {
      const name = item.date.slice(0, 4)
      let tier = earlier.get(name)
      if (!tier) earlier.set(name, (tier = {name, folder: `${PAGEFIND_FOLDER}older/${name}/`, items: []}))
      tier.items.push(item)
    }
  }
  const older = [...earlier.values()].sort((a, b) => (a.name < b.name ? 1 : -1))
  return [month, ...(year.items.length > 0 ? [year] : []), ...older]
}

/**
 * What a tier's bundle is made of: its days' content keys and pages (a
 * brief's key covers its text, the config and Briefpress's code, so its
 * title, date, category, tags and body), never the previous/next links
 * around them, which Pagefind does not index; plus Pagefind's version and
 * options. Undefined without the cache (no content keys): the tier is then
 * always indexed.
 */
export function searchTierKey(tier: SearchTier, indexer: unknown): string | undefined {
  const days: string[] = []
  for (const item of tier.items) {
    const key = item.brief.file.data.briefKey
    if (typeof key !== 'string' || key === '') return undefined
    days.push(`${key}@${item.folder}`)
  }
  return `search:${createHash('sha256').update(JSON.stringify([tier.name, tier.folder, indexer, days])).digest('hex')}`
}

/**
 * The search index in tiers: Pagefind has no incremental mode, so the day
 * pages are split into a few separate Pagefind bundles by date, anchored on
 * the newest published brief, and a build indexes again only the tiers whose
 * days changed. Adding the next day touches only the smallest tier.
 *
 *   month: days of the newest brief's month  → `pagefind/` (the primary bundle, with Pagefind's UI)
 *   year:  earlier days of that year         → `pagefind/year/`
 *   older: every earlier year                → `pagefind/older/`
 *
 * The search page searches every bundle and merges the results
 * (templates/search-bundles.js).
 */
import {createHash} from 'node:crypto'
import type {PublishedBrief} from './site.js'

/** Site-relative folder of the primary bundle: Pagefind's UI, and the newest tier's index. */
export const PAGEFIND_FOLDER = 'pagefind/'

export type SearchTierName = 'month' | 'year' | 'older'

export interface SearchTier {
  name: SearchTierName
  /** Site-relative folder of the tier's bundle. */
  folder: string
  /** The tier's days, oldest first. */
  items: PublishedBrief[]
}

const FOLDERS: Record<SearchTierName, string> = {month: PAGEFIND_FOLDER, year: `${PAGEFIND_FOLDER}year/`, older: `${PAGEFIND_FOLDER}older/`}

/**
 * The tiers of these briefs (oldest first, as `selectBriefs` orders them),
 * newest tier first. The primary tier is always there, empty when nothing is
 * published, so the search page always has a bundle to load; the others
 * only when they hold a day.
 */
export function searchTiers(published: readonly PublishedBrief[]): SearchTier[] {
  const newest = published.at(-1)?.date ?? ''
  const tiers: SearchTier[] = (['month', 'year', 'older'] as const).map((name) => ({name, folder: FOLDERS[name], items: []}))
  const [month, year, older] = tiers as [SearchTier, SearchTier, SearchTier]
  for (const item of published) {
    if (item.date.slice(0, 7) === newest.slice(0, 7)) month.items.push(item)
    else if (item.date.slice(0, 4) === newest.slice(0, 4)) year.items.push(item)
    else older.items.push(item)
  }
  return tiers.filter((tier) => tier === month || tier.items.length > 0)
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

// `search/pagefind.js`: what Pagefind's UI loads as Pagefind (its bundlePath
// is this folder). The index is split into tiers by date, each its own
// Pagefind bundle (src/render/search-tiers.ts), merged into the primary
// bundle's results with Pagefind's `mergeIndex`. This module passes
// everything to Pagefind and mends one thing: with a sort, Pagefind scores a
// result by its rank within its own bundle and merges bundles by score,
// which interleaves the tiers' days instead of ordering them by date. So a
// date-sorted search runs once per tier (each bundle tagged with a hidden
// filter, `mergeFilter`) and the tiers follow each other, newest first or
// oldest first, each already in date order.
import * as pagefind from '../pagefind/pagefind.js'

/** The hidden filter naming each bundle's tier: `0` for the primary bundle, then the merged ones in order. */
const TIER = 'tier'
let tiers = 1
/** The UI's options (baseUrl, excerptLength…), given to the merged bundles too, so that every tier's results look alike. */
let settings = {}
/**
 * A new sort order makes a new UI, which starts before the old one's
 * Pagefind is gone: it waits, or Pagefind would drop its merged bundles.
 */
let destroyed = Promise.resolve()

export async function options(given) {
  await destroyed
  settings = {...settings, ...given}
  await pagefind.options({...given, mergeFilter: {[TIER]: '0'}})
}

export async function mergeIndex(bundlePath, given = {}) {
  await destroyed
  await pagefind.mergeIndex(bundlePath, {...settings, ...given, mergeFilter: {[TIER]: String(tiers++)}})
}

export const init = () => pagefind.init()
export const preload = (term, given) => pagefind.preload(term, given)

export async function filters() {
  return withoutTier(await pagefind.filters())
}

export async function search(term, given = {}) {
  const date = given.sort?.date
  if (!date) return withoutTiers(await pagefind.search(term, given))
  const order = Array.from({length: tiers}, (_, tier) => String(tier))
  if (date === 'asc') order.reverse()
  const found = await Promise.all(order.map((tier) => pagefind.search(term, {...given, filters: {...given.filters, [TIER]: tier}})))
  return withoutTiers({
    results: found.flatMap((part) => part.results),
    unfilteredResultCount: found[0].unfilteredResultCount,
    // Each part counts its own tier's results; every part saw every bundle unfiltered.
    filters: addCounts(found.map((part) => part.filters)),
    totalFilters: found[0].totalFilters,
    timings: found.map((part) => part.timings)
  })
}

export async function destroy() {
  tiers = 1
  settings = {}
  destroyed = pagefind.destroy()
  await destroyed
}

function withoutTiers(response) {
  return {...response, filters: withoutTier(response.filters), totalFilters: withoutTier(response.totalFilters)}
}

function withoutTier(counts) {
  const {[TIER]: _tier, ...rest} = counts ?? {}
  return rest
}

/** Filter counts added up by filter and value. */
function addCounts(all) {
  const sum = {}
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts ?? {})) {
      sum[filter] ??= {}
      for (const [value, count] of Object.entries(values)) sum[filter][value] = (sum[filter][value] ?? 0) + count
    }
  }
  return sum
}

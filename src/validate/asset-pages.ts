import type {Config} from '../config/schema.js'

/** Assets that always get a page, whatever the limits. */
export const MAIN_ASSETS = ['BTC', 'ETH', 'SOL'] as const

/**
 * Which assets get pages of their own: the main ones always; any other
 * priced on at least `assetPages.minDays` days (`qualified` counts them),
 * and of those the `assetPages.max` priced on the most days (then by symbol).
 * Shared by the pages (src/render/page-model.ts) and `asset-page-limit`,
 * which names the assets left out, so that both always agree.
 */
export function assetsWithPages(daysBySymbol: ReadonlyMap<string, number>, limits: Config['assetPages']): {kept: Set<string>; overMax: Set<string>; qualified: number} {
  const qualified = [...daysBySymbol]
    .filter(([symbol, days]) => days >= limits.minDays && !(MAIN_ASSETS as readonly string[]).includes(symbol))
    .sort(([a, daysA], [b, daysB]) => daysB - daysA || (a < b ? -1 : a > b ? 1 : 0))
  const kept = new Set<string>([...MAIN_ASSETS, ...qualified.slice(0, limits.max).map(([symbol]) => symbol)])
  return {kept, overMax: new Set(qualified.slice(limits.max).map(([symbol]) => symbol)), qualified: qualified.length}
}

/**
 * Numbers for readers, formatted by hand (no `Intl`): the output must be
 * byte-identical on every machine, whatever its locale. Prices use
 * `formatUsd` from chart-data, so the chart and the panel agree.
 */
export {formatUsd as usd} from './chart-data.js'

/** Large amounts: `1.37e9` → `$1.37B`, `713.4e6` → `$713.4M`. */
export function usdCompact(value: number): string {
  const size = Math.abs(value)
  const sign = value < 0 ? '−' : ''
  for (const [unit, factor] of [['T', 1e12], ['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (size >= factor) return `${sign}$${Number((size / factor).toFixed(2))}${unit}`
  }
  return `${sign}$${Number(size.toFixed(2))}`
}

/** `-3.2` → `−3.2%`, `1.45` → `+1.45%` (a real minus sign, and always a sign). */
export function percent(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Number(Math.abs(value).toFixed(2))}%`
}

export type Trend = 'up' | 'down' | 'flat'

export function trendOf(low: number, high: number = low): Trend {
  if (low > 0 && high > 0) return 'up'
  if (low < 0 && high < 0) return 'down'
  return 'flat'
}

import {PRICE_BANDS} from './assets.js'
import type {MarketData, Withheld} from './types.js'

/**
 * Bounds outside which a figure is far more likely a misreading or a typo
 * than a fact: such a figure is kept off the panel and the data, and reported
 * (`implausible-value`) so that the author can look. A dash beats a wrong number.
 */
const BOUNDS = {
  /** A 24h move of a major asset beyond ±50%. */
  change24hPct: 50,
  /** A day's high more than 20% above its low. */
  rangeSpread: 0.2,
  /** 24h liquidations across the market (the record is about $19B, once). */
  liquidationsUsd: 10e9,
  /** Total crypto market cap. */
  marketCapUsd: [0.5e12, 10e12] as const,
  /** One day's net flow of one asset's spot ETFs. */
  etfFlowUsd: 3e9,
  /** Bitcoin's share of the total market cap (its dominance has stayed within these since 2017). */
  btcDominance: [0.35, 0.75] as const,
  /** Bitcoin in circulation, to turn its price into its market cap (19.9M in 2026; the bound is loose). */
  btcSupply: 19.9e6
}

/** Removes implausible figures from `data` and lists them in `data.withheld`. */
export function withholdImplausible(data: MarketData): MarketData {
  const withheld: Withheld[] = [...data.withheld]
  const hold = (field: string, value: string, line: number, expected: string) => withheld.push({field, value, line, reason: 'implausible', expected})
  for (const quote of data.prices) {
    const change = quote.change24hRange ?? (quote.change24hPct !== undefined ? [quote.change24hPct] : [])
    const extreme = change.find((value) => Math.abs(value) > BOUNDS.change24hPct)
    if (extreme !== undefined) {
      hold(`${quote.symbol} 24h change`, `${extreme}%`, quote.line, `at most ±${BOUNDS.change24hPct}%`)
      delete quote.change24hPct
      delete quote.change24hRange
    }
    if (quote.range && quote.range[1] > quote.range[0] * (1 + BOUNDS.rangeSpread)) {
      hold(`${quote.symbol} range`, `${quote.range[0]}–${quote.range[1]}`, quote.line, `a day's range within ${BOUNDS.rangeSpread * 100}% of its low`)
      delete quote.range
    }
    // A price outside what the asset trades at ("66.900 $" read as 66.9) is a misreading.
    const band = PRICE_BANDS[quote.symbol]
    const levels = [quote.price, ...(quote.range ?? [])].filter((value) => value !== undefined)
    if (band && levels.some((value) => value < band[0] || value > band[1])) {
      hold(`${quote.symbol} price`, levels.join('–'), quote.line, `between ${band[0]} and ${band[1]}`)
      delete quote.price
      delete quote.range
    }
    // The brief contradicts itself: a price outside the range it states beside it.
    if (quote.price !== undefined && quote.range && (quote.price < quote.range[0] * 0.97 || quote.price > quote.range[1] * 1.03)) {
      hold(`${quote.symbol} price`, String(quote.price), quote.line, `within the day's range ${quote.range[0]}–${quote.range[1]} it states`)
      delete quote.price
      delete quote.range
    }
  }
  const prices = data.prices.filter((quote) => Object.keys(quote).some((key) => key === 'price' || key === 'range' || key.startsWith('change')))
  const liquidations = data.liquidations.filter((item) => {
    if (item.amountUsd <= BOUNDS.liquidationsUsd) return true
    hold('24h liquidations', usd(item.amountUsd), item.line, `at most ${usd(BOUNDS.liquidationsUsd)}`)
    return false
  })
  const etfFlows = data.etfFlows.filter((flow) => {
    if (flow.amountUsd <= BOUNDS.etfFlowUsd) return true
    hold(`${flow.asset} ETF flow`, usd(flow.amountUsd), flow.line, `at most ${usd(BOUNDS.etfFlowUsd)} in a day`)
    return false
  })
  const result: MarketData = {...data, prices, liquidations, etfFlows, withheld}
  const cap = data.marketCap?.usd ?? data.marketCap?.usdRange?.[0]
  if (data.marketCap && cap !== undefined && (cap < BOUNDS.marketCapUsd[0] || cap > BOUNDS.marketCapUsd[1])) {
    hold('total market cap', usd(cap), data.marketCap.line, `between ${usd(BOUNDS.marketCapUsd[0])} and ${usd(BOUNDS.marketCapUsd[1])}`)
    delete result.marketCap
  }
  // Bitcoin's own cap must be a plausible share of the total: a stablecoin cap or Bitcoin's cap read as the total fails.
  // The cap is withheld, not the price: withholding both was measured to lose right prices and catch no wrong one
  // (a stale price is day-over-day's to report).
  const btc = result.prices.find((quote) => quote.symbol === 'BTC')
  const btcPrice = btc?.price ?? (btc?.range ? (btc.range[0] + btc.range[1]) / 2 : undefined)
  if (result.marketCap && cap !== undefined && btcPrice !== undefined) {
    const share = (btcPrice * BOUNDS.btcSupply) / cap
    if (share < BOUNDS.btcDominance[0] || share > BOUNDS.btcDominance[1]) {
      // The author is told both figures: either may be the wrong one (a stale price, a stablecoin cap).
      const price = `$${btcPrice.toLocaleString('en-US')}`
      hold('total market cap', usd(cap), result.marketCap.line, `a total that gives Bitcoin, at the ${price} this brief states, ${BOUNDS.btcDominance[0] * 100}–${BOUNDS.btcDominance[1] * 100}% of it (here ${percentOf(share)}): one of the two figures is wrong`)
      delete result.marketCap
    }
  }
  return result
}

function usd(value: number): string {
  for (const [unit, factor] of [['T', 1e12], ['B', 1e9], ['M', 1e6]] as const) if (value >= factor) return `$${Number((value / factor).toFixed(2))}${unit}`
  return `$${value}`
}

/** A share as a percentage, with a decimal when the whole number would be the bound it broke ("here 75.4%", not "here 75%"). */
function percentOf(share: number): string {
  const whole = Math.round(share * 100)
  return BOUNDS.btcDominance.some((bound) => whole === Math.round(bound * 100)) ? `${(share * 100).toFixed(1)}%` : `${whole}%`
}

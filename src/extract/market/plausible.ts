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
  withholdInconsistent(result, hold)
  return result
}

/**
 * How many times one asset's price is another's, as markets have had it (loose: a pair outside is a misreading,
 * such as "a 1 700 USD band" read as Bitcoin's price). ETH/BTC has stayed within 0.0125–0.17, SOL/BTC within 0.0002–0.01.
 */
const RATIOS: Record<string, readonly [number, number]> = {'BTC/ETH': [6, 80], 'BTC/SOL': [100, 5000], 'ETH/SOL': [3, 300]}

/**
 * The day's prices and total cap must fit together. A figure at odds with two or more others that agree with each
 * other is the wrong one and is withheld; a pair at odds with no third to decide loses the figure more often
 * misread: the cap beside Bitcoin's price (a stablecoin cap, Bitcoin's own cap), both prices of two assets.
 */
function withholdInconsistent(data: MarketData, hold: (field: string, value: string, line: number, expected: string) => void): void {
  interface Figure {name: string; field: string; value: number; written: string; line: number; remove(): void}
  const figures: Figure[] = []
  const add = (name: string, field: string, line: number, format: (value: number) => string, remove: () => void, point?: number, range?: [number, number]) => {
    const value = point ?? (range ? (range[0] + range[1]) / 2 : undefined)
    if (value !== undefined) figures.push({name, field, value, written: point !== undefined ? format(point) : range!.map(format).join('–'), line, remove})
  }
  for (const quote of data.prices.filter((item) => ['BTC', 'ETH', 'SOL'].includes(item.symbol))) {
    add(quote.symbol, `${quote.symbol} price`, quote.line, (value) => `$${value.toLocaleString('en-US')}`, () => { delete quote.price; delete quote.range }, quote.price, quote.range)
  }
  const cap = data.marketCap
  if (cap) add('CAP', 'total market cap', cap.line, usd, () => delete data.marketCap, cap.usd, cap.usdRange)
  /** Whether two figures fit together; undefined when nothing relates them (Ether's price and the cap). */
  const fits = (a: Figure, b: Figure): boolean | undefined => {
    if (a.name === 'CAP' || b.name === 'CAP') {
      const [btc, total] = a.name === 'BTC' ? [a, b] : [b, a]
      if (btc.name !== 'BTC') return undefined
      const share = (btc.value * BOUNDS.btcSupply) / total.value
      return share >= BOUNDS.btcDominance[0] && share <= BOUNDS.btcDominance[1]
    }
    const [first, second] = `${a.name}/${b.name}` in RATIOS ? [a, b] : [b, a]
    const bounds = RATIOS[`${first.name}/${second.name}`]
    return bounds && first.value / second.value >= bounds[0] && first.value / second.value <= bounds[1]
  }
  const withheld = new Set<Figure>()
  const odds = (figure: Figure) => figures.filter((other) => other !== figure && !withheld.has(other) && fits(figure, other) === false)
  const withhold = (figure: Figure, expected: string) => {
    withheld.add(figure)
    hold(figure.field, figure.written, figure.line, expected)
    figure.remove()
  }
  const named = (figure: Figure) => (figure.name === 'CAP' ? `a total cap of ${figure.written}` : `${figure.name} at ${figure.written}`)
  // The odd one out: at odds with two or more figures that are at odds with nothing else.
  for (const figure of figures) {
    const against = odds(figure)
    if (against.length >= 2 && against.every((other) => odds(other).length === 1)) {
      withhold(figure, `a figure in line with the brief's others (${against.map(named).join(', ')}), which agree with each other`)
    }
  }
  for (const figure of figures) {
    for (const other of withheld.has(figure) ? [] : odds(figure)) {
      if (figure.name === 'BTC' && other.name === 'CAP') {
        // The author is told both figures: either may be the wrong one (a stale price, a stablecoin cap).
        const share = (figure.value * BOUNDS.btcSupply) / other.value
        withhold(other, `a total that gives Bitcoin, at the ${figure.written} this brief states, ${BOUNDS.btcDominance[0] * 100}–${BOUNDS.btcDominance[1] * 100}% of it (here ${percentOf(share)}): one of the two figures is wrong`)
      } else if (figure.name !== 'CAP' && other.name !== 'CAP') {
        // Two prices at odds, and nothing to tell which is wrong: both go.
        withhold(figure, `a price in line with ${named(other)}: one of the two is wrong`)
        withhold(other, `a price in line with ${named(figure)}: one of the two is wrong`)
        break
      }
    }
  }
  data.prices = data.prices.filter((quote) => Object.keys(quote).some((key) => key === 'price' || key === 'range' || key.startsWith('change')))
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

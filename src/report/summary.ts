import type {Brief} from '../brief.js'

export interface Coverage {
  briefs: number
  btcPrice: number
  btcChange: number
  marketCap: number
  fearGreed: number
  liquidations: number
  etfFlows: number
  headlines: number
  headlinesWithSeverity: number
  briefsWithHeadlines: number
}

/** How much structured data the archive's briefs yielded (`check --summary`). */
export function coverage(briefs: readonly Brief[]): Coverage {
  const result: Coverage = {briefs: briefs.length, btcPrice: 0, btcChange: 0, marketCap: 0, fearGreed: 0, liquidations: 0, etfFlows: 0, headlines: 0, headlinesWithSeverity: 0, briefsWithHeadlines: 0}
  for (const brief of briefs) {
    const market = brief.extracted?.market
    if (!market) continue
    const btc = market.prices.find((quote) => quote.symbol === 'BTC')
    if (btc && (btc.price !== undefined || btc.range)) result.btcPrice++
    if (btc && (btc.change24hPct !== undefined || btc.change24hRange)) result.btcChange++
    if (market.marketCap && (market.marketCap.usd !== undefined || market.marketCap.usdRange)) result.marketCap++
    if (market.fearGreed !== undefined || market.fearGreedRange) result.fearGreed++
    if (market.liquidations.length > 0) result.liquidations++
    if (market.etfFlows.length > 0) result.etfFlows++
    const headlines = brief.extracted!.headlines
    if (headlines.length > 0) result.briefsWithHeadlines++
    result.headlines += headlines.length
    result.headlinesWithSeverity += headlines.filter((headline) => headline.severity).length
  }
  return result
}

export function formatCoverage(c: Coverage): string {
  const row = (label: string, count: number, of: number, unit = 'briefs') =>
    `  ${label.padEnd(24)} ${String(count).padStart(5)} of ${String(of).padEnd(5)} ${unit.padEnd(9)} ${of === 0 ? '' : `${((count / of) * 100).toFixed(1).padStart(5)}%`}`
  return [
    `Coverage of ${c.briefs} briefs:`,
    row('BTC price or range', c.btcPrice, c.briefs),
    row('BTC 24h change', c.btcChange, c.briefs),
    row('Total market cap', c.marketCap, c.briefs),
    row('Fear & Greed', c.fearGreed, c.briefs),
    row('Liquidations', c.liquidations, c.briefs),
    row('ETF flows', c.etfFlows, c.briefs),
    row('Top headlines', c.briefsWithHeadlines, c.briefs),
    row('Headline severities', c.headlinesWithSeverity, c.headlines, 'headlines'),
    ''
  ].join('\n')
}

import type {Brief} from '../brief.js'
import type {MarketData} from '../extract/market/types.js'

/** The figures `check --summary` counts, each as "briefs that show it". */
const FIELDS: ReadonlyArray<[label: string, shown: (market: MarketData) => boolean]> = [
  ['BTC price or range', (m) => quote(m, 'BTC', 'level')],
  ['BTC 24h change', (m) => quote(m, 'BTC', 'change')],
  ['ETH price or range', (m) => quote(m, 'ETH', 'level')],
  ['ETH 24h change', (m) => quote(m, 'ETH', 'change')],
  ['SOL price or range', (m) => quote(m, 'SOL', 'level')],
  ['SOL 24h change', (m) => quote(m, 'SOL', 'change')],
  ['Total market cap', (m) => m.marketCap?.usd !== undefined || m.marketCap?.usdRange !== undefined],
  ['Fear & Greed', (m) => m.fearGreed !== undefined || m.fearGreedRange !== undefined],
  ['Liquidations (24h)', (m) => m.liquidations.length > 0],
  ['ETF flows', (m) => m.etfFlows.length > 0]
]

function quote(market: MarketData, symbol: string, part: 'level' | 'change'): boolean {
  const found = market.prices.find((item) => item.symbol === symbol)
  if (!found) return false
  return part === 'level' ? found.price !== undefined || found.range !== undefined : found.change24hPct !== undefined || found.change24hRange !== undefined
}

export interface Coverage {
  briefs: number
  /** Briefs showing each field, in `FIELDS` order. */
  fields: Array<{label: string; count: number}>
  headlines: number
  headlinesWithSeverity: number
  briefsWithHeadlines: number
  /** Figures named but not placed (unread-figure, unparsed-price), by field. */
  abstained: Record<string, number>
  /** Figures read but withheld as out of bounds (implausible-value). */
  withheld: number
}

/** How much structured data the archive's briefs yielded, and what was left out (`check --summary`). */
export function coverage(briefs: readonly Brief[]): Coverage {
  const counts = FIELDS.map(() => 0)
  const result: Coverage = {briefs: briefs.length, fields: [], headlines: 0, headlinesWithSeverity: 0, briefsWithHeadlines: 0, abstained: {}, withheld: 0}
  for (const brief of briefs) {
    const market = brief.extracted?.market
    if (!market) continue
    FIELDS.forEach(([, shown], index) => {
      if (shown(market)) counts[index]!++
    })
    for (const item of market.unread) result.abstained[item.field] = (result.abstained[item.field] ?? 0) + 1
    for (const item of market.unparsed) result.abstained[`${item.symbol} price`] = (result.abstained[`${item.symbol} price`] ?? 0) + 1
    result.withheld += market.withheld.length
    const headlines = brief.extracted!.headlines
    if (headlines.length > 0) result.briefsWithHeadlines++
    result.headlines += headlines.length
    result.headlinesWithSeverity += headlines.filter((headline) => headline.severity).length
  }
  result.fields = FIELDS.map(([label], index) => ({label, count: counts[index]!}))
  return result
}

export function formatCoverage(c: Coverage): string {
  const row = (label: string, count: number, of: number, unit = 'briefs') =>
    `  ${label.padEnd(24)} ${String(count).padStart(5)} of ${String(of).padEnd(5)} ${unit.padEnd(9)} ${of === 0 ? '' : `${((count / of) * 100).toFixed(1).padStart(5)}%`}`
  const abstained = Object.entries(c.abstained).sort(([a], [b]) => a.localeCompare(b))
  return [
    `Coverage of ${c.briefs} briefs:`,
    ...c.fields.map((field) => row(field.label, field.count, c.briefs)),
    row('Top headlines', c.briefsWithHeadlines, c.briefs),
    row('Headline severities', c.headlinesWithSeverity, c.headlines, 'headlines'),
    `Not shown (a dash on the panel rather than a guess):`,
    `  ${'withheld, out of bounds'.padEnd(24)} ${String(c.withheld).padStart(5)} figures (implausible-value)`,
    ...(abstained.length === 0 ? ['  nothing named and left unread'] : abstained.map(([field, count]) => `  ${`${field}, unread`.padEnd(24)} ${String(count).padStart(5)} briefs (unread-figure, unparsed-price)`)),
    ''
  ].join('\n')
}

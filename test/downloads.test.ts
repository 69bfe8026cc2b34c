import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {BriefData} from '../src/data/brief-data-schema.js'
import {daySummarySchema, summarize, type DaySummary} from '../src/data/day-summary.js'
import {briefsJson, downloadFiles, plainNumber, PRICE_COLUMNS, pricesCsv} from '../src/render/downloads.js'

/** A day's data as the extractor produces it; prices vary per test. */
function brief(date: string, prices: BriefData['prices'], extra: Partial<BriefData> = {}): BriefData {
  return {
    date,
    title: `Crypto brief ${date}`,
    category: 'crypto',
    url: `${date.replaceAll('-', '/')}/`,
    prices,
    liquidations: [],
    etfFlows: [],
    headlines: [],
    citations: [],
    evidence: {},
    ...extra
  }
}

const nov20 = brief('2026-11-20', [
  {asset: 'Ethereum', symbol: 'ETH', price: 3120.4, change24hPct: -2.1, line: 12},
  {asset: 'Bitcoin', symbol: 'BTC', range: [103500, 104900], change24hRange: [-1.5, 0.75], line: 11}
])
const nov19 = brief('2026-11-19', [
  {asset: 'Bitcoin', symbol: 'BTC', price: 104250.5, change24hPct: 3, line: 9},
  {asset: 'Shiba Inu', symbol: 'SHIB', price: 0.00000123, line: 10}
])
const nov21 = brief('2026-11-21', [], {fearGreed: 44})

describe('prices.csv', () => {
  it('has one row per brief and asset, by date then symbol, with empty cells for what was not stated', () => {
    expect(pricesCsv([nov20, nov21, nov19]).split('\r\n')).toEqual([
      'date,symbol,asset,price,range_low,range_high,change24h_pct,change24h_low,change24h_high',
      '2026-11-19,BTC,Bitcoin,104250.5,,,3,,',
      '2026-11-19,SHIB,Shiba Inu,0.00000123,,,,,',
      '2026-11-20,BTC,Bitcoin,,103500,104900,,-1.5,0.75',
      '2026-11-20,ETH,Ethereum,3120.4,,,-2.1,,',
      ''
    ])
  })

  it('quotes fields the RFC 4180 way when they hold a comma, a quote or a line break', () => {
    const csv = pricesCsv([brief('2026-11-20', [{asset: 'Wrapped "Bitcoin", bridged', symbol: 'WBTC', price: 104000, line: 3}])])
    expect(csv.split('\r\n')[1]).toBe('2026-11-20,WBTC,"Wrapped ""Bitcoin"", bridged",104000,,,,,')
  })

  it('is only a header for an archive without prices', () => {
    expect(pricesCsv([nov21])).toBe('date,symbol,asset,price,range_low,range_high,change24h_pct,change24h_low,change24h_high\r\n')
  })

  it('keeps two quotes of one symbol in one brief in line order', () => {
    const csv = pricesCsv([brief('2026-11-20', [
      {asset: 'Bitcoin', symbol: 'BTC', price: 2, line: 30},
      {asset: 'Bitcoin', symbol: 'BTC', price: 1, line: 8}
    ])])
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['2026-11-20,BTC,Bitcoin,1,,,,,', '2026-11-20,BTC,Bitcoin,2,,,,,'])
  })
})

describe('plainNumber', () => {
  it('writes digits without exponent, grouping or locale', () => {
    expect(plainNumber(1.2e-7)).toBe('0.00000012')
    expect(plainNumber(-4.56e-9)).toBe('-0.00000000456')
    expect(plainNumber(1.5e21)).toBe('1500000000000000000000')
    expect(plainNumber(2.5e12)).toBe('2500000000000')
    expect(plainNumber(-0.000001)).toBe('-0.000001')
    expect(plainNumber(104250.5)).toBe('104250.5')
    expect(() => plainNumber(Number.NaN)).toThrow(/finite/)
  })

  it('round-trips: the digits read back as the same number', () => {
    for (const value of [1.2345678901234567e-10, 9.87e-7, 3.3e25, 0.1 + 0.2, 123456789.123]) {
      expect(Number(plainNumber(value))).toBe(value)
      expect(plainNumber(value)).not.toMatch(/e/i)
    }
  })
})

describe('briefs.json', () => {
  const headline = (title: string, severity: BriefData['headlines'][number]['severity']) => ({title, severity, citations: ['1'], line: 20})
  const withHeadlines = brief('2026-11-18', [], {
    headlines: [headline('Exchange hack', 'high'), headline('ETF filing', 'critical'), headline('Quiet day', 'low')],
    citations: [{label: '1', url: 'https://example.com/a', referenced: true, hiddenOnly: false}]
  })

  it("is every day's summary, oldest first, valid against the published schema", () => {
    const data = JSON.parse(briefsJson([nov20, nov21, nov19].map(summarize))) as DaySummary[]
    expect(data.map((day) => day.date)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21'])
    for (const day of data) expect(daySummarySchema.safeParse(day).success).toBe(true)
    expect(data[2]).toEqual({...summarize(nov21), headlineCount: 0, citationCount: 0, data: '2026/11/21/brief.json'})
    // The figures' evidence is the day page's and its brief.json's, not written to the index of every day.
    expect(data[2]).not.toHaveProperty('evidence')
  })

  it("keeps the figures, and of headlines and citations only counts, the top severity and a link to the day's brief.json", () => {
    const [day] = JSON.parse(briefsJson([summarize(withHeadlines)])) as DaySummary[]
    expect(day).toMatchObject({date: '2026-11-18', topSeverity: 'critical', headlineCount: 3, citationCount: 1, data: '2026/11/18/brief.json'})
    expect(day).not.toHaveProperty('headlines')
    expect(day).not.toHaveProperty('citations')
    expect(summarize(nov19)).not.toHaveProperty('topSeverity')
  })

  it('writes keys in the schema order, whatever order the object was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(summarize(withHeadlines)).reverse()) as DaySummary
    expect(briefsJson([shuffled])).toBe(briefsJson([summarize(withHeadlines)]))
    expect(Object.keys(JSON.parse(briefsJson([shuffled]))[0])).toEqual(['date', 'title', 'category', 'url', 'prices', 'liquidations', 'etfFlows', 'topSeverity', 'headlineCount', 'citationCount', 'data'])
  })

  it('refuses data that breaks the schema rather than publish it: no summary is made of it', () => {
    expect(() => summarize(brief('2026-11-20', [{asset: 'Bitcoin', symbol: 'btc', price: 1, line: 1}]))).toThrow(/symbol/)
    expect(() => summarize(brief('2026-11-20', [], {fearGreed: 101}))).toThrow(/fearGreed/)
  })

  /** Every key of the schema used, at every depth. */
  const full = brief(
    '2026-11-17',
    [
      {asset: 'Bitcoin', symbol: 'BTC', price: 104250.5, range: [103000, 105000], change24hPct: -1.25, change24hRange: [-2, -0.5], line: 11},
      {asset: 'Ether', symbol: 'ETH', line: 12}
    ],
    {
      marketCap: {usd: 3.4e12, usdRange: [3.3e12, 3.5e12], change24hPct: 1.5, change24hRange: [1, 2]},
      fearGreed: 44,
      fearGreedRange: [40, 48],
      liquidations: [{amountUsd: 5.2e8, amountUsdRange: [5e8, 5.5e8], window: '24h', longUsd: 3e8, shortUsd: 2.2e8, line: 20}],
      etfFlows: [{asset: 'BTC', direction: 'outflow', amountUsd: 1.2e8, amountUsdRange: [1e8, 1.4e8], day: '2026-11-16', issuers: [{name: 'IBIT', amountUsd: -8e7}, {name: 'FBTC', amountUsd: -4e7}], line: 25}],
      headlines: [headline('Exchange hack', 'high')],
      citations: [{label: '1', url: 'https://example.com/a', referenced: true, hiddenOnly: false}]
    }
  )

  /** The value with every object's keys in an order picked by `order`, and unknown keys added where `extra` says. */
  function reshuffled(value: unknown, order: () => number, extra: () => boolean): unknown {
    if (Array.isArray(value)) return value.map((item) => reshuffled(item, order, extra))
    if (value === null || typeof value !== 'object') return value
    const entries = Object.entries(value).map(([key, item]) => [key, reshuffled(item, order, extra)] as const)
    if (extra()) entries.push(['notInTheSchema', {nested: true}])
    return Object.fromEntries(entries.map((entry) => ({entry, rank: order()})).sort((a, b) => a.rank - b.rank).map(({entry}) => entry))
  }

  it("is exactly what parsing every summary with the schema gives: the schema's keys only, in its order, at every depth", () => {
    const summaries = [full, nov19, nov20, nov21, withHeadlines].map(summarize)
    const parsed = (days: readonly DaySummary[]) => `${JSON.stringify([...days].sort((a, b) => a.date.localeCompare(b.date)).map((day) => daySummarySchema.parse(day)), null, 2)}\n`
    expect(briefsJson(summaries)).toBe(parsed(summaries))
    fc.assert(
      fc.property(fc.infiniteStream(fc.double({noNaN: true})), fc.infiniteStream(fc.boolean()), (ranks, extras) => {
        const shuffled = reshuffled(summaries, () => ranks.next().value, () => extras.next().value) as DaySummary[]
        expect(briefsJson(shuffled)).toBe(parsed(shuffled))
      }),
      {numRuns: 200}
    )
    // Every key of the schema came through, nested ones included.
    expect(briefsJson(summaries)).toMatch(/"issuers": \[\s+\{\s+"name": "IBIT",\s+"amountUsd": -80000000/)
    expect(briefsJson(reshuffled(summaries, () => 0, () => true) as DaySummary[])).not.toContain('notInTheSchema')
  })

  it('comes with prices.csv as site files under data/', () => {
    const files = downloadFiles([nov19, nov20].map(summarize))
    expect(files.map((file) => file.path)).toEqual(['data/prices.csv', 'data/briefs.json'])
    expect(files).toEqual(downloadFiles([nov20, nov19].map(summarize)))
  })
})

import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {corpusDir, hasShared} from './helpers.js'
import {extractCorpusBrief} from './market-helpers.js'

describe.skipIf(!hasShared)('market data over the real corpus', () => {
  it('extracts from every brief without crashing and reports coverage', () => {
    const files = readdirSync(corpusDir).filter((name) => name.endsWith('.md')).sort()
    const missing: string[] = []
    const reversed: string[] = []
    const count = {briefs: files.length, overview: 0, btcLevel: 0, btcChange: 0, marketCap: 0, fearGreed: 0, liquidations: 0, etfFlows: 0, unparsed: 0}
    for (const name of files) {
      const {data, sections} = extractCorpusBrief(name)
      const btc = data.prices.find((quote) => quote.symbol === 'BTC')
      if (sections.some((section) => section.kind === 'market-overview')) count.overview++
      if (btc?.price !== undefined || btc?.range !== undefined) count.btcLevel++
      else missing.push(name.slice(0, 10))
      if (btc?.change24hPct !== undefined || btc?.change24hRange !== undefined) count.btcChange++
      if (data.marketCap) count.marketCap++
      if (data.fearGreed !== undefined || data.fearGreedRange) count.fearGreed++
      if (data.liquidations.length > 0) count.liquidations++
      if (data.etfFlows.length > 0) count.etfFlows++
      count.unparsed += data.unparsed.length
      for (const quote of data.prices) {
        expect(quote.symbol).toMatch(/^[A-Z0-9]+$/)
        if (quote.price !== undefined) expect(quote.price).toBeGreaterThan(0)
        // A range written high to low ("68k–67k") is read low to high.
        if (quote.range) expect(Math.min(...quote.range)).toBeGreaterThan(0)
        if (quote.range && quote.range[0] > quote.range[1]) reversed.push(`${name.slice(0, 10)} ${quote.symbol}`)
      }
    }
    console.log('market-data coverage', count, 'no BTC level:', missing)
    // Measured: 113 of 118; some briefs state no BTC level at all (2025-12-24
    // says so; others give only a vague "mid-80k area").
    expect(reversed).toEqual([])
    // 2026-03-12 names no market section at all; 2026-03-20 is an outline with no sections.
    expect(count.overview).toBeGreaterThanOrEqual(count.briefs - 2)
    expect(count.btcLevel).toBeGreaterThanOrEqual(Math.floor(count.briefs * 0.9))
    // Not every brief states one: the hand labels find a BTC 24h change in 153 of 174.
    expect(count.btcChange).toBeGreaterThanOrEqual(Math.floor(count.briefs * 0.85))
  })
})

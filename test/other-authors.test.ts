import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {BriefData} from '../src/data/brief-data-schema.js'
import {fixtures, runCli, tempDir} from './helpers.js'

/**
 * Briefs written the way other authors write them (fixtures/other-authors/):
 * an asset's own section with labelled lines, a metrics table, a prices table
 * with bare numbers, `US$`, `tn`, `-US$145.7m`, no "Market Overview" title.
 * Built through the CLI; brief.json must hold the stated figures and none of
 * their neighbours (open interest, a stablecoin cap, a month-to-date flow,
 * one fund's flow, a level, a 7-day change).
 */
describe('briefs by other authors', () => {
  let out: string
  const day = async (date: string) => JSON.parse(await readFile(path.join(out, ...date.split('-'), 'brief.json'), 'utf8')) as BriefData
  const quote = (data: BriefData, symbol: string) => data.prices.find((item) => item.symbol === symbol)

  beforeAll(async () => {
    const dir = await tempDir()
    out = path.join(dir, 'site')
    const result = await runCli(['build', '--src', path.join(fixtures, 'other-authors'), '--out', out, '--no-search'], dir)
    expect(result.code, result.stderr).toBe(0)
  })

  it('reads an asset section with labelled lines and a metrics table', async () => {
    const data = await day('2026-02-02')
    expect(quote(data, 'BTC')).toMatchObject({price: 78412.6, range: [77900, 80150], change24hPct: -2.35})
    expect(quote(data, 'ETH')).toMatchObject({price: 2386.1, change24hPct: -3.1})
    expect(data.marketCap).toMatchObject({usd: 2.77e12, change24hPct: -1.9})
    expect(data.fearGreed).toBe(14)
    expect(data.liquidations.map((item) => item.amountUsd)).toEqual([412.5e6])
    expect(data.etfFlows.map((flow) => [flow.asset, flow.direction, flow.amountUsd, flow.date])).toEqual([['BTC', 'outflow', 145.7e6, '2026-02-01']])
    // Every shown figure says where it was read.
    expect(data.evidence['prices.BTC']).toMatchObject({line: 9})
    expect(data.evidence['liquidations.0']?.text).toContain('412.5')
  })

  it('reads a prices table with bare numbers and prose around it, and no neighbour as a figure', async () => {
    const data = await day('2026-02-03')
    expect(data.prices.map((item) => [item.symbol, item.price, item.change24hPct])).toEqual([
      ['BTC', 79950, 1.96],
      ['ETH', 2441.5, 2.3],
      ['SOL', 101.2, 4.1]
    ])
    expect(data.liquidations).toMatchObject([{amountUsd: 288e6, longUsd: 100.8e6}])
    expect(data.etfFlows.map((flow) => [flow.asset, flow.direction, flow.amountUsd, flow.date])).toEqual([['BTC', 'inflow', 54.8e6, '2026-02-02']])
    expect(data.marketCap).toBeUndefined()
  })
})

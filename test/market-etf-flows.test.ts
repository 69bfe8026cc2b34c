import {describe, expect, it} from 'vitest'
import {extractDated} from './market-helpers.js'

/** ETF flows as briefs write them: one day's aggregate net flow per asset, and what is not one. */
describe('spot ETF flows', () => {
  it("an asset's funds named in the amount's own phrase are that asset's, after a sentence about every crypto ETF: 'US spot crypto ETFs saw $338M: BTC ETFs +$102.6M'", () => {
    const data = extractDated('2025-10-16', '## ETF Flows', '', '- **October 14**: US spot crypto ETFs saw **net inflows of $338M**: BTC ETFs +$102.6M (led by Fidelity FBTC $133M), offset by IBIT outflows of $44.85M; ETH ETFs +$236.22M.')
    expect(data.etfFlows.filter((flow) => flow.asset === 'BTC')).toMatchObject([{direction: 'inflow', amountUsd: 102.6e6, date: '2025-10-14'}])
    // The crypto-wide total itself is no asset's.
    expect(data.etfFlows.some((flow) => flow.amountUsd === 338e6)).toBe(false)
  })
})

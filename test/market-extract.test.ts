import {describe, expect, it} from 'vitest'
import {extractMarketData} from '../src/extract/market/index.js'
import {BODY, parseBrief} from './market-helpers.js'

/** Extracts from an overview section made of the given body lines. */
function extract(...body: string[]) {
  const {text, tree} = parseBrief(['## Market Overview (24h)', '', ...body, '', '## Top Headlines', '', '- Nothing here.', ''].join('\n'))
  return extractMarketData(tree, text)
}

function quote(data: ReturnType<typeof extract>, symbol: string) {
  const found = data.prices.find((price) => price.symbol === symbol)
  if (!found) return undefined
  const {asset: _asset, ...rest} = found
  return rest
}

describe('prices: recognisers by variant', () => {
  it('prose with a verb carrying the sign', () => {
    const data = extract('Bitcoin (BTC) changed hands at \\$64,210, down 2.4% on the day, while Ethereum rose 1.1% to \\$3,105.50.')
    expect(quote(data, 'BTC')).toEqual({symbol: 'BTC', price: 64210, change24hPct: -2.4, line: BODY + 3})
    expect(quote(data, 'ETH')).toEqual({symbol: 'ETH', price: 3105.5, change24hPct: 1.1, line: BODY + 3})
  })

  it('bold bullets with ranges and U+2212 minus', () => {
    const data = extract('- **Bitcoin (BTC):** \\$70,100–\\$71,900 (−1.5% to −0.4%)', '- **SOL:** \\$150.25 (+3.1% 24h)')
    expect(quote(data, 'BTC')).toMatchObject({range: [70100, 71900], change24hRange: [-1.5, -0.4]})
    expect(quote(data, 'SOL')).toMatchObject({price: 150.25, change24hPct: 3.1})
  })

  it('a GFM prices table, any asset in it', () => {
    const data = extract('| Asset | Price | 24h | 7d |', '|---|---|---|---|', '| **BTC** | \\$66,000 | ↓0.38% | -5% |', '| Dogecoin (DOGE) | \\$0.1234 | +2.0% | +1% |', '| TAO | \\$410 | –4.4% | 0% |')
    expect(quote(data, 'BTC')).toEqual({symbol: 'BTC', price: 66000, change24hPct: -0.38, line: BODY + 5})
    expect(quote(data, 'DOGE')).toMatchObject({price: 0.1234, change24hPct: 2})
    expect(quote(data, 'TAO')).toMatchObject({price: 410, change24hPct: -4.4})
  })

  it('k-suffixed and USD-suffixed amounts', () => {
    expect(quote(extract('- BTC trades around 61.2k USD (-1.0%), ETH near ~\\$2.9k.'), 'BTC')).toMatchObject({price: 61200, change24hPct: -1})
    expect(quote(extract('- BTC trades around 61.2k USD (-1.0%), ETH near ~\\$2.9k.'), 'ETH')).toMatchObject({price: 2900})
    expect(quote(extract('Bitcoin sits at 72,345 USD, up 0.2%.'), 'BTC')).toMatchObject({price: 72345, change24hPct: 0.2})
  })

  it('ignores reference levels and other periods before the real figures', () => {
    const data = extract('Bitcoin is 12.5% below its all-time high of \\$110,000 and trades at \\$96,250, a 0.7% daily loss; it was -17.5% from the October high of ~\\$126,000 last week.')
    expect(quote(data, 'BTC')).toMatchObject({price: 96250, change24hPct: -0.7})
  })

  it('does not read dominance, market cap or ETH/BTC as a price', () => {
    const data = extract('BTC dominance rose to 58.2% and the ETH/BTC ratio sits at 0.036; Bitcoin market cap is \\$1.9T.')
    expect(data.prices).toEqual([])
  })

  it('takes the price from the next sentence when it goes on about the same asset', () => {
    const data = extract('Bitcoin set a new record of \\$130,000 on Nov 3. The largest crypto now trades at \\$128,400, up 1.2%.')
    expect(quote(data, 'BTC')).toMatchObject({price: 128400, change24hPct: 1.2})
  })

  it('reports an overview line naming an asset and a figure it cannot read', () => {
    const data = extract('Snapshot: BTC 68 434 at the close.')
    expect(data.prices.find((price) => price.symbol === 'BTC')).toBeUndefined()
    expect(data.unparsed).toEqual([{symbol: 'BTC', line: BODY + 3, column: 11, text: 'Snapshot: BTC 68 434 at the close.'}])
  })

  it('reads only the market overview for prices', () => {
    const {text, tree} = parseBrief('## Top Headlines\n\n- Bitcoin trades at $90,000.\n')
    expect(extractMarketData(tree, text).prices).toEqual([])
  })
})

describe('market cap, Fear & Greed, liquidations, ETF flows', () => {
  it('total market cap and its change, not one it fell from', () => {
    const data = extract('The total crypto market cap fell from \\$3.40 trillion to \\$3.31 trillion (-2.6%).')
    expect(data.marketCap).toEqual({usd: 3.31e12, change24hPct: -2.6, line: BODY + 3})
  })

  it('Fear & Greed anywhere, skipping dates', () => {
    const data = extract('The Fear \\& Greed Index read 27 (Fear) on Nov 3.')
    expect(data.fearGreed).toBe(27)
    expect(extract('Fear & Greed Index on Nov 3: 44.').fearGreed).toBe(44)
  })

  it('liquidations with a window and long/short split', () => {
    const data = extract('- 24h liquidations: \\$412.5M (62% longs).', '- Over 1 hour, \\$80 million was liquidated.')
    expect(data.liquidations).toEqual([
      {amountUsd: 412.5e6, window: '24h', long: 255750000, line: BODY + 3},
      {amountUsd: 80e6, window: '1h', line: BODY + 4}
    ])
  })

  it('ETF flows with direction, day and issuers; weekly totals skipped', () => {
    const data = extract(
      'Spot Bitcoin ETFs recorded net outflows of \\$212.4 million on Nov 3, led by IBIT (-\\$150.0M) and FBTC (-\\$40.1M).',
      'Ether ETFs drew \\$35M in net inflows on Monday.',
      'Bitcoin ETFs took in \\$1.1 billion over the week.'
    )
    expect(data.etfFlows).toEqual([
      {asset: 'BTC', direction: 'outflow', amountUsd: 212.4e6, day: 'Nov 3', issuers: [{name: 'IBIT', amountUsd: -150e6}, {name: 'FBTC', amountUsd: -40.1e6}], line: BODY + 3},
      {asset: 'ETH', direction: 'inflow', amountUsd: 35e6, day: 'Monday', line: BODY + 4}
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {extractMarketData, findMoney} from '../src/extract/market/index.js'
import {BODY, parseBrief} from './market-helpers.js'

/** Extracts from an overview section made of the given body lines. */
function extract(...body: string[]) {
  const {text, tree} = parseBrief(['## Market Overview (24h)', '', ...body, '', '## Top Headlines', '', '- Nothing here.', ''].join('\n'))
  return extractMarketData(tree, text, undefined, {date: '2025-11-04'})
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
    // Only the day's total is a key figure: an hour's liquidations are not read as it.
    const data = extract('- 24h liquidations: \\$412.5M (62% longs).', '- Over 1 hour, \\$80 million was liquidated.')
    expect(data.liquidations).toEqual([{amountUsd: 412.5e6, window: '24h', long: 255750000, line: BODY + 3, evidence: '- 24h liquidations: $412.5M (62% longs).'}])
  })

  it('ETF flows with direction, day and issuers; weekly totals skipped', () => {
    const data = extract(
      'Spot Bitcoin ETFs recorded net outflows of \\$212.4 million on Nov 3, led by IBIT (-\\$150.0M) and FBTC (-\\$40.1M).',
      'Ether ETFs drew \\$35M in net inflows on Monday.',
      'Bitcoin ETFs took in \\$1.1 billion over the week.'
    )
    expect(data.etfFlows).toEqual([
      {asset: 'BTC', direction: 'outflow', amountUsd: 212.4e6, day: 'Nov 3', date: '2025-11-03', issuers: [{name: 'IBIT', amountUsd: -150e6}, {name: 'FBTC', amountUsd: -40.1e6}], line: BODY + 3},
      {asset: 'ETH', direction: 'inflow', amountUsd: 35e6, day: 'Monday', date: '2025-11-03', line: BODY + 4}
    ].map((flow) => expect.objectContaining(flow)))
  })
})

/** Each fix made while triaging day-over-day on the real corpus, on a snippet of the same shape. */
describe('prices: fixes found by day-over-day', () => {
  it('a noun right after the figure gives its sign, and an intraday level is not the price', () => {
    const data = extract('Bitcoin sank to \\$71,000 intraday before recovering to around \\$74,500, marking a 6% decline on the day.')
    expect(quote(data, 'BTC')).toMatchObject({price: 74500, change24hPct: -6})
    expect(quote(extract('Ether trades near \\$2,510, a 1.2–1.6% 24-hour decline.'), 'ETH')).toMatchObject({price: 2510, change24hRange: [-1.6, -1.2]})
  })

  it('a level the asset is approaching is not its price', () => {
    expect(quote(extract('XRP keeps approaching the \\$3.10–3.40 zone on settlement hopes.'), 'XRP')).toBeUndefined()
  })

  it('weekly and multi-day moves are not the 24h change', () => {
    expect(quote(extract('Bitcoin holds \\$70,200. It remains down 9.5% over the past week.'), 'BTC')).toEqual({symbol: 'BTC', price: 70200, line: BODY + 3})
    expect(quote(extract('- SOL: \\$151–\\$153, up sharply 12.5% intraweek'), 'SOL')).toEqual({symbol: 'SOL', range: [151, 153], line: BODY + 3})
    expect(quote(extract('Privacy coin ZEC (+2,310% over 90 days) led gains.'), 'ZEC')).toBeUndefined()
  })

  it('another asset\'s figures never go to the asset before it, known or not', () => {
    const data = extract('Solana (\\$140.10, −0.5%), XRP (flat), and Arbitrum (\\$0.2105, −1.9%) slipped; XRP later Kaspa (\\$0.05, +3%).')
    expect(quote(data, 'XRP')).toBeUndefined()
    expect(quote(data, 'ARB')).toMatchObject({price: 0.2105, change24hPct: -1.9})
    expect(quote(extract('DOGE holds firm while KAS (+7.5%) rallies.'), 'DOGE')).toBeUndefined()
  })

  it('figures the line says come from an earlier snapshot are not today\'s, and are not unparsed either', () => {
    const data = extract('- Alts are mixed: an earlier Mar 2 snapshot had XRP ~2.40 USD and DOGE ~0.21 USD.')
    expect(data.prices).toEqual([])
    expect(data.unparsed).toEqual([])
  })

  it('funding-rate sentences give no quotes; "outpaced BTC" is a comparison', () => {
    const data = extract('Funding rates stay positive: Bitcoin at +0.012% (13% APR), Ethereum at +0.020% (22% APR). Ethereum outpaced BTC gains, climbing 4.2% to \\$2,640.')
    expect(quote(data, 'BTC')).toBeUndefined()
    expect(quote(data, 'ETH')).toEqual({symbol: 'ETH', price: 2640, change24hPct: 4.2, line: BODY + 3})
  })

  it('a share of volume is not a 24h change', () => {
    expect(quote(extract('Ethereum and Tron account for 61–68% of stablecoin transfer volume.'), 'TRX')).toBeUndefined()
  })

  it('a table row for two assets pairs prices and changes in order; a forecast cell is not a price', () => {
    const data = extract('| Asset | Price | 24h |', '|---|---|---|', '| **ADA, DOGE** | \\$0.4812, \\$0.15320 | –2.10%, +0.85% |', '| BNB | ~\\$850–\\$990 range forecast | flat |')
    expect(quote(data, 'ADA')).toEqual({symbol: 'ADA', price: 0.4812, change24hPct: -2.1, line: BODY + 5})
    expect(quote(data, 'DOGE')).toEqual({symbol: 'DOGE', price: 0.1532, change24hPct: 0.85, line: BODY + 5})
    expect(quote(data, 'BNB')).toBeUndefined()
    expect(data.unparsed).toEqual([])
  })

  it('a later line with a price beats an earlier one with only a move', () => {
    const data = extract('Among alts, BNB gained over 4% on the day.', '', '| Asset | Price | 24h |', '|---|---|---|', '| BNB (BNB) | \\$871.20 | ↗ 1.9% |')
    expect(quote(data, 'BNB')).toEqual({symbol: 'BNB', price: 871.2, change24hPct: 1.9, line: BODY + 7})
  })
})

describe('unparsed-price: an attempted quote for an asset the brief never prices', () => {
  const unparsed = (...lines: string[]) => extract(...lines).unparsed.map((found) => `${found.line - BODY}:${found.column} ${found.symbol}`)

  it('fires on quotes no recogniser reads: euros, number words, a table cell', () => {
    expect(unparsed('- **Bitcoin**: 88.300,00 € (+1%)')).toEqual(['3:5 BTC'])
    expect(unparsed('BTC — about ninety-five thousand, flat on the day.')).toEqual(['3:1 BTC'])
    expect(unparsed('| Asset | Price | 24h |', '|---|---|---|', '| Ethereum | 3.410,50 € | +1% |')).toEqual(['5:3 ETH'])
    expect(unparsed('Prices: SOL 151 €, ETH \\$3,100.')).toEqual(['3:9 SOL'])
  })

  it('stays silent when the asset is priced anywhere in the brief', () => {
    expect(unparsed('- **Bitcoin**: 95.975,00 \\$ (+1%)', '- Bitcoin last traded at \\$95,975.')).toEqual([])
  })

  it('never fires on derivatives, funding, liquidations, flows, options, market cap, supply or levels', () => {
    expect(
      unparsed(
        '- BTC futures open interest: \\$61 billion.',
        '- Funding: BTC 0.010%, ETH 0.012%.',
        '- Liquidations: \\$608M (BTC \\$185M, ETH \\$154M).',
        '- BTC: Max pain \\$90,000; put-to-call ratio 1.10.',
        '- Ethereum ETF flows: 120 million dollars in.',
        'Stablecoin supply: USDT on Ethereum doubled to \\$102B.',
        'Bitcoin market cap stands at 1,900 billion dollars.',
        'BTC tested psychological \\$100K support twice.',
        'Alts (SOL, BNB, XRP) are up 3–6%, SOL near 150 dollars.'
      )
    ).toEqual([])
  })
})

describe('fixes found by the sample archive', () => {
  it('a list bullet before an amount is not a minus; the side may be named before the amount', () => {
    const data = extract('- **\\$298 million liquidated in 24h**: shorts \\$201M, longs \\$97M[^1]')
    expect(data.liquidations).toMatchObject([{amountUsd: 298e6, window: '24h', long: 97e6, short: 201e6, line: BODY + 3}])
  })

  it('"at weekends" does not make a day\'s ETF flow a weekly total', () => {
    const data = extract('Funds do not trade at weekends: Bitcoin ETFs saw a \\$120.5 million outflow on Nov 3.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 120.5e6, day: 'Nov 3'}])
  })

  it('a prices table beats prose about a level the asset cleared', () => {
    const data = extract('The squeeze began once Bitcoin cleared \\$95K.', '', '| Asset | Price | 24h |', '|---|---|---|', '| Bitcoin (BTC) | \\$96,410 | +2.71% |')
    expect(quote(data, 'BTC')).toEqual({symbol: 'BTC', price: 96410, change24hPct: 2.71, line: BODY + 7})
  })
})

describe('days named in a brief', () => {
  it('resolves dates and weekdays against the brief, and reads no date into a word that starts like a month', async () => {
    const {findDays} = await import('../src/extract/market/days.js')
    expect(findDays('Market cap declined 3.2% to $4.24T as of October 8, 2025.', '2025-10-08').map((day) => day.iso)).toEqual(['2025-10-08'])
    expect(findDays('Outflows on Friday; inflows on Dec 30 and 2 Jan; marching 4 abreast', '2026-01-05').map((day) => day.iso)).toEqual(['2026-01-02', '2025-12-30', '2026-01-02'])
  })
})

/** Shapes met in briefs by other authors (fixtures/authors/design): each read, or refused, in one place. */
describe('other authors\' shapes', () => {
  it('a bound or an either-way figure is not a 24h change; a move over 48 hours or a fortnight is not either', () => {
    expect(quote(extract('- Bitcoin trades near \\$91,000 with a sub-1% 24h change.'), 'BTC')).toEqual({symbol: 'BTC', price: 91000, line: BODY + 3})
    expect(quote(extract('- BTC \\$86,400 (±2.45–2.69% in 24h)'), 'BTC')).not.toHaveProperty('change24hRange')
    expect(quote(extract('- Ethereum slid 10% to 16% in 48 hours to \\$3,150.'), 'ETH')).not.toHaveProperty('change24hPct')
    expect(quote(extract('- Solana had a rough fortnight: its seven-day slide now stands at about 9%.'), 'SOL')).toBeUndefined()
  })

  it('a sentence hard-wrapped over lines is read as one, from the line it starts on', () => {
    const data = extract('Capitulation had a short half-life. Bitcoin climbed 2.7% over', 'the last 24 hours to around 68,900 dollars, led by one hour.')
    expect(quote(data, 'BTC')).toEqual({symbol: 'BTC', price: 68900, change24hPct: 2.7, line: BODY + 3})
  })

  it('amounts in other notations: "USD 70 400", "between 66,400 and 68,350 dollars"; HK$ and KRW are not dollars', () => {
    expect(quote(extract('- **Bitcoin:** USD 70 400, +1.1% on 24h'), 'BTC')).toMatchObject({price: 70400, change24hPct: 1.1})
    expect(quote(extract('Bitcoin traded between 66,400 and 68,350 dollars over the past day.'), 'BTC')).toMatchObject({range: [66400, 68350]})
    expect(extract('- Hong Kong spot Ether ETFs saw a record HK$210M net outflow on Monday.').etfFlows).toEqual([])
  })

  it('desk shorthand: "BTC.D" and "Funding (BTC, 8h)" are not quotes, "Liqs 24h" are liquidations, "Total cap" and "F&G" are read', () => {
    const data = extract('- BTC 71.4k (-1.2%)', '- BTC.D 58.4% (+0.2)', '- Total cap 2.48T', '- F&G 28 (fear). Was 33 a week ago.', '- Liqs 24h: 312M total. Longs 241M / shorts 71M', '', '| Metric | Value |', '|---|---|', '| Funding (BTC, 8h) | -0.002% |')
    expect(quote(data, 'BTC')).toEqual({symbol: 'BTC', price: 71400, change24hPct: -1.2, line: BODY + 3})
    expect(data.marketCap).toMatchObject({usd: 2.48e12})
    expect(data.fearGreed).toBe(28)
    expect(data.liquidations).toMatchObject([{amountUsd: 312e6, long: 241e6, short: 71e6}])
  })

  it('"the value of the crypto market" is the total market cap; the change before it is another subject\'s', () => {
    const data = extract('Bitcoin closed with a 1.30% daily loss as the total value of the crypto market slipped to 2.98 trillion dollars (−1.17% 24h).')
    expect(data.marketCap).toMatchObject({usd: 2.98e12, change24hPct: -1.17})
  })

  it('ETF flows: a table with a column per asset and a row per day; a week\'s row, one fund\'s column and an unsigned cell are not read', () => {
    const {text, tree} = parseBrief(['---', 'title: t', 'date: 2026-04-14', '---', '## ETF Flows (US spot, net, USD)', '', '| Date | BTC | ETH | IBIT only | SOL |', '|---|---|---|---|---|', '| Mon 13 Apr | -243.7M | -51.5M | -97.2M | 3.1M |', '| Week to 10 Apr | +372.7M | +41.2M | — | — |', ''].join('\n'))
    const flows = extractMarketData(tree, text, undefined, {date: '2026-04-14'}).etfFlows
    expect(flows.map((flow) => [flow.asset, flow.direction, flow.amountUsd, flow.date])).toEqual([['BTC', 'outflow', 243.7e6, '2026-04-13'], ['ETH', 'outflow', 51.5e6, '2026-04-13']])
  })

  it('ETF flows: "the same day" takes the day named before; an undated amount after a week or a day of another week is not read; "respectively" is left alone', () => {
    const flows = (line: string) => extract(line).etfFlows.map((flow) => [flow.asset, flow.amountUsd, flow.date])
    expect(flows('US spot Bitcoin ETFs saw \\$866.7M in net outflows on November 3. Over five sessions outflows totaled \\$1.9B. Ethereum ETFs saw \\$259.6M in outflows the same day.')).toEqual([['BTC', 866.7e6, '2025-11-03'], ['ETH', 259.6e6, '2025-11-03']])
    expect(flows('Spot crypto ETFs bled \\$1.73 billion in the week ending November 1. Bitcoin ETFs alone recorded \\$1.09 billion in redemptions.')).toEqual([])
    expect(flows('Wednesday October 22 saw dip-buying: Bitcoin ETFs drew \\$876 million.')).toEqual([])
    expect(flows('Bitcoin and Ethereum ETFs saw outflows of \\$191M and \\$98M respectively on November 3.')).toEqual([])
  })

  it('liquidation risk and VIX are not figures', () => {
    expect(extract('Liquidation risk concentrates at \\$84,000 with \\$5–8 billion exposed.').liquidations).toEqual([])
    expect(extract('The VIX fear index spiked, driving 20–30% volume surges.').fearGreed).toBeUndefined()
  })

  it('a price after "after a Dec 1 flush to" is a past level; a round "near" figure gives way to the exact one it rounds', () => {
    expect(quote(extract('- BTC is up 3% over 24h after a Nov 1 flush to about 85k.'), 'BTC')).not.toHaveProperty('price')
    expect(quote(extract('Bitcoin consolidated near \\$90,000, closing +0.72% at \\$89,810.'), 'BTC')).toMatchObject({price: 89810})
  })
})

describe('levels and spans other writers name', () => {
  it('a floor, ceiling, pivot, breakout or cost basis is a level, not the price', () => {
    for (const line of ['Bitcoin defends the \\$68,000 floor for a third session.', 'BTC: \\$72,500 ceiling capped the bounce again.', 'Bitcoin sits under its short-term holder cost basis of \\$71,900.', 'BTC pivot \\$70,000; invalidation \\$66,500.']) {
      expect(quote(extract(line), 'BTC')?.price, line).toBeUndefined()
    }
    expect(quote(extract('BTC held the \\$68,000 floor and trades at \\$69,420 (+0.8% 24h).'), 'BTC')).toMatchObject({price: 69420, change24hPct: 0.8})
  })

  it('a move over the weekend, since the open or month to date is not the 24h change', () => {
    for (const line of ['BTC \\$69,420, +3.1% over the weekend.', 'Bitcoin at \\$69,420 is up 1.2% since the US open.', 'BTC \\$69,420 (+8.4% MTD).', 'Bitcoin \\$69,420, down 2% m/m.']) {
      expect(quote(extract(line), 'BTC')?.change24hPct, line).toBeUndefined()
    }
  })
})

describe('figure-first lines, ticker strips and digests', () => {
  it('"By the numbers": a bold figure, a dash, then what it is', () => {
    const data = extract(
      '- **\\$104,200** — bitcoin\'s price as of 06:00 UTC, down 3.1% in 24 hours',
      '- **\\$2,836** — ether (−1.5%)',
      '- **\\$3.43T** — the value of all crypto assets combined, down 1.4%',
      '- **\\$540M** — liquidations over the last day, roughly 67% of them longs',
      '- **41** — Fear & Greed ("fear"), its lowest reading in a month',
      '- **7.4%** — how far BTC now sits below its all-time high of \\$112,640'
    )
    expect(quote(data, 'BTC')).toMatchObject({price: 104200, change24hPct: -3.1})
    expect(quote(data, 'ETH')).toMatchObject({price: 2836, change24hPct: -1.5})
    expect(data.marketCap).toMatchObject({usd: 3.43e12, change24hPct: -1.4})
    expect(data.liquidations[0]).toMatchObject({amountUsd: 540e6, window: '24h'})
    expect(data.fearGreed).toBe(41)
  })

  it('ticker strips: glyphs at the head of an item name the asset, "Total"/"Mcap"/"Cap" is the total cap, "Fear/Greed" and "FGI" the index', () => {
    const glyphs = extract('₿ 106.25k (+1.4%) · Ξ 2.74k (+1.4%) · ◎ 158 (+2.5%) · Mcap 3.54T (+1.4%) · Fear/Greed 71')
    expect([quote(glyphs, 'BTC')?.price, quote(glyphs, 'ETH')?.price, quote(glyphs, 'SOL')?.price]).toEqual([106250, 2740, 158])
    expect(glyphs.marketCap).toMatchObject({usd: 3.54e12, change24hPct: 1.4})
    expect(glyphs.fearGreed).toBe(71)
    const slashes = extract('`BTC \\$105,100 (-1.1%) / ETH \\$2,690 (-1.8%) / TOTAL 3.50tn (-1.1%) / FGI 64`')
    expect(quote(slashes, 'ETH')).toMatchObject({price: 2690, change24hPct: -1.8})
    expect(slashes.marketCap).toMatchObject({usd: 3.5e12})
    expect(extract('🌐 Cap — 3.68tn | 24h: +2.5%').marketCap).toMatchObject({usd: 3.68e12})
    // "₿2,500 moved" is an amount in bitcoin, not its price; a stablecoin "mcap" is not the total.
    const whale = extract('🐋 Whale watch: ₿2,500 moved to cold storage; Stablecoin mcap: 268.4B USD')
    expect(whale.prices).toEqual([])
    expect(whale.marketCap).toBeUndefined()
  })

  it('a brief with no headings is read whole, Fear & Greed included, even when a "Sources:" line ends it', () => {
    const {text, tree} = parseBrief('😐 Fear & Greed: 61 (Greed) · yesterday 63 · last week 48\n\nSources: CoinGecko · Coinglass\n')
    expect(extractMarketData(tree, text, undefined, {date: '2025-11-04'}).fearGreed).toBe(61)
  })

  it('a level named after the number, a comparison sign, a time zone or a session are not the price; an adjective before a bare price is fine', () => {
    expect(quote(extract('\\$ETH: 3,000 is the line. 3,400 next if it holds.'), 'ETH')?.price).toBeUndefined()
    expect(quote(extract('Headline: \\$ETH > \\$3,000 for the first time since February.'), 'ETH')?.price).toBeUndefined()
    expect(quote(extract('Bitcoin dipped to \\$101,300 during the Asian session before buyers stepped in.'), 'BTC')?.price).toBeUndefined()
    expect(quote(extract('Solana was quieter at 142 (+0.4%).'), 'SOL')).toMatchObject({price: 142, change24hPct: 0.4})
    expect(quote(extract('🟣 SOL — 171.8 | 24h: +4.8%'), 'SOL')).toMatchObject({price: 171.8})
  })

  it('"Fear &" at a line end goes on with "Greed Index at 58" on the next; "May" the month is not "may" the forecast', () => {
    expect(extract('Overall crypto market cap is near \\$3.36tn (−0.9%). Sentiment cooled — the Fear &', 'Greed Index at 58 from 61.').fearGreed).toBe(58)
    expect(extract('Total market cap has climbed to \\$3.46 trillion, nowhere near the December and May tops.').marketCap).toMatchObject({usd: 3.46e12})
    expect(extract('Total market cap fell below \\$2.95 trillion, down from over \\$3 trillion.').marketCap).toBeUndefined()
    // A move of the cap, and a line about the day's volume, are not the cap.
    expect(extract('Total crypto market cap shed \\$130 billion in 24 hours.').marketCap).toBeUndefined()
    expect(extract('Total 24h trading volume held at \\$183–188 billion.').marketCap).toBeUndefined()
  })
})

describe('what sets F and G taught', () => {
  it('the total row of a prices table with a market-cap column is the total cap, with its 24h change', () => {
    const data = extract('| Asset | Price | 24h | 7d | Market Cap |', '|---|---:|---:|---:|---:|', '| BTC | \\$111,450 | +0.7% | +4.5% | \\$2.22T |', '| **Total** | — | **+0.9%** | +4.8% | **\\$3.84T** |')
    expect(data.marketCap).toMatchObject({usd: 3.84e12, change24hPct: 0.9})
  })

  it('"the combined market value of cryptocurrencies", "Total market:", "a shade over $3.72T" are the cap; "shrank 3.0%" is a fall', () => {
    expect(extract('The combined market value of cryptocurrencies was \\$3.63 trillion.').marketCap).toMatchObject({usd: 3.63e12})
    expect(extract('- Total market: \\$3.94T').marketCap).toMatchObject({usd: 3.94e12})
    expect(extract('- **Total market cap:** a shade over \\$3.72T, −1.6%').marketCap).toMatchObject({usd: 3.72e12, change24hPct: -1.6})
    expect(extract('The total crypto market capitalization shrank 3.0% to \\$3.58 trillion.').marketCap).toMatchObject({usd: 3.58e12, change24hPct: -3})
  })

  it('"north of $112,000" is a bound; "just over $3,970" is the price; an exact figure on a later line beats the round one', () => {
    expect(quote(extract('Bitcoin is now north of \\$112,000.'), 'BTC')?.price).toBeUndefined()
    expect(quote(extract('- **ETH:** just over \\$3,970, up roughly 1%'), 'ETH')).toMatchObject({price: 3970, change24hPct: 1})
    expect(quote(extract('Bitcoin spent the Asian session just under \\$109,000.', '', '- **BTC:** roughly \\$108,700, down about 1.9% on the day'), 'BTC')).toMatchObject({price: 108700, change24hPct: -1.9})
  })

  it('a level the asset lost, regained, defended, eyes or peaked at is not its price', () => {
    for (const line of ['Bitcoin lost \\$70,000 overnight.', 'BTC regained \\$72,000 briefly.', 'Bitcoin bulls defended \\$68,000 again.', 'BTC eyes \\$75,000 next.', 'Bitcoin peaked at \\$73,400 on Tuesday.']) {
      expect(quote(extract(line), 'BTC')?.price, line).toBeUndefined()
    }
    expect(quote(extract('Bitcoin lost 2% to \\$69,100.'), 'BTC')).toMatchObject({price: 69100, change24hPct: -2})
  })

  it('a sentence about the whole market after an asset\'s is not the asset\'s; a past price, a touched high and a month\'s gain are not today\'s', () => {
    expect(quote(extract('Solana traded near \\$199. The total value of all cryptocurrencies stood at \\$3.69 trillion, down 0.8%.'), 'SOL')?.change24hPct).toBeUndefined()
    expect(quote(extract('- Weekly change: +1.3% (a week ago BTC was near \\$92,350)'), 'BTC')).toBeUndefined()
    expect(quote(extract('Bitcoin tagged **\\$100,480** at 02:14 UTC on Binance and then got sold.'), 'BTC')?.price).toBeUndefined()
    expect(quote(extract('SOL extended its October gain to 13.4%.'), 'SOL')?.change24hPct).toBeUndefined()
  })

  it('inline HTML from a CMS: a <table> of prices is read as a table, <b> labels and entities as text', () => {
    const data = extract(
      '<table>',
      '  <thead><tr><th>Asset</th><th>Last</th><th>24h %</th><th>24h High</th></tr></thead>',
      '  <tbody>',
      '    <tr><td>BTC</td><td>$101,245.30</td><td>+1.92%</td><td>$101,880.00</td></tr>',
      '    <tr><td>SOL</td><td>$195.40</td><td>&minus;3.30%</td><td>$197.05</td></tr>',
      '  </tbody>',
      '</table>',
      '',
      '<b>Market cap:</b> $3.44T (+1.8%)<br>',
      '<b>Fear &amp; Greed:</b> 76 &mdash; greed<br>'
    )
    expect(quote(data, 'BTC')).toEqual({symbol: 'BTC', price: 101245.3, change24hPct: 1.92, line: BODY + 6})
    expect(quote(data, 'SOL')).toMatchObject({price: 195.4, change24hPct: -3.3, line: BODY + 7})
    expect(data.marketCap).toMatchObject({usd: 3.44e12, change24hPct: 1.8})
    expect(data.fearGreed).toBe(76)
  })

  it('a bare number a few words after the asset is its price; the same asset named again in the next sentence is read there', () => {
    expect(quote(extract('Bitcoin drifted back to about 75,600 overnight, a modest +0.7% over the day.'), 'BTC')).toMatchObject({price: 75600, change24hPct: 0.7})
    expect(quote(extract('Ether is doing a little better: 2,340, +1.5%.'), 'ETH')).toMatchObject({price: 2340, change24hPct: 1.5})
    expect(quote(extract('Ether took it worse. ETH is at 2,290, a 5.2% drop, and ETH/BTC gave back its week.'), 'ETH')).toMatchObject({price: 2290, change24hPct: -5.2})
    // Levels and past moves stay levels, with or without a currency.
    expect(quote(extract('Bitcoin bulls defend support near 72,000.'), 'BTC')?.price).toBeUndefined()
    expect(quote(extract('Bitcoin, after a flush to 71,200 on Friday, is flat.'), 'BTC')?.price).toBeUndefined()
  })

  it('a quoted remark and a predicted cascade are opinions, not figures', () => {
    expect(extract('> "OI still at 70B+. This ends with a 2B liquidation cascade, mark my words" — u/quant').liquidations).toEqual([])
    expect(extract('Traders warn the next leg down will bring \\$2B of liquidations.').liquidations).toEqual([])
  })

  it('a table with a column per asset and a row per figure is read like a prices table; its 7-day row is not the 24h change', () => {
    const data = extract('| | BTC | ETH | SOL |', '|---|---|---|---|', '| 7d | +3% | +4% | +5% |', '| Price | \\$100,120 | \\$3,618.70 | \\$189.60 |', '| 24h | +0.71% | +0.78% | +1.25% |')
    expect([quote(data, 'BTC'), quote(data, 'ETH'), quote(data, 'SOL')]).toMatchObject([
      {price: 100120, change24hPct: 0.71},
      {price: 3618.7, change24hPct: 0.78},
      {price: 189.6, change24hPct: 1.25}
    ])
  })

  it('what sets I and J taught: "per cent", a verb carried over by "and", "between 1.5% and 2%", a level it failed at, a past price "a week ago"', () => {
    const data = extract('Bitcoin failed at US\\$98,400 for the third time and slid 3.2 per cent to US\\$95,260. Ether lost 4.0 per cent to US\\$3,301 and Solana 5.1 per cent to US\\$140.50.')
    expect([quote(data, 'BTC'), quote(data, 'ETH'), quote(data, 'SOL')]).toMatchObject([
      {price: 95260, change24hPct: -3.2},
      {price: 3301, change24hPct: -4},
      {price: 140.5, change24hPct: -5.1}
    ])
    expect(quote(extract('Bitcoin, which a week and a half ago was changing hands near \\$97,000, was quoted at roughly \\$91,900, down somewhere between 1.5% and 2% over the past 24 hours.'), 'BTC')).toMatchObject({price: 91900, change24hRange: [-2, -1.5]})
    // A strip's items end at "·", but not before the cap's own "24 h" item.
    expect(extract('`MCAP 3.36T` · `F&G 61 😀 Greed` · `BTC.D 56.1%`').marketCap).toEqual({usd: 3.36e12, line: BODY + 3})
    expect(extract('**Total market capitalisation:** USD 3.31 trillion · **24 h:** +0.6 %').marketCap).toMatchObject({usd: 3.31e12, change24hPct: 0.6})
  })

  it('"ETFs +188.5M (Thu) … WTD +609M … ETH ETFs ~flat": the bare ETFs\' day is Bitcoin\'s, the week to date is no day\'s', () => {
    expect(extract('**Flows.** ETFs +188.5M (Thu), 3rd straight inflow, WTD +609M. IBIT +142M. ETH ETFs ~flat.').etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 188.5e6, date: '2025-10-30'}])
    expect(extract('Liquidations over the last 12 hours came to just US\\$118m, and we have no reliable 24-hour total this morning.').liquidations).toEqual([])
  })

  it('liquidation slang ("rekt", "forced out") is read; one venue\'s, one part\'s and a trailing week\'s are not the total', () => {
    expect(extract('- **\\$588M rekt** — longs 83% / shorts 17%').liquidations).toMatchObject([{amountUsd: 588e6}])
    expect(extract('Only US\\$96m of leveraged positions were forced out over the past day.').liquidations).toMatchObject([{amountUsd: 96e6, window: '24h'}])
    expect(extract('A quiet tape. Binance alone saw US\\$58m of forced closures.').liquidations).toEqual([])
    expect(extract('- 24h liquidations: US\\$486m, of which longs US\\$401m.', '- Trailing 7d liquidations: US\\$1.3bn.').liquidations).toMatchObject([{amountUsd: 486e6, long: 401e6}])
  })

  it('a key-value table\'s rows for one asset complete each other; a definition list\'s value goes with its term; "Mkt cap 3.16T" after a label is the total, an asset\'s own "Market cap" is not', () => {
    const table = extract('| Metric | Value |', '|---|---|', '| BTC price | \\$94,150 |', '| BTC 24h | -0.9% |', '| BTC 7d | -4.7% |', '| BTC market cap | \\$1.87T |')
    expect(quote(table, 'BTC')).toMatchObject({price: 94150, change24hPct: -0.9})
    expect(table.marketCap).toBeUndefined()
    expect(quote(extract('BTC', ': \\$94,380 · +1.4% on the day'), 'BTC')).toMatchObject({price: 94380, change24hPct: 1.4})
    expect(extract('**Market.** Mkt cap 3.16T (+1.0%). Dom 58.1%.').marketCap).toMatchObject({usd: 3.16e12, change24hPct: 1})
    expect(extract('- **Bitcoin (BTC):** \\$118,885 (+0.8%) | Market cap \\$2.37T').marketCap).toBeUndefined()
  })

  it('"Label — figure" reads as "Label: figure"; "Fear" / "& Greed" over a line end; "the whole market … is worth"; a change in the price\'s cell; "Total:" under a 24h liquidations title', () => {
    expect(extract('• Liquidations (24h) — \\$214M, longs 41% / shorts 59%', '• BTC open interest — \\$63.8B (▲ 3.4%)').liquidations).toMatchObject([{amountUsd: 214e6, window: '24h'}])
    expect(extract('The whole market, by CoinGecko\'s count, is worth US\\$3.41tn. The Fear', '& Greed index sits at 64.').fearGreed).toBe(64)
    expect(extract('The whole market, by CoinGecko\'s count, is worth US\\$3.41tn.').marketCap).toMatchObject({usd: 3.41e12})
    expect(quote(extract('| Asset | Price |', '|---|---|', '| BTC | \\$95,720 (+1.7%) |'), 'BTC')).toMatchObject({price: 95720, change24hPct: 1.7})
    const {text, tree} = parseBrief('## Market Overview\n\nBTC \\$95,720\n\n## 💀 Liquidations (24h)\n\n- Total: **\\$142M**\n- Longs: \\$61M · Shorts: \\$81M\n')
    expect(extractMarketData(tree, text, undefined, {date: '2025-11-04'}).liquidations).toMatchObject([{amountUsd: 142e6, window: '24h'}])
  })

  it('what sets L and M taught: a ticker in a code block, a bare price after a move, "the overall market", the day\'s extreme, the phrase that gives a cap, a price the week began at', () => {
    const strip = extract('```', 'BTC/USD: 90,310 | Δ24h +1.2% | Δ7d +3.2%', 'MCAP:    3.11T  | Δ24h +1.5%', '```')
    expect(quote(strip, 'BTC')).toMatchObject({price: 90310, change24hPct: 1.2})
    expect(strip.marketCap).toMatchObject({usd: 3.11e12, change24hPct: 1.5})
    expect(quote(extract('Ether eased 1.6% to 3,329 and Solana outpaced both, gaining 4.4% to 156.40.'), 'SOL')).toMatchObject({price: 156.4, change24hPct: 4.4})
    expect(extract('The overall market gained 3.2% to reach 3.55 trillion dollars.').marketCap).toMatchObject({usd: 3.55e12, change24hPct: 3.2})
    expect(quote(extract('Bitcoin fell as much as 3.4% to \\$88,700 in the hour after the data and was last down 2.6% at \\$89,620.05.'), 'BTC')).toMatchObject({change24hPct: -2.6})
    expect(extract('The broader market followed. Total crypto market capitalization rose 1.5% to \\$3.02 trillion.').marketCap).toMatchObject({usd: 3.02e12, change24hPct: 1.5})
    expect(extract('Global crypto market cap is up around 5–6% over the last 24h, retracing part of the sharp Oct 28 drawdown that took total cap to roughly USD 2.9T.').marketCap).toBeUndefined()
    expect(quote(extract('Solana began the week just under \\$168.'), 'SOL')?.price).toBeUndefined()
  })

  it('what set N taught: a data snapshot of snake_case keys in a code block, a 24h column of bare percentages, a table of funds with an asset per column is no prices table', () => {
    const snapshot = extract('```text', 'btc_usd         : 102,344.18', 'btc_chg_24h     : +1.12%', 'btc_chg_7d      : +3.13%', 'basis_3m_ann    : 9.8%', 'tot_mcap_usd    : 3.52T', 'fng             : 69', '```')
    expect(quote(snapshot, 'BTC')).toMatchObject({price: 102344.18, change24hPct: 1.12})
    expect(snapshot.marketCap).toMatchObject({usd: 3.52e12})
    expect(snapshot.fearGreed).toBe(69)
    const board = extract('| Asset | Last | 1h | 24h | 7d |', '|:--|--:|--:|--:|--:|', '| BTC | 96,412 | +0.2 | -0.8 | +3.9 |', '| SOL | 171.92 | -0.1 | (2.7) | +9.5 |')
    expect([quote(board, 'BTC'), quote(board, 'SOL')]).toMatchObject([{price: 96412, change24hPct: -0.8}, {price: 171.92, change24hPct: -2.7}])
    const funds = extract('| Issuer | BTC | ETH | SOL |', '|---|--:|--:|--:|', '| IBIT | 212.4 | 18.9 | 0.0 |', '| AUM (US$ bn) | 128.6 | 19.4 | 2.9 |')
    expect(funds.prices).toEqual([])
  })

  it('"respectively" and "in that order" pair a list of assets with as many figures, in order; a count that does not match pairs nothing', () => {
    const data = extract('At 08:00 UTC bitcoin, ether and solana changed hands at \\$97,420, \\$3,184 and \\$148.60 respectively, having moved +1.2%, -0.4% and +2.9% over the past twenty-four hours, while the total crypto market capitalisation sat at \\$3.41T, up 0.8% on the day.')
    expect([quote(data, 'BTC'), quote(data, 'ETH'), quote(data, 'SOL')]).toMatchObject([
      {price: 97420, change24hPct: 1.2},
      {price: 3184, change24hPct: -0.4},
      {price: 148.6, change24hPct: 2.9}
    ])
    const mixed = extract('Bitcoin slipped 1.8% to \\$95,670 overnight, while ether and solana, quoted at \\$3,101 and \\$143.55, fell 2.6% and 3.4% respectively; the total market cap eased.')
    expect([quote(mixed, 'BTC'), quote(mixed, 'ETH'), quote(mixed, 'SOL')]).toMatchObject([
      {price: 95670, change24hPct: -1.8},
      {price: 3101, change24hPct: -2.6},
      {price: 143.55, change24hPct: -3.4}
    ])
    // Three assets, two figures: none is paired, and none is guessed.
    const short = extract('Bitcoin, ether and solana rose 2% and 3% respectively.')
    expect(short.prices.filter((price) => price.change24hPct !== undefined)).toEqual([])
    // A week's moves in that order are not the 24h changes.
    expect(extract('The same trio, bitcoin, ether and solana, is up 3.1%, 1.4% and 6.2% on the week, in that order.').prices).toEqual([])
  })

  it('a close of another day is not today\'s price or change', () => {
    expect(quote(extract('BTC closed Monday at \\$101,180, a 0.7% gain on the session; this morning it trades at \\$99,850, -0.6% over 24h.'), 'BTC')).toMatchObject({price: 99850, change24hPct: -0.6})
    expect(quote(extract('Yesterday BTC closed at \\$99,610; this morning it trades at \\$100,450.'), 'BTC')).toMatchObject({price: 100450})
  })

  it('what sets P and Q taught: a bold question answered on the next line, "TMC", an abbreviation\'s dot, a strip\'s "|" items, a move over the following weeks', () => {
    const qa = extract('**Where is Bitcoin trading this morning?**', 'Around \\$102,080. That\'s 0.8% higher than 24 hours ago.', '', '**What\'s the total market worth?**', 'Roughly \\$3.58 trillion.')
    expect(quote(qa, 'BTC')).toMatchObject({price: 102080})
    expect(qa.marketCap).toMatchObject({usd: 3.58e12})
    expect(extract('**BTC 97,880 (+1.5%) | TMC 3.39T (+1.6%) | F&G 60**').marketCap).toMatchObject({usd: 3.39e12, change24hPct: 1.6})
    expect(extract('**BTC 99.2k (+1.3%) | MCAP 3.44tn | FGI 69 | LIQ 24h 341M (shorts 71%)**').marketCap).toEqual({usd: 3.44e12, line: BODY + 3})
    expect(extract('Total market capitalization of crypto is approx. 3.36 trillion USD, decrease 1.0% compare to yesterday.').marketCap).toMatchObject({usd: 3.36e12, change24hPct: -1})
    expect(extract('**Global market cap:** \\$3.04T | +0.94% (24h)').marketCap).toMatchObject({usd: 3.04e12, change24hPct: 0.94})
    expect(quote(extract('The last time it was this high, bitcoin dropped 12% over the following two weeks.'), 'BTC')?.change24hPct).toBeUndefined()
  })

  it('what sets S and T taught: a recap\'s close is its figure when nothing later says where it trades now; two sources of Fear & Greed are a range', () => {
    expect(quote(extract('Dip buyers stepped in. BTC closed Monday at \\$94,020 (+1.4%), recovering most of Sunday\'s losses.'), 'BTC')).toMatchObject({price: 94020, change24hPct: 1.4})
    expect(extract('Sentiment: the Fear & Greed Index is 52 on alternative.me and 49 on CoinMarketCap\'s version.').fearGreedRange).toEqual([49, 52])
  })

  it('what set V taught: a 24h change named with its window beats a week named earlier; a distance from another point is not a move; common typos', () => {
    expect(quote(extract('Bitcoin spent the weekend doing very little, which after last week\'s slide felt like a gift: it changes hands around \\$92,300 this morning, up 0.6% over the past 24 hours, though still about 5% lower than where it started the week.'), 'BTC')).toMatchObject({price: 92300, change24hPct: 0.6})
    expect(quote(extract('• **Bitcion:** \\$97,420 (+1.3% 24h)'), 'BTC')).toMatchObject({price: 97420, change24hPct: 1.3})
    expect(extract('Total crypto captialisation climbed back to \\$3.27T, a 1.9% increase.').marketCap).toMatchObject({usd: 3.27e12, change24hPct: 1.9})
  })

  it('what set U taught: emoji arrows sign a move; two sources of Fear & Greed or of the market cap are a range', () => {
    const data = extract('- ₿ BTC — \\$97.1K | 🔻 1.8%', '🌍 **Whole market:** \\$3.39T (🔻1.7% / 24h) · 7d: 🔻2.2%', '😐 **Fear & Greed:** 57 (alt.me) / 63 (CMC)')
    expect(quote(data, 'BTC')).toMatchObject({price: 97100, change24hPct: -1.8})
    expect(data.marketCap).toMatchObject({usd: 3.39e12, change24hPct: -1.7})
    expect(data.fearGreedRange).toEqual([57, 63])
    expect(extract('Total crypto market capitalisation dropped 3.9 per cent to US\\$3.41tn, according to CoinGecko; CoinMarketCap\'s tally is a little higher at US\\$3.44tn.').marketCap).toMatchObject({usdRange: [3.41e12, 3.44e12], change24hPct: -3.9})
  })

  it('what the real corpus\'s messages showed: the low end of a percentage range is no price, an asset\'s own "Market cap" is not the total, tickers in capitals (TON, LINK), a volume change is no 24h change', () => {
    expect(quote(extract('Among major altcoins, BNB fell the steepest at **10–11%** to **\\$1,046–\\$1,151**.'), 'BNB')).toMatchObject({range: [1046, 1151]})
    expect(quote(extract('Among major altcoins, BNB fell the steepest at **10–11%** to **\\$1,046–\\$1,151**.'), 'BNB')?.price).toBeUndefined()
    expect(extract('- **Bitcoin (BTC):** Trading ~\\$78,000–\\$80,000. 24h change: +3% overnight. Market cap: ~\\$1.55T; dominance: 60%.').marketCap).toBeUndefined()
    const majors = extract('- Watchlist majors: ADA 0.276 USD (+5.0%), DOGE 0.095 USD (+5.3%), TON ~1.33–1.34 USD (+0.7–1.5%), LINK 14.2 USD (+1.1%).')
    expect([quote(majors, 'DOGE'), quote(majors, 'TON'), quote(majors, 'LINK')]).toMatchObject([{price: 0.095}, {range: [1.33, 1.34]}, {price: 14.2}])
    expect(quote(extract('| Asset | Price | 24h |', '|---|---|---|', '| **TON** | ~\\$1.40 | Flat (vol +41.7% YoY) |'), 'TON')?.change24hPct).toBeUndefined()
  })

  it('European notation is read the European way where nothing else fits; a decimal comma never makes a shorter number', () => {
    expect(quote(extract('Solana rose to USD 184,20 (+2,96 %).'), 'SOL')).toMatchObject({price: 184.2, change24hPct: 2.96})
    expect(quote(extract('Ether climbed to USD 3.601,15.'), 'ETH')).toMatchObject({price: 3601.15})
    expect(quote(extract('- BTC: 97.845,20 \\$ (−1,1 %)'), 'BTC')).toMatchObject({price: 97845.2, change24hPct: -1.1})
    expect(quote(extract('- BTC: 98 310 \\$'), 'BTC')).toMatchObject({price: 98310})
    expect(extract('Total market cap: USD 3,29 trillion (−0,9 %).').marketCap).toMatchObject({usd: 3.29e12, change24hPct: -0.9})
    // A comma before three digits is a thousands separator, as in English.
    expect(quote(extract('Bitcoin now stands at USD 100,215.'), 'BTC')).toMatchObject({price: 100215})
    expect(findMoney('USD 184,20x').map((money) => money.value)).not.toContain(184)
  })
})

describe('ETF days', () => {
  it('"yesterday" in a Monday brief is Friday, the last day ETFs traded', () => {
    const {text, tree} = parseBrief(['---', 'title: t', 'date: 2026-04-13', '---', '## Market Overview', '', 'Spot Bitcoin ETFs took in \\$120M yesterday.', ''].join('\n'))
    expect(extractMarketData(tree, text, undefined, {date: '2026-04-13'}).etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 120e6, date: '2026-04-10'}])
  })

  it('thread shorthand: "ETFs +$403.9m yday (Tue)" is Bitcoin\'s flow of the day before; ETFs of another asset or of all crypto are not', () => {
    expect(extract('5/ ETFs +\\$403.9m yday (Tue) 🟢').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 403.9e6, date: '2025-11-03'}])
    expect(extract('US spot ETFs logged a net +\\$412.6M on Monday.').etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 412.6e6, date: '2025-11-03'}])
    expect(extract('Spot crypto ETFs +\\$338M yday.').etfFlows).toEqual([])
    expect(extract('Staking ETFs +\\$38M yday.').etfFlows).toEqual([])
  })

  it('"pulled in" is an inflow; a day right before a bracketed amount is that amount\'s; bare "ETF flows" are Bitcoin\'s, "XRP ETFs" are not', () => {
    expect(extract('US spot ETFs pulled in a net \\$612M on Monday, with IBIT doing \\$401M of that on its own.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 612e6}])
    expect(extract('- ETF Flows: Negative on Oct 30 (-\\$463M) and Oct 31 (-\\$2.1M).').etfFlows).toMatchObject([
      {direction: 'outflow', amountUsd: 463e6, date: '2025-10-30'},
      {direction: 'outflow', amountUsd: 2.1e6, date: '2025-10-31'}
    ])
    expect(extract('- Mon ETF flows: **+\\$815M net**. biggest day of the month.').etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 815e6, date: '2025-11-03'}])
    expect(extract('- XRP ETFs saw +\\$15M net on Monday.').etfFlows.filter((flow) => flow.asset === 'BTC')).toEqual([])
  })

  it('a table of funds is read at its total row, for the day and asset its title or header names; bare cells take the header\'s millions', () => {
    const {text, tree} = parseBrief(['---', 'title: t', 'date: 2026-12-02', '---', '## Flows: Tuesday, Dec 1', '', '| Fund | Net flow (US$M) |', '|---|---:|', '| IBIT (BlackRock) | +312.5 |', '| GBTC (Grayscale) | −40.2 |', '| **Total** | **+400.1** |', '', '## ETF flows (Mon 11/30)', '', '| Fund | Flow |', '|---|---:|', '| ETHA | -$20.1M |', '| **Total ETH** | **-$33.9M** |', '', '## Spot ETF Flows, week to date', '', '| Fund | Flow |', '|---|---:|', '| **Total** | **+$638.5M** |', ''].join('\n'))
    expect(extractMarketData(tree, text, undefined, {date: '2026-12-02'}).etfFlows).toMatchObject([
      {asset: 'BTC', direction: 'inflow', amountUsd: 400.1e6, date: '2026-12-01'},
      {asset: 'ETH', direction: 'outflow', amountUsd: 33.9e6, date: '2026-11-30'}
    ])
  })

  it('"exchange-traded funds" are ETFs; under an "ETF Flows" title a day\'s labelled line is a flow; a bound beside the exact figure is not one', () => {
    expect(extract('US spot bitcoin exchange-traded funds recorded net outflows of \\$133.9 million on Friday.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 133.9e6, date: '2025-10-31'}])
    const {text, tree} = parseBrief('## Market Overview\n\nBTC \\$95,720\n\n## ETF Flows\n\n- **Monday net flow (BTC):** a modest inflow of roughly \\$72.1M\n- **Friday net flow (BTC):** an outflow just shy of \\$240 million\n')
    expect(extractMarketData(tree, text, undefined, {date: '2025-11-04'}).etfFlows).toEqual([expect.objectContaining({asset: 'BTC', direction: 'inflow', amountUsd: 72.1e6, date: '2025-11-03'})])
  })

  it('a table of days by fund is read at its Total column, in the millions its title names; an unsigned net flow is an inflow', () => {
    const {text, tree} = parseBrief(['---', 'title: t', 'date: 2027-07-08', '---', '## Market Overview', '', 'BTC \\$100,820', '', '## US Spot BTC ETF Net Flows (US$ M)', '', '| Date | IBIT | FBTC | Total |', '|---|---:|---:|---:|', '| 02 Jul | 12.4 | -61.5 | -49.1 |', '| 06 Jul | 301.7 | 120.4 | 422.1 |', '| 07 Jul | 140.2 | -52.6 | 87.6 |', '| **Week** | **454.3** | **6.3** | **460.6** |', ''].join('\n'))
    // (Each row is its own day's, up to ten days back: fixtures/corpus-labels.md keeps earlier days with their day.)
    expect(extractMarketData(tree, text, undefined, {date: '2027-07-08'}).etfFlows).toMatchObject([
      {asset: 'BTC', direction: 'outflow', amountUsd: 49.1e6, date: '2027-07-02'},
      {asset: 'BTC', direction: 'inflow', amountUsd: 422.1e6, date: '2027-07-06'},
      {asset: 'BTC', direction: 'inflow', amountUsd: 87.6e6, date: '2027-07-07'}
    ])
  })

  it('"exit" and "selling" are outflows, "buying" an inflow', () => {
    expect(extract('Spot bitcoin ETFs saw a \\$285.6 million exit on Monday.').etfFlows).toMatchObject([{direction: 'outflow', amountUsd: 285.6e6}])
    expect(extract('ETH ETFs saw modest buying (\\$31.2M) on Monday.').etfFlows).toMatchObject([{asset: 'ETH', direction: 'inflow', amountUsd: 31.2e6}])
  })
})

describe('plausibility from the brief itself', () => {
  it('a total cap that leaves Bitcoin an impossible share is withheld; a price outside its band or its own range is withheld', () => {
    const contradiction = extract('- **BTC:** \\$70,000 (+1.0%)', '- **Total Market Cap:** \\$1.2T (+0.5%)')
    expect(contradiction.marketCap).toBeUndefined()
    expect(quote(contradiction, 'BTC')).toEqual({symbol: 'BTC', price: 70000, change24hPct: 1, line: BODY + 3})
    expect(contradiction.withheld.map((item) => item.field)).toEqual(['total market cap'])
    expect(extract('- **BTC:** \\$70,000 (+1.0%)', '- **Total Market Cap:** \\$2.4T (+0.5%)').marketCap).toMatchObject({usd: 2.4e12})
    expect(quote(extract('- Bitcoin trades at \\$71.4 (+1.0%)'), 'BTC')?.price).toBeUndefined()
    const contradicted = extract('- Bitcoin at \\$80,100, range \\$70,000–\\$71,500')
    expect(quote(contradicted, 'BTC')?.price).toBeUndefined()
    expect(contradicted.withheld.map((item) => item.field)).toEqual(['BTC price'])
  })

  it('a price at odds with the brief\'s other figures, which agree with each other, is the one withheld: the cap stays', () => {
    // "a 1 700 USD band" read as Bitcoin's price, beside Ether, Solana and the total cap of the same day.
    const odd = extract('- **BTC:** \\$1,700 (+0.9%)', '- **ETH:** \\$3,941 (+1.5%)', '- **SOL:** \\$191.40 (+1.3%)', '- **Total Market Cap:** \\$3.66T (+0.8%)')
    expect(quote(odd, 'BTC')).toEqual({symbol: 'BTC', change24hPct: 0.9, line: BODY + 3})
    expect(odd.marketCap).toMatchObject({usd: 3.66e12})
    expect(quote(odd, 'ETH')?.price).toBe(3941)
    expect(odd.withheld).toMatchObject([{field: 'BTC price', value: '$1,700', expected: expect.stringMatching(/ETH at \$3,941, SOL at \$191\.4, a total cap of \$3\.66T/)}])
    // Two prices at odds with nothing to tell which is wrong: both go.
    const pair = extract('- **BTC:** \\$98,700 (+0.9%)', '- **ETH:** \\$39,410 (+1.5%)')
    expect([quote(pair, 'BTC')?.price, quote(pair, 'ETH')?.price]).toEqual([undefined, undefined])
    expect(pair.withheld.map((item) => item.field)).toEqual(['BTC price', 'ETH price'])
    // Prices that fit together are all kept.
    expect(extract('- **BTC:** \\$98,700 (+0.9%)', '- **ETH:** \\$3,941 (+1.5%)', '- **SOL:** \\$191.40 (+1.3%)').withheld).toEqual([])
  })

  it("a total cap stated as a band is checked at its middle, and named as written: '$2.4T–$2.45T' beside BTC at $91,000 stays", () => {
    expect(extract('- **BTC:** \\$91,000 (+1.0%)', '- **Total Market Cap:** \\$2.4T–\\$2.45T (+0.5%)').marketCap).toMatchObject({usdRange: [2.4e12, 2.45e12]})
    const [held] = extract('- **BTC:** \\$91,000 (+1.0%)', '- **Total Market Cap:** \\$1.2T–\\$1.3T (+0.5%)').withheld
    expect(held).toMatchObject({field: 'total market cap', value: '$1.2T–$1.3T'})
  })

  it("says a share just past its bound with a decimal ('here 75.4%'), not as the bound itself ('here 75%')", () => {
    const [held] = extract('- **BTC:** \\$91,000 (+1.0%)', '- **Total Market Cap:** \\$2.4T (+0.5%)').withheld
    expect(held?.expected).toMatch(/35–75% of it \(here 75\.\d%\)/)
  })
})

import {describe, expect, it} from 'vitest'
import {extractDated, priceOf} from './market-helpers.js'

/** A whole brief body, as exports and hand edits leave it. */
const extract = (...body: string[]) => extractDated('2028-09-13', ...body)
const price = priceOf

describe('layouts of exports and hand edits', () => {
  it('figures in sub-bullets under a bullet that names the asset', () => {
    const data = extract('- Markets', '  - Bitcoin', '    - Price: 98,140', '    - 24h: +0.3%', '    - Key levels', '      - Support: 96,000', '  - Ethereum', '    - Price: 3,418', '    - 24h: +0.5%')
    expect(price(data, 'BTC')).toMatchObject({price: 98140, change24hPct: 0.3})
    expect(price(data, 'ETH')).toMatchObject({price: 3418, change24hPct: 0.5})
  })

  it('a bold label on its own line, its value on the next', () => {
    const data = extract('## 📈', '', '**Bitcoin**', '$94,560 · up 1.2% in 24h', '', '**Total crypto market cap**', '$3.35 trillion, +1.2% on the day', '', '**Fear & Greed**', '47 — Neutral', '', '**A month ago**', '29 — Fear')
    expect(price(data, 'BTC')).toMatchObject({price: 94560, change24hPct: 1.2})
    expect(data.marketCap).toMatchObject({usd: 3.35e12, change24hPct: 1.2})
    expect(data.fearGreed).toBe(47)
  })

  it('punctuation escaped by a document editor, and broken bold', () => {
    const data = extract('## **Market snapshot**', '', '* **Bitcoin (BTC)**', '   * **Price:**** **\\$95,120', '   * 24h: +1.2\\%', '', 'Total crypto market cap sits at \\$3.41 trillion, up 0.9\\% on the day.')
    expect(price(data, 'BTC')).toMatchObject({price: 95120, change24hPct: 1.2})
    expect(data.marketCap).toMatchObject({usd: 3.41e12, change24hPct: 0.9})
  })

  it('European amounts with a trailing currency and German magnitudes', () => {
    const data = extract('## Market', '', 'Bitcoin starts the week at **99.240 $** (+0,9 % in 24h).', '', 'Liquidations 24h: 187 Mio. $ (long 41 %, short 59 %). Open interest: 66,8 Mrd. $.')
    expect(price(data, 'BTC')).toMatchObject({price: 99240, change24hPct: 0.9})
    expect(data.liquidations[0]?.amountUsd).toBe(187e6)
  })

  it("two providers' tallies of one ETF flow: neither is shown; a fund's flow beside the total does not count as a second tally", () => {
    const disputed = extract('## ETF flows', '', "Wednesday's spot bitcoin ETF net was +$289.1M per Farside (+$301.7M per SoSoValue).")
    expect(disputed.etfFlows).toEqual([])
    const withFund = extract('## ETF flows', '', 'Wednesday: spot BTC ETFs +$227.8M net per Farside. IBIT +$301M, GBTC −$58M.')
    expect(withFund.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 227.8e6}])
  })

  it('the exact total cap in the body beats the rounded one of a TL;DR above it', () => {
    const data = extract('> **TL;DR** — BTC flat ~103k, total cap ≈$3.5T, F&G 64.', '', '## Market', '', 'The whole market shrank by 1.8% to $3.533tn, while the stablecoin market cap fell to $314B.')
    expect(data.marketCap?.usd).toBe(3.533e12)
  })

  it('two assets run together in one sentence are paired in order, as with "respectively"', () => {
    const data = extract('## Tape', '', '🟢 **green day:** BTC and ETH at 96.7k and 3.52k, up 1.1% and 0.9% on the day. SOL 183, up 1.7.', '', 'Over the weekend BTC added 1.8% total.')
    expect(price(data, 'BTC')).toMatchObject({price: 96700, change24hPct: 1.1})
    expect(price(data, 'ETH')).toMatchObject({price: 3520, change24hPct: 0.9})
  })

  it("an ETF flow's direction is the word that governs its amount, not a run mentioned after it", () => {
    const data = extract('## Flows', '', 'Wednesday ETF flows: US spot BTC ETFs net inflow of USD 58.6M, ending a three-day outflow run.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 58.6e6}])
  })

  it('a numbered "numbers that matter" list: each item is its own statement', () => {
    const data = extract('## Numbers that matter', '', '4. **3.41tn** — total crypto market cap', '5. **59** — Fear & Greed', '6. **7** — days of ETF inflows in a row')
    expect(data.fearGreed).toBe(59)
  })

  it('a day an ETF flow is compared with is not its day', () => {
    expect(extractDated('2028-05-10', '**Flows:** Tuesday\'s spot BTC ETF tally was +$74.2M, well below Monday\'s pace.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 74.2e6, date: '2028-05-09'}])
  })

  it('liquidations: a clause that goes on with the subject of the one before, and totals of another window beside the day\'s', () => {
    const total = (line: string) => extract('## Derivatives', '', line).liquidations[0]?.amountUsd
    expect(total('Liquidations were tiny — roughly $131M across all venues in the last day, the biggest single one a $6.2M ETH long.')).toBe(131e6)
    expect(total('Weekend liquidations (Fri–Sun) added up to $318M; the past 24h alone saw just $96M.')).toBe(96e6)
    expect(total('Roughly $422 million of positions were liquidated in the past day, of which shorts accounted for $301M, and the heaviest hour alone wiped out $97M.')).toBe(422e6)
    expect(total('Liquidation amount in 24 hour is 121 million dollar.')).toBe(121e6)
    // Not carried: a side, another source's count, another sentence.
    expect(total('$1.8-2.0 billion in forced liquidations; approximately $1.38-1.63 billion came from long positions.')).toBe(1.8e9)
    // (Another provider's count of the same total makes it a band: see "two providers' liquidation totals" below.)
    expect(extract('CoinGlass counts $377M of liquidations over the past 24 hours; Coinalyze, which covers fewer venues, has $352M.').liquidations[0]?.amountUsdRange).toEqual([352e6, 377e6])
  })

  it("a day's ETF flow inside a streak is still that day's", () => {
    expect(extractDated('2028-08-02', '### ETFs', '', 'Spot BTC ETFs extended their streak with a $118.5M net inflow on Tuesday.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 118.5e6, date: '2028-08-01'}])
  })

  it('an ETF flow whose day is written "Friday 19 March" or "Tue 16 Mar", beside a cumulative figure after a middle dot', () => {
    expect(extractDated('2027-03-21', '- **BTC spot ETFs, Friday 19 March:** +$351.7M').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 351.7e6, date: '2027-03-19'}])
    expect(extractDated('2027-03-17', '**Spot BTC ETFs, Tue 16 Mar:** +61.9M net · cumulative since launch 62.9B').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 61.9e6, date: '2027-03-16'}])
    // A month with no day is still a month's total.
    expect(extractDated('2027-03-21', 'Spot BTC ETFs took in $1.6B net in March so far.').etfFlows).toEqual([])
  })

  it('liquidations and the total cap stated under a sentiment section are read; one side with "$300M+" is not a total', () => {
    const data = extractDated('2027-08-31', '## Sentiment', '', 'The Fear & Greed Index cooled to 51. Total crypto market cap: $3.52T.', 'Liquidations reached $389M in the past 24 hours, mostly longs ($301M).')
    expect(data.liquidations).toMatchObject([{amountUsd: 389e6, long: 301e6}])
    expect(data.marketCap).toMatchObject({usd: 3.52e12})
    expect(extractDated('2025-12-10', '## Social & Sentiment', '', '- Liquidation data: $300M+ in short liquidations overnight, easing downside risk.').liquidations).toEqual([])
  })

  it("a liquidations label over amounts of several windows gives the day's; a day it is compared with is not its day", () => {
    expect(extractDated('2027-11-04', '- 💣 **Liquidations**: $96M in the last 4 hours, $402M over 24h (longs ~72%)').liquidations).toMatchObject([{amountUsd: 402e6}])
    expect(extractDated('2027-11-04', '- Liquidations: $96M in the last 4 hours, $402M on Monday').liquidations).toEqual([])
    expect(extractDated('2027-01-21', "Liquidations over the past 24 hours were a modest $190 million, less than a fifth of Monday's figure.").liquidations).toMatchObject([{amountUsd: 190e6}])
  })

  it("a leverage table by asset: the 'All' column is the total, an asset's column its part, and a row's own label still decides", () => {
    const board = ['| | BTC | ETH | SOL | **All** |', '|---|---|---|---|---|', '| Open interest | $86.1bn | $41.3bn | $11.6bn | **$151.0bn** |', '| Liquidations 24h | $298M | $201M | $97M | **$735M** |']
    expect(extractDated('2030-03-25', ...board).liquidations).toMatchObject([{amountUsd: 735e6}])
    const single = ['| metric | BTC | all venues |', '|---|---:|---:|', '| Largest single liquidation | BTC-USDT, Binance | $18.6M |']
    expect(extractDated('2030-03-25', ...single).liquidations).toEqual([])
  })

  it('a figure line under an asset item may open on "spot"; a sentence about a round number is no price', () => {
    const data = extractDated('2030-03-25', '1. **Solana**', '   - spot **$193.20** ▲ 4.5%', '   - $200 is the obvious magnet')
    expect(priceOf(data, 'SOL')).toMatchObject({price: 193.2, change24hPct: 4.5})
    expect(priceOf(extractDated('2030-03-25', '1. **Solana**', '   - $200 is the obvious magnet for the week'), 'SOL')).toBeUndefined()
  })

  it('a European table ("98 420,50", a cell of "171,35" alone) and a list of European levels ("Support at 97.000 $, then 95.500 $")', () => {
    const table = extractDated('2030-01-08', '| Asset | Last (USD) | 24 h |', '|:--|--:|--:|', '| Bitcoin (BTC) | 98 420,50 | −2,9 % |', '| Solana (SOL) | 171,35 | −3,5 % |')
    expect(priceOf(table, 'BTC')).toMatchObject({price: 98420.5, change24hPct: -2.9})
    expect(priceOf(table, 'SOL')).toMatchObject({price: 171.35, change24hPct: -3.5})
    expect(extractDated('2030-01-08', '**Technical levels, Bitcoin.** Support at 97.000 $, then 95.500 $. Resistance at 100.000 $ and 102.400 $.').prices).toEqual([])
  })

  it("a sentence of conditions after the asset's move gives no price", () => {
    const data = extractDated('2030-01-29', 'BTC is 1.3 pct down on the day. We stand aside until either 105.1k holds on a daily close or 110k is reclaimed.')
    expect(priceOf(data, 'BTC')).toEqual(expect.objectContaining({change24hPct: -1.3}))
    expect(priceOf(data, 'BTC')?.price).toBeUndefined()
    // The next sentence still gives the price when it says where the asset trades.
    expect(priceOf(extractDated('2030-01-29', 'BTC is 1.3 pct down on the day. The leading cryptocurrency trades at $106,750.'), 'BTC')).toMatchObject({price: 106750, change24hPct: -1.3})
  })

  it("venues that disagree: 'between +0.5 and +0.9 percent' and 'between US$390M and US$410M' are ranges; open interest's move is not the asset's", () => {
    expect(priceOf(extractDated('2030-02-27', 'Bitcoin at **$108,050**. On the day, the venues disagree: somewhere between +0.5 and +0.9 percent.'), 'BTC')).toMatchObject({price: 108050, change24hRange: [0.5, 0.9]})
    expect(extractDated('2030-02-08', '- **Liquidations, 24h:** between US$390M and US$410M depending on the venues.').liquidations).toMatchObject([{amountUsdRange: [390e6, 410e6]}])
    expect(extractDated('2030-01-29', '- OI BTC 70.3 billion ▼ 5.1 pct · funding +0.004 pct / 8h').prices).toEqual([])
  })

  it('liquidations whose label names one asset are not the total', () => {
    expect(extractDated('2030-01-10', 'Liquidations of Bitcoin positions over 24 hours: 148 million USD, two thirds of them longs.').liquidations).toEqual([])
    expect(extractDated('2030-01-10', 'Liquidations of all positions over 24 hours: 412 million USD.').liquidations).toMatchObject([{amountUsd: 412e6}])
  })

  it("a table of funds read at its total row, however it is labelled ('BTC total', 'Sum, spot BTC ETFs'), with the day of the title or of the column", () => {
    const byTitle = extractDated('2030-03-19', '## ETF flows, Monday 18 March', '', '| Fund | Net flow (million USD) |', '|---|---|', '| IBIT | +142.6 |', '| GBTC | −6.0 |', '| **Sum, spot BTC ETFs** | **+288.1** |')
    expect(byTitle.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 288.1e6, date: '2030-03-18'}])
    const byColumn = extractDated('2030-03-09', '## Weekend FAQ', '', '| Fund | Friday, March 8 |', '|---|---|', '| IBIT | −301.2M |', '| **Total, spot BTC ETFs** | **−688.0M** |')
    expect(byColumn.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 688e6, date: '2030-03-08'}])
    // The edition's own day in the title is not the flows' day.
    const edition = extractDated('2030-03-12', '## The Tuesday FAQ', '', '| Fund | Flow |', '|---|---|', '| **Spot BTC ETFs, total** | **−214.0M** |')
    expect(edition.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 214e6}])
    expect(edition.etfFlows[0]?.date).toBeUndefined()
    // Another fund's row is not a total.
    expect(extractDated('2030-03-19', '## ETF flows, Monday 18 March', '', '| Fund | Net flow ($M) |', '|---|---|', '| Others (ETH) | +7.1 |').etfFlows).toEqual([])
  })

  it("liquidations: a bound in a comment yields to the exact figure; a side word before the next amount labels that amount; a heading may open on its figure", () => {
    const both = extractDated('2030-01-09', '## Sentiment', '', 'Liquidations in the past 24 hours amounted to **391 million USD** (longs 268 million USD).', '', '## Desk comment', '', 'The reaction was orderly: liquidations stayed under 400 million USD.')
    expect(both.liquidations).toMatchObject([{amountUsd: 391e6}])
    expect(extractDated('2030-03-13', '```', 'LIQUIDATIONS 24H      US$265M     longs US$101M / shorts US$222M', '```').liquidations).toMatchObject([{amountUsd: 265e6}])
    const headings = extractDated('2030-02-24', '### $131M: liquidated in 24 hours', '', '### $3.55tn: the whole market, up 0.6 percent')
    expect(headings.liquidations).toMatchObject([{amountUsd: 131e6}])
    expect(headings.marketCap).toMatchObject({usd: 3.55e12, change24hPct: 0.6})
    // A heading that only names a topic still states nothing.
    expect(extractDated('2030-02-24', '## Derivatives Flashpoint: $2B Liquidation Cascade').liquidations).toEqual([])
  })

  it('a FAQ: the paragraph after a bold question answers it', () => {
    const faq = extractDated('2030-03-08', '**Were there liquidations?**', '', 'Yes, 530 million dollars across all exchanges in 24 hours: 402 million of longs and 128 million of shorts.', '', '**Where is Bitcoin trading?**', '', 'Around $102,080, up 1.1% on the day.')
    expect(faq.liquidations).toMatchObject([{amountUsd: 530e6}])
    expect(priceOf(faq, 'BTC')).toMatchObject({price: 102080, change24hPct: 1.1})
  })

  it('an answer about "it" gives the price its question asked; a past level after "now" is not where it trades', () => {
    expect(priceOf(extractDated('2030-03-12', '**Is Bitcoin back above 100k?**', '', 'Yes, for now. It trades at 101.2k, up 1.4 percent over 24 hours. Yesterday morning it was 99.8k.'), 'BTC')).toMatchObject({price: 101200, change24hPct: 1.4})
    expect(priceOf(extractDated('2030-03-12', '**Is Bitcoin back above 100k?**', '', 'Not yet. It would need a close above 101k first.'), 'BTC')).toBeUndefined()
    const given = extractDated('2026-09-07', 'Bitcoin slipped 0.9% to $107,600 in early European trading. The world\'s largest cryptocurrency has now given back most of Thursday\'s gain, which had briefly carried it to $110,900.')
    expect(priceOf(given, 'BTC')).toMatchObject({price: 107600, change24hPct: -0.9})
  })

  it("an asset's section: a line opening on a clock time is read after it, the latest time wins, and a figure line may go on with other sentences", () => {
    const timed = extractDated('2030-01-29', '### ◆ BTC', '', '- 08:00 UTC: spot 107.4k ▼ 0.7 pct', '- **14:00 UTC refresh: spot 106.75k ▼ 1.3 pct** (use this)', '- yday cut 108.2k · 7d ▲ 6.9 pct')
    expect(priceOf(timed, 'BTC')).toMatchObject({price: 106750, change24hPct: -1.3})
    const last = extractDated('2030-01-10', '### Bitcoin', '', 'Last **97 955 USD**, **+0,6 %** in 24 hours. The range of the week so far is 95 800 – 102 100 USD; the weekly change is −3,3 %.')
    expect(priceOf(last, 'BTC')).toMatchObject({price: 97955, change24hPct: 0.6})
  })

  it("the total cap as a wire's 'TTL CAP' or a letter's 'the market is worth'; a cap of a week ago is not today's", () => {
    expect(extractDated('2030-01-02', 'TTL CAP 3.71T +0.9 | BTC MCAP 2.06T | STABLES 318.6B').marketCap).toMatchObject({usd: 3.71e12})
    expect(extractDated('2030-02-01', 'Taken together the market is worth $3.86 trillion, up 1.6 percent since yesterday morning.').marketCap).toMatchObject({usd: 3.86e12, change24hPct: 1.6})
    expect(extractDated('2030-02-01', 'Bitcoin alone is worth $2.23 trillion; the market was worth $3.9 trillion a week ago.').marketCap).toBeUndefined()
  })

  it('a sentence that opens on the price before the name ("At $20,000, Bitcoin is up …"), unless it states a condition or a level', () => {
    expect(priceOf(extractDated('2025-01-01', '## Market Overview', 'At $20,000, Bitcoin is up 0.4% over 24 hours.'), 'BTC')).toMatchObject({price: 20000, change24hPct: 0.4})
    expect(extractDated('2025-01-01', '## Market Overview', 'At $105,000, Bitcoin would face the next wall.').prices).toEqual([])
    expect(extractDated('2025-01-01', '## Market Overview', 'At $105,000, Bitcoin meets resistance.').prices).toEqual([])
    expect(extractDated('2025-01-01', '## Market Overview', 'Whales moved 10,000 BTC to exchanges.').prices).toEqual([])
  })

  it("no price from 'within 0.5% of 106 000 USD', from a week-ago price written with USD after it, or from the next hurdle; a heading's 'k to k' band is a range only", () => {
    const data = extractDated('2030-08-22', 'BTC is within 0.5% of 106 000 USD, and SOL outpaced everything.', '', 'Mind the 7-day column: BTC was at 97 200 USD a week ago today. The next hurdle is 108 200 USD, the Aug 10 high.')
    expect(priceOf(data, 'BTC')?.price).toBeUndefined()
    const band = extractDated('2030-08-14', '## Bitcoin — 98.9k to 99.4k, ↓2.4–2.9%')
    expect(priceOf(band, 'BTC')).toEqual(expect.objectContaining({range: [98900, 99400], change24hRange: [-2.9, -2.4]}))
    expect(priceOf(band, 'BTC')?.price).toBeUndefined()
    // "near 3.1k USD with modest intraday decline" is still the price.
    expect(priceOf(extractDated('2025-12-07', '- ETH is near 3.1k USD with modest intraday decline.'), 'ETH')).toMatchObject({price: 3100})
  })

  it("two providers' liquidation totals joined by 'to' are a band; an ETF flow's day is not one named after 'after'", () => {
    expect(extractDated('2030-07-26', 'Liquidations, 24h: $356m (CoinGlass) to $388m (Coinalyze). On the CoinGlass count, longs 44%.').liquidations).toMatchObject([{amountUsd: 356e6, amountUsdRange: [356e6, 388e6]}])
    const flow = extractDated('2030-07-09', 'Yesterday was another outflow day for the US spot bitcoin funds: minus 238.9 million dollars net, after the 412.7 million drain on Friday.').etfFlows
    expect(flow).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 238.9e6}])
    expect(flow[0]?.date).not.toBe('2030-07-05')
  })

  it("headings of no known kind are still sections: a fund table's total under '## 2. ETF creations / redemptions: Fri 28 Jun' has its day", () => {
    const data = extractDated('2030-07-01', '## 1. Spot', '', 'BTC $114,860 (+1.8% 24h)', '', '## 2. ETF creations / redemptions: Fri 28 Jun', '', '| Fund | Net (USD m) |', '|---|---|', '| IBIT | +158.9 |', '| **US spot BTC total** | **+212.4** |')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 212.4e6, date: '2030-06-28'}])
  })

  it("an ETF flow takes its day from the sentence before, which names the funds and gives no amount; not a day it says has no figure, nor a multi-day or month-so-far total", () => {
    expect(extractDated('2030-07-06', 'Friday was ugly for the spot bitcoin funds. Net outflows came to 412.7 million dollars across the complex.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 412.7e6, date: '2030-07-05'}])
    expect(extractDated('2028-03-08', 'Flows into US spot bitcoin ETFs were not yet available for Wednesday. On Tuesday the funds posted net outflows of $61.2 million, bringing four-day redemptions to roughly $520 million.').etfFlows).toMatchObject([{amountUsd: 61.2e6, date: '2028-03-07'}])
    expect(extractDated('2028-12-13', "🏦 ETF corner: red too. Tuesday's print was 128m out of the spot BTC funds. Month so far still green (+1.1bn).").etfFlows.map((flow) => flow.amountUsd)).not.toContain(1.1e9)
  })

  it("a liquidations table by window, in Markdown or in a code block: the 24h row is the total", () => {
    const table = extractDated('2030-07-01', '## 3. Liquidation ledger', '', '| Window | Total | Note |', '|---|---|---|', '| 1h | $9.8M | quiet |', '| 12h | $118.7M | |', '| **24h** | **$286.4M** | longs $105.2M / shorts $181.2M |')
    expect(table.liquidations).toMatchObject([{amountUsd: 286.4e6}])
    const block = extractDated('2030-07-11', '## Liquidations', '', '```', 'window   total      longs    shorts', '1h       US$21.7M', '12h      US$301.5M', '24h      US$522.4M  32%      68%', '```')
    expect(block.liquidations).toMatchObject([{amountUsd: 522.4e6}])
  })

  it("a change written as a comparison with the day before: '1.3 percent less than a day earlier'", () => {
    expect(extractDated('2030-12-02', 'Taken together, the crypto market is worth 3.62 trillion dollars, 1.3 percent less than a day earlier.').marketCap).toMatchObject({usd: 3.62e12, change24hPct: -1.3})
    expect(extractDated('2030-12-02', 'The crypto market is worth 3.62 trillion dollars, 1.3 percent more than a day earlier.').marketCap).toMatchObject({change24hPct: 1.3})
  })

  it("a numbered key-numbers list: 'BTC yesterday at this time:' is another moment; a dash before '+2,1 %' is no minus", () => {
    expect(priceOf(extractDated('2031-01-22', '1. BTC: $102,900 ↓0.8% (24h)', '2. BTC yesterday at this time: $103,740'), 'BTC')).toMatchObject({price: 102900, change24hPct: -0.8})
    expect(priceOf(extractDated('2031-01-28', '- BTC: 111 200 USD — +2,1 % (24h)'), 'BTC')).toMatchObject({price: 111200, change24hPct: 2.1})
  })

  it("'On a seven-day basis SOL is still up 1.2%' is a week's move; 'dropping 6.16% to a two-month low' is the day's", () => {
    expect(priceOf(extractDated('2031-01-06', 'On a seven-day basis SOL is still up 1.2%, a reminder of how quickly things changed.'), 'SOL')).toBeUndefined()
    expect(priceOf(extractDated('2026-01-30', 'Bitcoin slid to a two-month low overnight, dropping **6.16%** to **$82,686 USD**.'), 'BTC')).toMatchObject({change24hPct: -6.16})
  })

  it("thousands set apart by a space before a decimal point: '2 911.40 USD'", () => {
    expect(priceOf(extractDated('2031-02-12', '### Ether: 2 911.40 USD, −3.61%'), 'ETH')).toMatchObject({price: 2911.4, change24hPct: -3.61})
  })

  it("'## Where are we? The overview' is the market overview, so its prose beats a glance table copied from the day before", () => {
    const data = extractDated('2031-02-24', '## Where are we? The overview', '', 'Bitcoin dropped to **$103,880**, down **3.13%** in 24 hours.', '', '## Numbers at a glance', '', '| | |', '|---|---|', '| BTC | $107,240 (+1.6%) |')
    expect(priceOf(data, 'BTC')).toMatchObject({price: 103880, change24hPct: -3.13})
  })

  it("'at the time of writing' after the price is now, not another moment", () => {
    expect(priceOf(extractDated('2031-02-02', '## Market overview', '', 'Bitcoin changed hands at US$103,912 at the time of writing, up 1.84 percent over 24 hours.'), 'BTC')).toMatchObject({price: 103912, change24hPct: 1.84})
  })

  it("'remained near $3,375 levels' is where it trades; 'resistance near $100,000 levels' is a level", () => {
    expect(priceOf(extractDated('2025-12-27', 'Ethereum remained near $3,375 levels, while Solana posted modest gains.'), 'ETH')).toMatchObject({price: 3375})
    expect(extractDated('2025-12-27', 'Bitcoin faces resistance near $100,000 levels.').prices).toEqual([])
  })

  it('a changelog: the value after the arrow is the new one; a month-ago line is no price', () => {
    const data = extract('## Changed', '', '- `BTC` → 99,780 (+0.7%)', '- `TOTAL_CAP` 3.55T → 3.47T (−2.3%)', '', '## Context', '', '- BTC a month ago: 92,400.')
    expect(price(data, 'BTC')).toMatchObject({price: 99780, change24hPct: 0.7})
    expect(data.marketCap?.usd).toBe(3.47e12)
  })

  it("a desk's S/R shorthand is no price; a band between two k amounts is a range", () => {
    expect(price(extract('**BTC** levels only today → S 99k / R 102k'), 'BTC')).toBeUndefined()
    expect(price(extract("## Tape", '', "BTC's sitting between 100.2k and 100.9k this morning, up roughly 3%."), 'BTC')).toMatchObject({range: [100200, 100900]})
  })

  it("a quarter's move and a week's list of moves are not the 24h change", () => {
    expect(price(extract('## Board', '', '- BTC Q3: +6.8%; ETH Q3: +14.1%.'), 'ETH')?.change24hPct).toBeUndefined()
    expect(price(extract('## Board', '', 'Bitcoin up 3.2% on the week, ether up 4.4%, solana up 1.8%.'), 'SOL')?.change24hPct).toBeUndefined()
  })

  it('a table of support and resistance gives no price, even after a snapshot block that does', () => {
    const levels = ['## Levels', '', '| | Support | Resistance |', '|---|---|---|', '| BTC | US$95.0K / US$94.87K | US$100K / US$104K |', '| SOL | US$150 | US$175 |']
    expect(extract(...levels).prices).toEqual([])
    const data = extract('```text', 'SNAPSHOT   07:00 UTC', 'BTC        US$97,240     −1.6%    7d −4.5%', '```', '', ...levels)
    expect(price(data, 'BTC')).toMatchObject({price: 97240})
  })

  it("'US$97,240 −1.6%' is a price and its change, not a range of percentages; '7d −4.5%' labels the figure after it", () => {
    expect(price(extract('BTC US$97,240 −1.6% (7d −4.5%)'), 'BTC')).toMatchObject({price: 97240, change24hPct: -1.6})
    expect(price(extract('```text', 'SNAPSHOT   07:00 UTC', 'ETH        US$3,302      −2.2%    7d −4.9%', '```'), 'ETH')).toMatchObject({price: 3302, change24hPct: -2.2})
    // Written after its figure, the period is that figure's own: no 24h change here.
    expect(price(extract('BTC $97,240 +1.2% 7d +4.5% 30d'), 'BTC')?.change24hPct).toBeUndefined()
  })

  it("Fear & Greed 'somewhere between 68 and 71', 'values range from 60 to 66', 'entre 74 y 78' is a band; 'climbed from 60 to 66' is 66", () => {
    expect(extract('Sentiment trackers disagree: the Crypto Fear & Greed Index is somewhere between 68 and 71 depending on the provider.').fearGreedRange).toEqual([68, 71])
    expect(extract('Readings differ by provider today: Fear & Greed Index values range from 60 to 66.').fearGreedRange).toEqual([60, 66])
    expect(extract('El índice Fear & Greed está **entre 74 y 78** según la fuente.').fearGreedRange).toEqual([74, 78])
    expect(extract('Fear & Greed climbed from 60 to 66 on the day.')).toMatchObject({fearGreed: 66})
  })

  it("'took in a net $174M, reversing Tuesday's outflow' is Wednesday's inflow, and 'the same day' is Wednesday; 'inflows top $650M' is a bound", () => {
    const flows = extractDated('2030-11-29', "On Wednesday, spot bitcoin ETFs took in a net $174M, reversing Tuesday's outflow. Spot ether ETFs lost $9M the same day.").etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => ({asset, direction, amountUsd, date}))).toEqual([
      {asset: 'BTC', direction: 'inflow', amountUsd: 174e6, date: '2030-11-27'},
      {asset: 'ETH', direction: 'outflow', amountUsd: 9e6, date: '2030-11-27'}
    ])
    expect(extractDated('2031-03-06', 'ETF inflows top $650M as institutions chase the breakout.').etfFlows).toEqual([])
  })

  it("'up 1.29 percent.' ends its sentence, so 'The weekly change is minus 4.0 percent.' after it is another figure's", () => {
    expect(price(extract('Bitcoin is trading at 103 260 USD, up 1.29 percent. The weekly change is minus 4.0 percent.'), 'BTC')).toMatchObject({price: 103260, change24hPct: 1.29})
  })

  it("'## Bitcoin: 103 260 USD' then prose restating that price gives its change, which beats a one-line summary's rounded 'up about 2 percent'", () => {
    const section = ['## Market overview', '', 'Total crypto market capitalization rose 1.1 percent to 3.62 trillion USD.', '', '## Bitcoin: 103 260 USD', '', 'Bitcoin is trading at 103 260 USD, up 1.29 percent.']
    expect(price(extract(...section), 'BTC')).toMatchObject({price: 103260, change24hPct: 1.29})
    expect(price(extract('> In one line: Bitcoin back near 104k, up about 2 percent, as a modest ETF inflow ends the bleed.', '', ...section), 'BTC')).toMatchObject({price: 103260, change24hPct: 1.29})
  })

  it("the cap's change on a row or line of its own beside the cap's ('| Total cap 24h | -1.1% |', 'tot_mcap_chg_24h: +0.96%')", () => {
    expect(extract('| Metric | Value |', '|---|---|', '| Total crypto market cap | $3.26T |', '| Total cap 24h | -1.1% |').marketCap).toMatchObject({usd: 3.26e12, change24hPct: -1.1})
    expect(extract('```', 'tot_mcap_usd    : 3.52T', 'tot_mcap_chg_24h: +0.96%', '```').marketCap).toMatchObject({usd: 3.52e12, change24hPct: 0.96})
    expect(extract('- Total market cap: $3.43T', '- 24h change in total market cap: +0.6%').marketCap).toMatchObject({usd: 3.43e12, change24hPct: 0.6})
    // Another cap's change, or another period's, is not the total's.
    expect(extract('- Total market cap: $3.43T', '- Stablecoin cap 24h change: +0.6%', '- Total cap 7d change: -3.1%').marketCap?.change24hPct).toBeUndefined()
  })

  it("a line that titles itself '**Derivatives**:' among the top stories is read as derivatives; a headline about liquidations is not", () => {
    const stories = ['**Top stories**', '1. Spot bitcoin ETFs took in a net US$276.4M on Friday.', '2. Stablecoin supply hit a record US$284B.', '']
    expect(extract(...stories, '**Derivatives**: US$198M was liquidated across exchanges over the past day. Open interest: US$43.0B.').liquidations.map((item) => item.amountUsd)).toEqual([198e6])
    expect(extract(...stories.slice(0, 3), '3. Flash dip wipes out $615M of longs and shorts in 24 hours.').liquidations).toEqual([])
  })

  it("a liquidation total compared with another day's keeps its own: 'compared with Thursday (22.10.), when more than USD 1,3 billion …', 'tiny next to Thursday's flush'", () => {
    expect(extractDated('2026-10-25', 'Liquidations over the past 24 h totalled **USD 286 million**, a calm session compared with Thursday (22.10.), when more than USD 1,3 billion was liquidated.').liquidations.map((item) => item.amountUsd)).toEqual([286e6])
    expect(extractDated('2028-01-10', "Derivatives were calm: roughly $118 million was liquidated across exchanges over the last day, tiny next to Thursday's flush.").liquidations.map((item) => item.amountUsd)).toEqual([118e6])
    // The other day's total alone is still not today's.
    expect(extractDated('2026-10-25', 'On Thursday (22.10.) more than USD 1,3 billion was liquidated.').liquidations).toEqual([])
  })

  it("a table row whose label states its unit ('| Liquidations ($M) | 96.3 | 71.8 | 248.6 |') gives amounts in that unit", () => {
    const table = ['| | BTC | ETH | All |', '|---|---|---|---|', '| Liquidations ($M) | 96.3 | 71.8 | 248.6 |']
    expect(extract(...table).liquidations.map((item) => item.amountUsd)).toEqual([248.6e6])
    expect(extract('| | BTC | ETH | All |', '|---|---|---|---|', '| Liquidations | 96.3 | 71.8 | 248.6 |').liquidations).toEqual([])
  })

  it("two providers' liquidation totals given as a band ('range from $540M (CoinAnk) to $610M (CoinGlass)') are a range; a hypothetical range is not read", () => {
    const [total] = extract("Estimates of the 24h liquidation total range from $540M (CoinAnk) to $610M (CoinGlass), depending on the provider's exchange coverage.").liquidations
    expect(total).toMatchObject({amountUsd: 540e6, amountUsdRange: [540e6, 610e6]})
    expect(extract('Liquidations could range from $300m to $340m in 24 hours if BTC breaks 90k, depending on the provider.').liquidations).toEqual([])
  })

  it("ETF flows: 'finished Tuesday in the red by $120M' is an outflow; 'Last week ETFs +706M net; Fri +97.2M' gives Friday's; 'last wk: +$1.64b net' is a week's", () => {
    const flows = (date: string, line: string) => extractDated(date, line).etfFlows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])
    expect(flows('2027-03-24', "Spot BTC ETFs finished Tuesday in the red by $120M — a second straight outflow after Monday's -$387.2M.")).toContainEqual(['BTC', 'outflow', 120e6, '2027-03-23'])
    expect(flows('2027-01-25', '**Flows.** Last week ETFs +706M net; Fri +97.2M. FOMC Wed.')).toEqual([['BTC', 'inflow', 97.2e6, '2027-01-22']])
    expect(flows('2026-07-13', "8/ no ETF data today (weekend). last wk: +$1.64b net.")).toEqual([])
  })

  it("total cap: '3.40T now … (yesterday: 3.47T)' is 3.40T; 'Crypto cap', 'the market as a whole', 'all of crypto'; 'Market cap $3.47T.' after several assets' sentences; one aggregator and the other", () => {
    expect(extract('Total market cap: 3.40T now, -1.7% 24h (yesterday: 3.47T).').marketCap).toMatchObject({usd: 3.4e12, change24hPct: -1.7})
    expect(extract("Total market cap: 3.49T this morning vs 3.46T at yesterday's close.").marketCap?.usd).toBe(3.49e12)
    expect(extract('- 🧮 **Crypto cap**: 3.29 trillion dollars').marketCap?.usd).toBe(3.29e12)
    expect(extract('The market as a whole is worth some US$3.43tn.').marketCap?.usd).toBe(3.43e12)
    expect(extract('All of crypto together is about $3.51 trillion this morning, basically flat.').marketCap?.usd).toBe(3.51e12)
    expect(extract('Good morning. Bitcoin $103,100 (−0.3%). Ether $3,240 (−0.7%). Market cap $3.47T.').marketCap?.usd).toBe(3.47e12)
    // One asset's own line: its market cap is the asset's.
    expect(extract('**Bitcoin (BTC):** $97,100. Market cap: ~$1.93T.').marketCap).toBeUndefined()
    expect(extract('The market as a whole: $3.75 trillion according to one aggregator, $3.79 trillion according to the other.').marketCap?.usdRange).toEqual([3.75e12, 3.79e12])
  })

  it("'- Seven-day change: −5.0%' under an asset's heading is not its 24h change", () => {
    expect(price(extract('### Bitcoin: 98 760 USD, +1.59%', '', '- Seven-day change: −5.0%.'), 'BTC')).toMatchObject({price: 98760, change24hPct: 1.59})
    expect(price(extract('### Bitcoin', '', '- 1-day change: −2.0%.'), 'BTC')).toMatchObject({change24hPct: -2})
  })

  it('an exact figure replaces a rounded one only if it rounds to it, but any close exact figure replaces a TL;DR', () => {
    // A box copied from the day before (97,216) does not "refine" the asset's own 98,760.
    const box = ['## The tape', '', '### Bitcoin: 98 760 USD, +1.59%', '', '## By the numbers', '', '> Bitcoin 97 216 USD (−6.20%) · Ether 2 984 USD']
    expect(price(extract('> **In brief.** Bitcoin steadied around 99k, up about 1.6%.', '', ...box), 'BTC')).toMatchObject({price: 98760, change24hPct: 1.59})
    // The TL;DR's "roughly $102.4k" is the writer's approximation of the body's $102,110.
    expect(price(extract('**TL;DR** Bitcoin fell about 1% to roughly $102.4k.', '', '## Spot', '', 'Bitcoin trades at **$102,110**, down **1.3%** in 24 hours.'), 'BTC')).toMatchObject({price: 102110})
  })

  it('a liquidation total and an ETF flow a summary rounds take the exact figure from the body', () => {
    const liquidations = extract('**TL;DR** Liquidations stayed modest at about $410M.', '', '## Desk', '', '- **Liquidations (24h):** $412.7M in total; shorts $268.3M.').liquidations
    expect(liquidations.map((item) => item.amountUsd)).toEqual([412.7e6])
    const flows = extractDated('2030-11-01', '**TL;DR** US spot bitcoin ETFs took in about $250M on Thursday.', '', '## Desk', '', 'US spot bitcoin ETFs recorded net inflows of $252.4M on Thursday.').etfFlows
    expect(flows.map((flow) => flow.amountUsd)).toEqual([252.4e6])
  })

  it("ETF flows: 'Monday alone saw $1.2 billion in inflows, led by BlackRock's IBIT' is the market's; 'ETH ETFs lost $428.52 million, BTC ETFs $326.52 million' shares the verb; a week's undated amount is not a day's", () => {
    const flows = (date: string, ...lines: string[]) => extractDated(date, ...lines).etfFlows.map(({asset, direction, amountUsd}) => [asset, direction, amountUsd])
    expect(flows('2025-10-07', "U.S. spot Bitcoin ETFs recorded $3.24 billion in net inflows over the past week. Monday alone saw **$1.2 billion** in inflows, led by BlackRock's IBIT with **$970 million**.")).toEqual([['BTC', 'inflow', 1.2e9]])
    expect(flows('2025-10-14', 'U.S. spot Bitcoin and Ethereum ETFs recorded combined $755 million outflows on October 13, marking one of worst days since launch. ETH ETFs lost $428.52 million, BTC ETFs $326.52 million.')).toEqual([['ETH', 'outflow', 428.52e6], ['BTC', 'outflow', 326.52e6]])
    expect(flows('2026-12-02', 'Spot ether ETFs turned positive too, with $61.7M of net inflows, $52.3M of it into ETHA.')).toEqual([['ETH', 'inflow', 61.7e6]])
    expect(flows('2026-01-26', '**Critical:** spot Bitcoin ETFs recorded **$1.09 billion in outflows** (led by IBIT); Ethereum ETFs posted $630 million in redemptions—the second-largest weekly outflow on record.')).toEqual([])
  })

  it("'Solana gave up 2.9 percent' is a fall, though 'up' alone is a rise", () => {
    expect(price(extract('Ether fell 2.3 percent to US$3,241.10, and Solana gave up 2.9 percent to US$176.80.'), 'SOL')).toMatchObject({price: 176.8, change24hPct: -2.9})
    expect(price(extract('Solana is up 2.9% to $176.80.'), 'SOL')).toMatchObject({change24hPct: 2.9})
  })

  it("the overview's '$3.80 trillion (+0.26% 24h)' is not replaced by a glance box's '$3.79T +3.27%' outside it", () => {
    const data = extract('## Market overview', '', 'Total crypto market capitalization: $3.80 trillion (+0.26% 24h).', '', '## Numbers at a glance', '', '```text', 'MCAP  $3.79T     +3.27%', '```')
    expect(data.marketCap).toMatchObject({usd: 3.8e12, change24hPct: 0.26})
  })

  it("'How much leverage was flushed? $298M over 24 hours' answers its question, and beats a glance table copied from the day before", () => {
    const data = extract('## Overview', '', 'How much leverage was flushed? **$298M** over 24 hours, of which **$201M** in shorts.', '', '## At a glance', '', '| | |', '|---|---|', '| Liquidations | $356M |')
    expect(data.liquidations.map((item) => item.amountUsd)).toEqual([298e6])
  })

  it("a level stays a level in other words: 'Support I'm watching now: 88k', 'un máximo de 112 340 USD', 'nach einem Hoch von 99.100 $'", () => {
    expect(price(extract("Bitcoin slid to about **90.1k** and is down 2.6% over 24 hours. Support I'm watching now: 88k, then the 86.5k area."), 'BTC')).toMatchObject({price: 90100})
    expect(price(extract('Bitcoin retrocede tras tocar un máximo de 112 340 USD.'), 'BTC')?.price).toBeUndefined()
    expect(price(extract('Bitcoin notiert nach einem Hoch von 99.100 $ bei 98.450 $.'), 'BTC')).toMatchObject({price: 98450})
  })

  it("under an ETF title, 'Ether funds added US$164.8m' is the ether ETFs' flow; 'for the month' and 'gross creations' are not a day's", () => {
    const flows = (...lines: string[]) => extractDated('2026-12-09', ...lines).etfFlows.map(({asset, direction, amountUsd}) => [asset, direction, amountUsd])
    expect(flows('## ETF flows', '', 'Yesterday the US spot bitcoin ETFs took in US$1.02bn. Ether funds added US$164.8m.')).toEqual([['BTC', 'inflow', 1.02e9], ['ETH', 'inflow', 164.8e6]])
    expect(flows('## ETF flows', '', 'For the month, the bitcoin funds have gathered roughly 2.9 billion dollars in net inflows.')).toEqual([])
    expect(flows('## ETF flows', '', 'Gross creations in BTC funds were ~$318M against ~$106M redemptions.')).toEqual([])
  })

  it("a table of funds titled 'US spot ETF net flows, Wednesday 26 May 2027 (US$ millions)' gives its Total row as that day's flows; a week's table does not", () => {
    const table = ['| Issuer | BTC | ETH |', '|:--|--:|--:|', '| BlackRock | 142.6 | 31.2 |', '| Ark / 21Shares | (12.4) | 0.0 |', '| **Total (day)** | **160.4** | **(8.8)** |', '| Week to date | (14.4) | (21.7) |']
    const flows = (caption: string) => extractDated('2027-05-27', caption, '', ...table).etfFlows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])
    expect(flows('**US spot ETF net flows, Wednesday 26 May 2027 (US$ millions)**')).toEqual([['BTC', 'inflow', 160.4e6, '2027-05-26'], ['ETH', 'outflow', 8.8e6, '2027-05-26']])
    expect(flows('**US spot ETF net flows, week to Wednesday 26 May 2027 (US$ millions)**')).toEqual([])
  })

  it("a key-value table's '| BTC 24h change | -2.8% |' row is the price row's change; '| BTC 7d change |' is not", () => {
    const table = (row: string) => extract('| Metric | Value |', '|---|---|', '| BTC price | $93,050 |', row)
    expect(price(table('| BTC 24h change | -2.8% |'), 'BTC')).toMatchObject({price: 93050, change24hPct: -2.8})
    expect(price(table('| BTC 7d change | -2.8% |'), 'BTC')?.change24hPct).toBeUndefined()
  })

  it("the derivatives section's liquidation total beats a glance box copied from the day before", () => {
    const data = extract('## Derivatives and flows', '', 'Total 24h liquidations were a modest $298.4M. Open interest rebuilt to $72.6B.', '', '## Numbers at a glance', '', '```text', 'LIQ   $955M', '```')
    expect(data.liquidations.map((item) => item.amountUsd)).toEqual([298.4e6])
  })

  it("'over the past twenty-four hours', 'millions', Spanish 'millones' and 'mil millones' (billions)", () => {
    expect(extract('Roughly **1.12 billion USD** of futures positions were force-closed over the past twenty-four hours, about 86 percent of them longs.').liquidations.map((item) => item.amountUsd)).toEqual([1.12e9])
    expect(extract('**Total liquidations (24h): 264 millones USD**, split fairly evenly.').liquidations.map((item) => item.amountUsd)).toEqual([264e6])
    expect(extract('Total liquidations over 24h were between 1.15 and 1.27 mil millones USD, depending on the data provider.').liquidations.map((item) => item.amountUsdRange)).toEqual([[1.15e9, 1.27e9]])
    expect(extractDated('2031-01-28', 'Lunes (Monday): US spot Bitcoin ETFs registered net inflows of 486,3 millones USD across all issuers.').etfFlows.map((flow) => flow.amountUsd)).toEqual([486.3e6])
  })

  it("'SOL: 157.10 at the close, 154.20 now': the figure called now is the price", () => {
    expect(price(extract('SOL: 157.10 at the close, 154.20 now (-1.9% 24h).'), 'SOL')).toMatchObject({price: 154.2, change24hPct: -1.9})
    expect(price(extract('ETH: $3,270 at the close, $3,236 now (-1.1% 24h).'), 'ETH')).toMatchObject({price: 3236})
  })

  it("plain upper-case titles: 'SPOT' is the overview, and under 'LIQUIDATIONS' the '24h:' item of '12h: $212M · 24h: $395M · 7d: $2.1B' is the total", () => {
    const data = extract('DERIVATIVES FIRST', '', 'Open interest across BTC futures is ~$91.3B.', '', 'LIQUIDATIONS', '', '12h: $212M · 24h: $395M · 7d: $2.1B', '', 'SPOT', '', 'BTC $117,380 (+0.8%). 24h high $117,910.', '', 'Total market cap ~4.11 trillion (+0.5%).', '', 'HEADLINES', '', '- [HIGH] Funding climbs back above 0.01%.')
    expect(price(data, 'BTC')).toMatchObject({price: 117380, change24hPct: 0.8})
    expect(data.marketCap).toMatchObject({usd: 4.11e12, change24hPct: 0.5})
    expect(data.liquidations.map((item) => item.amountUsd)).toEqual([395e6])
  })

  it("'flat to +0.4%' is a range from no move; two providers' changes ('at 3.1%, while' / 'CoinMarketCap has it at 3.6%', hard-wrapped) are a band", () => {
    expect(price(extract('BTC $115,900, flat to +0.4% on the day.'), 'BTC')?.change24hRange).toEqual([0, 0.4])
    const wrapped = extract("BTC traded between US$92,800 and US$93,400. CoinGecko's aggregate shows the 24-hour decline at 3.1%, while", 'CoinMarketCap has it at 3.6%; the difference is timing.')
    expect(price(wrapped, 'BTC')?.change24hRange).toEqual([-3.6, -3.1])
  })

  it("two providers' liquidation totals in one line are a band, unless the brief says which it uses", () => {
    const totals = (line: string) => extract(line).liquidations.map((item) => item.amountUsdRange ?? item.amountUsd)
    expect(totals("CoinGlass counted $640 million of liquidations over 24 hours, of which shorts accounted for $455 million; Coinalyze's tally was lower at $590 million.")).toEqual([[590e6, 640e6]])
    expect(totals('- **Liquidations (24h):** $274M (CoinGlass) vs $301M (Coinalyze)')).toEqual([[274e6, 301e6]])
    expect(totals('CoinGlass counts **$377M** of liquidations over the past 24 hours; Coinalyze, which covers fewer venues, has $352M. We use CoinGlass.')).toEqual([377e6])
    expect(totals('CoinGlass counts US$352M liquidated over 24 hours, US$314M of it shorts.')).toEqual([352e6])
  })

  it("ETF flows: 'bleed US$310M', 'a net -$145M leaving the spot bitcoin funds', '+$402M net across all funds' (all issuers, not all assets)", () => {
    const flows = (...lines: string[]) => extractDated('2031-09-15', ...lines).etfFlows.map(({asset, direction, amountUsd}) => [asset, direction, amountUsd])
    expect(flows('## Flows', '', 'Spot BTC ETFs bleed US$310M on Friday, the worst day of September.')).toEqual([['BTC', 'outflow', 310e6]])
    expect(flows('## Key data', '', '- Spot ETFs, Friday 12 Sep: +$402M net across all funds; IBIT +$233M of that')).toEqual([['BTC', 'inflow', 402e6]])
    expect(flows('## Key data', '', '- Spot ETFs across all crypto assets, Friday 12 Sep: +$402M net')).toEqual([])
  })

  it("a table of funds under 'Spot BTC ETFs:' in '## Flows (Monday Sep 8, $M)' gives its Total row as Monday's BTC flow", () => {
    const flows = extractDated('2031-09-09', '## Flows (Monday Sep 8, $M)', '', 'Spot BTC ETFs:', '', '| Fund | Net |', '|---|---|', '| IBIT | −88.3 |', '| FBTC | −41.0 |', '| **Total** | **−168.0** |').etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])).toEqual([['BTC', 'outflow', 168e6, '2031-09-08']])
  })

  it("'up about 3.5 per' / 'cent on the day.' hard-wrapped is a percentage", () => {
    expect(extract('The total market value of crypto climbed back to US$3.55tn, up about 3.5 per', 'cent on the day.').marketCap).toMatchObject({usd: 3.55e12, change24hPct: 3.5})
  })

  it("under '## Total market', a line that opens on its amount is the total cap; a stablecoin line there is not", () => {
    expect(extract('## Total market', '', '**$3.59T** on CoinGecko, +0.8% on the day. Stablecoins: $324B.').marketCap).toMatchObject({usd: 3.59e12, change24hPct: 0.8})
    expect(extract('## Total market', '', 'Stablecoins: $324B, a record.').marketCap).toBeUndefined()
  })

  it("Fear & Greed as 'the fear-and-greed gauge reads 64' or 'Sentiment index: 45 (Fear)'; not 'under 25', nor the other gauge, nor social sentiment", () => {
    expect(extract('The fear-and-greed gauge reads **64**. A month ago it sat at 38.')).toMatchObject({fearGreed: 64})
    expect(extract('- **Sentiment Index:** 41 (Fear & Greed, "Fear")')).toMatchObject({fearGreed: 41})
    expect(extract('Weekend did the damage, and the sentiment gauge is under 25 for the first time since October.').fearGreed).toBeUndefined()
    expect(extract('**THEO:** 73 on the main index; the other sentiment gauge we track says 69.').fearGreed).toBeUndefined()
    expect(extract('Social sentiment index: 71, the most bullish in a month.').fearGreed).toBeUndefined()
  })

  it("ETF flows: 'take in', 'gather' and 'pull in' are inflows; an undated headline rounding a dated flow ($428M for $427.9M on Tuesday) is that flow", () => {
    const flows = (...lines: string[]) => extractDated('2031-03-05', ...lines).etfFlows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])
    expect(flows('## Top Headlines', '', '1. **[MEDIUM] Spot bitcoin ETFs gather $318.5M on Tuesday (Mar 4)** — creations resumed.')).toEqual([['BTC', 'inflow', 318.5e6, '2031-03-04']])
    expect(flows('## Flows', '', 'US spot bitcoin ETFs saw $427.9M of net inflows on Tuesday.', '', '## Headlines', '', '2. **Spot ETFs take in $428M as buyers return.**')).toEqual([['BTC', 'inflow', 427.9e6, '2031-03-04']])
  })

  it("liquidations after a comparison with another day ('lighter than on the weekend but still notable: $455M … past 24 hours') are the day's total; the weekend's own figure is not", () => {
    const liq = (...lines: string[]) => extractDated('2031-01-07', ...lines).liquidations.map((item) => item.amountUsd)
    expect(liq('Liquidations were lighter than on the weekend but still notable: **$455M** across all venues in the past 24 hours.')).toEqual([455e6])
    expect(liq('Liquidations were lighter than on Sunday but still notable: $455M across all venues in the past 24 hours.')).toEqual([455e6])
    expect(liq('Weekend liquidations reached $1.2B, far heavier than today.')).toEqual([])
  })

  it("'Spot ETH ETFs lost $38M while BTC funds gained $112M': the verb after 'while' is the next amount's, so ETH's is an outflow", () => {
    const flows = extractDated('2031-01-07', 'Spot ETH ETFs lost $38M while BTC funds gained $112M on Monday.').etfFlows
    expect(flows.map(({asset, direction, amountUsd}) => [asset, direction, amountUsd])).toEqual([['ETH', 'outflow', 38e6], ['BTC', 'inflow', 112e6]])
  })

  it("levels are not prices: a line labelled 'Price targets:', 'its 200-day average of $95,300'; and 'Fear and Greed: 71 → 64' reads the new value, '70 → Greed' its band", () => {
    expect(extract('Price targets: BTC $105k, ETH $4k.').prices).toEqual([])
    expect(extract('Bitcoin is trading 2% above its 200-day average of $95,300.').prices.map((quote) => quote.price)).not.toContain(95300)
    expect(extract('Fear and Greed: 71 → 64 (Greed)').fearGreed).toBe(64)
    expect(extract('Fear & Greed: 70 → Greed').fearGreed).toBe(70)
  })

  it('data snapshots: a CSV block is a table, snake_case and camelCase keys read as words, 6.842e8 is $684.2M, a key in pct makes a bare value a percentage', () => {
    const csv = extract('```csv', 'symbol,priceUsd,chg24hPct,chg7dPct,high24h,low24h,source', 'BTC,106310.55,-0.87,7.46,107712.00,105498.20,coingecko', 'ETH,3820.40,-1.18,7.89,3884.10,3790.25,coingecko', '```')
    expect(csv.prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 106310.55, -0.87], ['ETH', 3820.4, -1.18]])
    const yaml = extract('```yaml', 'btc_price_usd: 101480.15', 'btc_chg_24h_pct: -1.68', 'btc_chg_7d_pct: 0.91', 'total_mcap_usd: 3.57e12', 'total_mcap_chg_24h_pct: -1.38', 'stablecoin_mcap_usd: 3.312e11', 'liq_24h_total: 6.842e8', 'liq_largest_single_usd: 1.86e7', '```')
    expect(yaml.prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 101480.15, -1.68]])
    expect(yaml.marketCap).toMatchObject({usd: 3.57e12, change24hPct: -1.38})
    expect(yaml.liquidations.map((item) => item.amountUsd)).toEqual([684.2e6])
    const camel = extract('- `marketCapTotal`: US$3.72T (24h −0.80%)', '- `stablecoinCap`: US$334.9B', '- `liqTotal24h`: US$318.7M · `liqLargestSingle`: US$6.2M')
    expect(camel.marketCap).toMatchObject({usd: 3.72e12, change24hPct: -0.8})
    expect(camel.liquidations.map((item) => item.amountUsd)).toEqual([318.7e6])
  })

  it('a JSON payload\'s quoted camelCase keys and whole-dollar values ("liquidations24hUsd": 141300000); an undated exact flow of a data block gives the prose\'s dated "$119M" its amount', () => {
    expect(extract('```json', '{', '  "derivatives": {', '    "liquidations24hUsd": 141300000,', '    "largestSingleUsd": 3100000', '  }', '}', '```').liquidations.map((item) => item.amountUsd)).toEqual([141.3e6])
    const flows = extractDated('2031-11-06', '## etf', '', '```yaml', 'etf_btc_net_flow_usd: 1.186e8', 'etf_btc_cum_net_usd: 6.632e10', '```', '', '## note', '', "Wednesday's ETF session finally printed green, with a modest $119M net inflow.").etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])).toEqual([['BTC', 'inflow', 118.6e6, '2031-11-05']])
  })

  it("a column in another currency ('24h (KRW market)') is not the dollar change beside '24h (global USD)'; 🔽 and 🔼 sign a move", () => {
    const table = extract('| Coin | Hanbit price (KRW) | Global price (USD) | Kimchi premium | 24h (KRW market) | 24h (global USD) |', '|---|---|---|---|---|---|', '| BTC | ₩163,180,000 | $112,730 | +2.3% | +1.9% | +1.5% |')
    expect(table.prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 112730, 1.5]])
    expect(extract('🟠 **BTC** $101,220 🔽0.6%').prices.map(({price, change24hPct}) => [price, change24hPct])).toEqual([[101220, -0.6]])
    expect(extract('🟠 **BTC** $101,220 🔼0.6%').prices.map(({price, change24hPct}) => [price, change24hPct])).toEqual([[101220, 0.6]])
  })

  it("a table cell '104 860' is 104,860; a sentiment index of the writer's own is not Fear & Greed, nor is its scale '(0~100)'; an ETF outflow 'above 1 billion USD' is a bound", () => {
    const board = extract('```', 'Asset     USD          EUR          24h       7d', 'BTC       104 860      95 760       +1.4 %    +3.9 %', '```', '', 'Friday close BTC: 103 410 USD.')
    expect(board.prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 104860, 1.4]])
    expect(extract('Our own Hanbit Sentiment Index (calculated from order book data, 0~100) is 61, "Greed".').fearGreed).toBeUndefined()
    expect(extract('The Fear & Greed Index (0~100) is 61.').fearGreed).toBe(61)
    expect(extractDated('2032-01-22', '1. **[ALTO]** US spot Bitcoin ETFs record outflow above 1 billion USD in one day.').etfFlows).toEqual([])
  })

  it("under an asset's heading, a change in another currency ('₹9,714,000 (INR change 24h: +0.8%)', 'KRW 24h change: +1.9%') is not the dollar change", () => {
    const quotes = extract('### Bitcoin (BTC)', '', '- RupeeRail price: ₹9,714,000 (INR change 24h: +0.8%)', '- Global price: US$108.62K, up 0.6% in last 24 hours').prices
    expect(quotes.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 108620, 0.6]])
    expect(extract('### Bitcoin (BTC)', '', '- KRW 24h change: +1.9%').prices).toEqual([])
  })

  it("levels and lows: 'which side of $100,000', 'an overnight trough of $98,870', 'Should bitcoin break $108,000'; 'giving up 3.4 percent' falls; 'creations outpace redemptions by $12 million' is an inflow", () => {
    const price = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, range, change24hPct}) => [symbol, price ?? range, change24hPct])
    expect(price('Bitcoin could not decide which side of $100,000 it belonged on. It spent the day pinned between $99,200 and $101,050.')).toEqual([['BTC', [99200, 101050], undefined]])
    expect(price('From an overnight trough of $98,870, bitcoin climbed steadily and now sits at $101,640, up 1.8 percent over twenty-four hours.')).toEqual([['BTC', 101640, 1.8]])
    expect(price('Should bitcoin break $108,000, one desk reckons $1.2bn of longs could be liquidated.')).toEqual([])
    expect(price('Ether fared worse, giving up 3.4 percent to $3,412.')).toEqual([['ETH', 3412, -3.4]])
    const flows = extractDated('2031-12-02', 'Spot ether products saw creations outpace redemptions by $12 million on Monday.').etfFlows
    expect(flows.map(({asset, direction, amountUsd}) => [asset, direction, amountUsd])).toEqual([['ETH', 'inflow', 12e6]])
  })

  it("ETF flows as news desks write them: 'the bitcoin funds lose $412 million', 'Spot funds, Tuesday 9 Dec: bitcoin products shed 96.3 million USD and ether products gathered 22.8 million USD'", () => {
    const flows = (...lines: string[]) => extractDated('2031-12-10', ...lines).etfFlows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])
    expect(flows("Tuesday's session saw the bitcoin funds lose $412 million, the largest outflow since March.")).toEqual([['BTC', 'outflow', 412e6, '2031-12-09']])
    expect(flows('Spot funds, Tuesday 9 Dec: bitcoin products shed 96.3 million USD and ether products gathered 22.8 million USD.')).toEqual([['BTC', 'outflow', 96.3e6, '2031-12-09'], ['ETH', 'inflow', 22.8e6, '2031-12-09']])
  })

  it("liquidations: longs and shorts that add up to a stated total are the day's total ('Longs US$74M, shorts US$330M, total US$404M'), not when they do not add up; the day's total beats yesterday's in one line; 'Liquidaciones 24h', '297M wiped'", () => {
    const liq = (...lines: string[]) => extractDated('2031-12-18', ...lines).liquidations.map(({amountUsd, long, short}) => [amountUsd, long, short])
    expect(liq('## Plumbing: funds and forced sellers', '', 'Longs US$74M, shorts US$330M, total US$404M. Bybit accounted for US$121M of it.')).toEqual([[404e6, 74e6, 330e6]])
    expect(liq('## Derivatives', '', 'Longs lost US$96M and shorts US$212M over the last 24 hours, US$308M in all. A squeeze through US$107K would put roughly US$600M of shorts at risk.')).toEqual([[308e6, 96e6, 212e6]])
    expect(liq('## Derivatives', '', 'Longs US$74M, shorts US$330M, total US$500M.')).toEqual([])
    expect(liq('## Positioning', '', 'Longs hold US$30B of open interest and shorts US$28B, US$58B in all, over the week.')).toEqual([])
    expect(liq('Yesterday this column counted $412 million in forced closures. The past twenty-four hours were harsher: $655 million was liquidated across the market.').map(([amount]) => amount)).toEqual([655e6])
    expect(liq('- Liquidaciones 24h: 734 millones USD (79% longs)').map(([amount]) => amount)).toEqual([734e6])
    expect(liq('## Derivs', '', '- 24h: **297M** wiped — longs 84M / shorts 213M').map(([amount]) => amount)).toEqual([297e6])
  })

  it("a hard-wrapped line that opens on a signed figure goes on ('SOL (~$202,' / '+2.5%) came along'); a cap read without its change takes it from another reading of the same cap (the prose's '$3.70tn', a table's '$3.70tn … +1.73%')", () => {
    const data = extract('ETH (~$3.80k, +2.3%) and SOL (~$202,', '+2.5%) came along, and the market as a whole is worth about $3.70tn.', '', '## Source check', '', '| Asset | CoinGecko | CoinMarketCap | 24h (CG / CMC) | 7d |', '|:--|--:|--:|:--|--:|', '| Total market cap | $3.70tn | $3.68tn | +1.73% / +1.70% | +2.21% |')
    expect(data.prices.find((quote) => quote.symbol === 'SOL')).toMatchObject({price: 202, change24hPct: 2.5})
    expect(data.marketCap).toMatchObject({usd: 3.7e12, change24hPct: 1.73})
  })

  it("Fear & Greed: 'there is no Fear & Greed reading today' gives none, nor does a log line's '(retry 3/3)'; '48 to 52 depending on provider' is a band; 'went 40 to 52' reads 52", () => {
    expect(extract('Our sentiment provider is down this morning, so there is no Fear & Greed reading today.').fearGreed).toBeUndefined()
    expect(extract('```text', '[07:29:51Z] GET /sentiment/fng ........ 503 (retry 3/3), field left empty', '```').fearGreed).toBeUndefined()
    expect(extract('> **fear & greed** 48 to 52 depending on provider (neutral either way)').fearGreedRange).toEqual([48, 52])
    expect(extract('Fear & Greed went 40 to 52 over the session.').fearGreed).toBe(52)
    expect(extract('Fear & Greed 34/100 (Fear)').fearGreed).toBe(34)
  })

  it("the total cap as 'the crypto market is valued at $3.52 trillion, 2.3 percent lighter than …' or 'Capitalización total: 3,70 trillion USD'; a line opening on 'Correction is continuing' is no correction", () => {
    expect(extract('All told, the crypto market is valued at $3.52 trillion, 2.3 percent lighter than yesterday.').marketCap).toMatchObject({usd: 3.52e12, change24hPct: -2.3})
    expect(extract('- Capitalización total: 3,70 trillion USD (3,70 billones), -2,1% in 24h').marketCap).toMatchObject({usd: 3.7e12, change24hPct: -2.1})
    expect(extract('Correction is continuing for second day. Total crypto market capitalization is $3.81T (−1.3% in 24h).').marketCap).toMatchObject({usd: 3.81e12, change24hPct: -1.3})
  })

  it("a camelCase key with its day in brackets, inside backticks: '`etfBtcNet[2031-11-12]`: +US$644.8M · `etfEthNet[2031-11-12]`: +US$97.5M'", () => {
    const flows = extractDated('2031-11-13', '- `etfBtcNet[2031-11-12]`: +US$644.8M · `etfEthNet[2031-11-12]`: +US$97.5M').etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])).toEqual([['BTC', 'inflow', 644.8e6, '2031-11-12'], ['ETH', 'inflow', 97.5e6, '2031-11-12']])
  })

  it("a grid of intraday snapshots gives each asset's latest row as its price, the change from the line after it; 'BTC is up $1,775', 'ETH has gained $56' are moves, not prices", () => {
    const data = extract('| UTC   | BTC       | ETH     | Total crypto cap |', '|:------|----------:|--------:|-----------------:|', '| 08:00 | $114,610  | $3,925  | $3.93T |', '| 16:00 | $116,035  | $3,968  | $3.97T |', '', 'On a 24-hour basis at 16:00, BTC is +1.6% and ETH +1.4%.', '', "**Since our last issue:** BTC is up $1,775 from yesterday's 16:00 snapshot of $114,260. ETH has gained $56.")
    expect(data.prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 116035, 1.6], ['ETH', 3968, 1.4]])
    expect(data.marketCap).toMatchObject({usd: 3.97e12})
    expect(extract('BTC is up $1,775 on the day. ETH has gained $56.').prices).toEqual([])
  })

  it("a figure tied to an earlier hour than one the line names later is not the price ('At 08:00 UTC bitcoin was … around 116.2k. It dipped to 115.9k by noon, and at our 16:00 UTC cut it was at 115.48k'); alone it is", () => {
    const price = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])
    expect(price('At 08:00 UTC bitcoin was changing hands around 116.2k. It dipped to 115.9k by noon, and at our 16:00 UTC cut it was at **115.48k**, down 0.9 percent over 24 hours.')).toEqual([['BTC', 115480, -0.9]])
    expect(price('Bitcoin opened the European morning at 112.4k (08:00 UTC) and reached 113.1k by noon. At our 16:00 UTC cut it was at **113.61k**, up 0.6 percent on the day.')).toEqual([['BTC', 113610, 0.6]])
    expect(price('Bitcoin was at $114,900 at 08:00 UTC and $113,700 by noon, and at our 16:00 UTC cut it was at **$112,930**, down 2.2 percent on the day.')).toEqual([['BTC', 112930, -2.2]])
    expect(price('BTC at $97,240 at 08:00 UTC, up 1.2% on the day.')).toEqual([['BTC', 97240, 1.2]])
  })

  it("a table with a column per hour ('ASSET  08:00  12:00  16:00  24H'): the latest hour's column is the price", () => {
    const data = extract('```text', 'ASSET   08:00        12:00        16:00        24H', 'BTC     110 240      108 600      107 450      -3.5 pct', 'ETH       3 648        3 590        3 540      -4.5 pct', 'TOTAL   3.76 tn      3.72 tn      3.68 tn      -3.2 pct', '```')
    expect(data.prices.filter((quote) => quote.symbol !== 'TOTAL').map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])).toEqual([['BTC', 107450, -3.5], ['ETH', 3540, -4.5]])
    expect(data.marketCap).toMatchObject({usd: 3.68e12, change24hPct: -3.2})
  })

  it("a reading timed earlier than another timed one is out of date even beside untimed ones ('> 08:00 — BTC US$107.8K …', '> 16:00 — BTC US$108.9K …', then '## Bitcoin — US$108.9K ▲0.8%')", () => {
    const data = extract('*A long weekend in America.*', '', '> **Tide chart, Monday 21 June (UTC)**', '> 08:00 — BTC US$107.8K · ETH US$3,518', '> 12:00 — BTC US$108.4K · ETH US$3,537', '> 16:00 — BTC US$108.9K · ETH US$3,552', '', '## Bitcoin — US$108.9K ▲0.8%', '', 'That is the 16:00 reading.')
    expect(data.prices.map(({symbol, price}) => [symbol, price])).toEqual([['BTC', 108900], ['ETH', 3552]])
  })

  it("a share is not the cap's change: 'The total crypto market is worth roughly $3.9tn, with BTC's own market cap at $2.32tn and dominance at 59.7%'", () => {
    const cap = extract("The total crypto market is worth roughly $3.9tn, with BTC's own market cap at $2.32tn and dominance at 59.7%.").marketCap
    expect(cap?.usd).toBe(3.9e12)
    expect(cap?.change24hPct).toBeUndefined()
    expect(extract('Total crypto market cap: $3.41T, up 1.2% on the day; BTC dominance 57.8%.').marketCap).toMatchObject({usd: 3.41e12, change24hPct: 1.2})
  })

  it("Fear & Greed: a signed number is a move ('F&G is +5 points', then 'F&G **27** (fear)'), 'plunged to 22 points' a reading", () => {
    expect(extract('SINCE LAST ISSUE: BTC is +1 330 and ETH +48. F&G is +5 points.', '', 'F&G **27** (fear). It is up from 22.').fearGreed).toBe(27)
    expect(extract('SINCE LAST ISSUE: F&G is +5 points.').fearGreed).toBeUndefined()
    expect(extract('The Crypto Fear & Greed Index plunged to **22 points** ("extreme fear").').fearGreed).toBe(22)
  })

  it("an exact figure elsewhere that the overview rounds wins ('ether is near $4.3k' in the overview, 'ETH 4.26k (+1.2%)' at a glance); a glance figure that does not round to it does not", () => {
    const price = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])
    expect(price('**At a Glance** — ETH 4.26k (+1.2%)', '', '## Market Overview', '', 'Ether is near $4.3k after a quiet weekend.')).toEqual([['ETH', 4260, 1.2]])
    expect(price('**At a Glance** — ETH 4.19k (+1.2%)', '', '## Market Overview', '', 'Ether is near $4.3k after a quiet weekend.')).toEqual([['ETH', 4300, undefined]])
  })

  it("under '## Spot ETF flow log', lines that name no asset are the title's funds' ('- Tue 1 Jun: +$164.3M'); a line naming ether stays ether's", () => {
    const flows = extractDated('2032-06-02', '## Spot ETF flow log (last five sessions, newest last)', '', '- Fri 28 May: +$61.4M', '- Tue 1 Jun: +$164.3M', '', 'Spot ether ETFs took in $48.2M on Tuesday.').etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])).toEqual([['BTC', 'inflow', 61.4e6, '2032-05-28'], ['BTC', 'inflow', 164.3e6, '2032-06-01'], ['ETH', 'inflow', 48.2e6, '2032-06-01']])
  })

  it("a table of a week's sessions under a caption ending in a footnote ('Week 49 in the US spot funds … (USD):[^4]') gives each day's flows; a table of weeks does not", () => {
    const flows = (...lines: string[]) => extractDated('2031-12-06', ...lines).etfFlows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])
    expect(flows('Week 49 in the US spot funds, ranked by size of the BTC move, not by date (USD):[^4]', '', '| Session | BTC funds | ETH funds |', '|:--|--:|--:|', '| Tue 2 Dec | −412M | −37M |', '| Fri 5 Dec | +318M | +61M |', '', '[^4]: https://example.com/flows')).toEqual([['BTC', 'outflow', 412e6, '2031-12-02'], ['ETH', 'outflow', 37e6, '2031-12-02'], ['BTC', 'inflow', 318e6, '2031-12-05'], ['ETH', 'inflow', 61e6, '2031-12-05']])
    expect(flows('Weekly US spot ETF flows (USD):', '', '| Week | BTC funds | ETH funds |', '|:--|--:|--:|', '| Week to 5 Dec | +254M | +71M |')).toEqual([])
  })

  it("two funds' combined amount beside the day's flow is not a second provider's tally ('… 96 million dollars on Tuesday, April 20; IBIT still took in 41 million dollars, but GBTC and ARKB redeemed a combined 118 million dollars (Source: Farside)')", () => {
    const flows = extractDated('2032-04-21', 'US spot bitcoin ETFs saw net outflows of 96 million dollars on Tuesday, April 20, ending a five-session inflow run; IBIT still took in 41 million dollars, but GBTC and ARKB redeemed a combined 118 million dollars (Source: Farside).').etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])).toEqual([['BTC', 'outflow', 96e6, '2032-04-20']])
    expect(extractDated('2032-04-21', 'Spot bitcoin ETFs: −$58.3M per Farside, −$61.0M per SoSoValue on Tuesday.').etfFlows).toEqual([])
  })

  it("a band's size is not a price ('inside a band of less than 1 000 USD'); a range in spaced thousands is ('BTC 103 900 – 104 700 USD ▼0.3%')", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, range, change24hPct}) => [symbol, price, range, change24hPct])
    expect(quotes('> **BTC** 103 900 – 104 700 USD ▼0.3%', '', 'A quiet tape: bitcoin has spent the night inside a band of less than 1 000 USD, quoted above.')).toEqual([['BTC', undefined, [103900, 104700], -0.3]])
    expect(quotes('A quiet tape: bitcoin has spent the night inside a band of less than 1 000 USD.')).toEqual([])
  })

  it("a spike it never revisited is a level ('trading between 111.4k and 112.1k, though it never quite revisited the 112.6k spike'); 'by the time of writing it had steadied at 109.7k' beats the low of the move before it", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, range}) => [symbol, price, range])
    expect(quotes('Bitcoin spent the morning trading between 111.4k and 112.1k, up 1.5 percent, though it never quite revisited the 112.6k spike printed after the release.')).toEqual([['BTC', undefined, [111400, 112100]]])
    expect(quotes('A wave of selling took bitcoin from a weekend high of 112.4k down to 108.8k in under an hour, and by the time of writing it had steadied at 109.7k, down 1.7 percent on the day.')).toEqual([['BTC', 109700, undefined]])
  })

  it("a price heading and the day's range listed under it are one quote ('### BTC · 101 270 USD · +2.4 % (24h)', '- 24h range: 98 710 – 101 880 USD'); a price outside the range is not merged", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, range, change24hPct}) => [symbol, price, range, change24hPct])
    expect(quotes('### BTC · 101 270 USD · +2.4 % (24h)', '', '- 24h range: 98 710 – 101 880 USD', '- Yesterday: 98 940 USD')).toEqual([['BTC', 101270, [98710, 101880], 2.4]])
    expect(quotes('### BTC · 104 270 USD · +2.4 % (24h)', '', '- 24h range: 98 710 – 101 880 USD')).toEqual([['BTC', undefined, [98710, 101880], undefined]])
  })

  it("the day a clause opens on is the day of the flow it comes with ('Friday (14 Jan) closed the losing streak with a net +$96.4M into spot BTC ETFs'); a streak extended to a sum is not a day's", () => {
    const flows = (...lines: string[]) => extractDated('2033-01-17', ...lines).etfFlows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])
    expect(flows('**ETF flows:** no session today. Friday (14 Jan) closed the losing streak with a net +$96.4M into spot BTC ETFs.')).toEqual([['BTC', 'inflow', 96.4e6, '2033-01-14']])
    expect(flows('**ETF flows:** spot BTC ETFs extended the streak to a net +$396.4M.')).toEqual([])
  })

  it("a fund table whose caption gives the day and the unit ('**Tuesday 18 January**, spot BTC ETFs, net, million USD:') is read at its total row", () => {
    const flows = extractDated('2033-01-19', '### ETF flows — by issuer first', '', '**Tuesday 18 January**, spot BTC ETFs, net, million USD:', '', '| Issuer | Flow |', '| :-- | --: |', '| IBIT | +204.7 |', '| GBTC | −41.8 |', '| **Total** | **+162.9** |').etfFlows
    expect(flows.map(({asset, direction, amountUsd, date}) => [asset, direction, amountUsd, date])).toEqual([['BTC', 'inflow', 162.9e6, '2033-01-18']])
  })

  it("'down 0.4 percent from this time yesterday' is the day's move, also in a sentence about 'a weekly letter'; 'the 110k to 113k range it has respected since Friday' is no day's range", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, range, change24hPct}) => [symbol, price, range, change24hPct])
    expect(quotes('It was the kind of Sunday that makes a weekly letter feel generous: bitcoin at 111.6k, down 0.4 percent from this time yesterday and comfortably inside the 110k to 113k range it has respected since Friday afternoon.')).toEqual([['BTC', 111600, undefined, -0.4]])
    expect(quotes('On the week bitcoin is at 111.6k, down 0.4 percent.')).toEqual([['BTC', 111600, undefined, undefined]])
  })

  it("a side word before a share labels the share, not the amount before it ('Liquidations 24h (all)   $1.47bn   longs 86 pct', '$1.47bn, longs 86%')", () => {
    const liquidations = (...lines: string[]) => extract(...lines).liquidations.map(({amountUsd, long, short}) => [amountUsd, long, short])
    expect(liquidations('## Derivatives', '', '```', 'Liquidations 24h (all)        $1.47bn     longs 86 pct', 'Largest single liquidation    $21.9M      ETH-USD', '```')).toEqual([[1.47e9, 1.2642e9, undefined]])
    expect(liquidations('## Derivatives', '', 'Liquidations 24h: $209M, shorts 68%.')).toEqual([[209e6, undefined, 142.12e6]])
    expect(liquidations('## Derivatives', '', 'Liquidations 24h: $1.47bn     longs $1.2bn')).toEqual([[1.47e9, 1.2e9, undefined]])
  })

  it("'adding', 'attracting', 'losing' and 'shedding' say a flow's direction ('spot bitcoin funds adding a net 205 million dollars while spot ether funds were losing 31 million')", () => {
    const flows = extractDated('2033-01-08', 'ETF data for Friday showed spot bitcoin funds adding a net 205 million dollars while spot ether funds were losing 31 million, which brings the bitcoin funds to 1.65 billion of net inflows for the week.').etfFlows
    expect(flows.map(({asset, direction, amountUsd}) => [asset, direction, amountUsd])).toEqual([['BTC', 'inflow', 205e6], ['ETH', 'outflow', 31e6]])
  })

  it("'between 99 240 USD and 101 480 USD' is a range (a currency after each end); 'dn 0.7%' is down", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, range, change24hPct}) => [symbol, price, range, change24hPct])
    expect(quotes('Over the 24 hours to 07:30 London, Bitcoin traded between 99 240 USD and 101 480 USD.')).toEqual([['BTC', undefined, [99240, 101480], undefined]])
    expect(quotes('btc is at $106.55k, dn 0.7% on 24h, and down 2.7% from tuesday\'s note.')).toEqual([['BTC', 106550, undefined, -0.7]])
  })

  it("liquidations across all venues beat one venue's ('Liquidations, all venues, 24h: $389M' beside 'Quarry liquidations (24h): $37.2M'; a table's 'On Halvard' column beside 'All venues')", () => {
    const liquidations = (...lines: string[]) => extract(...lines).liquidations.map(({amountUsd}) => amountUsd)
    expect(liquidations('## Notes', '', '- Liquidations, all venues, 24h: **$389M**. Longs **$301M**, shorts $88M.', '- Quarry liquidations (24h): $37.2M, of which longs made up $31.5M.')).toEqual([389e6])
    expect(liquidations('## Notes', '', '- Liquidations, 24h: **$389M**.', '- Quarry liquidations (24h): $37.2M.')).toEqual([])
    expect(liquidations('### Halvard vs. the market', '', '| Metric | On Halvard | All venues |', '|---|---|---|', '| 24h liquidations | $22.6M | $318.7M |')).toEqual([318.7e6])
  })

  it("'Total digital-asset market value 3.59 trillion USD, +0.6 pct' is the total cap and its change", () => {
    const cap = extract('> **At a glance (07:30 London)**', '> Bitcoin 100 960 USD, +0.9 pct on 24 hours', '> Total digital-asset market value 3.59 trillion USD, +0.6 pct').marketCap
    expect([cap?.usd, cap?.change24hPct]).toEqual([3.59e12, 0.6])
  })

  it("a sentence opening on another moment does not go on with the asset ('Yesterday at this time it was at 106 840 USD'); 'fell 4.9 pct in the hour after the notice' is no day's move; 'a second sentiment gauge we monitor' is not Fear & Greed", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])
    expect(quotes('Bitcoin gave back part of Monday\'s breakout. Yesterday at this time it was at 106 840 USD.')).toEqual([])
    expect(quotes('Bitcoin gave back part of Monday\'s breakout. It trades at 105 510 USD.')).toEqual([['BTC', 105510, undefined]])
    expect(quotes('Solana fell 4.9 pct in the hour after the notice, then recovered about half of that.')).toEqual([])
    expect(extract('A second sentiment gauge we monitor, a composite of social-media tone, fell to 61 from 68. It is not the same as the Fear & Greed Index.').fearGreed).toBeUndefined()
    expect(extract('The sentiment gauge fell to 61 from 68.').fearGreed).toBe(61)
  })

  it("a data widget's 'Px' column is the price ('| Sym | Px | Δ24h | Δ7d | MCap |')", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price, change24hPct}) => [symbol, price, change24hPct])
    expect(quotes('| Sym | Px | Δ24h | Δ7d | MCap |', '|---|---|---|---|---|', '| BTC | 111,048.90 | +1.57% | +5.64% | 2.29T |', '| ETH | 3,768.30 | +0.9% | +2.1% | 455B |')).toEqual([['BTC', 111048.9, 1.57], ['ETH', 3768.3, 0.9]])
  })

  it("a level it keeps knocking on is not its price ('somewhere in the $3,880–$3,930 band … and it keeps knocking on $4,000')", () => {
    const quotes = extract('Ether is somewhere in the $3,880–$3,930 band, up 1–2% depending on the venue you use, and it keeps knocking on $4,000 without quite getting there.').prices
    expect(quotes.map(({symbol, price, range}) => [symbol, price, range])).toEqual([['ETH', undefined, [3880, 3930]]])
  })

  it("a peak it reached is not its price ('On Sunday it reached 104 900 USD, its highest level since 4 March'); 'ether reached $3,120, up 2%' still is", () => {
    const quotes = (...lines: string[]) => extract(...lines).prices.map(({symbol, price}) => [symbol, price])
    expect(quotes('> Bitcoin 104 270 USD, +1.6 pct on 24 hours', '', 'Bitcoin moved above 102 000 USD on Saturday. On Sunday it reached 104 900 USD, its highest level since 4 March.')).toEqual([['BTC', 104270]])
    expect(quotes('Bitcoin reached 104 900 USD, its highest level since 4 March.')).toEqual([])
    expect(quotes('Ether reached $3,120, up 2% on the day.')).toEqual([['ETH', 3120]])
  })

  it("what set 34a taught: 'At the time of writing it last changed hands at' says now; two providers' readings of a price or the cap are a band", () => {
    expect(price(extract('## Market', '', 'Bitcoin spent the overnight session hovering near $98,000. At the time of writing it last changed hands at roughly $97,997, a gain of about 0.9% over the past 24 hours according to CoinGecko.'), 'BTC')).toMatchObject({price: 97997, change24hPct: 0.9})
    expect(price(extract('## Market', '', '- **BTC:** $99,550 per CoinGecko / $99,512 per CoinMarketCap[^1][^2], **+2.3%** over 24h', '- **ETH:** $3,550 (+1.1%)'), 'BTC')).toMatchObject({range: [99512, 99550], change24hPct: 2.3})
    const both = price(extract('## Market', '', 'Bitcoin is at **$98,105** on CoinGecko[^1] and **$98,060** on CoinMarketCap[^2], up **0.9%** over 24 hours.'), 'BTC')
    expect(both).toMatchObject({range: [98060, 98105], change24hPct: 0.9})
    expect(both?.price).toBeUndefined()
    expect(extract('## Market', '', '```', 'MCAP   $3.40T (CoinGecko) | $3.38T (CoinMarketCap)   +1.73% 24h', '```').marketCap).toMatchObject({usdRange: [3.38e12, 3.4e12]})
    // One provider named twice is one reading and the next amount is another figure.
    expect(price(extract('## Market', '', 'Bitcoin is at $98,105 on CoinGecko and $96,000 on CoinGecko is support.'), 'BTC')).toMatchObject({price: 98105})
  })

  it("what set 34a taught, in tables and flows: a column per provider gives a band, and one company's ticker is one fund", () => {
    expect(price(extract('## Market', '', 'Bitcoin sits around $97.2k this morning. That is up 2.0% on 24 hours per CoinGecko[^1] (CoinMarketCap shows 1.9%[^2]).'), 'BTC')).toMatchObject({price: 97200, change24hRange: [1.9, 2]})
    const table = extract('### Market Snapshot', '', '| Asset | Price | 24h (CoinGecko) | 24h (CoinMarketCap) |', '|---|---:|---:|---:|', '| BTC | $95,323 | +1.20% | +1.26% |', '| ETH | $3,498.48 | +1.99% | +1.99% |', '', '### Market Structure', '', '| Metric | CoinGecko | CoinMarketCap |', '|---|---:|---:|', '| Total market cap | $3.26T | $3.27T |')
    expect(price(table, 'BTC')).toMatchObject({price: 95323, change24hRange: [1.2, 1.26]})
    expect(price(table, 'ETH')).toMatchObject({price: 3498.48, change24hPct: 1.99})
    expect(table.marketCap).toMatchObject({usdRange: [3.26e12, 3.27e12]})
    // The prose's cap is the providers' band's, and takes its change.
    expect(extract('## Market', '', 'The total market is worth about $3.70tn.', '', '| Asset | CoinGecko | CoinMarketCap | 24h (CG / CMC) |', '|:--|--:|--:|:--|', '| Total market cap | $3.70tn | $3.68tn | +1.73% / +1.70% |').marketCap).toMatchObject({usd: 3.7e12, change24hPct: 1.73})
    // "Halberd's HBTC": a company's ticker is one fund, not the market's flow.
    const flows = extract('## Flows', '', 'US spot bitcoin ETFs took in a net $186.4M on Tuesday (Sep 12) per Farside. Halberd\'s HBTC led the bitcoin side with +$97.3M on its own.').etfFlows
    expect(flows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 186.4e6}])
    expect(flows).toHaveLength(1)
  })

  it("what set 34b taught: a line with comma decimals sets thousands apart with dots, Portuguese magnitudes, a percent sign written first, a price before its signed change", () => {
    const brazil = extract('### Cafezinho do Mercado', '', '- **Bitcoin (BTC):** US$ 100.196 — R$ 559.194 — **+1,95%** in 24h', '- **Ethereum (ETH):** US$ 3.709,75 — **+2,36%**', '- **Capitalização total do mercado cripto:** US$ 3,42 trilhões (**+1,6%**)', '', 'In the last 24 hours, **US$ 639,5 milhões** were liquidated in the whole market.')
    expect(price(brazil, 'BTC')).toMatchObject({price: 100196, change24hPct: 1.95})
    expect(price(brazil, 'ETH')).toMatchObject({price: 3709.75, change24hPct: 2.36})
    expect(brazil.marketCap).toMatchObject({usd: 3.42e12, change24hPct: 1.6})
    expect(brazil.liquidations).toMatchObject([{amountUsd: 639.5e6}])
    const turkey = extract('MARKET SUMMARY', '', 'BTC ........ 100.837 $ | 24 hour: +%0,64', 'SOL ........ 204,44 $  | 24 hour: -%0,16', '', 'Total crypto market value 3,44 trillion $, in 24 hours rose %0,47.')
    expect(price(turkey, 'BTC')).toMatchObject({price: 100837, change24hPct: 0.64})
    expect(price(turkey, 'SOL')).toMatchObject({price: 204.44, change24hPct: -0.16})
    // An English line keeps its dots as decimals: "$1.375" is a dollar and 37.5 cents.
    expect(price(extract('## Market', '', '- **XRP:** $1.375 (+2.1%)'), 'XRP')).toMatchObject({price: 1.375})
  })

  it("the Fear & Greed index by its names in other languages, and read under a heading named for it from a line that opens on the reading", () => {
    expect(extract('### 😱 Medo & Ganância', '', '**19 — Medo Extremo (Extreme Fear).** One week ago it was 56.').fearGreed).toBe(19)
    expect(extract('## Fear & Greed', '', '57 (Greed). First time in the greed zone since the 4th.').fearGreed).toBe(57)
    expect(extract('## Fear & Greed', '', 'Index 26, "Fear". Yesterday it was 19.').fearGreed).toBe(26)
    // A line under the heading that does not open on the reading is not read as one.
    expect(extract('## Fear & Greed', '', 'It was 19 a week ago and nobody is brave yet.').fearGreed).toBeUndefined()
  })

  it("an amount restated in another currency in brackets is an aside: '(≈ S$417.6m)' does not break the liquidation total before it", () => {
    expect(extract('## Derivatives', '', 'About US$321.0m (≈ S$417.6m) of positions liquidated in the last 24 hours — longs US$170.1m, shorts US$150.9m.').liquidations).toMatchObject([{amountUsd: 321e6, long: 170.1e6, short: 150.9e6}])
    expect(price(extract('## Market', '', '- **Bitcoin (BTC):** US$ 100.196 (R$ 559.194), **+1,95%** in 24h'), 'BTC')).toMatchObject({price: 100196, change24hPct: 1.95})
  })

  it("what set 35d taught: a past day told in the past tense is not today's price, 'rn' is now, and a table of levels gives no price from its notes", () => {
    const saturday = extractDated('2033-11-12', 'saturday edition!! i went to bed wednesday with btc at 98k and woke up thursday to 93k', '', '## where we at', '', 'btc is chopping between 94.2k and 96.7k, sitting at **95.9k** rn (+0.8% on the day).')
    expect(price(saturday, 'BTC')).toMatchObject({price: 95900, change24hPct: 0.8})
    // A day named in an earlier sentence of the paragraph does not reach this one.
    expect(price(extractDated('2033-03-28', '## Market', '', 'the expiry on friday went off quietly, settling at $106.9k. eth is at $3.79k (+1.2%) and sol at $203.5 (+2.0%).'), 'ETH')).toMatchObject({price: 3790, change24hPct: 1.2})
    const levels = extractDated('2033-11-07', '**Snapshot (24h to 06:00 ET)**', '', '- **BTC $102,612**, −2.32%', '', '## Levels', '', '| | Support | Resistance | Notes |', '|---|---|---|---|', '| BTC | 101.2k / 99.8k | 104.1k / 105.6k | 101.2k held on the wick, barely |')
    expect(price(levels, 'BTC')).toMatchObject({price: 102612, change24hPct: -2.32})
  })

  it("what set 35c taught: 'The week is shaping up at +4.4%' after the price is the week's move; 'ranged from 36 to 39 on the Crypto Fear & Greed Index' is a band", () => {
    expect(price(extract('## Market', '', 'BTC is at 67,593, basically unchanged from Saturday morning. The week is shaping up at +4.4%, the first green week in four.'), 'BTC')).toEqual(expect.not.objectContaining({change24hPct: 4.4}))
    expect(price(extract('## Market', '', 'BTC is at 67,593. The day closed up 1.1%.'), 'BTC')).toMatchObject({price: 67593, change24hPct: 1.1})
    const sentiment = extract('## Market', '', 'Bitcoin is flat near $69.1K.', '', '## Sentiment', '', "Fear readings ranged from 36 to 39 on the Crypto Fear & Greed Index across the trackers we follow, up from Tuesday's 34 low.")
    expect(sentiment.fearGreedRange).toEqual([36, 39])
    expect(extract('## Sentiment', '', 'Sentiment cooled to 62 on the Fear & Greed gauge.').fearGreed).toBe(62)
  })

  it("two providers' totals are a band: '$598M on one tracker, $621M on the other', 'Two aggregators put the total market at $3.23 trillion and $3.25 trillion'", () => {
    expect(extract('## Derivs', '', '- Liqs 24h: **$598M** on one tracker, **$621M** on the other. Call it $600M+').liquidations).toMatchObject([{amountUsd: 598e6, amountUsdRange: [598e6, 621e6]}])
    expect(extract('## Market', '', 'Two aggregators put the total market at $3.23 trillion and $3.25 trillion; both say it fell about 0.6% over the day.').marketCap).toMatchObject({usdRange: [3.23e12, 3.25e12]})
    // Two totals with no word of two sources are still neither.
    expect(extract('## Derivs', '', '- Liquidations 24h: estimates range from $100M to over $600M').liquidations).toEqual([])
  })

  it("what set 36d taught: another moment's column or close gives way to the price now ('| Fri close | Now (07:00 UTC) |', 'finished the US Friday session at … At 07:00 UTC it is changing hands at')", () => {
    const table = extractDated('2034-03-13', '## Weekend scorecard', '', '| Asset | Fri close | Now (07:00 UTC) | 24h |', '|---|---:|---:|---:|', '| BTC | $86,300 | $88,160 | +0.85% |', '| ETH | $3,012 | $3,069.45 | −1.14% |')
    expect(price(table, 'BTC')).toMatchObject({price: 88160, change24hPct: 0.85})
    expect(price(table, 'ETH')).toMatchObject({price: 3069.45})
    // A close column alone is still the price.
    expect(price(extract('| Asset | Close | 24h |', '|---|---:|---:|', '| BTC | $86,300 | +0.85% |'), 'BTC')).toMatchObject({price: 86300})
    const prose = extractDated('2034-03-18', '## Market', '', 'Bitcoin finished the US Friday session at $90,940 and has eased a touch overnight. At 07:00 UTC it is changing hands at **$90,580**, which is **0.53% lower than 24 hours ago**. Over the week BTC is up 4.3% from last Saturday\'s $86,870.')
    expect(price(prose, 'BTC')).toMatchObject({price: 90580, change24hPct: -0.53})
    const again = extractDated('2034-03-06', '## Market', '', 'Bitcoin closed the US Friday session at $89,050 and spent Saturday doing very little. As of 07:00 UTC this morning **BTC is at $89,870, down 0.67% on the past 24 hours**.')
    expect(price(again, 'BTC')).toMatchObject({price: 89870, change24hPct: -0.67})
    // With nothing later, a recap of the close is still what the brief gives.
    expect(price(extractDated('2034-03-18', '## Market', '', 'Bitcoin finished the US Friday session at $90,940 and has eased a touch overnight.'), 'BTC')).toMatchObject({price: 90940})
  })

  it("what set 36a taught: two gauges' readings a long sentence after the name are a band ('… depending on whose version you use: 29 on the classic index, 33 on the exchange-weighted one', 'is at 74 and CoinMarketCap's at 68')", () => {
    expect(extract('## Sentiment', '', 'Fear & Greed is in the high 20s to low 30s depending on whose version you use: 29 on the classic index, 33 on the exchange-weighted one.').fearGreedRange).toEqual([29, 33])
    expect(extract('## Sentiment', '', "The two fear-and-greed gauges disagree today by more than usual: alternative.me's Crypto Fear & Greed Index is at 74 and CoinMarketCap's at 68.").fearGreedRange).toEqual([68, 74])
    expect(extract('## Sentiment', '', 'Fear & Greed sits at 74 and funding is flat.').fearGreed).toBe(74)
  })

  it("what set 36a taught: 'For 2033 as a whole, BTC is up about 31%' is the year's move and 'up 3.7% from a week ago' the week's", () => {
    const data = extractDated('2033-12-27', '## Market', '', 'Bitcoin is trading at **$99,353** this morning, up 3.7% from a week ago. For 2033 as a whole, BTC is up about 31% with five days left in the year.')
    expect(price(data, 'BTC')).toEqual(expect.objectContaining({price: 99353}))
    expect(price(data, 'BTC')?.change24hPct).toBeUndefined()
    expect(price(extractDated('2033-12-27', '## Market', '', 'Bitcoin is trading at $99,353, up 1.2% from a day earlier and 3.7% from a week ago.'), 'BTC')).toMatchObject({change24hPct: 1.2})
  })

  it("what set 36b taught: a liquidations table's whole-market row is the total, and a desk's plain upper-case titles ('LIQS', 'TAPE') are sections", () => {
    const venues = extract('## Liquidations by venue (24h)', '', '| Venue | Longs | Shorts | Total |', '|---|---:|---:|---:|', '| Bitvane | $44.9M | $71.2M | $116.1M |', '| **All venues** | **$121.4M** | **$189.6M** | **$311.0M** |')
    expect(venues.liquidations).toMatchObject([{amountUsd: 311e6, long: 121.4e6, short: 189.6e6, window: '24h'}])
    const shares = extract('## Liquidations (24h)', '', '| | Share | Amount |', '|---|---:|---:|', '| Longs | 56% | — |', '| Shorts | 44% | — |', '| **Total** | 100% | **$238M** |')
    expect(shares.liquidations).toMatchObject([{amountUsd: 238e6}])
    // Another window's table gives nothing.
    expect(extract('## Liquidations (4h)', '', '| | Amount |', '|---|---:|', '| Total | $41.7M |').liquidations).toEqual([])
    const desk = extract('LIQS FIRST, because that\'s the story', '', '- 24h: $344M', '- 12h: $203M · 4h: $47M', '', 'TAPE', '', '- BTC 97,230 ↑1.38%', '- ETH 3,446 ↑1.7%', '', 'FLOWS', '', '- BTC ETFs +$366.9M (Fri)')
    expect(desk.liquidations).toMatchObject([{amountUsd: 344e6}])
    expect(price(desk, 'BTC')).toMatchObject({price: 97230, change24hPct: 1.38})
  })

  it("what set 36c taught: TOTAL2 is the altcoins' cap, and 'All crypto: $2.94T' and a table's 'Total crypto' row are the whole market's", () => {
    const board = extract('THE BOARD', '', '```text', '             LAST        24H', 'BTC        95,711     -0.69%', 'TOTAL2      1.46T     +0.30%', '```', '', 'THE TAPE', '', 'Crypto market cap 3.36T, basically unchanged (-0.14%).')
    expect(board.marketCap).toMatchObject({usd: 3.36e12, change24hPct: -0.14})
    expect(extract('TOTAL2 1.46T +0.30%').marketCap).toBeUndefined()
    expect(extract('## Market', '', '- **All crypto:** $2.94T (**+0.14%**) · BTC.D 56.2%').marketCap).toMatchObject({usd: 2.94e12, change24hPct: 0.14})
    const table = extract('## Scoreboard', '', '| Asset | Price | 24h | 7d | Mkt cap |', '|---|---|---|---|---|', '| BTC | $96,100 | +1.2% | +0.3% | $1.91T |', '| **Total crypto** | — | +1.50% | +0.4% | **$3.355T** |')
    expect(table.marketCap).toMatchObject({usd: 3.355e12, change24hPct: 1.5})
  })

  it("what set 36d taught: a live blog's entries under a headline list are read as market figures, newest first", () => {
    const live = extractDated('2034-03-09', '**Key headlines today**', '', '- [HIGH] Bitcoin falls as much as 8% intraday', '', '#### 21:05 — Closing the blog for tonight', '', '- **BTC** $84,610, **−6.04%** over 24 hours', '- **ETH** $3,017.44, **−6.83%**', '', '#### 06:40 — Good morning', '', 'Quiet start. BTC $89,400 (−0.7%).')
    expect(price(live, 'BTC')).toMatchObject({price: 84610, change24hPct: -6.04})
    expect(price(live, 'ETH')).toMatchObject({price: 3017.44})
  })

  it("what set 38b taught: a line labelled with a span of flows ('October to date: BTC 2,460.1 · ETH 440.7 · SOL 45.5', 'Since launch: …') holds no prices", () => {
    const flows = extractDated('2034-10-11', '## Scoreboard', '', '- **October to date:** BTC 2,460.1 · ETH 440.7 · SOL 45.5', '- **Since launch:** BTC 145,087.9 · ETH 28,994.5 · SOL 3,684.1', '', '## Tape', '', '```', '06:30 UTC        LAST      24H', 'BTC           111,845   +1.43%', 'ETH             4,455   +2.13%', 'SOL            236.40   +2.43%', '```')
    expect(price(flows, 'ETH')).toMatchObject({price: 4455, change24hPct: 2.13})
    expect(price(flows, 'SOL')).toMatchObject({price: 236.4, change24hPct: 2.43})
    const scoreboard = extractDated('2034-10-11', '## Scoreboard', '', '- **October to date:** BTC 2,460.1 · ETH 440.7 · SOL 45.5', '- **Holdings:** ETH 3,120.5 · SOL 212.4')
    expect([price(scoreboard, 'ETH'), price(scoreboard, 'SOL')]).toEqual([undefined, undefined])
  })

  it("what set 38b taught: 'Derivatives traders lost $398.9 million to forced liquidations over the past 24 hours' is the day's total", () => {
    const data = extractDated('2034-10-20', '## 🔥 Liquidations', '', 'Derivatives traders lost **$398.9 million** to forced liquidations over the past 24 hours: $212.5 million from longs and $186.4 million from shorts. The heaviest stretch came in the last four hours, when roughly $96 million was cleared.')
    expect(data.liquidations).toMatchObject([{amountUsd: 398.9e6, long: 212.5e6, short: 186.4e6, window: '24h'}])
  })

  it("what set 38d taught: a code block's columns of several windows ('1h', '24h', '7d avg') and a YAML or JSON map per asset ('BTC: {last: 103012, chg_1h_pct: -0.34, chg_24h_pct: -2.10}') give the price and the 24h change", () => {
    const aligned = extractDated('2034-12-01', 'SNAPSHOT (07:00 UTC cut)', '', '```', 'asset   last        1h       24h      Δ24h USD    7d       30d      7d avg      z(24h)', 'BTC     105,015     +0.18%   +1.20%   +1,246      +2.29%   +6.80%   103,487     +0.74', '```')
    expect(price(aligned, 'BTC')).toMatchObject({price: 105015, change24hPct: 1.2})
    const yaml = extractDated('2034-12-04', '## Ledger', '', '```yaml', 'spot:', '  BTC: {last: 103012, chg_1h_pct: -0.34, chg_24h_pct: -2.10, chg_24h_usd: -2210, hi_24h: 105806, prev: 105222, avg_7d: 104240, chg_7d_pct: -0.93}', '  ETH: {last: 3634.70, chg_1h_pct: -0.41, chg_24h_pct: -2.02, chg_24h_usd: -74.90}', '```')
    expect([price(yaml, 'BTC'), price(yaml, 'ETH')]).toMatchObject([{price: 103012, change24hPct: -2.1}, {price: 3634.7, change24hPct: -2.02}])
    const json = extractDated('2034-12-06', '## Snapshot', '', '```json', '{', '  "spot": {', '    "BTC": {"px": 100406, "chg_1h_pct": 0.06, "chg_24h_pct": 0.90, "chg_24h_usd": 896, "px_yday": 99510},', '    "SOL": {"px": 169.78, "chg_1h_pct": -0.05, "chg_24h_pct": 0.16}', '  }', '}', '```')
    expect([price(json, 'BTC'), price(json, 'SOL')]).toMatchObject([{price: 100406, change24hPct: 0.9}, {price: 169.78, change24hPct: 0.16}])
  })

  it("what set 38d taught (2): a YAML block per asset ('BTC:' then 'last: 93674' …), keys that end in their unit ('total_cap_tn: 3.254', 'liquidations_24h_musd: 340.0') and 'fear_greed: 54'", () => {
    const ledger = extractDated('2034-12-11', '## Ledger', '', '```yaml', 'spot:', '  BTC:', '    last: 93674', '    chg_24h_pct: -2.40', '    prev: 95978', '  SOL:', '    last: 153.82', '    chg_24h_pct: -3.66', '    chg_7d_pct: -15.20', 'market:', '  total_cap_tn: 3.254        # USD trillions', '  total_cap_chg_24h_pct: -2.44', '  btc_cap_tn: 1.864', '  stablecoin_cap_bn: 486.9', 'derivatives:', '  liquidations_24h_musd: 340.0', '  largest_single_musd: 8.7', '  btc_perp_oi_bn: 70.2', 'sentiment:', '  fear_greed: 54             # Neutral; prev 57', '```')
    expect([price(ledger, 'BTC'), price(ledger, 'SOL')]).toMatchObject([{price: 93674, change24hPct: -2.4}, {price: 153.82, change24hPct: -3.66}])
    expect(ledger.marketCap).toMatchObject({usd: 3.254e12, change24hPct: -2.44})
    expect(ledger.liquidations).toMatchObject([{amountUsd: 340e6}])
    expect(ledger.fearGreed).toBe(54)
  })

  it("what set 38b and 38c taught: 'Week: BTC (1,858.1) · ETH (561.3)' holds no prices, and '−$602M Mon+Tue' is two days' flow", () => {
    expect(price(extractDated('2034-10-28', '## Scoreboard', '', '- **Week:** BTC (1,858.1), the worst week on our records · ETH (561.3) · SOL (45.6)'), 'ETH')).toBeUndefined()
    const flows = extractDated('2034-11-09', '## Flows', '', "US spot BTC ETFs: +$120M on Wednesday. The ETF print is nice but that's after −$602M Mon+Tue, and −$476.3M over Thu & Fri before that.")
    expect(flows.etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 120e6, date: '2034-11-08'}])
  })

  it("what set 38a taught: a path's end 'before a partial recovery' and 'the last hurdle before $91,000' are not the price; a dashboard's price goes with the overview's change it repeats", () => {
    const data = extractDated('2034-09-22', '**Dashboard**', '', 'BTC 86,803 ▼2.1% · ETH 3,177.9 ▼2.4%', '', '**Overview**', '', "The post-Fed rally ran out of road. Bitcoin's 24-hour path went 88,961 → 85,965 USD before a partial recovery, and the coin ended the period down 2.1%. The rejection came just below the 89,000–89,600 zone that several desks had flagged as the last hurdle before $91,000.")
    expect(price(data, 'BTC')).toMatchObject({price: 86803, change24hPct: -2.1})
    // A month's column is not the day's change.
    expect(price(extractDated('2034-09-30', '## Month', '', '| | Sep 2034 |', '|---|---|', '| BTC | +5.3% |'), 'BTC')).toBeUndefined()
  })

  it("what set 38c taught: a note-taking app's inline fields ('btc_price:: 118,900' a line each, '[btc_price:: 110,210]' in a sentence)", () => {
    const fields = extractDated('2034-11-05', '## Market snapshot', '*Pulled 09:10 CET from the usual dashboard, 24h changes.*', '', 'btc_price:: 118,900', 'btc_24h:: +0.68%', 'eth_price:: 3,991', 'eth_24h:: -1.14%', 'total_mcap:: 4.07T', 'fng:: 72', 'liqs_24h:: 414M', 'btc_7d:: +1.7%')
    expect([price(fields, 'BTC'), price(fields, 'ETH')]).toMatchObject([{price: 118900, change24hPct: 0.68}, {price: 3991, change24hPct: -1.14}])
    expect([fields.marketCap?.usd, fields.fearGreed, fields.liquidations[0]?.amountUsd]).toEqual([4.07e12, 72, 414e6])
    const prose = extractDated('2034-11-12', '## Log', '', 'Quiet one. [[Bitcoin]] sat at [btc_price:: 110,210] this morning, [btc_24h:: +0.61%] on the day.')
    expect(price(prose, 'BTC')).toMatchObject({price: 110210, change24hPct: 0.61})
    // A sentence that opens on another moment, in the past tense, is that moment's: "Yesterday's note had BTC at [[2034-11-17|101,640]]".
    const recalled = extractDated('2034-11-18', '## Market snapshot', '', "> Yesterday's note had BTC at [[2034-11-17|101,640]] and I nearly panic-sold. Don't.", '', 'btc_price:: 102,310', 'btc_24h:: +0.65%')
    expect(price(recalled, 'BTC')).toMatchObject({price: 102310, change24hPct: 0.65})
  })

  it("what set 38c taught: two exchanges' changes, each named in brackets ('−2.1% (Coinbase) / −2.0% (Binance)'), are a band", () => {
    expect(price(extractDated('2034-11-09', '## Snapshot', '', ':large_orange_diamond: **BTC** 110.7k — −2.1% (Coinbase) / −2.0% (Binance) 24h'), 'BTC')).toMatchObject({price: 110700, change24hRange: [-2.1, -2]})
  })

  it("what set 12c taught: a terse cap's signed bare number ('Cap 3.38T (+0.9).', 'Cap 3.35T, -0.9.') is its change in percent, and a table's units in its labels ('| Mkt cap ($T) | 3.41 |', '| Mkt cap 24h % | -0.32 |') are read", () => {
    expect(extractDated('2028-12-01', '## Tape', '', 'Cap 3.38T (+0.9). F&G 61.').marketCap).toMatchObject({usd: 3.38e12, change24hPct: 0.9})
    expect(extractDated('2028-12-02', '## Tape', '', 'Cap 3.35T, -0.9. F&G 58.').marketCap).toMatchObject({usd: 3.35e12, change24hPct: -0.9})
    // (A percentage after it is read as one, with its own span: "$2.46T, +3.8% on the week" gives no day's change.)
    expect(extractDated('2026-05-01', '## Market', '', 'Total crypto market capitalisation is **$2.46T**, +3.8% on the week.').marketCap?.change24hPct).toBeUndefined()
    const table = extractDated('2028-12-07', '## Tape', '', '| Metric | Value |', '|---|---|', '| Mkt cap ($T) | 3.41 |', '| Mkt cap 24h % | -0.32 |', '| Stables cap (US$ bn) | 241 |')
    expect(table.marketCap).toMatchObject({usd: 3.41e12, change24hPct: -0.32})
  })

  it("what set 39b taught: a 'then vs now' block ('PREV NOTE (Thu 07:00 UTC)   NOW (Fri 07:00 UTC)   24H'), a table's 'Prior 24h' column beside 'Last 24h', and 'As of writing BTC trades at …' after an earlier moment's price", () => {
    const block = extractDated('2035-05-04', '## THEN VS NOW', '', '```', '                 PREV NOTE (Thu 07:00 UTC)   NOW (Fri 07:00 UTC)   24H', 'BTC              103,480                     105,210               +1.67%', 'TOTAL MCAP       3.52T                       3.59T                 +1.85%', 'BTC DOMINANCE    58.5%                       58.4%', 'FEAR & GREED     60                          66', '```')
    expect(price(block, 'BTC')).toMatchObject({price: 105210, change24hPct: 1.67})
    expect([block.marketCap?.usd, block.fearGreed]).toEqual([3.59e12, 66])
    const derivatives = extractDated('2035-05-10', '## Derivatives', '', '| | Prior 24h | **Last 24h** |', '|---|---:|---:|', '| Liquidations, total | $1.42B | **$836M** |')
    expect(derivatives.liquidations).toMatchObject([{amountUsd: 836e6}])
    const prose = extractDated('2035-05-09', '## Overnight', '', 'At the time of the US close bitcoin was $99,840. It was already under six figures. As of writing BTC trades at **$98,310**, down 3.37% on a 24-hour basis.')
    expect(price(prose, 'BTC')).toMatchObject({price: 98310, change24hPct: -3.37})
    // (A dashboard whose rows differ in length from its header is read line by line, as before.)
    const dashboard = extractDated('2034-10-11', '## Tape', '', '```', '06:30 UTC        LAST      24H     24H RANGE', 'BTC           111,845   +1.43%   109,423–112,697', 'LIQS 24H       454.2M   L 197.9M / S 256.3M', '```')
    expect(dashboard.liquidations).toMatchObject([{amountUsd: 454.2e6}])
  })

  it("what set 39a taught: a Fear & Greed reading in a sentence told of another day ('Last Sunday the Herald led with … a Fear & Greed reading of 12') is not today's", () => {
    const data = extractDated('2035-04-15', '## The open', '', 'What a difference a week makes. Last Sunday the Herald led with a market cap below $3 trillion and a Fear & Greed reading of 12. This morning bitcoin trades at $97,704.', '', '## Sentiment', '', 'Fear & Greed: 56, in Greed for the first time since March 19.')
    expect(data.fearGreed).toBe(56)
  })
})

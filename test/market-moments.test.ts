import {describe, expect, it} from 'vitest'
import {momentsOf} from '../src/extract/market/moments.js'
import {extractDated, parseBrief, priceOf} from './market-helpers.js'

// Whole briefs (no overview wrapper): these shapes are about where in the brief a figure sits.
const extract = extractDated
const price = priceOf

describe('a figure restated later in the brief supersedes the earlier one', () => {
  it('an afternoon update after a morning snapshot', () => {
    const data = extract(
      '2028-05-01',
      '**Morning snapshot (07:30 UTC)**',
      '',
      '- BTC: $94,120 (+1.2% 24h)',
      '- Total market cap: $3.31T',
      '- Fear & Greed: 61 (Greed)',
      '',
      '## Afternoon update (15:00 UTC)',
      '',
      '- **BTC** $95,060, up 2.1% over 24 hours',
      '- **Total crypto market cap** $3.35 trillion (+1.8%)',
      '- **Fear & Greed** 64'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 95060, change24hPct: 2.1})
    expect(data.marketCap?.usd).toBe(3.35e12)
    expect(data.fearGreed).toBe(64)
  })

  it('an update line in a wire story', () => {
    const data = extract(
      '2027-09-27',
      'LONDON, Sept 27 — Bitcoin rose on Monday, trading at $106,420 at 07:00 UTC, up 0.6% over 24 hours.',
      '',
      '**Update 09:30 UTC:** BTC now at $107,150, up 1.3% over 24 hours, after a burst of buying.'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 107150, change24hPct: 1.3})
  })

  it('a wire\'s timestamps set in inline code, the later one marked UPD', () => {
    const data = extract(
      '2030-01-02',
      '`08:00 UTC SNAP`',
      '',
      'BTC 103.9k +0.8 | ETH 3.62k +1.4 | XRP 2.41 −0.6',
      '',
      '`14:00 UTC UPD — supersedes 08:00`',
      '',
      'BTC 104.6k +1.5 / ETH 3.65k +2.2'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 104600})
    expect(price(data, 'ETH')).toMatchObject({price: 3650})
    expect(price(data, 'XRP')).toMatchObject({price: 2.41})
  })

  it("a letter's prose: where the asset is now beats where it was at the open, at yesterday's letter or at Sunday's close", () => {
    const letter = extract('2030-02-01', 'Bitcoin spent the night climbing. At the Asian open it was changing hands near $110,900, roughly where it closed on Thursday ($110,930, for the record), and it poked as high as $113,050 before settling back. As I write it sits at **$112,480**, up 1.4 percent on the day.')
    expect(price(letter, 'BTC')).toMatchObject({price: 112480, change24hPct: 1.4})
    const which = extract('2030-02-02', 'Bitcoin, which stood at $112,480 when yesterday\'s letter went out, has traded between $111,700 and $114,600 over the past twenty-four hours and now sits at $113,900, up 1.3 percent.')
    expect(price(which, 'BTC')).toMatchObject({price: 113900, range: [111700, 114600], change24hPct: 1.3})
    // A sentence about another figure that is "now" somewhere is not the price.
    const realised = extract('2029-07-15', 'Bitcoin is now changing hands at about 102.4k USD, 1.3 percent lower than 24 hours ago. Glassnode\'s realised price continues to creep higher and now stands near 58,900.')
    expect(price(realised, 'BTC')).toMatchObject({price: 102400})
  })

  it("a timed log whose entries open on an abbreviated weekday: today's entry is the latest, a target 'in March' no price", () => {
    const data = extract(
      '2030-02-26',
      '**Mon 14:30 UTC, US open.** Everyone waits for the second big seller. Bitcoin at $104.8k. The 110k-in-March crowd is loud.',
      '',
      '**Tue 07:30 UTC, now.** Bitcoin at **$107,310**, up 2.2 percent over 24 hours.'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 107310, change24hPct: 2.2})
    expect(price(extract('2030-02-25', '**Sun 14:00 UTC.** For about an hour, the 110k-in-March crowd is very loud about bitcoin.'), 'BTC')).toBeUndefined()
  })

  it("a data block's first line gives its rows' time: the refresh block beats the morning board, and an asset it does not refresh keeps its figure", () => {
    const data = extract(
      '2030-01-15',
      '```',
      'LEDGERLINE AM  2030-01-15  07:30 UTC',
      'BTC   $94,660.00   +0.83%',
      'SOL      $160.05   +0.84%',
      '```',
      '',
      '```',
      'LEDGERLINE REFRESH  2030-01-15  14:00 UTC',
      '(replaces 07:30 rows shown; SOL not refreshed)',
      'BTC   $95,120.00   +1.32%',
      '```'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 95120, change24hPct: 1.32})
    expect(price(data, 'SOL')).toMatchObject({price: 160.05})
  })

  it("a title with its period in brackets ('MARKET OVERVIEW (24H)') ends the recap of another day before it", () => {
    const data = extract('2025-01-01', '## Tuesday recap', '- BTC: $19,600 (+0.5%)', '## MARKET OVERVIEW (24H)', 'At $20,000, Bitcoin is up 0.0% over 24 hours.')
    expect(price(data, 'BTC')).toMatchObject({price: 20000})
  })

  it("Sunday's part of a weekend wrap, not Friday's or Saturday's", () => {
    const data = extract(
      '2028-05-07',
      '### Friday',
      'BTC ran to $95,900 by the US close (+1.2% on the day).',
      '',
      '### Saturday',
      'BTC ended Saturday near $95,850. Fear & Greed sat at 62.',
      '',
      '### Sunday (now)',
      '- **BTC:** $96,480 — up 0.7% in 24h',
      '- **Fear & Greed:** 66'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 96480, change24hPct: 0.7})
    expect(data.fearGreed).toBe(66)
  })

  it('a line that opens on an earlier day yields to the current one', () => {
    const data = extract('2028-05-21', 'Friday was rough: BTC fell 2.6% to $95,240 by the close.', '', 'Sunday snapshot:', 'BTC $96,020 (+0.4%)')
    expect(price(data, 'BTC')).toMatchObject({price: 96020, change24hPct: 0.4})
  })

  it("a bot's timestamped prints yield to its closing summary", () => {
    const data = extract(
      '2028-04-25',
      '```',
      '00:00 UTC — BTC 93,640 (−0.2%) | ETH 3,091 (+0.1%)',
      '20:00 UTC — BTC 95,120 (+1.6%) | ETH 3,148 (+1.9%)',
      '```',
      '',
      '**Daily summary (closing 23:59 UTC)**',
      '',
      '- BTC: 95,120 · 24h +1.6%',
      '- ETH: 3,148 · 24h +1.9%'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 95120, change24hPct: 1.6})
    expect(price(data, 'ETH')).toMatchObject({price: 3148, change24hPct: 1.9})
  })

  it('without a summary, the latest of all-timed prints', () => {
    const data = extract('2028-04-25', '- 08:00 UTC — BTC $94,210 (+0.6%)', '- 20:00 UTC — BTC $95,120 (+1.6%)')
    expect(price(data, 'BTC')).toMatchObject({price: 95120, change24hPct: 1.6})
  })

  it('an untimed overview still beats a timed session note elsewhere', () => {
    const data = extract('2028-04-25', '## Market Overview', '', '- BTC: $95,120 (+1.6%)', '', '## Asia session (02:00 UTC)', '', 'BTC opened Asia near $94,300 (+0.4%).')
    expect(price(data, 'BTC')).toMatchObject({price: 95120, change24hPct: 1.6})
  })

  it("a podcast's minute marks are not clock times", () => {
    const data = extract('2026-05-23', '## Where we are this morning (00:50)', '', 'Bitcoin is sitting at $69,800, down 0.9%.', '', '## The week in numbers (04:30)', '', 'BTC up 3.9% since last Saturday at $67,200.')
    expect(price(data, 'BTC')).toMatchObject({price: 69800})
  })

  it('an update that states a price the extractor cannot place still makes the morning price stale', () => {
    const data = extract('2025-01-01', '## Morning snapshot (07:30 UTC)', '', '- BTC: $19,600 (+0.5%)', '', '## Afternoon update (15:00 UTC)', '', 'At $20,000, Bitcoin is up 0.0% over 24 hours.')
    expect(price(data, 'BTC')?.price).not.toBe(19600)
  })

  it('a quantity of coins in a headline does not make the price stale', () => {
    const data = extract(
      '2028-07-10',
      "Friday's payrolls beat pushed the DXY to 104.8, yet crypto absorbed it. Bitcoin changed hands at about $99,150 this morning, up 0.8% on the day.",
      '',
      '## Headlines',
      '',
      '- **Mt. Gox trustee wallet moved 10,000 BTC** — risk: *high*.'
    )
    expect(price(data, 'BTC')).toMatchObject({price: 99150, change24hPct: 0.8})
  })

  it('a price another day was, in the same sentence as the price now', () => {
    const data = extract('2028-03-25', 'BTC wed night was 93.8k, now spot is 90.1k right now, -0.9% on the day.')
    expect(price(data, 'BTC')).toMatchObject({price: 90100, change24hPct: -0.9})
  })

  it('a correction is not read: it restates the wrong figure', () => {
    const data = extract('2028-05-15', 'Solana is at US$191.50, up 3.0%.', '', '*Correction: An earlier version of this newsletter put Solana at US$197.50.*')
    expect(price(data, 'SOL')).toMatchObject({price: 191.5})
  })

  it('a correction of a figure the body still shows wrong: its right figure is shown, or none', () => {
    const row = extract('2030-01-16', '```', 'ETH    $3,389.20   +2.00%', '```', '', '> **Correction, 10:15 UTC:** the ETH row above should read $3,398.20, +2.27%, not $3,389.20, +2.00%.')
    expect(price(row, 'ETH')).toMatchObject({price: 3398.2, change24hPct: 2.27})
    const gain = extract('2030-01-25', 'Bitcoin is at US$105,900, up 2.7 percent over 24 hours.', '', "*Correction, 14:00 UTC: An earlier version put bitcoin's 24-hour gain at 2.7 percent. The correct figure is 1.7 percent.*")
    expect(price(gain, 'BTC')).toMatchObject({price: 105900, change24hPct: 1.7})
    // It says the figure was wrong and gives no single other: a dash.
    const vague = extract('2030-01-25', 'Bitcoin is at US$105,900, up 2.7 percent over 24 hours.', '', "*Correction: an earlier version misstated bitcoin's price as US$105,900.*")
    expect(price(vague, 'BTC')?.price).toBeUndefined()
  })
})

describe('columns and clauses of another moment', () => {
  it("a table's yesterday's-close column yields to its now column", () => {
    const data = extract('2028-05-08', '| Asset | Yesterday\'s close | Now | 24h |', '|---|---|---|---|', '| BTC | 96,240 | 97,150 | +0.9% |', '| Total mkt cap | 3.38T | 3.41T | +0.9% |')
    expect(price(data, 'BTC')).toMatchObject({price: 97150, change24hPct: 0.9})
    expect(data.marketCap?.usd).toBe(3.41e12)
  })

  it('a table set in a code block, columns aligned with spaces', () => {
    const data = extract('2028-05-10', '```', 'ASSET  PREV CLOSE   NOW      24H', 'BTC    97,410       95,180   -2.3%', 'ETH    3,290        3,188    -3.1%', '```')
    expect(price(data, 'BTC')).toMatchObject({price: 95180, change24hPct: -2.3})
    expect(price(data, 'ETH')).toMatchObject({price: 3188, change24hPct: -3.1})
  })

  it("a cap after yesterday's close → now", () => {
    expect(extract('2028-05-09', '- **Total market cap** — yesterday\'s close $3.40T → now $3.42T').marketCap?.usd).toBe(3.42e12)
  })

  it('Fear & Greed written before its name, and never read from the next sentence', () => {
    expect(extract('2028-05-02', 'Sentiment cooled to 62 on the Fear & Greed gauge. Liquidations over the past 24 hours came to $188M.').fearGreed).toBe(62)
    expect(extract('2028-05-02', 'The Fear & Greed gauge is stale today. Liquidations over the past 24 hours came to $188M.').fearGreed).toBeUndefined()
  })

  it('liquidations over three days are not the 24h total', () => {
    const data = extract('2028-05-21', 'Over three days roughly $540M of positions were liquidated; in the last 24 hours it was about $88M.')
    expect(data.liquidations[0]?.amountUsd).not.toBe(540e6)
  })
})

describe('moments of lines', () => {
  const momentOf = (date: string, ...body: string[]) => {
    const {text, tree} = parseBrief([`---`, `title: t`, `date: ${date}`, `---`, ...body, ''].join('\n'))
    return momentsOf(tree, text.split('\n'), date)
  }

  it("a line opening on a day is that day's; one opening on that day's news is not", () => {
    const moment = momentOf('2028-07-10', 'Friday was rough: BTC fell 2.6%.', '', "Friday's payrolls beat pushed the DXY higher.")
    expect(moment(5).day).toBe(-3)
    expect(moment(7).day).toBe(0)
  })

  it('titles give the day, the time and whether they are an update; an asset sub-heading keeps them', () => {
    const moment = momentOf('2028-05-07', '### Friday', 'a', '', '## Afternoon update (15:00 UTC)', '', '### Bitcoin (BTC)', '', 'b', '', '## Executive Summary', '', 'c')
    expect(moment(6).day).toBe(-2)
    expect(moment(12)).toEqual({day: 0, latest: true, minutes: 900})
    expect(moment(16)).toEqual({day: 0, latest: false})
  })
})

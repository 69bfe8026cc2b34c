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

  it("a day's part of a longer span's flow goes the same way: 'net outflows of $1.2 billion for the week, including $366.6 million on Friday alone'", () => {
    const data = extractDated('2025-10-19', '## Top Headlines', '', 'U.S. spot Bitcoin ETFs recorded net outflows exceeding $1.2 billion for the week ending October 17, including $366.6 million on Friday alone.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 366.6e6, date: '2025-10-17'}])
    // Without a day of its own, the part is still the week's.
    expect(extractDated('2025-10-19', '## Top Headlines', '', 'U.S. spot Bitcoin ETFs recorded net outflows of $1.2 billion for the week, including $366.6 million from one fund.').etfFlows).toEqual([])
  })

  it("two providers' tallies are written side by side: amounts sentences apart in a paragraph that names a provider are two flows", () => {
    const paragraph = "U.S. spot Bitcoin ETFs recorded $366.6 million of outflows on Friday alone. BlackRock's IBIT shed $268.6 million on Friday. The exodus followed BTC's plunge from over $115,000 on Monday. Wednesday October 8 saw massive dip-buying: Bitcoin ETFs drew $876 million and Ethereum ETFs $420 million. **Source:** SoSoValue, CoinDesk."
    expect(extractDated('2025-10-19', '## Top Headlines', '', paragraph).etfFlows.filter((flow) => flow.asset === 'BTC')).toMatchObject([{direction: 'outflow', amountUsd: 366.6e6}])
    // Side by side, they are still two tallies of one flow, and neither is shown.
    expect(extractDated('2025-10-19', '## ETF Flows', '', '- BTC ETFs: −$58.3M per Farside, −$61.0M per SoSoValue (Friday)').etfFlows).toEqual([])
  })

  it("a day told in an aside after the amount is not its day: 'Friday Dec 23: +$118.9 million (US markets were closed Monday for Christmas, …)'", () => {
    const data = extractDated('2033-12-27', '## Flows', '', '- Spot BTC ETF net flow, Friday Dec 23: +$118.9 million (US markets were closed Monday for Christmas, so Friday remains the latest session)')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 118.9e6, date: '2033-12-23'}])
    // A bracket that opens on the day is the amount's own.
    expect(extractDated('2025-10-22', '## Flows', '', 'Bitcoin spot ETFs took in $477M inflows (Oct 21).').etfFlows).toMatchObject([{date: '2025-10-21'}])
  })

  it("two days' flows together are no one day's: 'Monday and Tuesday together lost $719.8M on the BTC side'", () => {
    expect(extractDated('2034-01-12', '## ETF flows', '', 'Monday and Tuesday together lost $719.8M on the BTC side.').etfFlows).toEqual([])
    expect(extractDated('2034-01-12', '## ETF flows', '', 'Tuesday lost $719.8M on the BTC side.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 719.8e6}])
  })

  it("of 'from X to Y' the first amount is the old one: 'revised Thursday's spot ETH ETF figure from −$112.3M to −$118.5M'", () => {
    const data = extractDated('2034-03-10', '## Flows', '', "> UPDATE 09:50 UTC: the data provider has revised Thursday's spot ETH ETF figure from −$112.3M to −$118.5M")
    expect(data.etfFlows).toMatchObject([{asset: 'ETH', direction: 'outflow', amountUsd: 118.5e6}])
  })

  it("a dash between two dates is a span: 'Week-to-date (Nov 28 – Dec 1) the complex is at +$778.1M' is no day's flow, and does not undo Thursday's", () => {
    const data = extractDated('2033-12-02', '## ETF Flows (Thursday, Dec 1)', '', 'US spot bitcoin ETFs pulled in a net **+$318.6M** on Thursday. Week-to-date (Nov 28 – Dec 1) the complex is at +$778.1M.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 318.6e6, date: '2033-12-01'}])
  })

  it("the day a clause opens on, as its subject, is the amount's: 'Monday 5 December was the first red day for US spot bitcoin ETFs in a week: a net outflow of $187.3 million'", () => {
    const data = extractDated('2033-12-06', 'ETF FLOWS', '', 'Monday 5 December was the first red day for US spot bitcoin ETFs in a week: a net outflow of $187.3 million (about 1,971 BTC), which snapped a five-day inflow streak worth $921 million.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 187.3e6, date: '2033-12-05'}])
    // Without a day, the week named in the clause makes it no day's flow.
    expect(extractDated('2033-12-06', 'ETF FLOWS', '', 'It was the first red stretch for US spot bitcoin ETFs in a week: a net outflow of $187.3 million.').etfFlows).toEqual([])
  })

  it("a clause's opening words are an earlier amount's when one stands between ('snap 4-day, $1B outflow streak with $477M inflows (Oct 21)'), but a line's label speaks for every amount", () => {
    const data = extractDated('2025-10-22', '## Top Headlines', '', '**1. Bitcoin spot ETFs snap 4-day, $1B outflow streak with $477M inflows (Oct 21)** — BlackRock IBIT led with $210.9M.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 477e6, date: '2025-10-21'}])
    expect(extractDated('2034-01-15', '## Flows', '', "- Week ending Jan 13: spot BTC ETFs −$38.8M net and spot ETH ETFs −$51.6M, after Monday's −$531.8M BTC hole").etfFlows).toEqual([])
  })

  it("a clause's own label names the day of its amount: '… inflow week since Oct. Dec 8 outflow: -$168.8M (IBIT -$161.8M, …)'", () => {
    const data = extractDated('2025-12-10', '## Market Overview', '', 'Bitcoin ETF complex saw first net-positive inflow week since Oct. Dec 8 outflow: **-$168.8M** (IBIT -$161.8M, FBTC -$26M, ARKB +$44M).')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 168.8e6, date: '2025-12-08'}])
  })

  it("'came in' is an inflow, and the day a sentence opens on ('Friday, January 27, capped …') is the day of 'on the day'", () => {
    const data = extractDated('2034-01-29', '## Fund Flows', '', 'Friday, January 27, capped the strongest week for spot bitcoin ETFs since October: a net $612.9 million came in on the day, and $1.54 billion over the five sessions.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 612.9e6, date: '2034-01-27'}])
  })

  it("a record told against the sessions before is still the day's flow ('-$96.3M net (first outflow in seven sessions)'), and 'Feb to date' is no day's", () => {
    expect(extractDated('2034-02-03', 'FLOWS', '', 'US spot BTC ETFs, Thu 02 Feb: -$96.3M net (first outflow in seven sessions).').etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 96.3e6, date: '2034-02-02'}])
    const table = extractDated('2034-02-27', '## Flow Monitor', '', '| Vehicle | Day | Net flow |', '|---|---|---|', '| US spot BTC ETFs (all) | Fri 24 Feb | +$151.3M |', '| US spot BTC ETFs (Feb to date) | 1–24 Feb | −$459.2M |')
    expect(table.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 151.3e6, date: '2034-02-24'}])
  })

  it("the verb of the amount before is the next one's ('took in a net $312.4M on Wednesday 1 March, and spot ether ETFs a net $22.7M'), and 'Mon-Fri' is a span", () => {
    expect(extractDated('2034-03-02', '## ETF flows', '', 'US spot bitcoin ETFs took in a net **$312.4M** on Wednesday 1 March, and spot ether ETFs a net **$22.7M**.').etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 312.4e6}, {asset: 'ETH', direction: 'inflow', amountUsd: 22.7e6}])
    expect(extractDated('2034-03-17', 'ETF WINDOW', '', 'Thursday brought a fourth straight day of inflows. US spot bitcoin ETFs took in a net $351.4M and spot ether ETFs $58.1M.').etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 351.4e6}, {asset: 'ETH', direction: 'inflow', amountUsd: 58.1e6}])
    expect(extractDated('2034-03-12', 'ETF WINDOW', '', 'Spot BTC ETF flows, Mon-Fri   -$599.6M').etfFlows).toEqual([])
  })

  it("a flow the brief corrects shows the corrected amount: '*Correction: … gave Wednesday's net inflow into spot ether ETFs as $65.0M. The correct figure is $55.0M.*'", () => {
    const body = ['## Live', '', 'The ETF tally for Wednesday is in: US spot bitcoin ETFs drew a net $462.8M and spot ether ETFs a net $65.0M.', '']
    const corrected = extractDated('2034-03-30', ...body, "*Correction: the 07:30 entry gave Wednesday's net inflow into spot ether ETFs as $65.0M. The correct figure is $55.0M.*")
    expect(corrected.etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 462.8e6}, {asset: 'ETH', direction: 'inflow', amountUsd: 55e6}])
    // A correction that gives no single right figure leaves a dash.
    expect(extractDated('2034-03-30', ...body, '*Correction: the ether ETF figure of $65.0M above was misstated; we are checking it.*').etfFlows.map((flow) => flow.asset)).toEqual(['BTC'])
  })

  it("an asset named as what another is measured against is not the flow's: 'Ethereum outpaced BTC gains, …, driven by renewed spot ETF inflows of $5.042 million on January 12'", () => {
    const data = extractDated('2026-01-14', '## Market Overview', '', 'Ethereum outpaced BTC gains, climbing 6.39% to $3,329.73, driven by renewed spot ETF inflows of $5.042 million on January 12.')
    expect(data.etfFlows).toMatchObject([{asset: 'ETH', direction: 'inflow', amountUsd: 5.042e6, date: '2026-01-12'}])
  })

  it("a day set before the clause's subject is the amount's, and a day's unsigned total is its net inflow, of the funds named last before it: 'On Oct 23, flows totaled $20.33 million'", () => {
    const data = extractDated('2025-10-25', '## Market Overview', '', 'U.S. spot Bitcoin ETFs recorded net inflows of $477 million on Oct 21, led by BlackRock IBIT ($211M). On Oct 23, flows totaled $20.33 million, with IBIT leading at $107.78 million inflow, while GBTC saw $60.49 million outflow. Ethereum ETFs continued to face headwinds, recording outflows.')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 477e6, date: '2025-10-21'}, {asset: 'BTC', direction: 'inflow', amountUsd: 20.33e6, date: '2025-10-23'}])
    // A sign or a word of either way still decides, and a total over days is still no day's.
    expect(extractDated('2025-10-25', '## ETF Flows', '', 'Spot Bitcoin ETF flows totaled -$20.33 million on Oct 23.').etfFlows).toMatchObject([{direction: 'outflow'}])
    expect(extractDated('2025-10-25', '## ETF Flows', '', 'Spot Bitcoin ETF flows totaled $920 million in the week to Oct 23.').etfFlows).toEqual([])
    // Only the flows as the clause's subject take the funds named before: "northgate's fund alone" is another's.
    expect(extractDated('2033-11-19', '## Flows', '', "btc etfs had a red friday (**-$95.2M**), eth etfs **+$1.8M** lol. northgate's fund alone was -$61.0M on friday").etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 95.2e6}, {asset: 'ETH', amountUsd: 1.8e6}])
  })

  it("a table of fund flows, a row per day with a Total column, in the brief's declared unit ('All figures US$ millions', outflows in brackets), gives each day's flow of its title's asset", () => {
    const data = extractDated('2034-10-03', 'Data for **Monday 2 October 2034** (US session). All figures US$ millions, net of creations and redemptions. Negative numbers in brackets.', '', '## Bitcoin spot ETFs', '', '| Date | BMBT | FHBC | Total |', '|---|---:|---:|---:|', '| 26 Sep 2034 | (61.1) | (27.2) | (88.3) |', '| 29 Sep 2034 | 114.7 | 72.5 | 187.2 |', '| 02 Oct 2034 | (94.2) | (69.6) | (163.8) |')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 88.3e6, date: '2034-09-26'}, {asset: 'BTC', direction: 'inflow', amountUsd: 187.2e6, date: '2034-09-29'}, {asset: 'BTC', direction: 'outflow', amountUsd: 163.8e6, date: '2034-10-02'}])
    // Without a unit, bare cells are not read.
    expect(extractDated('2034-10-03', '## Bitcoin spot ETFs', '', '| Date | BMBT | Total |', '|---|---:|---:|', '| 02 Oct 2034 | (94.2) | (163.8) |').etfFlows).toEqual([])
  })

  it("a month's column ('| | Sep 2034 |') is no day's flow", () => {
    expect(extractDated('2034-09-30', '## Month', '', '| | Sep 2034 |', '|---|---|', '| BTC | +5.3% |', '| BTC spot ETF net flows | +$457.4M |').etfFlows).toEqual([])
  })

  it("a toggle's table with a row per day and asset ('<summary>US spot ETF flows</summary>' over '| Date | Asset | Net flow (USD M) |') gives each row's flow; a week's row gives none", () => {
    const data = extractDated('2034-11-03', '## Market snapshot', '', '<details>', '<summary>US spot ETF flows</summary>', '', '| Date | Asset | Net flow (USD M) | Largest fund |', '| --- | --- | --- | --- |', '| 2034-11-02 | BTC | +402.6 | IBIT +233.0 |', '| 2034-11-02 | ETH | -74.1 | ETHA -51.2 |', '| Week to date (Mon–Thu) | BTC | +1,144.9 | |', '', '</details>')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 402.6e6, date: '2034-11-02'}, {asset: 'ETH', direction: 'outflow', amountUsd: 74.1e6, date: '2034-11-02'}])
  })

  it("a flows table's unit may be a short note right under it ('*US$ m, net.*')", () => {
    const data = extractDated('2034-10-13', '## 2 | ETF flows', '', '| Trade date | BTC | ETH |', '|---|---:|---:|', '| Wed 11 Oct | +802.6 | +201.5 |', '| **Thu 12 Oct** | **−118.4** | **−41.2** |', '| *Week to date* | *+1,829.4* | *+400.0* |', '', '*US$ m, net.*')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 802.6e6, date: '2034-10-11'}, {asset: 'ETH', direction: 'inflow', amountUsd: 201.5e6}, {asset: 'BTC', direction: 'outflow', amountUsd: 118.4e6, date: '2034-10-12'}, {asset: 'ETH', direction: 'outflow', amountUsd: 41.2e6}])
  })

  it("a code block listing funds ('IBIT   +318.4' … 'NET    +561.2') under its title ('net flows for **Wednesday, 10 July** (USD millions):') gives the day's flow at its NET line", () => {
    const data = extractDated('2030-07-11', '## Flows first', '', 'US spot bitcoin ETFs, net flows for **Wednesday, 10 July** (USD millions):', '', '```', 'IBIT   +318.4', 'FBTC   +142.6', 'GBTC    −12.8', '-----------------', 'NET    +448.2', '```')
    expect(data.etfFlows).toMatchObject([{asset: 'BTC', direction: 'inflow', amountUsd: 448.2e6, date: '2030-07-10'}])
  })

  it("'on the 10th' is that day of the brief's month; 'after the 7th and the 8th' names no day of the amount", () => {
    expect(extractDated('2030-07-11', '## Flows', '', 'Spot ether ETFs took in US$132.7M on the 10th (ETHA US$96.1M of that).').etfFlows).toMatchObject([{asset: 'ETH', direction: 'inflow', amountUsd: 132.7e6, date: '2030-07-10'}])
    const compared = extractDated('2033-04-20', '## Flows', '', 'On Tuesday, US spot bitcoin ETFs took in **$355.2M** net, the third-largest day of April after the 7th and the 8th. Spot ether ETFs added **$71.3M**.')
    expect(compared.etfFlows).toMatchObject([{asset: 'BTC', amountUsd: 355.2e6, date: '2033-04-19'}, {asset: 'ETH', amountUsd: 71.3e6}])
  })

  it("what set 39a taught: a clause that names no funds takes those named before it, not after ('Monday's redemptions follow Friday's −$779.0M … Spot ETH ETFs shed $74.2M'); one fund's part, a bound and another day's flow in the possessive are not the day's", () => {
    const after = extractDated('2035-04-03', '## Flows', '', "Monday's redemptions follow Friday's −$779.0M and were spread across six issuers. Spot ETH ETFs shed $74.2M on Monday.")
    expect(after.etfFlows.map((flow) => [flow.asset, flow.amountUsd])).toEqual([['ETH', 74.2e6]])
    const single = extractDated('2035-04-01', '## Flows', '', 'US spot BTC ETFs recorded net outflows of $779.0M on Friday, March 30, with a single $402.6M redemption from IBIT accounting for more than half. The largest fund was the only one with inflows (+$44.2M).')
    expect(single.etfFlows).toMatchObject([{asset: 'BTC', direction: 'outflow', amountUsd: 779e6, date: '2035-03-30'}])
    expect(extractDated('2035-04-11', '## Flows', '', 'Another near-$900M day for spot bitcoin ETFs, and bitcoin is… flat-ish.').etfFlows).toEqual([])
    const possessive = extractDated('2031-09-03', '## Flows', '', "After Friday's +$212M, Tuesday's session reversed with a net -$145M leaving the spot bitcoin funds.")
    expect(possessive.etfFlows[0]).toMatchObject({asset: 'BTC', direction: 'inflow', amountUsd: 212e6, date: '2031-08-29'})
  })
})

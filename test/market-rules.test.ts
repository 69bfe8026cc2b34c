import {cp, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {checkJson, fixtures, tempDir} from './helpers.js'

const marketRules = ['missing-section', 'unparsed-price', 'implausible-value', 'headline-severity', 'day-over-day']

/** Market-rule messages of a fixture (or folder) as `line:column severity ruleId`. */
async function findings(target: string, cwd?: string) {
  const {report} = await checkJson([target], cwd)
  const messages = report.messages.filter((message) => marketRules.includes(message.ruleId ?? ''))
  return {places: messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`), messages}
}

const fixture = (name: string) => path.join('fixtures', 'market', name)

describe('market rules on small briefs', () => {
  test('a clean brief: prices, derivatives, liquidations and max pain lines raise nothing', async () => {
    expect((await findings(fixture('valid.md'))).places).toEqual([])
  })

  test('missing-section: the overview is missing, reported at the first body line', async () => {
    const {places, messages} = await findings(fixture('missing-section-invalid.md'))
    expect(places).toEqual(['6:1 warning missing-section'])
    expect(messages[0]!.message).toContain('`Market Overview`')
  })

  test('missing-section: a title written as a bold line among headings opens no section, and the message says so at that line', async () => {
    const dir = await tempDir()
    const brief = (await readFile(fixture('missing-section-invalid.md'), 'utf8')).replace('## Top Headlines', '**Market Overview (24h)**\n\n- BTC: $95,975 (+1.4%)\n\n## Top Headlines')
    await writeFile(path.join(dir, 'bold-overview.md'), brief)
    const {places, messages} = await findings(path.join(dir, 'bold-overview.md'))
    expect(places).toEqual(['7:1 warning missing-section'])
    expect(messages[0]!.message).toBe('Unexpected `**Market Overview (24h)**` as the title of section `Market Overview`, which opens no section there, expected a heading `## Market Overview`')
  })

  test('unparsed-price: a Bitcoin price in euros, at the asset name; the open-interest line is not reported', async () => {
    const {places, messages} = await findings(fixture('unparsed-price-invalid.md'))
    expect(places).toEqual(['10:5 warning unparsed-price'])
    expect(messages[0]!.message).toMatch(/^Unexpected BTC quote with no readable price in “- Bitcoin: 88\.300,00 € \(\+1%\)”, expected a price such as/)
  })

  test('implausible-value: a +64% day and a 22% day range are withheld and warned about on their lines, not errors', async () => {
    const {places, messages} = await findings(fixture('implausible-value-invalid.md'))
    expect(places).toEqual(['9:1 warning implausible-value', '10:1 warning implausible-value'])
    expect(messages[0]!.message).toBe('Unexpected BTC 24h change of 64%, expected at most ±50%')
    expect(messages[1]!.message).toBe('Unexpected BNB range of 745–913, expected a day\'s range within 20% of its low')
  })

  test('implausible-value: a withheld liquidations total is reported once, not also as an unread figure', async () => {
    const dir = await tempDir()
    const brief = (await readFile(fixture('implausible-value-invalid.md'), 'utf8')).replace('- **BNB:**', '- **Liquidations (24h):** \\$48.2B across exchanges\n- **BNB:**')
    await writeFile(path.join(dir, 'brief.md'), brief)
    const {report} = await checkJson(['brief.md'], dir)
    const onLine = report.messages.filter((message) => message.line === 10).map((message) => message.ruleId)
    expect(onLine).toEqual(['implausible-value'])
  })

  test('unparsed-price and unread-figure quote the sentence that names the asset or topic; a title states no figure', async () => {
    const dir = await tempDir()
    const brief = [
      '---', 'title: Quotes in the middle of a line', 'date: 2025-11-10', '---', '', '## Market Overview (24h)', '',
      '**Derivatives Flashpoint: $2B Liquidation Cascade**', '',
      'Markets drifted in Asian hours and volumes were thin. Bitcoin: 88.300,00 € (+1%), a calm start.',
      'Funding was flat. Liquidations came to about $480M over two sessions, mostly longs. ETF flows were the catalyst, with U.S. funds adding $3.24 billion over the past week.', '',
      '## Top Headlines', '', '1. **[HIGH] Exchange pauses withdrawals** - Users wait.[^1]', '', '[^1]: https://example.com/news', ''
    ].join('\n')
    await writeFile(path.join(dir, 'brief.md'), brief)
    const {report} = await checkJson(['brief.md'], dir)
    const quoted = report.messages.filter((message) => message.ruleId === 'unparsed-price' || message.ruleId === 'unread-figure').map((message) => `${message.line} ${message.ruleId} ${message.message.split('”')[0]}`)
    expect(quoted).toEqual([
      '10 unparsed-price Unexpected BTC quote with no readable price in “Bitcoin: 88.300,00 € (+1%), a calm start.',
      '11 unread-figure Unexpected 24h liquidations with no figure read from “Liquidations came to about $480M over two sessions, mostly longs.',
      '11 unread-figure Unexpected spot ETF flow with no figure read from “ETF flows were the catalyst, with U.S. funds adding $3.24 billion over the past week.'
    ])
  })

  test('headline-severity: only the headline with no level, at its title', async () => {
    const {places, messages} = await findings(fixture('headline-severity-invalid.md'))
    expect(places).toEqual(['14:4 warning headline-severity'])
    expect(messages[0]!.message).toContain('“Wallet ships an update”')
  })
})

describe('day-over-day across consecutive briefs', () => {
  test('a stale price the day after is reported at its line, naming the previous brief', async () => {
    const dir = await tempDir(path.join(fixtures, 'market', 'day-over-day'))
    const {places, messages} = await findings('.', dir)
    expect(places).toEqual(['10:1 warning day-over-day'])
    expect(messages[0]!.file).toBe('2025-12-27-brief.md')
    expect(messages[0]!.message).toBe(
      'Unexpected BTC price $95,975: +8.15% from $88,744 on 2025-12-26 (2025-12-26-brief.md), while the brief states +1.45% in 24h; expected about $90,031 (tolerance 5 points)'
    )
  })

  test('dayOverDayTolerance in briefpress.config.json changes the outcome', async () => {
    const dir = await tempDir(path.join(fixtures, 'market', 'day-over-day'))
    // The gap is 8.15 − 1.45 = 6.7 points: over 5, under 8.
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({dayOverDayTolerance: 8}))
    expect((await findings('.', dir)).places).toEqual([])
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({dayOverDayTolerance: 6.5}))
    expect((await findings('.', dir)).places).toEqual(['10:1 warning day-over-day'])
  })

  test('an odd day is reported once, on itself, when the next day agrees with the day before', async () => {
    const dir = await tempDir()
    await cp(path.join(fixtures, 'market', 'day-over-day'), dir, {recursive: true})
    // 12-28 is back near 12-26: the 12-27 price is the odd one, not 12-28's.
    await writeFile(
      path.join(dir, '2025-12-28-brief.md'),
      ['---', 'title: Back to normal', 'date: 2025-12-28', 'category: crypto', '---', '', '## Market Overview (24h)', '', '- **Bitcoin (BTC):** \\$87,900 (-0.4% 24h)', '', '## Top Headlines', '', '1. **[LOW] Quiet Sunday** - Nothing new.[^1]', '', '[^1]: https://example.com/news', ''].join('\n')
    )
    const {places, messages} = await findings('.', dir)
    expect(places).toEqual(['10:1 warning day-over-day'])
    expect(messages[0]!.file).toBe('2025-12-27-brief.md')
    expect((messages[0] as {note?: string}).note).toContain('The nearest days that state a BTC price (2025-12-26-brief.md, 2025-12-28-brief.md) agree with each other')
  })

  test('a day whose neighbour was not read is compared with the nearest days that state a price', async () => {
    const dir = await tempDir()
    const brief = (date: string, line: string) =>
      writeFile(path.join(dir, `${date}-brief.md`), ['---', `title: Brief of ${date}`, `date: ${date}`, 'category: crypto', '---', '', '## Market Overview (24h)', '', line, '', '## Top Headlines', '', '1. **[LOW] Quiet day** - Nothing new.[^1]', '', '[^1]: https://example.com/news', ''].join('\n'))
    await brief('2026-02-18', '- **Bitcoin (BTC):** \\$67,800 (+0.4% 24h)')
    await brief('2026-02-19', '- **Bitcoin (BTC):** \\$67,100 (-1.0% 24h)')
    // 02-20 states no readable price: the stale 02-21 is still caught, against 02-19 and 02-22.
    await brief('2026-02-20', '- **Bitcoin (BTC):** about sixty-seven thousand, flat')
    await brief('2026-02-21', '- **Bitcoin (BTC):** \\$118,700 (+0.5% 24h)')
    await brief('2026-02-22', '- **Bitcoin (BTC):** \\$68,014 (+0.6% 24h)')
    const {messages} = await findings('.', dir)
    const stale = messages.filter((message) => message.ruleId === 'day-over-day')
    expect(stale.map((message) => message.file)).toEqual(['2026-02-21-brief.md'])
    expect(stale[0]!.message).toMatch(/^Unexpected BTC price \$118,700: \+7\d\.\d+% from \$67,\d{3}, the middle of the 3 nearest days that state one, while the brief states \+0\.5% in 24h/)
    // A front-matter error (an unknown category) does not take the brief out of the comparison: its day is its file name's.
    const text = await readFile(path.join(dir, '2026-02-21-brief.md'), 'utf8')
    await writeFile(path.join(dir, '2026-02-21-brief.md'), text.replace('category: crypto', 'category: crpyto'))
    const again = (await findings('.', dir)).messages.filter((message) => message.ruleId === 'day-over-day')
    expect(again.map((message) => message.file)).toEqual(['2026-02-21-brief.md'])
  })
})

import {cp, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../src/config/load.js'
import {briefJsonSchema} from '../src/data/brief-data-schema.js'
import {runPipeline} from '../src/pipeline.js'
import {corpusDir, hasShared, projectRoot, runCli, tempDir} from './helpers.js'

const validator = () => new Ajv2020({allErrors: true, strict: false}).compile(briefJsonSchema())

/** Builds the sample archive once into a temp project and returns its site folder. */
async function buildSample(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  const result = await runCli(['build'], dir)
  expect(result.code, result.stderr).toBe(0)
  return path.join(dir, 'site')
}

describe('brief.json and its JSON Schema', () => {
  it("writes data/briefs.json: each day's summary, valid against its published schema, linking to the day's brief.json", async () => {
    const site = await buildSample()
    const schema = JSON.parse(await readFile(path.join(site, 'schema', 'day-summary.schema.json'), 'utf8'))
    const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema)
    const summaries = JSON.parse(await readFile(path.join(site, 'data', 'briefs.json'), 'utf8')) as Array<Record<string, unknown>>
    expect(summaries.length).toBeGreaterThanOrEqual(8)
    for (const summary of summaries) {
      expect(validate(summary), JSON.stringify(validate.errors)).toBe(true)
      const day = JSON.parse(await readFile(path.join(site, String(summary.data)), 'utf8'))
      // The summary is the day's data without headlines and citations, plus what stands for them.
      const {headlines, citations, evidence, ...figures} = day
      expect(summary).toMatchObject(figures)
      // Where each figure was read is in the day's brief.json, not repeated in the index of every day.
      expect(evidence).toBeTypeOf('object')
      expect(summary.evidence).toBeUndefined()
      expect(summary.headlineCount).toBe(headlines.length)
      expect(summary.citationCount).toBe(citations.length)
      const levels = ['critical', 'high', 'medium', 'low', 'info']
      expect(summary.topSeverity).toBe(levels.find((level) => headlines.some((headline: {severity?: string}) => headline.severity === level)))
    }
  })

  it('writes a brief.json per day that validates against the published schema', async () => {
    const site = await buildSample()
    const schema = JSON.parse(await readFile(path.join(site, 'schema', 'brief.schema.json'), 'utf8'))
    const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema)
    // The month folder holds the month's archive page beside the day folders.
    const days = (await readdir(path.join(site, '2026', '11'))).filter((name) => /^\d{2}$/.test(name)).sort()
    expect(days.length).toBeGreaterThanOrEqual(8)
    for (const day of days) {
      const data = JSON.parse(await readFile(path.join(site, '2026', '11', day, 'brief.json'), 'utf8'))
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
      expect(data.date).toBe(`2026-11-${day}`)
      expect(data.url).toBe(`2026/11/${day}/`)
      const btc = data.prices.find((quote: {symbol: string}) => quote.symbol === 'BTC')
      expect(btc, `BTC on ${day}`).toBeDefined()
      expect(typeof (btc.price ?? btc.range[0])).toBe('number')
      for (const headline of data.headlines) expect(['critical', 'high', 'medium', 'low', 'info']).toContain(headline.severity)
    }
  })

  it('rejects data that breaks the contract (the schema is not a rubber stamp)', () => {
    const validate = validator()
    const base = {date: '2026-11-20', title: 't', category: 'crypto', url: '2026/11/20/', prices: [], liquidations: [], etfFlows: [], headlines: [], citations: [], evidence: {}}
    expect(validate(base)).toBe(true)
    expect(validate({...base, evidence: {'prices.BTC': {line: 12, column: 3, text: 'Bitcoin traded at $95,975'}}})).toBe(true)
    expect(validate({...base, evidence: {'prices.BTC': {line: 0, column: 3, text: 'x'}}})).toBe(false)
    expect(validate({...base, prices: [{asset: 'Bitcoin', symbol: 'btc', price: 1, line: 3}]})).toBe(false)
    expect(validate({...base, prices: [{asset: 'Bitcoin', symbol: 'BTC', price: '95,975', line: 3}]})).toBe(false)
    expect(validate({...base, etfFlows: [{asset: 'BTC', direction: 'sideways', amountUsd: 1, line: 2}]})).toBe(false)
    expect(validate({...base, date: '20 Nov 2026'})).toBe(false)
  })

  it('opens each day page with key figures whose direction is told in words, and badges headlines', async () => {
    const site = await buildSample()
    const html = await readFile(path.join(site, '2026', '11', '14', 'index.html'), 'utf8')
    const panel = html.slice(html.indexOf('<section class="key-figures"'), html.indexOf('</section>', html.indexOf('<section class="key-figures"')))
    expect(panel).toContain('<caption>Prices and 24h change</caption>')
    // Each figure tells where it was read: a tooltip with the line and its words, and the list under the panel.
    expect(panel).toMatch(/<a href="..\/..\/..\/assets\/btc\/index.html"><abbr title="Bitcoin">BTC<\/abbr><\/a><\/th><td class="num" title="Read from line \d+: [^"]*95,180[^"]*">\$95,180<\/td>/)
    expect(panel).toMatch(/<details class="figure-sources"><summary>Where these figures were read<\/summary>/)
    expect(panel).toMatch(/<span class="visually-hidden">down <\/span>−2\.3%/)
    expect(panel).toContain('Liquidations (24h)')
    expect(panel).toMatch(/BTC ETFs[^<]*<\/dt><dd title="Read from line \d+: [^"]*162\.3[^"]*"><span class="flow flow-outflow">/)
    expect(html).toMatch(/<span class="badge severity-(critical|high|medium|low|info)"/)
  })

  it('replaces a bracketed severity marker in a headline with its badge', async () => {
    const site = await buildSample()
    const html = await readFile(path.join(site, '2026', '11', '13', 'index.html'), 'utf8')
    expect(html).toContain('<span class="badge severity-high">High</span> <strong>1. Spot Bitcoin ETFs Log Best Day in Three Weeks</strong>')
    expect(html).not.toContain('Three Weeks [HIGH]')
  })

  it('shows each day’s BTC figure and highest severity on the index, with a BTC chart', async () => {
    const site = await buildSample()
    const html = await readFile(path.join(site, 'index.html'), 'utf8')
    expect(html).toMatch(/<span class="btc"><abbr title="Bitcoin">BTC<\/abbr> \$95,180 \(−2\.3%\)<\/span>/)
    expect(html).toMatch(/Top severity: <span class="badge severity-/)
    expect(html).toMatch(/<svg[^>]*role="img"/)
    for (const file of ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'data/prices.csv', 'data/briefs.json']) {
      expect((await readFile(path.join(site, file), 'utf8')).length, file).toBeGreaterThan(0)
    }
  })

  it('prints coverage with check --summary', async () => {
    const {code, stderr} = await runCli(['check', '--summary', 'briefs'])
    expect(code).toBe(0)
    expect(stderr).toMatch(/Coverage of 8 briefs:/)
    expect(stderr).toMatch(/BTC price or range\s+8 of 8\s+briefs\s+100\.0%/)
    expect(stderr).toMatch(/Headline severities\s+(\d+) of \1\s+headlines\s+100\.0%/)
    expect(stderr).toMatch(/ETH 24h change\s+8 of 8/)
    expect(stderr).toMatch(/Not shown \(a dash on the panel rather than a guess\):\n\s+withheld, out of bounds\s+0 figures/)
  })

  it('counts with check --summary what was named but not read, and what was withheld', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: "A day"\ndate: 2026-11-13\ncategory: crypto\n---\n\n## Market Overview\n\n- BTC: $96,410 (+271%)\n- Derivatives: open interest $62.3B, liquidations elevated after the flush\n\n## Top Headlines\n\n1. **[HIGH] A thing** - It matters.\n')
    const {stderr, code} = await runCli(['check', '--summary', 'a.md'], dir)
    expect(code).toBe(0)
    expect(stderr).toMatch(/withheld, out of bounds\s+1 figures/)
    expect(stderr).toMatch(/24h liquidations, unread\s+1 briefs/)
    expect(stderr).toMatch(/^10:\d+ +info +Unexpected 24h liquidations with no figure read from/m)
  })
})

describe.skipIf(!hasShared)('brief data over the real corpus', () => {
  it('gives every corpus brief data that validates against the exported JSON Schema', async () => {
    const validate = validator()
    const {config} = await loadConfig(projectRoot)
    const {briefs} = await runPipeline({paths: [corpusDir], cwd: projectRoot, config})
    let checked = 0
    for (const brief of briefs) {
      if (!brief.data) continue
      checked++
      expect(validate(JSON.parse(JSON.stringify(brief.data))), `${brief.file.path}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
    // Only briefs with an error in their figures (implausible-value) have no data.
    const withoutData = briefs.filter((brief) => !brief.data)
    for (const brief of withoutData) expect(brief.file.messages.some((m) => m.ruleId === 'implausible-value'), brief.file.path).toBe(true)
    expect(checked).toBeGreaterThanOrEqual(110)
  })
})

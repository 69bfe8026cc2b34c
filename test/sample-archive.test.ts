import {existsSync} from 'node:fs'
import {cp, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {BriefData} from '../src/data/brief-data-schema.js'
import {checkJson, fixtures, hasShared, projectRoot, runCli, seedBrief, tempDir} from './helpers.js'

/**
 * The sample archive in briefs/ is what `npx briefpress build` renders on a
 * fresh clone, and the seed brief in fixtures/ is the real brief the project
 * started from. The first must stay spotless as rules are added; the second
 * must keep producing exactly the findings its known flaws call for.
 */
const briefsDir = path.join(projectRoot, 'briefs')
const seedFixture = path.join(fixtures, 'seed-brief.md')

async function sampleFiles(): Promise<string[]> {
  const entries = await readdir(briefsDir, {recursive: true})
  return entries.filter((entry) => entry.endsWith('.md')).map((entry) => path.join(briefsDir, entry)).sort()
}

const DAYS = ['2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']

describe('the sample archive (briefs/)', () => {
  it('is one brief per day for eight consecutive days, each file named for its day', async () => {
    const files = await sampleFiles()
    const dates = await Promise.all(
      files.map(async (file) => /^date: (\S+)$/m.exec(await readFile(file, 'utf8'))?.[1])
    )
    expect(dates).toEqual(DAYS)
    for (const [index, file] of files.entries()) expect(path.basename(file)).toContain(DAYS[index])
  })

  it('passes `check` with no message at all', async () => {
    const {code, report} = await checkJson(['briefs'])
    expect(report.messages).toEqual([])
    expect(report.files).toBe(DAYS.length)
    expect(code).toBe(0)
  })

  it('passes `check --frail`, where a warning would fail it', async () => {
    expect((await runCli(['check', '--frail', 'briefs'])).code).toBe(0)
  })

  it('cites only https URLs on reserved example domains, so no source pretends to be a real article', async () => {
    for (const file of await sampleFiles()) {
      const text = await readFile(file, 'utf8')
      const targets = [...text.matchAll(/^\[\^[^\]]+\]:\s*(\S*)/gm)].map((match) => match[1])
      expect(targets.length, file).toBeGreaterThan(0)
      for (const url of targets) {
        expect(url, file).toMatch(/^https:\/\/(news\.example\.com|markets\.example\.org|research\.example\.net)\/\S+[^.,]$/)
      }
      expect(text, file).not.toMatch(/display:\s*none/)
    }
  })

  describe('built into a fresh out folder', () => {
    let dir = ''
    let result: Awaited<ReturnType<typeof runCli>>
    beforeAll(async () => {
      dir = await tempDir()
      await cp(briefsDir, path.join(dir, 'briefs'), {recursive: true})
      result = await runCli(['build', '--out', 'out'], dir)
    })

    it('writes a page per day, linked from the index', async () => {
      expect(result.stderr).toMatch(/Wrote \d+ pages? \(8 briefs\) to out\//)
      expect(result.code).toBe(0)
      const index = await readFile(path.join(dir, 'out', 'index.html'), 'utf8')
      for (const day of DAYS) {
        const page = path.join(dir, 'out', ...day.split('-'), 'index.html')
        expect(existsSync(page), page).toBe(true)
        expect(index).toContain(`${day.replaceAll('-', '/')}/`)
      }
    })

    // The figures as the sample states them (its author's labels): the key-
    // figures panel and brief.json of the archive a new user opens first.
    const stated = [
      // day, BTC price, BTC 24h %, liquidations total/long/short ($M), BTC ETF flow ($M, signed), Fear & Greed
      ['2026-11-13', 97420, 1.21, [312, 128, 184], 214.6, 48],
      ['2026-11-14', 95180, -2.3, [684, 541, 143], -162.3, 38],
      ['2026-11-15', 93050, -2.24, [522, 409, 113], -162.3, 29],
      ['2026-11-16', 93870, 0.88, [241, 97, 144], -162.3, 33],
      ['2026-11-17', 96410, 2.71, [458, 121, 337], 287.9, 45],
      ['2026-11-18', 97950, 1.6, [276, 112, 164], 341.2, 52],
      ['2026-11-19', 96880, -1.09, [398, 287, 111], 96.7, 46],
      ['2026-11-20', 98240, 1.4, [305, 118, 187], 233.5, 54]
    ] as const

    describe.each(stated)('%s: brief.json has the figures the brief states', (day, btc, change, [total, long, short], etf, fearGreed) => {
      const data = async () => JSON.parse(await readFile(path.join(dir, 'out', ...day.split('-'), 'brief.json'), 'utf8')) as BriefData
      const million = (usd: number | undefined) => (usd === undefined ? undefined : Math.round(usd / 1e5) / 10)

      it('BTC price and 24h change', async () => {
        const bitcoin = (await data()).prices.find((quote) => quote.symbol === 'BTC')
        expect({price: bitcoin?.price, change: bitcoin?.change24hPct}).toEqual({price: btc, change})
      })

      it('liquidations: the total, and its long/short split', async () => {
        const liquidations = (await data()).liquidations
        expect(liquidations.map((l) => [million(l.amountUsd), million(l.longUsd), million(l.shortUsd)])).toEqual([[total, long, short]])
      })

      it('spot Bitcoin ETF flow, signed', async () => {
        const flows = (await data()).etfFlows.filter((flow) => flow.asset === 'BTC')
        expect(flows.map((flow) => (flow.direction === 'outflow' ? -1 : 1) * million(flow.amountUsd)!)).toEqual([etf])
      })

      it('Fear & Greed', async () => {
        expect((await data()).fearGreed).toBe(fearGreed)
      })
    })
  })
})

describe('the seed brief fixture (fixtures/seed-brief.md)', () => {
  it.skipIf(!hasShared)('is the seed brief byte for byte', async () => {
    expect((await readFile(seedFixture)).equals(await readFile(seedBrief))).toBe(true)
  })

  it('reports its known flaws, each at its line and column, and nothing else', async () => {
    const {code, report} = await checkJson([path.relative(projectRoot, seedFixture)])
    const found = report.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`)
    expect(found).toEqual([
      // `category: crpyto`, the real typo: the value starts at column 11.
      '5:11 error unknown-category',
      // `<span style="display:none">[^32]…[^49]</span>`: one message for 18 labels.
      '230:1 warning hidden-citation',
      // `[^21]: https://www.binance.com/en-JP/square/hashtag/kraken.`: a trailing dot.
      '274:8 warning suspicious-citation-url'
    ])
    expect(code).toBe(1)
  })

  it('suggests the category it meant', async () => {
    const {report} = await checkJson([path.relative(projectRoot, seedFixture)])
    const category = report.messages.find((m) => m.ruleId === 'unknown-category')
    expect(category?.message).toBe('Unexpected category `crpyto`, expected `crypto`')
  })

  it('names the hidden citations in its single hidden-citation warning', async () => {
    const {report} = await checkJson([path.relative(projectRoot, seedFixture)])
    const hidden = report.messages.filter((m) => m.ruleId === 'hidden-citation')
    expect(hidden).toHaveLength(1)
    expect(hidden[0]!.message).toMatch(/\b18\b/)
    expect(hidden[0]!.message).toMatch(/\b32\b/)
    expect(hidden[0]!.message).toMatch(/\b49\b/)
  })
})

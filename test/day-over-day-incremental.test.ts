import {mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A brief of one day with a Bitcoin price and its stated 24h change. */
function brief(date: string, price: number, change: number): string {
  return [
    '---',
    `title: Brief of ${date}`,
    `date: ${date}`,
    'category: crypto',
    '---',
    '',
    '## Market Overview (24h)',
    '',
    `- **Bitcoin (BTC):** \\$${price.toLocaleString('en-US')} (${change >= 0 ? '+' : ''}${change}% 24h)`,
    '',
    '## Top Headlines',
    '',
    '1. **[LOW] Quiet day** - Nothing new.[^1]',
    '',
    '[^1]: https://example.com/news',
    ''
  ].join('\n')
}

/**
 * Ten days: day 4 is an odd one (its neighbours agree with each other, so
 * only day 4 is reported), day 8 jumps for good (a new level, not reported).
 */
const prices: Array<[string, number, number]> = [
  ['2025-12-01', 100_000, 0],
  ['2025-12-02', 101_000, 1],
  ['2025-12-03', 102_000, 1],
  ['2025-12-04', 120_000, 1],
  ['2025-12-05', 103_000, 1],
  ['2025-12-06', 104_000, 1],
  ['2025-12-07', 105_000, 1],
  ['2025-12-08', 130_000, 1],
  ['2025-12-09', 131_000, 1],
  ['2025-12-10', 132_000, 1]
]

async function archive(): Promise<string> {
  const dir = await tempDir()
  await mkdir(path.join(dir, 'briefs'))
  for (const [date, price, change] of prices) await writeFile(path.join(dir, 'briefs', `${date}.md`), brief(date, price, change))
  return dir
}

describe('day-over-day with the cache', () => {
  it('a cached build reports what a clean build does through edits, deletions and additions', async () => {
    const dir = await archive()
    const build = () => runCli(['build', '--out', 'site', '--format', 'json', '--no-search'], dir)
    const clean = async () => {
      await rm(path.join(dir, 'clean'), {recursive: true, force: true})
      return runCli(['build', '--out', 'clean', '--format', 'json', '--no-search', '--no-cache'], dir)
    }
    const same = async () => {
      const cached = await build()
      expect(cached.stderr).toMatch(/Wrote \d+ pages/)
      expect(cached.stdout).toBe((await clean()).stdout)
      return cached.stdout
    }
    // Stats recorded 2 s after the last write are trusted: unchanged briefs then come from the pack.
    await sleep(2_100)
    const first = await same()
    // Day 4 is the odd one: reported once, on itself, naming the days it was compared with; day 8's jump is a new level.
    expect(first).toContain('Unexpected BTC price $120,000')
    expect(first).toContain('briefs/2025-12-03.md, briefs/2025-12-02.md, briefs/2025-12-01.md, briefs/2025-12-05.md')
    expect(first).not.toContain('Unexpected BTC price $130,000')
    await sleep(2_100)
    // Day 5 now stands out too: both days are reported, by a cached build as by a clean one.
    await writeFile(path.join(dir, 'briefs', '2025-12-05.md'), brief('2025-12-05', 125_000, 1))
    expect(await same()).toContain('Unexpected BTC price $125,000')
    await sleep(2_100)
    await rm(path.join(dir, 'briefs', '2025-12-07.md'))
    await same()
    await sleep(2_100)
    await writeFile(path.join(dir, 'briefs', '2025-12-11.md'), brief('2025-12-11', 90_000, 1))
    expect(await same()).toContain('2025-12-11.md')
  })
})

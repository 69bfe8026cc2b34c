import {mkdir, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Brief} from '../src/brief.js'
import {packMessages, unpack, type PackedMessages} from '../src/cache/packed-messages.js'
import {CACHE_DIR} from '../src/cache/store.js'
import {defaultConfig} from '../src/config/load.js'
import {Reporter} from '../src/diagnostics/reporter.js'
import {runPipeline} from '../src/pipeline.js'
import {dayOverDay} from '../src/validate/rules/day-over-day.js'
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
 * Ten days: day 4 is an odd one (its next day agrees with day 3, so only day
 * 4 is reported, with a note naming day 5), day 8 jumps for good.
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

/** The briefs with files of their own and no messages, to run the rule on again. */
function fresh(briefs: readonly Brief[]): Brief[] {
  return briefs.map((item) => {
    const file = Object.assign(Object.create(Object.getPrototypeOf(item.file) as object) as Brief['file'], item.file, {messages: [], data: {...item.file.data}})
    return {...item, file}
  })
}

const messagesOf = (briefs: readonly Brief[]): Array<[string, object[]]> => briefs.map((item) => [item.file.path, item.file.messages.map((message) => ({...message}))])

describe('day-over-day with a memo', () => {
  it('takes each day from the memo while its window (two days before, the day, the day after) is unchanged, and reports what it would find', async () => {
    const dir = await archive()
    const config = defaultConfig()
    const {briefs} = await runPipeline({paths: ['briefs'], cwd: dir, config, cache: true})
    const plain = fresh(briefs)
    dayOverDay.check(plain, new Reporter(config.rules), config)
    const expected = messagesOf(plain)
    expect(expected.flatMap(([, list]) => list)).toHaveLength(2)

    const store = new Map<string, PackedMessages>()
    const counts = {taken: 0, added: 0}
    const memo = {
      take: (key: string) => {
        const found = store.get(key)
        if (found) counts.taken++
        return found
      },
      add: (key: string, messages: PackedMessages) => {
        counts.added++
        store.set(key, messages)
      }
    }
    const first = fresh(briefs)
    dayOverDay.check(first, new Reporter(config.rules), config, memo)
    expect(messagesOf(first)).toEqual(expected)
    expect(counts).toEqual({taken: 0, added: 10})

    const second = fresh(briefs)
    dayOverDay.check(second, new Reporter(config.rules), config, memo)
    expect(messagesOf(second)).toEqual(expected)
    expect(counts).toEqual({taken: 10, added: 10})

    // Proof that the memo is what is reported: doctor the odd day's entry.
    const oddKey = [...store.keys()].find((key) => store.get(key)!.counts.total > 0 && key.includes('briefs/2025-12-04.md'))!
    store.set(oddKey, packMessages(unpack(store.get(oddKey)!).map((message) => ({...message, reason: 'FROM THE MEMO'}))))
    const doctored = fresh(briefs)
    dayOverDay.check(doctored, new Reporter(config.rules), config, memo)
    expect(doctored.find((item) => item.file.path === 'briefs/2025-12-04.md')!.file.messages.map((message) => message.reason)).toEqual(['FROM THE MEMO'])

    // Day 6 changed: its own day, the day after and the two after that are worked out again.
    const edited = fresh(briefs)
    edited.find((item) => item.file.path === 'briefs/2025-12-06.md')!.file.data.briefKey = 'another key'
    counts.added = 0
    dayOverDay.check(edited, new Reporter(config.rules), config, memo)
    expect(counts.added).toBe(4)
  })

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
    expect(await same()).toContain("The next day's brief (briefs/2025-12-05.md) agrees with the day before")
    // The rule's messages are kept beside the analysis pack.
    expect((await readdir(path.join(dir, CACHE_DIR, 'briefpress-cache-1', 'packs'))).some((name) => name.includes('.day-over-day'))).toBe(true)
    await sleep(2_100)
    // Day 5 now disagrees with day 3 too: day 4 is reported without the note.
    await writeFile(path.join(dir, 'briefs', '2025-12-05.md'), brief('2025-12-05', 125_000, 1))
    expect(await same()).not.toContain("The next day's brief (briefs/2025-12-05.md)")
    await sleep(2_100)
    await rm(path.join(dir, 'briefs', '2025-12-07.md'))
    await same()
    await sleep(2_100)
    await writeFile(path.join(dir, 'briefs', '2025-12-11.md'), brief('2025-12-11', 90_000, 1))
    expect(await same()).toContain('2025-12-11.md')
  })
})

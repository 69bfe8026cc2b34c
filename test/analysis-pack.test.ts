import {existsSync} from 'node:fs'
import {appendFile, readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {AnalysisPack, type PackEntry} from '../src/cache/analysis-pack.js'
import {CACHE_DIR} from '../src/cache/store.js'
import {tempDir} from './helpers.js'

const entry = (n: number, note = ''): PackEntry<{n: number}> => ({read: [], lineEnds: `\n${note}`, analysis: {n}})
const keys = (count: number, from = 0) => Array.from({length: count}, (_, index) => `key-${from + index}`)

/** The pack's files (pack, log) and their sizes. */
async function files(dir: string): Promise<Record<string, number>> {
  const folder = path.join(dir, CACHE_DIR, 'briefpress-cache-1', 'packs')
  if (!existsSync(folder)) return {}
  const names = await readdir(folder)
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name.endsWith('.log') ? 'log' : 'pack', (await stat(path.join(folder, name))).size] as const)))
}

/** Builds a pack of `count` entries, as a first build does. */
async function packOf(count: number): Promise<string> {
  const dir = await tempDir()
  const pack = AnalysisPack.open<PackEntry<{n: number}>>(dir, 'env')
  for (const [index, key] of keys(count).entries()) pack.add(key, entry(index))
  pack.save()
  return dir
}

/** A run that takes these keys and adds those, then saves. */
function run(dir: string, take: string[], add: Array<[string, PackEntry<{n: number}>]> = []) {
  const pack = AnalysisPack.open<PackEntry<{n: number}>>(dir, 'env')
  const taken = take.map((key) => pack.take(key))
  for (const [key, value] of add) pack.add(key, value)
  pack.save()
  return taken
}

describe('the analysis pack', () => {
  it('a first run writes one pack file and no log', async () => {
    const dir = await packOf(100)
    expect(Object.keys(await files(dir))).toEqual(['pack'])
    expect(run(dir, keys(100)).map((found) => found?.analysis.n)).toEqual(keys(100).map((_, index) => index))
  })

  it('a first run of a few briefs may go to the log alone, and is read back', async () => {
    const dir = await packOf(5)
    expect(Object.keys(await files(dir))).toEqual(['log'])
    expect(run(dir, keys(5)).map((found) => found?.analysis.n)).toEqual([0, 1, 2, 3, 4])
  })

  it('a run that adds a brief appends it to the log and leaves the pack as it was', async () => {
    const dir = await packOf(100)
    const before = await files(dir)
    run(dir, keys(100), [['key-new', entry(1000)]])
    const after = await files(dir)
    expect(after.pack).toBe(before.pack)
    expect(after.log).toBeGreaterThan(0)
    expect(after.log).toBeLessThan(before.pack! / 20)
    expect(run(dir, ['key-new', 'key-0']).map((found) => found?.analysis.n)).toEqual([1000, 0])
  })

  it('a run that only drops briefs writes nothing, and the entries stay for a later run', async () => {
    const dir = await packOf(100)
    run(dir, keys(100), [['key-new', entry(1000)]])
    const before = await files(dir)
    run(dir, keys(99))
    expect(await files(dir)).toEqual(before)
    expect(run(dir, ['key-99', 'key-new']).map((found) => found?.analysis.n)).toEqual([99, 1000])
  })

  it('the last record of a key wins (the same text read again with other read messages)', async () => {
    const dir = await packOf(100)
    run(dir, keys(100), [['key-3', entry(3, 'first')]])
    run(dir, keys(100), [['key-3', entry(3, 'second')]])
    expect(run(dir, ['key-3'])[0]?.lineEnds).toBe('\nsecond')
  })

  it('is compacted to the entries in use once unused entries and log records pass an eighth of them', async () => {
    const dir = await packOf(1000)
    // 1000 in use: waste up to 125 is kept.
    for (let round = 0; round < 3; round++) run(dir, keys(1000), keys(20, 2000 + 20 * round).map((key, index) => [key, entry(index)]))
    expect(Object.keys(await files(dir)).sort()).toEqual(['log', 'pack'])
    run(dir, keys(1000).slice(30), keys(20, 3000).map((key, index) => [key, entry(index)]))
    expect(Object.keys(await files(dir))).toEqual(['pack'])
    const pack = AnalysisPack.open<PackEntry<{n: number}>>(dir, 'env')
    expect(pack.take('key-0')).toBeUndefined()
    expect(pack.take('key-2000')).toBeUndefined()
    expect(pack.take('key-3019')?.analysis.n).toBe(19)
    expect(pack.take('key-999')?.analysis.n).toBe(999)
  })

  it('a torn log keeps the records before the tear, and the next save compacts', async () => {
    const dir = await packOf(100)
    run(dir, keys(100), [['key-a', entry(1)]])
    run(dir, keys(100), [['key-b', entry(2)]])
    const log = path.join(dir, CACHE_DIR, 'briefpress-cache-1', 'packs', 'env.log')
    const whole = await readFile(log)
    // A record cut short, as a crash in the middle of an append leaves it.
    await appendFile(log, whole.subarray(0, whole.length / 2 + 10))
    expect(run(dir, ['key-a', 'key-b', ...keys(100)]).slice(0, 2).map((found) => found?.analysis.n)).toEqual([1, 2])
    expect(Object.keys(await files(dir))).toEqual(['pack'])
    expect(run(dir, ['key-a', 'key-b']).map((found) => found?.analysis.n)).toEqual([1, 2])
  })
})

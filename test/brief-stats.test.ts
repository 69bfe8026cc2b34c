import {cp, readFile, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BriefStats} from '../src/cache/brief-stats.js'
import {CACHE_FORMAT} from '../src/cache/digest.js'
import {CACHE_DIR} from '../src/cache/store.js'
import {projectRoot, runCli, tempDir} from './helpers.js'

/** The one stats file of a test folder. */
const statsFile = (dir: string) => path.join(dir, CACHE_DIR, CACHE_FORMAT, 'stats', 'env')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('brief stats: a no-change build stats the briefs instead of hashing them', () => {
  it('trusts a recorded key only for the same size, mtime, ctime and inode, and only once the file is older than the record by 2 s', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'a.md')
    await writeFile(file, 'one')
    const now = Date.now()
    const stats = BriefStats.open(dir, 'env')
    const before = BriefStats.stat(file)!
    stats.record(file, before, now, 'key-1')
    stats.save()
    // Written just now: within the racy window, so not trusted yet.
    expect(BriefStats.open(dir, 'env').lookup(file, before)).toBeUndefined()
    // Recorded well after the last write: trusted, and only for identical stats.
    const later = BriefStats.open(dir, 'env')
    later.record(file, before, Math.max(before.mtimeMs, before.ctimeMs) + 2_500, 'key-1')
    later.save()
    const trusted = BriefStats.open(dir, 'env')
    expect(trusted.lookup(file, before)).toBe('key-1')
    expect(trusted.lookup(file, Object.assign(Object.create(before), {size: before.size + 1}))).toBeUndefined()
    expect(trusted.lookup(file, Object.assign(Object.create(before), {mtimeMs: before.mtimeMs + 1}))).toBeUndefined()
    expect(trusted.lookup(file, Object.assign(Object.create(before), {ctimeMs: before.ctimeMs + 1}))).toBeUndefined()
    expect(trusted.lookup(file, Object.assign(Object.create(before), {ino: before.ino + 1}))).toBeUndefined()
    // Another environment (config, code) has its own keys.
    expect(BriefStats.open(dir, 'other').lookup(file, before)).toBeUndefined()
  })

  it('are opened and checked once a run: the pipeline takes them as the up-to-date check left them', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'a.md')
    await writeFile(file, 'one')
    const before = BriefStats.stat(file)!
    const seed = BriefStats.open(dir, 'env')
    seed.record(file, before, Math.max(before.mtimeMs, before.ctimeMs) + 2_500, 'key-1')
    seed.save()
    const checked = BriefStats.open(dir, 'env')
    expect(checked.trusted(file)).toBeUndefined()
    expect(checked.lookup(file, before)).toBe('key-1')
    expect(checked.trusted(file)).toBe('key-1')
    // The same stats again for this environment, others' opened anew.
    expect(BriefStats.open(dir, 'env', checked)).toBe(checked)
    expect(BriefStats.open(dir, 'other', checked)).not.toBe(checked)
    // A second record of the same file and key changes nothing: the save writes nothing.
    const other = path.join(dir, 'b.md')
    await writeFile(other, 'two')
    checked.record(other, BriefStats.stat(other), Date.now(), 'key-2')
    checked.save()
    const written = (await stat(statsFile(dir))).mtimeMs
    await sleep(20)
    checked.record(other, BriefStats.stat(other), Date.now(), 'key-2')
    checked.save()
    expect((await stat(statsFile(dir))).mtimeMs).toBe(written)
  })

  it('sees same-size edits, with a new mtime or with the old mtime restored by utimes', async () => {
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    // Old enough that the first build's stats are trusted by the next ones.
    await sleep(2_100)
    expect((await runCli(['build', '--out', 'site', '--no-search'], dir)).code).toBe(0)
    expect((await runCli(['build', '--out', 'site', '--no-search'], dir)).stderr).toMatch(/up to date/)

    const file = path.join(dir, 'briefs', '2026', '11', await firstBrief(dir))
    const brief = await readFile(file, 'utf8')
    const old = await stat(file)
    // Same size: one title letter swapped for another.
    const edited = brief.replace(/^title: "?(.)/m, (line, letter: string) => line.slice(0, -1) + (letter === 'X' ? 'Y' : 'X'))
    expect(Buffer.byteLength(edited)).toBe(old.size)
    await writeFile(file, edited)
    const first = await runCli(['build', '--out', 'site', '--no-search'], dir)
    expect(first.stderr).toMatch(/Wrote \d+ pages/)
    expect(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).toContain(edited.match(/^title: "?([^"\n]+)/m)![1])

    // Edited again, same size, and the previous mtime put back: ctime still moves.
    const hourAgo = Math.floor(Date.now() / 1000) - 3600
    await utimes(file, hourAgo, hourAgo)
    await sleep(2_100)
    expect((await runCli(['build', '--out', 'site', '--no-search'], dir)).stderr).toMatch(/up to date/)
    const restored = edited.replace(/^title: "?(.)/m, (line, letter: string) => line.slice(0, -1) + (letter === 'X' ? 'Z' : 'X'))
    await writeFile(file, restored)
    await utimes(file, hourAgo, hourAgo)
    expect((await stat(file)).mtimeMs).toBe(hourAgo * 1000)
    expect((await stat(file)).size).toBe(old.size)
    expect((await runCli(['build', '--out', 'site', '--no-search'], dir)).stderr).toMatch(/Wrote \d+ pages/)
    expect(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).toContain(restored.match(/^title: "?([^"\n]+)/m)![1])
  }, 60_000)
})

async function firstBrief(dir: string): Promise<string> {
  const {readdir} = await import('node:fs/promises')
  return (await readdir(path.join(dir, 'briefs', '2026', '11'))).filter((name) => name.endsWith('.md')).sort()[0]!
}

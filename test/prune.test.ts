import {existsSync} from 'node:fs'
import {cp, lstat, mkdir, readdir, readFile, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig, loadConfig, runPipeline} from '../src/index.js'
import {pruneCache} from '../src/cache/prune.js'
import {SITE_RENDER} from '../src/pipeline.js'
import {renderBrief} from '../src/render/site.js'
import {runBuildPipeline} from '../src/serve/preview-build.js'
import {projectRoot, runCli, tempDir} from './helpers.js'

// Pruning as a user sees it: which runs stay warm (stats.analysed), how much
// the cache keeps on disk, and what it never touches. The cache's layout
// inside `.briefpress-cache/` is its own business: tests only age the whole
// folder, as days passing would.

const HOUR = 3_600_000
const DAY = 24 * HOUR
const CACHE = '.briefpress-cache'

async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  return dir
}

/** Every regular file under `folder`, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true}).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort()
}

/** Bytes of the regular files under the cache folder. */
async function cacheBytes(dir: string): Promise<number> {
  const files = await filesUnder(path.join(dir, CACHE))
  const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(dir, CACHE, file))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

/** Moves everything in the cache `ago` ms into the past, in the order it was written: as if days had passed. */
async function age(dir: string, ago: number): Promise<void> {
  for (const file of await filesUnder(path.join(dir, CACHE))) {
    const when = ((await stat(path.join(dir, CACHE, file))).mtimeMs - ago) / 1000
    await utimes(path.join(dir, CACHE, file), when, when)
  }
}

/** The pipeline exactly as `build` runs it (src/commands/build.ts), with the project's config. */
const buildPipeline = async (dir: string) =>
  runPipeline({paths: ['briefs'], cwd: dir, config: (await loadConfig(dir)).config, renderStage: SITE_RENDER, render: renderBrief, deferRendered: true, lean: true, cache: true, jobs: 1})
/** The pipeline exactly as `check` runs it (src/commands/check.ts). */
const checkPipeline = (dir: string, config = defaultConfig()) => runPipeline({paths: ['briefs'], cwd: dir, config, cache: true, jobs: 1})
/** Entries no command run records: the library's pipeline under a config no command used. */
const unrecorded = (dir: string) => checkPipeline(dir, {...defaultConfig(), siteTitle: 'Only through the library'})

async function cli(dir: string, ...argv: string[]): Promise<string> {
  const result = await runCli([...argv, ...(argv[0] === 'build' ? ['--no-search', '--jobs', '1'] : ['--jobs', '1'])], dir)
  expect(result.code, result.stderr).toBe(0)
  return result.stderr
}

async function edit(dir: string): Promise<void> {
  const edited = path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
  await writeFile(edited, `${await readFile(edited, 'utf8')}\nOne more line.\n`)
}

describe('cache pruning', () => {
  it('a sweep after build and check keeps what the last build and the last check use: both stay warm', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await cli(dir, 'check')
    const bytes = await cacheBytes(dir)
    // A day later, a check sweeps; nothing it removes was in use.
    await age(dir, 2 * DAY)
    await cli(dir, 'check')
    expect(await cacheBytes(dir)).toBeGreaterThan(bytes * 0.95)
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect(await cli(dir, 'build')).toMatch(/site\/ is up to date: 8 briefs unchanged/)

    // And a build's sweep keeps the check's entries.
    await age(dir, 2 * DAY)
    await edit(dir)
    expect(await cli(dir, 'build')).toMatch(/Wrote \d+ pages/)
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    // The check's entry of the edited brief is analysed again, the others are kept.
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 1, cached: 7})
  })

  it('keeps the results of a replaced config for a day (a rollback is warm), then removes them', async () => {
    const dir = await project()
    await cli(dir, 'build')
    const one = await cacheBytes(dir)
    // The config changes: every brief analysed again, the cache holds both.
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({siteTitle: 'Renamed'}))
    await cli(dir, 'build')
    const both = await cacheBytes(dir)
    expect(both).toBeGreaterThan(one * 1.5)

    // Within a day a sweep keeps the old config's results: rolling back analyses nothing.
    await age(dir, 2 * HOUR)
    await pruneCache(dir)
    const rollback = {paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER, render: renderBrief, deferRendered: true, lean: true, cache: true, jobs: 1}
    expect((await runPipeline(rollback)).stats).toMatchObject({analysed: 0, cached: 8})

    // A day after their last use they go, and so does the edited brief's old result.
    await age(dir, 2 * DAY)
    await edit(dir)
    await cli(dir, 'build')
    expect(await cacheBytes(dir)).toBeLessThan(both * 0.7)
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect((await runPipeline(rollback)).stats).toMatchObject({analysed: 8, cached: 0})
  })

  it('a build with nothing to do counts as a use: a month of them keeps the build warm', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await age(dir, 31 * DAY)
    expect(await cli(dir, 'build')).toMatch(/site\/ is up to date/)
    await cli(dir, 'check')
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect(await cli(dir, 'build')).toMatch(/site\/ is up to date/)
  })

  it('a second build right after a sweeping build analyses no brief', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await age(dir, 2 * DAY)
    await writeFile(path.join(dir, 'briefs', '2026', '11', 'extra.md'), (await readFile(path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md'), 'utf8')).replace('2026-11-20', '2026-11-21'))
    expect(await cli(dir, 'build')).toMatch(/Wrote \d+ pages \(9 briefs\)/)
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 9})
  })

  it('removes results no command run recorded once they are an hour old, and sweeps at most once a day', async () => {
    const dir = await project()
    await cli(dir, 'check')
    const recorded = await cacheBytes(dir)
    expect((await unrecorded(dir)).stats).toMatchObject({analysed: 8, cached: 0})
    // Written just now: a run may be about to record them.
    await pruneCache(dir)
    expect((await unrecorded(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    // Two hours on, but swept (by the first check) less than a day ago: kept.
    await age(dir, 2 * HOUR)
    await cli(dir, 'check')
    expect((await unrecorded(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    // Two days on, the next run sweeps them away; its own results stay.
    await age(dir, 2 * DAY)
    await cli(dir, 'check')
    expect(await cacheBytes(dir)).toBeLessThan(recorded * 1.1)
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect((await unrecorded(dir)).stats).toMatchObject({analysed: 8, cached: 0})
  })

  it('stops after a number of removals, and the next sweep goes on', async () => {
    const dir = await project()
    await cli(dir, 'check')
    await unrecorded(dir)
    await age(dir, 2 * DAY)
    const first = await pruneCache(dir, Date.now(), 3)
    expect(first).toMatchObject({files: 3, complete: false})
    expect(first.bytes).toBeGreaterThan(0)
    const rest = await pruneCache(dir)
    expect(rest.complete).toBe(true)
    expect(rest.files).toBeGreaterThanOrEqual(5)
    expect((await unrecorded(dir)).stats).toMatchObject({analysed: 8, cached: 0})
  })

  it('a cache that cannot be written changes nothing a run reports', async () => {
    const dir = await project()
    // A file where the cache folder would be.
    await writeFile(path.join(dir, CACHE), 'not a folder')
    const check = await runCli(['check', '--jobs', '1'], dir)
    const clean = await runCli(['check', '--jobs', '1', '--no-cache'], dir)
    expect([check.code, check.stderr.replace(/ in \d+\.\d s/, '')]).toEqual([clean.code, clean.stderr.replace(/ in \d+\.\d s/, '')])
    expect(await readFile(path.join(dir, CACHE), 'utf8')).toBe('not a folder')
  })

  it('touches nothing outside the cache folder, follows no symbolic link, and leaves links.json and unknown files alone', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await cli(dir, 'check')
    // Files outside the cache, reachable from inside only through links: one in every folder of the cache.
    const outside = await tempDir()
    await writeFile(path.join(outside, 'plain.txt'), 'keep me')
    const folders = [path.join(dir, CACHE), ...(await readdir(path.join(dir, CACHE), {recursive: true, withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name))]
    expect(folders.length).toBeGreaterThan(2)
    const links = folders.flatMap((folder, index) => [path.join(folder, `link-${index}`), path.join(folder, `${'ab'.repeat(32)}-${index}`)])
    for (const [index, link] of links.entries()) await symlink(index % 2 ? path.join(outside, 'plain.txt') : outside, link)
    await writeFile(path.join(dir, CACHE, 'links.json'), '{"version":1,"entries":{}}\n')
    await writeFile(path.join(dir, CACHE, 'notes.txt'), 'a file Briefpress does not know')
    await mkdir(path.join(dir, CACHE, 'mine'))
    await writeFile(path.join(dir, CACHE, 'mine', 'notes.txt'), 'nor this folder')
    const projectFiles = async () => Object.fromEntries(await Promise.all((await filesUnder(dir)).filter((file) => !file.startsWith(CACHE)).map(async (file) => [file, (await stat(path.join(dir, file))).mtimeMs])))
    const before = await projectFiles()
    const outsideBefore = (await stat(path.join(outside, 'plain.txt'))).mtimeMs
    await age(dir, 40 * DAY)

    await pruneCache(dir, Date.now() + 40 * DAY)
    expect(await readFile(path.join(outside, 'plain.txt'), 'utf8')).toBe('keep me')
    expect((await stat(path.join(outside, 'plain.txt'))).mtimeMs).toBe(outsideBefore)
    expect(await projectFiles()).toEqual(before)
    for (const link of links) expect((await lstat(link)).isSymbolicLink(), link).toBe(true)
    expect(await readFile(path.join(dir, CACHE, 'links.json'), 'utf8')).toContain('"version":1')
    expect(existsSync(path.join(dir, CACHE, 'notes.txt'))).toBe(true)
    expect(existsSync(path.join(dir, CACHE, 'mine', 'notes.txt'))).toBe(true)
    // 40 days unused: every result is gone, and the cache keeps next to nothing.
    expect(await cacheBytes(dir)).toBeLessThan(4_096)
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 8, cached: 0})
  })

  it('keeps the results of a check of a few files apart from those of the whole check, and those of the preview', async () => {
    const dir = await project()
    await cli(dir, 'check')
    await cli(dir, 'check', 'briefs/2026/11/2026-11-13-daily-brief.md')
    await runBuildPipeline(dir, 'briefs', defaultConfig())
    await age(dir, 2 * DAY)
    await cli(dir, 'build')
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect((await runBuildPipeline(dir, 'briefs', defaultConfig())).stats).toMatchObject({analysed: 0, cached: 8})
  })
})

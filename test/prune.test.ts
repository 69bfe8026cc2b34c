import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, lstat, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {CACHE_FORMAT} from '../src/cache/digest.js'
import {afterRun, pruneCache} from '../src/cache/prune.js'
import {BriefCache, CACHE_DIR} from '../src/cache/store.js'
import {defaultConfig} from '../src/config/load.js'
import {runPipeline, SITE_RENDER} from '../src/pipeline.js'
import {renderBrief} from '../src/render/site.js'
import {runBuildPipeline} from '../src/serve/preview-build.js'
import {projectRoot, runCli, tempDir} from './helpers.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  return dir
}

const cacheOf = (dir: string) => path.join(dir, CACHE_DIR, CACHE_FORMAT)

/** Every regular file under `folder`, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true}).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort()
}

/** Per-brief entries (`briefs/ab/<key>.meta|.body`) in the cache. */
async function entries(dir: string): Promise<string[]> {
  return (await filesUnder(path.join(cacheOf(dir), 'briefs'))).map((file) => path.basename(file))
}

/** Makes every file under `folder` as old as `ago` ms: the runs that wrote them happened that long ago. */
async function age(folder: string, ago: number): Promise<void> {
  const when = (Date.now() - ago) / 1000
  for (const file of await filesUnder(folder)) await utimes(path.join(folder, file), when, when)
}

/** Makes the last sweep two days old: the next run sweeps. */
async function sweepDue(dir: string): Promise<void> {
  const when = (Date.now() - 2 * DAY) / 1000
  await utimes(path.join(cacheOf(dir), 'last-prune'), when, when)
}

/** The pipeline exactly as `build` runs it (src/commands/build.ts). */
const buildPipeline = (dir: string) =>
  runPipeline({paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER, render: renderBrief, deferRendered: true, lean: true, cache: true, jobs: 1})
/** The pipeline exactly as `check` runs it (src/commands/check.ts). */
const checkPipeline = (dir: string, paths = ['briefs']) => runPipeline({paths, cwd: dir, config: defaultConfig(), cache: true, jobs: 1})

async function cli(dir: string, ...argv: string[]): Promise<string> {
  const result = await runCli([...argv, ...(argv[0] === 'build' ? ['--no-search', '--jobs', '1'] : ['--jobs', '1'])], dir)
  expect(result.code, result.stderr).toBe(0)
  return result.stderr
}

/** A process id that is surely not running: that of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid!
}

describe('cache pruning', () => {
  it('a sweep after build and check keeps what the last build and the last check use: both stay warm', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await cli(dir, 'check')
    // A day later (everything written then), a check sweeps.
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    const before = await filesUnder(path.join(dir, CACHE_DIR))
    await cli(dir, 'check')
    expect((await filesUnder(path.join(dir, CACHE_DIR))).filter((file) => !file.endsWith('last-prune'))).toEqual(before.filter((file) => !file.endsWith('last-prune')))
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect(await cli(dir, 'build')).toMatch(/site\/ is up to date: 8 briefs unchanged/)

    // And a build's sweep keeps the check's entries.
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    const edited = path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nOne more line.\n`)
    expect(await cli(dir, 'build')).toMatch(/Wrote \d+ pages/)
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    // The check's entry of the edited brief is analysed again, the others are kept.
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 1, cached: 7})
  })

  it('removes the entries of an older config (or code) a day after its last use, and the old entries of an edited brief', async () => {
    const dir = await project()
    await cli(dir, 'build')
    const first = new Set(await entries(dir))
    // The config changes: a new environment, every brief analysed again.
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({siteTitle: 'Renamed'}))
    await cli(dir, 'build')
    const second = (await entries(dir)).filter((file) => !first.has(file))
    expect(second.length).toBeGreaterThanOrEqual(8)

    // Within a day the old config's entries stay (a rollback finds them)...
    await age(path.join(dir, CACHE_DIR), 2 * HOUR)
    await sweepDue(dir)
    await cli(dir, 'check')
    expect(Date.now() - (await stat(path.join(cacheOf(dir), 'last-prune'))).mtimeMs).toBeLessThan(HOUR)
    expect(await entries(dir)).toEqual(expect.arrayContaining([...first]))

    // ...a day after their last use they go.
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    const edited = path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nOne more line.\n`)
    await cli(dir, 'build')
    const now = await entries(dir)
    expect(now.filter((file) => first.has(file))).toEqual([])
    // The edited brief's old entry went too (no record lists it), the rest of the current config stayed.
    expect(now.filter((file) => second.includes(file)).length).toBe(second.length - 2)
  })

  it('a build with nothing to do counts as a use: a month of them keeps the build warm', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await age(path.join(dir, CACHE_DIR), 31 * DAY)
    expect(await cli(dir, 'build')).toMatch(/site\/ is up to date/)
    await cli(dir, 'check')
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect(await cli(dir, 'build')).toMatch(/site\/ is up to date/)
  })

  it('a second build right after a sweeping build analyses no brief', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    await writeFile(path.join(dir, 'briefs', '2026', '11', 'extra.md'), (await readFile(path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md'), 'utf8')).replace('2026-11-20', '2026-11-21'))
    expect(await cli(dir, 'build')).toMatch(/Wrote \d+ pages \(9 briefs\)/)
    expect((await buildPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 9})
  })

  it('removes entries no record lists (an older version, a run killed before recording), once they are an hour old', async () => {
    const dir = await project()
    await cli(dir, 'check')
    const cache = new BriefCache(dir)
    const orphan = 'ab'.repeat(32)
    const young = 'cd'.repeat(32)
    await cache.put(orphan, {old: true})
    await cache.put(orphan, {old: true}, 'body')
    await cache.put(young, {old: true})
    await age(path.join(dir, CACHE_DIR), 2 * HOUR)
    await utimes(path.join(cacheOf(dir), 'briefs', 'cd', `${young}.meta`), new Date(), new Date())
    await sweepDue(dir)

    const result = await afterRun({paths: ['briefs'], cwd: dir, config: defaultConfig(), cache: true}, (await checkPipeline(dir)).briefs)
    expect(result).toMatchObject({files: 2, complete: true})
    const left = await entries(dir)
    expect(left).not.toContain(`${orphan}.meta`)
    expect(left).not.toContain(`${orphan}.body`)
    expect(left).toContain(`${young}.meta`)
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
  })

  it('sweeps at most once a day, and only after writing the run record', async () => {
    const dir = await project()
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), cache: true}
    const {briefs} = await checkPipeline(dir)
    expect(await afterRun(options, briefs)).toMatchObject({complete: true})
    const orphan = 'ab'.repeat(32)
    await new BriefCache(dir).put(orphan, {old: true})
    await age(path.join(cacheOf(dir), 'briefs'), 2 * HOUR)
    // Swept an hour ago: not due, nothing walked or removed.
    expect(await afterRun(options, briefs)).toBeUndefined()
    expect(await entries(dir)).toContain(`${orphan}.meta`)
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    expect(await afterRun(options, briefs)).toMatchObject({files: 1})
    expect(await entries(dir)).not.toContain(`${orphan}.meta`)
    // A record that cannot be written: no sweep, and the command's result is the same.
    const runs = path.join(cacheOf(dir), 'runs')
    await rm(runs, {recursive: true})
    await writeFile(runs, 'not a folder')
    await new BriefCache(dir).put(orphan, {old: true})
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    expect(await afterRun(options, briefs)).toBeUndefined()
    expect(await entries(dir)).toContain(`${orphan}.meta`)
    const check = await runCli(['check', '--jobs', '1'], dir)
    const clean = await runCli(['check', '--jobs', '1', '--no-cache'], dir)
    expect([check.code, check.stderr.replace(/ in \d+\.\d s/, '')]).toEqual([clean.code, clean.stderr.replace(/ in \d+\.\d s/, '')])
  })

  it('stops after a number of removals and leaves the next run due to go on', async () => {
    const dir = await project()
    const cache = new BriefCache(dir)
    const keys = Array.from({length: 5}, (_, index) => String(index).repeat(64))
    for (const key of keys) await cache.put(key, {old: true})
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    expect(await pruneCache(dir, Date.now(), 3)).toMatchObject({files: 3, complete: false})
    expect((await entries(dir)).length).toBe(2)
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), cache: true}
    const {briefs} = await checkPipeline(dir)
    await age(path.join(dir, CACHE_DIR), 2 * HOUR)
    expect(await afterRun(options, briefs, Date.now(), 1)).toMatchObject({files: 1, complete: false})
    // Swept a moment ago, but unfinished: due again.
    expect(await afterRun(options, briefs, Date.now(), 1)).toMatchObject({files: 1, complete: true})
    expect(await afterRun(options, briefs)).toBeUndefined()
    expect((await entries(dir)).length).toBe(8)
  })

  it('keeps a temporary file of a live process, removes one of a process gone once it is an hour old', async () => {
    const dir = await project()
    await cli(dir, 'check')
    const dead = deadPid()
    const shard = path.join(cacheOf(dir), 'briefs', 'ab')
    await mkdir(shard, {recursive: true})
    const names = {
      live: `${'ab'.repeat(32)}.meta.${process.pid}.0a1b2c3d.tmp`,
      dead: `${'ab'.repeat(32)}.meta.${dead}.0a1b2c3d.tmp`,
      deadYoung: `${'ab'.repeat(32)}.body.${dead}.4e5f6a7b.tmp`
    }
    for (const name of Object.values(names)) await writeFile(path.join(shard, name), 'half written')
    await age(path.join(dir, CACHE_DIR), 3 * HOUR)
    await utimes(path.join(shard, names.deadYoung), new Date(), new Date())

    await pruneCache(dir)
    const left = await readdir(shard)
    expect(left).toContain(names.live)
    expect(left).toContain(names.deadYoung)
    expect(left).not.toContain(names.dead)
    // A day on, a file is left over whatever process its name gives.
    await pruneCache(dir, Date.now() + DAY)
    expect((await readdir(shard)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('touches nothing outside the cache folder, follows no symbolic link, and leaves links.json alone', async () => {
    const dir = await project()
    await cli(dir, 'build')
    await cli(dir, 'check')
    // Files outside the cache, reachable from inside only through links.
    const outside = await tempDir()
    await mkdir(path.join(outside, 'ab'), {recursive: true})
    const outsideFiles = ['ab/' + 'ab'.repeat(32) + '.meta', 'ef'.repeat(16), 'plain.txt']
    for (const file of outsideFiles) await writeFile(path.join(outside, file), 'keep me')
    const cache = cacheOf(dir)
    await symlink(path.join(outside, 'ab'), path.join(cache, 'briefs', 'zz'))
    await mkdir(path.join(cache, 'briefs', 'ab'), {recursive: true})
    await symlink(path.join(outside, outsideFiles[0]!), path.join(cache, 'briefs', 'ab', `${'ab'.repeat(32)}.body`))
    await symlink(path.join(outside, outsideFiles[1]!), path.join(cache, 'sites', 'ef'.repeat(16)))
    await symlink(outside, path.join(dir, CACHE_DIR, 'briefpress-cache-0'))
    // An older format's real folder, with a link out of it.
    const older = path.join(dir, CACHE_DIR, 'briefpress-cache-00')
    await mkdir(path.join(older, 'briefs', 'ab'), {recursive: true})
    await writeFile(path.join(older, 'briefs', 'ab', `${'ab'.repeat(32)}.meta`), 'old format')
    await symlink(outside, path.join(older, 'briefs', 'out'))
    await writeFile(path.join(dir, CACHE_DIR, 'links.json'), '{"version":1,"entries":{}}\n')
    await writeFile(path.join(dir, CACHE_DIR, 'notes.txt'), 'a file Briefpress does not know')
    await mkdir(path.join(dir, CACHE_DIR, 'briefpress-cache-2-mine'))
    await writeFile(path.join(dir, CACHE_DIR, 'briefpress-cache-2-mine', 'notes.txt'), 'nor this folder')
    const project_ = async () => Object.fromEntries(await Promise.all((await filesUnder(dir)).filter((file) => !file.startsWith(CACHE_DIR)).map(async (file) => [file, (await stat(path.join(dir, file))).mtimeMs])))
    const beforeProject = await project_()
    const beforeOutside = await Promise.all(outsideFiles.map(async (file) => [await readFile(path.join(outside, file), 'utf8'), (await stat(path.join(outside, file))).mtimeMs]))
    await age(path.join(dir, CACHE_DIR), 40 * DAY)

    await pruneCache(dir, Date.now() + 40 * DAY)
    expect(await Promise.all(outsideFiles.map(async (file) => [await readFile(path.join(outside, file), 'utf8'), (await stat(path.join(outside, file))).mtimeMs]))).toEqual(beforeOutside)
    expect(await project_()).toEqual(beforeProject)
    // The links themselves stay; the older format's folder goes but for its link.
    for (const link of [path.join(cache, 'briefs', 'zz'), path.join(cache, 'briefs', 'ab', `${'ab'.repeat(32)}.body`), path.join(cache, 'sites', 'ef'.repeat(16)), path.join(dir, CACHE_DIR, 'briefpress-cache-0'), path.join(older, 'briefs', 'out')]) {
      expect((await lstat(link)).isSymbolicLink()).toBe(true)
    }
    expect(existsSync(path.join(older, 'briefs', 'ab'))).toBe(false)
    expect(await readFile(path.join(dir, CACHE_DIR, 'links.json'), 'utf8')).toContain('"version":1')
    expect(existsSync(path.join(dir, CACHE_DIR, 'notes.txt'))).toBe(true)
    expect(existsSync(path.join(dir, CACHE_DIR, 'briefpress-cache-2-mine', 'notes.txt'))).toBe(true)
    // 40 days unused: the build's and the check's entries and the build's manifest are gone.
    expect(await entries(dir)).toEqual([])
    expect((await filesUnder(path.join(cache, 'sites'))).filter((file) => !file.endsWith('ef'.repeat(16)))).toEqual([])
  })

  it('keeps the entries of a check of a few files apart from those of the whole check, and those of the preview', async () => {
    const dir = await project()
    await cli(dir, 'check')
    await cli(dir, 'check', 'briefs/2026/11/2026-11-13-daily-brief.md')
    await runBuildPipeline(dir, 'briefs', defaultConfig())
    await age(path.join(dir, CACHE_DIR), 2 * DAY)
    await cli(dir, 'build')
    expect((await checkPipeline(dir)).stats).toMatchObject({analysed: 0, cached: 8})
    expect((await runBuildPipeline(dir, 'briefs', defaultConfig())).stats).toMatchObject({analysed: 0, cached: 8})
  })
})

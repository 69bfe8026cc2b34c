import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {cp, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {environmentDigest} from '../src/cache/digest.js'
import {defaultConfig} from '../src/config/load.js'
import {runPipeline, SITE_RENDER} from '../src/pipeline.js'
import {hasErrors, type Brief} from '../src/brief.js'
import {SEARCH_BUNDLES_SCRIPT, SEARCH_SCRIPT} from '../src/render/search.js'
import {SCHEMA_PATH, SUMMARY_SCHEMA_PATH} from '../src/render/site.js'
import {ROBOTS_PATH} from '../src/render/sitemap.js'
import {binPath, projectRoot, requireBin, runCli, tempDir} from './helpers.js'
import {snapshot} from './site-helpers.js'

const sample = path.join(projectRoot, 'briefs')


async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(sample, path.join(dir, 'briefs'), {recursive: true})
  return dir
}

/**
 * The cached build into `site/` must equal a clean, uncached build into
 * `clean/`, with and without search (`args`).
 */
async function expectSameAsClean(dir: string, args: readonly string[] = []): Promise<{stderr: string}> {
  const cached = await runCli(['build', '--out', 'site', ...args], dir)
  expect(cached.code, cached.stderr).toBe(0)
  await rm(path.join(dir, 'clean'), {recursive: true, force: true})
  const clean = await runCli(['build', '--out', 'clean', '--no-cache', ...args], dir)
  expect(clean.code, clean.stderr).toBe(0)
  expect(await snapshot(path.join(dir, 'site'))).toEqual(await snapshot(path.join(dir, 'clean')))
  return cached
}

const briefPath = (dir: string, day: string) => path.join(dir, 'briefs', '2026', '11', `${day}.md`)

/** Builds with search (its index in tiers, each reused or rebuilt) and without. */
const modes = [
  {mode: 'with search', args: [] as string[]},
  {mode: 'with --no-search', args: ['--no-search']}
]

describe.each(modes)('incremental builds, $mode', ({args}) => {
  let dir: string
  let days: string[]
  beforeAll(async () => {
    dir = await project()
    days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
  })

  it('a cold cached build writes what a clean build writes, and fills .briefpress-cache/', async () => {
    await expectSameAsClean(dir, args)
    expect(existsSync(path.join(dir, '.briefpress-cache'))).toBe(true)
  })

  it('a rebuild with nothing changed writes nothing and says the site is up to date', async () => {
    const before = await snapshot(path.join(dir, 'site'))
    const result = await runCli(['build', '--out', 'site', ...args], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/site\/ is up to date: 8 briefs unchanged/)
    expect(await snapshot(path.join(dir, 'site'))).toEqual(before)
  })

  it('a site deleted or replaced by hand is written again, not reported up to date', async () => {
    await rm(path.join(dir, 'site'), {recursive: true})
    const result = await runCli(['build', '--out', 'site', ...args], dir)
    expect(result.stderr).toMatch(/Wrote \d+ pages/)
    expect(existsSync(path.join(dir, 'site', 'index.html'))).toBe(true)
    const before = await snapshot(path.join(dir, 'site'))
    await writeFile(path.join(dir, 'site', 'stray.html'), 'added by hand')
    await writeFile(path.join(dir, 'site', 'index.html'), 'edited by hand')
    expect((await runCli(['build', '--out', 'site', ...args], dir)).stderr).toMatch(/Wrote \d+ pages/)
    expect(await snapshot(path.join(dir, 'site'))).toEqual(before)
  })

  it('after an edit, the day, its neighbours, the index, feeds and data match a clean build', async () => {
    const file = briefPath(dir, days[3]!)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "An edited title for the incremental test"'))
    const {stderr} = await expectSameAsClean(dir, args)
    expect(stderr).toMatch(/Wrote \d+ pages/)
    expect(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).toContain('An edited title for the incremental test')
  })

  it('after a deletion', async () => {
    await rm(briefPath(dir, days[5]!))
    await expectSameAsClean(dir, args)
    // Its folder too, not just its files.
    expect(existsSync(path.join(dir, 'site', ...days[5]!.slice(0, 10).split('-')))).toBe(false)
  })

  it('after a rename (same text, new path), whose messages name the new path', async () => {
    await rename(briefPath(dir, days[1]!), path.join(dir, 'briefs', '2026', 'renamed.md'))
    await expectSameAsClean(dir, args)
    await writeFile(path.join(dir, 'briefs', '2026', 'renamed.md'), (await readFile(path.join(dir, 'briefs', '2026', 'renamed.md'), 'utf8')) + '\n[^zz]: https://example.com/unused\n')
    const cached = await runCli(['check', '--format', 'json'], dir)
    const cold = await runCli(['check', '--format', 'json', '--no-cache'], dir)
    expect(cached.stdout).toBe(cold.stdout)
    expect(cached.stdout).toContain('briefs/2026/renamed.md')
  })

  it('after a config change', async () => {
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({siteTitle: 'Renamed site', rules: {'unused-citation': 'error'}}))
    const cached = await runCli(['build', '--out', 'site', '--keep-going', ...args], dir)
    const clean = await runCli(['build', '--out', 'clean', '--keep-going', '--no-cache', ...args], dir)
    expect(cached.code).toBe(clean.code)
    expect(cached.stderr.replace(/ in \d+\.\d s/g, '').replaceAll('clean/', 'site/')).toBe(clean.stderr.replace(/ in \d+\.\d s/g, '').replaceAll('clean/', 'site/'))
    expect(await snapshot(path.join(dir, 'site'))).toEqual(await snapshot(path.join(dir, 'clean')))
    expect(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).toContain('Renamed site')
    await rm(path.join(dir, 'briefpress.config.json'))
  })
})

describe('no-change builds', () => {
  it('print the last build\'s report without reading any cached brief, and notice any change', async () => {
    const dir = await project()
    // A warning in one brief, so that there is a report to replay.
    const file = briefPath(dir, (await readdir(path.join(dir, 'briefs', '2026', '11')))[0]!.replace(/\.md$/, ''))
    await writeFile(file, (await readFile(file, 'utf8')) + '\n[^unused-one]: https://example.com/never-cited\n')
    const first = await runCli(['build', '--out', 'site', '--format', 'json'], dir)
    expect(first.stdout).toContain('unused-citation')
    const site = await snapshot(path.join(dir, 'site'))
    const again = await runCli(['build', '--out', 'site', '--format', 'json'], dir)
    expect(again.code).toBe(first.code)
    expect(again.stderr).toMatch(/site\/ is up to date: 8 briefs unchanged/)
    expect(again.stdout).toBe(first.stdout)
    expect(await snapshot(path.join(dir, 'site'))).toEqual(site)
    // One byte changed: analysed and written again, the same as a clean build.
    await writeFile(file, (await readFile(file, 'utf8')) + ' ')
    const changed = await expectSameAsClean(dir)
    expect(changed.stderr).toMatch(/Wrote \d+ pages/)
  })

  it('replay, in every format, the report of a build that kept the other briefs\' recorded messages', async () => {
    const dir = await project()
    const names = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
    const warn = async (day: string, label: string) => writeFile(briefPath(dir, day), (await readFile(briefPath(dir, day), 'utf8')) + `\n[^${label}]: https://example.com/${label}\n`)
    await warn(names[0]!, 'unused-one')
    await warn(names[3]!, 'unused-two')
    expect((await runCli(['build', '--out', 'site'], dir)).stderr).toMatch(/Wrote/)
    // An edit: this build records the edited brief's messages anew and carries the others' bytes.
    await warn(names[3]!, 'unused-three')
    expect((await runCli(['build', '--out', 'site'], dir)).stderr).toMatch(/Wrote/)
    for (const format of ['json', 'github', 'pretty']) {
      const replayed = await runCli(['build', '--out', 'site', '--format', format], dir)
      expect(replayed.stderr).toMatch(/site\/ is up to date: 8 briefs unchanged/)
      const clean = await runCli(['check', 'briefs', '--no-cache', '--format', format], dir)
      const report = (result: {stdout: string; stderr: string}) => (format === 'pretty' ? result.stderr.slice(0, result.stderr.search(/^(site\/ is up to date|Checked)/m)) : result.stdout)
      expect(report(replayed)).toBe(report(clean))
      expect(report(replayed)).toContain('unused-three')
    }
  })
})

describe('the pretty report across builds', () => {
  it('is printed again from the previous build for unchanged briefs, and anew for an edited one, as a clean build prints it', async () => {
    const dir = await project()
    const names = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
    const [one, two] = [briefPath(dir, names[0]!), briefPath(dir, names[3]!)]
    for (const file of [one, two]) await writeFile(file, (await readFile(file, 'utf8')) + '\n[^unused-one]: https://example.com/never-cited\n')
    const report = (stderr: string) => stderr.slice(0, stderr.search(/^(Wrote|site\/ is up to date|clean\/ is up to date)/m))
    const first = await runCli(['build', '--out', 'site'], dir)
    expect(report(first.stderr)).toMatch(/unused-citation[\s\S]*unused-citation[\s\S]*⚠ 2 warnings\n$/)
    const again = await runCli(['build', '--out', 'site'], dir)
    expect(again.stderr).toMatch(/site\/ is up to date/)
    expect(report(again.stderr)).toBe(report(first.stderr))
    // The second brief gets another warning; the first brief's block is the previous build's.
    await writeFile(two, (await readFile(two, 'utf8')) + '\n[^unused-two]: https://example.com/never-cited-either\n')
    const edited = await runCli(['build', '--out', 'site'], dir)
    const clean = await runCli(['build', '--out', 'clean', '--no-cache'], dir)
    expect(report(edited.stderr)).toContain('unused-two')
    expect(report(edited.stderr)).toMatch(/⚠ 3 warnings\n$/)
    expect(report(edited.stderr)).toBe(report(clean.stderr))
  })
})

describe.each(modes)('pages kept from the previous build, $mode', ({args}) => {
  const dayFile = (day: string) => path.join(...day.slice(0, 10).split('-'), 'index.html')
  const inode = async (site: string, file: string) => (await stat(path.join(site, file))).ino

  it('an edit re-renders the day and its neighbours and keeps every other day page as it was', async () => {
    const dir = await project()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
    await expectSameAsClean(dir, args)
    const site = path.join(dir, 'site')
    const before = new Map<string, number>()
    for (const day of days) before.set(day, await inode(site, dayFile(day)))
    const file = briefPath(dir, days[4]!)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited for the reuse test"'))
    await expectSameAsClean(dir, args)
    const changed = (await Promise.all(days.map(async (day) => ((await inode(site, dayFile(day))) === before.get(day) ? undefined : day)))).filter(Boolean)
    // The edited day and its neighbours, whose previous/next links show its title.
    expect(changed).toEqual([days[3], days[4], days[5]])
    expect((await stat(path.join(site, dayFile(days[0]!)))).nlink).toBe(1)
  })

  it('files that change only with the code (stylesheet, scripts, schemas, robots.txt) stay as they were', async () => {
    const dir = await project()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
    await expectSameAsClean(dir, args)
    const site = path.join(dir, 'site')
    const fixed = ['style.css', SEARCH_SCRIPT, SEARCH_BUNDLES_SCRIPT, SCHEMA_PATH, SUMMARY_SCHEMA_PATH, ROBOTS_PATH]
    const before = await Promise.all(fixed.map((file) => inode(site, file)))
    const file = briefPath(dir, days[4]!)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited for the fixed-files test"'))
    await expectSameAsClean(dir, args)
    expect(await Promise.all(fixed.map((file) => inode(site, file)))).toEqual(before)
    // The feeds show the edited title: written again.
    expect(await readFile(path.join(site, 'feed.xml'), 'utf8')).toContain('Edited for the fixed-files test')
  })

  it('month and year pages, and the year pages of categories and assets, are kept while their briefs and neighbours are unchanged, and match a clean build when not', async () => {
    const dir = await project()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).sort()
    const text = await readFile(path.join(dir, 'briefs', '2026', '11', days[0]!), 'utf8')
    const addBrief = (date: string) => writeFile(path.join(dir, 'briefs', `${date}.md`), text.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*$/m, `title: "Brief of ${date}"`))
    await addBrief('2025-10-01')
    await expectSameAsClean(dir, args)
    const site = path.join(dir, 'site')
    const archive = ['2025/index.html', '2025/10/index.html', '2026/index.html', '2026/11/index.html', 'category/crypto/2025/index.html', 'category/crypto/2026/index.html', 'assets/btc/2025/index.html', 'assets/btc/2026/index.html']
    const inodes = async () => Object.fromEntries(await Promise.all(archive.map(async (file) => [file, await inode(site, file)] as const)))
    const first = await inodes()
    // An edit in November 2026 leaves 2025's pages alone.
    const file = path.join(dir, 'briefs', '2026', '11', days[2]!)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited for the archive test"'))
    await expectSameAsClean(dir, args)
    const second = await inodes()
    expect(second['2025/index.html']).toBe(first['2025/index.html'])
    expect(second['2025/10/index.html']).toBe(first['2025/10/index.html'])
    expect(second['2026/11/index.html']).not.toBe(first['2026/11/index.html'])
    expect(second['2026/index.html']).not.toBe(first['2026/index.html'])
    expect(second['category/crypto/2025/index.html']).toBe(first['category/crypto/2025/index.html'])
    expect(second['assets/btc/2025/index.html']).toBe(first['assets/btc/2025/index.html'])
    expect(second['category/crypto/2026/index.html']).not.toBe(first['category/crypto/2026/index.html'])
    expect(second['assets/btc/2026/index.html']).not.toBe(first['assets/btc/2026/index.html'])
    // A new month between them changes their neighbours' links: rendered again, as a clean build has them.
    await addBrief('2025-12-01')
    await expectSameAsClean(dir, args)
    const third = await inodes()
    expect(third['2025/10/index.html']).not.toBe(second['2025/10/index.html'])
    expect(await readFile(path.join(site, '2025', '10', 'index.html'), 'utf8')).toContain('12/index.html')
  })

  it('the site folder is patched in place, not replaced', async () => {
    const dir = await project()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
    await expectSameAsClean(dir, args)
    const site = path.join(dir, 'site')
    const before = await inode(dir, 'site')
    const file = briefPath(dir, days[2]!)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited for the patch test"'))
    await expectSameAsClean(dir, args)
    expect(await inode(dir, 'site')).toBe(before)
    expect(await readFile(path.join(site, dayFile(days[2]!)), 'utf8')).toContain('Edited for the patch test')
    // The patched site is known as it stands: up to date now, and patched again after the next edit.
    expect((await runCli(['build', '--out', 'site', ...args], dir)).stderr).toMatch(/site\/ is up to date/)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited twice for the patch test"'))
    await expectSameAsClean(dir, args)
    expect(await inode(dir, 'site')).toBe(before)
    // Nothing is left beside the site.
    expect((await readdir(dir)).filter((name) => name.startsWith('.site-'))).toEqual([])
  })

  it('a site edited by hand is not reused: the next build puts every page right', async () => {
    const dir = await project()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).map((name) => name.replace(/\.md$/, '')).sort()
    await expectSameAsClean(dir, args)
    await writeFile(path.join(dir, 'site', dayFile(days[0]!)), 'edited by hand')
    const file = briefPath(dir, days[6]!)
    await writeFile(file, (await readFile(file, 'utf8')) + '\nOne more line.\n')
    await expectSameAsClean(dir, args)
  })
})

describe('the brief cache', () => {
  it('reports warnings of cached briefs exactly as a cold run does', async () => {
    const dir = await project()
    // A warning in one brief, so that there is something to replay.
    const file = briefPath(dir, (await readdir(path.join(dir, 'briefs', '2026', '11')))[0]!.replace(/\.md$/, ''))
    await writeFile(file, (await readFile(file, 'utf8')) + '\n[^unused-one]: https://example.com/never-cited\n')
    const cold = await runCli(['check', '--format', 'json', '--no-cache'], dir)
    const first = await runCli(['check', '--format', 'json'], dir)
    const second = await runCli(['check', '--format', 'json'], dir)
    expect(cold.stdout).toContain('unused-citation')
    expect(first.stdout).toBe(cold.stdout)
    expect(second.stdout).toBe(cold.stdout)
    const pretty = await runCli(['check'], dir)
    const prettyCold = await runCli(['check', '--no-cache'], dir)
    expect(pretty.stderr.replace(/ in \d+\.\d s/, '')).toBe(prettyCold.stderr.replace(/ in \d+\.\d s/, ''))
  })

  it('never parses an unchanged brief again: results come from the cache, keyed by content, config and code', async () => {
    const dir = await project()
    const config = defaultConfig()
    const options = {paths: ['briefs'], cwd: dir, config, renderStage: SITE_RENDER, cache: true}
    const cold = await runPipeline(options)
    expect(cold.stats).toMatchObject({analysed: 8, cached: 0})
    const warm = await runPipeline(options)
    expect(warm.stats).toMatchObject({analysed: 0, cached: 8, workers: 0})
    expect(warm.inputDigest).toBe(cold.inputDigest)

    expect(warm.briefs.map((brief) => brief.rendered)).toEqual(cold.briefs.map((brief) => brief.rendered))

    // Any change to the config is a different key: analysed again.
    const changed = await runPipeline({...options, config: {...config, siteTitle: 'Other'}})
    expect(changed.stats).toMatchObject({analysed: 8, cached: 0})
    expect(changed.inputDigest).not.toBe(cold.inputDigest)

    // check and build keep separate entries: check never sees a rendered body.
    const check = await runPipeline({...options, renderStage: undefined})
    expect(check.stats).toMatchObject({analysed: 8, cached: 0})
    expect(check.briefs.every((brief) => brief.rendered === undefined)).toBe(true)
  })

  it('keys on the code (templates, renderer, rules) as well as on the config and the render stage', () => {
    const config = defaultConfig()
    const base = environmentDigest(config, 'render/site.js#renderBrief', 'code-a')
    expect(environmentDigest(config, 'render/site.js#renderBrief', 'code-b')).not.toBe(base)
    expect(environmentDigest(config, 'none', 'code-a')).not.toBe(base)
    expect(environmentDigest({...config, maxFileSize: 1}, 'render/site.js#renderBrief', 'code-a')).not.toBe(base)
    expect(environmentDigest(config, 'render/site.js#renderBrief', 'code-a')).toBe(base)
  })

  it('a corrupt entry is a miss, not a crash', async () => {
    const dir = await project()
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), cache: true}
    await runPipeline(options)
    const entries = await readdir(path.join(dir, '.briefpress-cache'), {recursive: true, withFileTypes: true})
    for (const entry of entries) if (entry.isFile()) await writeFile(path.join(entry.parentPath, entry.name), 'garbage')
    const again = await runPipeline(options)
    expect(again.stats).toMatchObject({analysed: 8, cached: 0})
  })
})

describe('unchanged briefs of a build are not read again (their stats are trusted)', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  /** A project with a CRLF brief (a warning of reading, not of analysis), old enough for its stats to be trusted. */
  async function agedProject(): Promise<string> {
    const dir = await project()
    const file = briefPath(dir, (await readdir(path.join(dir, 'briefs', '2026', '11')))[0]!.replace(/\.md$/, ''))
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n/g, '\r\n'))
    // Stats written within 2 s of a build are not trusted (src/cache/brief-keys.ts).
    await sleep(2_100)
    return dir
  }

  it('takes every unchanged brief from the store, with its read messages', async () => {
    const dir = await agedProject()
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER, cache: true, lean: true, deferRendered: true, jobs: 2}
    const cold = await runPipeline(options)
    expect(cold.stats).toMatchObject({analysed: 8, cached: 0})
    const messages = (result: typeof cold) => result.briefs.map((brief) => [brief.file.path, brief.file.messages.map((message) => `${message.place && 'line' in message.place ? message.place.line : ''}:${message.ruleId}:${message.reason}`)])
    expect(messages(cold).flatMap(([, list]) => list)).toContainEqual(expect.stringContaining('line-endings'))

    // Unchanged briefs (by their stats) come from the store, with the messages of reading them, without being read.
    const warm = await runPipeline({...options, knownKeys: new Map(cold.briefs.map((brief) => [String(brief.file.data.absolutePath), String(brief.file.data.briefKey)]))})
    expect(warm.stats).toMatchObject({analysed: 0, cached: 8, workers: 0})
    expect(messages(warm)).toEqual(messages(cold))
    expect(warm.inputDigest).toBe(cold.inputDigest)
    expect(warm.briefs.map((brief) => brief.summary)).toEqual(cold.briefs.map((brief) => brief.summary))
    expect(warm.briefs.map((brief) => String(brief.file.value))).toEqual(cold.briefs.map((brief) => String(brief.file.value)))
  })

  it('restores unchanged briefs\' messages into file.messages, and reports and skips them as a clean build does', async () => {
    const dir = await agedProject()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).sort()
    const day = (index: number) => path.join(dir, 'briefs', '2026', '11', days[index]!)
    // A warning (a citation never cited) and an error (an unknown category).
    await writeFile(day(2), (await readFile(day(2), 'utf8')) + '\n[^never]: https://example.com/never-cited\n')
    await writeFile(day(5), (await readFile(day(5), 'utf8')).replace(/^category: .*$/m, 'category: crpyto'))
    await sleep(2_100)
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER, cache: true, lean: true, deferRendered: true, jobs: 1}
    const cold = await runPipeline(options)
    const warm = await runPipeline(options)
    expect(warm.stats).toMatchObject({analysed: 0, cached: 8})
    const warned = warm.briefs.find((brief) => brief.file.path.endsWith(days[2]!))!
    const broken = warm.briefs.find((brief) => brief.file.path.endsWith(days[5]!))!
    expect(warned.file.messages.map((message) => message.fatal)).toEqual([false])
    expect(hasErrors(broken)).toBe(true)
    // They are the messages the cold run made.
    const shown = (brief: Brief) => brief.file.messages.map((message) => `${message.line}:${message.column} ${message.fatal} ${message.ruleId} ${message.reason}`)
    for (const [index, brief] of warm.briefs.entries()) expect(shown(brief)).toEqual(shown(cold.briefs[index]!))

    for (const format of ['json', 'pretty']) {
      const edited = day(0)
      await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: .*$/m, `title: "Edited for ${format}"`))
      const cached = await runCli(['build', '--out', 'site', '--keep-going', '--format', format], dir)
      const clean = await runCli(['build', '--out', 'clean', '--no-cache', '--keep-going', '--format', format], dir)
      expect(cached.code).toBe(1)
      expect(clean.code).toBe(1)
      const report = (result: {stdout: string; stderr: string}) => (format === 'pretty' ? result.stderr.replace(/ in \d+\.\d s/, '').replaceAll('clean/', 'site/') : result.stdout)
      expect(report(cached)).toBe(report(clean))
      expect(report(cached)).toContain('crpyto')
      expect(await snapshot(path.join(dir, 'site'))).toEqual(await snapshot(path.join(dir, 'clean')))
      await rm(path.join(dir, 'clean'), {recursive: true})
    }
  })

  it('gives unchanged briefs\' market figures as the cold run found them', async () => {
    const dir = await agedProject()
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER, cache: true, lean: true, deferRendered: true, jobs: 1}
    const cold = await runPipeline(options)
    const warm = await runPipeline(options)
    expect(warm.stats).toMatchObject({analysed: 0, cached: 8})
    expect(warm.briefs.map((brief) => brief.extracted!.market)).toEqual(cold.briefs.map((brief) => brief.extracted!.market))
    expect(cold.briefs[0]!.extracted!.market.prices.length).toBeGreaterThan(0)
  })

  it('reports an archive rule\'s messages on unchanged briefs as a clean build does', async () => {
    const dir = await agedProject()
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).sort()
    const day = (index: number) => path.join(dir, 'briefs', '2026', '11', days[index]!)
    // BTC at $60,000 on the 16th, far from the 15th and from what the brief says of its day.
    await writeFile(day(3), (await readFile(day(3), 'utf8')).replace('$93,870', '$60,000'))
    await sleep(2_100)
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER, cache: true, lean: true, deferRendered: true, jobs: 1}
    const cold = await runPipeline(options)
    const sixteenth = (result: typeof cold) => result.briefs.find((brief) => brief.file.path.endsWith(days[3]!))!
    expect(sixteenth(cold).file.messages.map((message) => message.ruleId)).toContain('day-over-day')
    const warm = await runPipeline(options)
    expect(sixteenth(warm).file.messages.map((message) => message.ruleId)).toContain('day-over-day')
    const shown = (brief: Brief) => brief.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    for (const [index, brief] of warm.briefs.entries()) expect(shown(brief)).toEqual(shown(cold.briefs[index]!))

    // A build after an edit elsewhere reports them, and replays them with nothing changed, as a clean build does.
    await runCli(['build', '--out', 'site', '--format', 'json'], dir)
    await writeFile(day(0), (await readFile(day(0), 'utf8')).replace(/^title: .*$/m, 'title: "Edited away from the 16th"'))
    const clean = await runCli(['build', '--out', 'clean', '--no-cache', '--format', 'json'], dir)
    for (const run of ['edited', 'unchanged']) {
      const cached = await runCli(['build', '--out', 'site', '--format', 'json'], dir)
      expect(cached.stdout, run).toBe(clean.stdout)
    }
    expect(clean.stdout).toContain('day-over-day')
  })

  it('a build after an edit, with the others from the pack, writes and reports what a clean build does', async () => {
    const dir = await agedProject()
    const first = await runCli(['build', '--out', 'site', '--format', 'json'], dir)
    expect(first.code, first.stderr).toBe(0)
    const days = (await readdir(path.join(dir, 'briefs', '2026', '11'))).sort()
    const edited = path.join(dir, 'briefs', '2026', '11', days[3]!)
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: .*$/m, 'title: "Edited after the pack was written"'))
    const cached = await runCli(['build', '--out', 'site', '--format', 'json'], dir)
    expect(cached.code, cached.stderr).toBe(0)
    const clean = await runCli(['build', '--out', 'clean', '--no-cache', '--format', 'json'], dir)
    expect(cached.stdout).toBe(clean.stdout)
    expect(await snapshot(path.join(dir, 'site'))).toEqual(await snapshot(path.join(dir, 'clean')))
    expect(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).toContain('Edited after the pack was written')
  })
})

// What trusting unchanged stats pays (README, "Speed"): a no-change rebuild of
// 4,000 briefs spent 0.73 s of CPU with it, 1.90 s reading and hashing every
// brief. Through the bin, with a probe that logs every file opened.
describe('a no-change build through the bin', () => {
  beforeAll(requireBin)
  it('opens no brief: their unchanged stats are trusted', async () => {
    const dir = await project()
    const log = path.join(dir, 'opened.log')
    const probe = path.join(dir, 'probe.mjs')
    await writeFile(
      probe,
      [
        "import fs from 'node:fs'",
        "import {syncBuiltinESMExports} from 'node:module'",
        'const open = fs.promises.open',
        `fs.promises.open = (file, ...rest) => (fs.appendFileSync(${JSON.stringify(log)}, String(file) + '\\n'), open(file, ...rest))`,
        'syncBuiltinESMExports()'
      ].join('\n')
    )
    const build = () => spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, binPath, 'build', '--no-search'], {cwd: dir, encoding: 'utf8'})
    expect(build().status).toBe(0)
    // Stats written within 2 s of being recorded are not trusted (src/cache/brief-keys.ts):
    // the first no-change build reads them again and records them anew.
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    expect(build().stderr).toMatch(/up to date/)
    const opened = () => (existsSync(log) ? readFileSync(log, 'utf8') : '').split('\n').filter((file) => file.endsWith('.md'))
    // The probe sees briefs being read.
    expect(opened().length).toBeGreaterThanOrEqual(8)
    await rm(log)
    const again = build()
    expect(again.stderr).toMatch(/up to date/)
    expect(opened()).toEqual([])
  }, 120_000)
})

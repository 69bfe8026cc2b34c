import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../src/config/load.js'
import {runPipeline} from '../src/pipeline.js'
import {renderBrief, selectBriefs, writeSite} from '../src/render/site.js'
import {writeAtomically, type SiteWriter} from '../src/write/atomic-site.js'
import {binPath, fixtures, projectRoot, runCli, tempDir} from './helpers.js'
import {hashTree, listFiles} from './site-helpers.js'

const run = promisify(execFile)
const archive = path.join(fixtures, 'build', 'archive')
const broken = path.join(fixtures, 'build', 'broken.md')

/** A project folder with the fixture archive in `briefs/`. */
async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(archive, path.join(dir, 'briefs'), {recursive: true})
  // These fixtures exercise the site, not the market sections.
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: []}))
  return dir
}

async function builtProject(): Promise<{dir: string; site: string; before: Record<string, string>}> {
  const dir = await project()
  const first = await runCli(['build'], dir)
  expect(first.code, first.stderr).toBe(0)
  const site = path.join(dir, 'site')
  return {dir, site, before: await hashTree(site)}
}

/** The fixture archive's published briefs, and a writer that only records the paths written. */
async function publishedArchive() {
  const dir = await project()
  const {config} = await loadConfig(dir, undefined)
  const {briefs} = await runPipeline({paths: ['briefs'], cwd: dir, config, render: renderBrief})
  const {published} = selectBriefs(briefs, {drafts: false})
  const written: string[] = []
  const writer: SiteWriter = {write: async (file) => void written.push(file)}
  return {config, published, written, writer}
}

const leftovers = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('.site-'))

describe('build', () => {
  it('closes with the pages written, where, how long, and how to open the site', async () => {
    const dir = await project()
    const {code, stderr} = await runCli(['build'], dir)
    expect(code).toBe(0)
    expect(stderr).toMatch(/^Wrote 21 pages \(3 briefs\) to site\/ in \d+\.\d s with 0 errors, 1 warning; left out 1 draft \(use --drafts to include them\)$/m)
    expect(stderr).toContain(`Open site/index.html in a browser (file://${path.join(dir, 'site', 'index.html')})`)
    expect(await listFiles(path.join(dir, 'site'))).toContain('2025/01/06/index.html')
  })

  it('warns once, not per page, while baseUrl is the localhost default; not once it is set', async () => {
    const dir = await project()
    const warning = /^Warning: `baseUrl` is the default http:\/\/localhost:8080\/, so the feeds, the sitemap and the pages' canonical links point at this computer; set "baseUrl" in briefpress\.config\.json to the address the site is published at$/gm
    const first = await runCli(['build'], dir)
    expect(first.code).toBe(0)
    expect(first.stderr.match(warning)).toHaveLength(1)
    // Also when the site is up to date: it still points at localhost.
    expect((await runCli(['build'], dir)).stderr.match(warning)).toHaveLength(1)
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: [], baseUrl: 'http://127.0.0.1:3000/'}))
    expect((await runCli(['build'], dir)).stderr).toContain('Warning: `baseUrl` is http://127.0.0.1:3000/, so the feeds')
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: [], baseUrl: 'https://briefs.example.org/'}))
    const published = await runCli(['build'], dir)
    expect(published.code).toBe(0)
    expect(published.stderr).not.toContain('baseUrl')
    expect(await readFile(path.join(dir, 'site', 'feed.xml'), 'utf8')).toContain('https://briefs.example.org/')
  })

  it('with a broken brief, exits 1 and leaves the previous site byte-identical', async () => {
    const {dir, site, before} = await builtProject()
    await cp(broken, path.join(dir, 'briefs', 'broken.md'))
    await writeFile(path.join(dir, 'briefs', '2025-01-06-monday.md'), 'changed, and would change the site\n', {flag: 'a'})
    const {code, stderr} = await runCli(['build'], dir)
    expect(code).toBe(1)
    expect(stderr).toContain('Not writing site/')
    expect(stderr).toContain('the previous site is unchanged')
    expect(await hashTree(site)).toEqual(before)
    expect(await leftovers(dir)).toEqual([])
  })

  it('when a write fails half-way, leaves the previous site byte-identical and no temporary folder', async () => {
    const {dir, site, before} = await builtProject()
    // A changed brief, so that a swapped-in site would differ from the old one.
    await writeFile(path.join(dir, 'briefs', '2025-01-06-monday.md'), '\nAn extra closing paragraph.\n', {flag: 'a'})
    const {config} = await loadConfig(dir, undefined)
    const {briefs} = await runPipeline({paths: ['briefs'], cwd: dir, config, render: renderBrief})
    const {published} = selectBriefs(briefs, {drafts: false})
    // Pages are written several at a time: the failure must still stop the
    // build, and no write may still be running once writeSite gives up (the
    // writer then removes its temporary folder).
    let calls = 0
    let running = 0
    let runningAtFailure: number | undefined
    await expect(
      writeAtomically(site, async (writer) => {
        // The real writer, failing on the third file as a full disk would.
        const failing: SiteWriter = {
          write: async (file, content) => {
            if (++calls === 3) throw new Error('ENOSPC: no space left on device')
            running++
            try {
              // Slow, so that other pages' writes are under way when the third fails.
              await new Promise((resolve) => setTimeout(resolve, 20))
              await writer.write(file, content)
            } finally {
              running--
            }
          }
        }
        try {
          return await writeSite(published, config, failing)
        } catch (error) {
          runningAtFailure = running
          throw error
        }
      })
    ).rejects.toThrow('ENOSPC')
    expect(runningAtFailure).toBe(0)
    expect(calls).toBeGreaterThanOrEqual(3)
    expect(await hashTree(site)).toEqual(before)
    expect(await leftovers(dir)).toEqual([])
  })

  it('starts the work that reads the day pages (the search index) once they are written, while the rest of the site is, and returns after it', async () => {
    const {config, published, written, writer} = await publishedArchive()
    let writtenAtStart: string[] | undefined
    let finish!: () => void
    const alongside = () => {
      writtenAtStart = [...written]
      return new Promise<void>((resolve) => (finish = resolve))
    }
    let settled = false
    const done = writeSite(published, config, writer, {alongside}).finally(() => (settled = true))
    // Every file of the site is written, and writeSite still waits for the work alongside.
    await expect.poll(() => written.includes('data/briefs.json')).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(settled).toBe(false)
    const dayPages = published.map((item) => `${item.folder}index.html`)
    expect(dayPages.length).toBeGreaterThan(2)
    expect(writtenAtStart).toEqual(expect.arrayContaining(dayPages))
    // Started before the feeds and the data files were written, not after.
    expect(writtenAtStart).not.toContain('feed.xml')
    expect(writtenAtStart).not.toContain('data/briefs.json')
    finish()
    await expect(done).resolves.toBeGreaterThan(dayPages.length)
  })

  it('fails with the work alongside only once the rest of the site is written, and writes nothing after', async () => {
    const {config, published, written, writer} = await publishedArchive()
    await expect(writeSite(published, config, writer, {alongside: () => Promise.reject(new Error('Pagefind could not build the search index'))})).rejects.toThrow('Pagefind')
    const count = written.length
    expect(written).toContain('data/briefs.json')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(written.length).toBe(count)
    // A day page that fails to write stops the build before the work alongside starts.
    let started = false
    const failing: SiteWriter = {write: async (file) => (/^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(file) ? Promise.reject(new Error('ENOSPC')) : undefined)}
    await expect(writeSite(published, config, failing, {alongside: async () => void (started = true)})).rejects.toThrow('ENOSPC')
    expect(started).toBe(false)
  })

  it('clears temporary folders that a crashed build left behind', async () => {
    const {dir} = await builtProject()
    // No process has this id (above Linux's pid_max), so its build is gone.
    const stale = path.join(dir, '.site-build-4194999-deadbeef')
    await mkdir(path.join(stale, '2025'), {recursive: true})
    expect((await runCli(['build'], dir)).code).toBe(0)
    expect(existsSync(stale)).toBe(false)
    expect(await leftovers(dir)).toEqual([])
  })

  it('--keep-going builds the valid briefs, skips the broken one and exits 1', async () => {
    const {dir, site} = await builtProject()
    await cp(broken, path.join(dir, 'briefs', 'broken.md'))
    const {code, stderr} = await runCli(['build', '--keep-going'], dir)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^Wrote 21 pages \(3 briefs\) to site\/ .*skipped 1 broken brief: briefs\/broken\.md/m)
    // The broken brief (an impossible date) gets no page; the three valid days do.
    expect((await listFiles(site)).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(file))).toEqual(['2025/01/06/index.html', '2025/01/07/index.html', '2025/01/08/index.html'])
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).not.toContain('empty title')
  })

  it('leaves drafts out unless --drafts', async () => {
    const dir = await project()
    const site = path.join(dir, 'site')
    expect((await runCli(['build'], dir)).code).toBe(0)
    expect(existsSync(path.join(site, '2025/01/09/index.html'))).toBe(false)
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).not.toContain('Thursday brief (draft)')

    const {code, stderr} = await runCli(['build', '--drafts'], dir)
    expect(code).toBe(0)
    expect(stderr).toMatch(/^Wrote 22 pages \(4 briefs\)/m)
    expect(await readFile(path.join(site, '2025/01/09/index.html'), 'utf8')).toContain('Thursday brief (draft)')
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('Thursday brief (draft)')
    expect(await readFile(path.join(site, '2025/01/08/index.html'), 'utf8')).toContain('href="../../../2025/01/09/index.html" rel="next"')
  })

  it.each([
    ['the project folder', '.'],
    ['a parent of it', '..'],
    ['the source folder', 'briefs'],
    ['a folder inside the source', 'briefs/site'],
    ['a folder of other files', 'docs']
  ])('refuses --out pointing at %s with exit 2, touching nothing', async (_what, out) => {
    const dir = await project()
    await mkdir(path.join(dir, 'docs'))
    await writeFile(path.join(dir, 'docs', 'notes.txt'), 'keep me\n')
    const before = await hashTree(dir)
    const {code, stderr} = await runCli(['build', '--out', out], dir)
    expect(code).toBe(2)
    expect(stderr).toMatch(new RegExp(`Refusing to write the site to ${out.replace(/\./g, '\\.')}: `))
    expect(await hashTree(dir)).toEqual(before)
  })

  it('replaces an earlier build in a custom --out folder', async () => {
    const dir = await project()
    expect((await runCli(['build', '--out', 'public'], dir)).code).toBe(0)
    await writeFile(path.join(dir, 'public', 'stray.html'), 'from an older build')
    expect((await runCli(['build', '--out', 'public'], dir)).code).toBe(0)
    expect(existsSync(path.join(dir, 'public', 'stray.html'))).toBe(false)
  })
})

/** Compiles and bundles the project unless the bin is newer than every source file (npm test compiles first). */
async function ensureCompiled(): Promise<string> {
  const cli = binPath
  const built = existsSync(cli) ? (await stat(cli)).mtimeMs : 0
  let newest = 0
  for (const folder of ['src', 'templates']) {
    for (const file of await readdir(path.join(projectRoot, folder), {recursive: true})) {
      if (String(file).endsWith('.ts')) newest = Math.max(newest, (await stat(path.join(projectRoot, folder, String(file)))).mtimeMs)
    }
  }
  if (newest > built) {
    // Type errors elsewhere do not stop tsc from emitting; the build below is what is tested.
    await run(path.join(projectRoot, 'node_modules', '.bin', 'tsc'), ['-p', projectRoot]).catch(() => undefined)
    await run(process.execPath, [path.join(projectRoot, 'scripts', 'bundle.mjs')])
  }
  return cli
}

describe('determinism', () => {
  it('builds byte-identical sites under opposite time zones and different locales', async () => {
    const cli = await ensureCompiled()
    const sites: Array<Record<string, string>> = []
    for (const [tz, lang] of [
      ['Pacific/Kiritimati', 'de_DE.UTF-8'],
      ['America/Los_Angeles', 'ja_JP.UTF-8']
    ] as const) {
      const dir = await project()
      await run(process.execPath, [cli, 'build', '--drafts'], {cwd: dir, env: {...process.env, TZ: tz, LANG: lang, LC_ALL: lang}})
      sites.push(await hashTree(path.join(dir, 'site')))
    }
    expect(Object.keys(sites[0]!)).toContain('2025/01/09/index.html')
    expect(sites[1]).toEqual(sites[0])
  }, 120_000)
})

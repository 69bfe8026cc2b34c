import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {binPath, corpusDir, hasShared, projectRoot, tempDir} from './helpers.js'

// Workers run the compiled code in dist/ (`npm test` compiles first): the
// library's dist/src/ in-process, the bundle through the bin.
const dist = (file: string) => pathToFileURL(path.join(projectRoot, 'dist', 'src', file)).href
const hasDist = existsSync(path.join(projectRoot, 'dist', 'src', 'workers', 'worker.js')) && existsSync(binPath)
const run = promisify(execFile)

async function build(dir: string, argv: string[]): Promise<number> {
  return run(process.execPath, [binPath, 'build', '--keep-going', ...argv], {cwd: dir}).then(
    () => 0,
    (error: {code: number}) => error.code
  )
}

async function snapshot(site: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(site, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) files.set(path.relative(site, path.join(entry.parentPath, entry.name)), (await readFile(path.join(entry.parentPath, entry.name))).toString('base64'))
  }
  return files
}

describe.skipIf(!hasDist)('rendered bodies written by the workers', () => {
  it('a worker asked to keep the body writes it to the cache and replies with a marker instead', async () => {
    const {analyseBrief, loadRenderStage, SITE_RENDER} = (await import(dist('pipeline.js'))) as typeof import('../src/pipeline.js')
    const {AnalysisPool, BODY_IN_CACHE} = (await import(dist('workers/pool.js'))) as typeof import('../src/workers/pool.js')
    const {BriefCache} = (await import(dist('cache/store.js'))) as typeof import('../src/cache/store.js')
    const {defaultConfig} = (await import(dist('config/load.js'))) as typeof import('../src/config/load.js')
    const dir = await tempDir()
    const absolutePath = path.join(projectRoot, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
    const text = await readFile(absolutePath, 'utf8')
    const config = defaultConfig()
    const pool = AnalysisPool.start(2, config, SITE_RENDER, true)!
    try {
      const key = `ab${'0'.repeat(62)}`
      const analysis = await pool.analyse({text, path: 'brief.md', absolutePath, body: {cwd: dir, key}})
      const inProcess = analyseBrief(text, 'brief.md', absolutePath, config, await loadRenderStage(SITE_RENDER), true)
      expect(inProcess.rendered).toBeDefined()
      expect(analysis.rendered).toBe(BODY_IN_CACHE)
      expect((await new BriefCache(dir).get<{rendered: unknown}>(key, 'body'))?.rendered).toEqual(inProcess.rendered)
      expect({...analysis, rendered: undefined}).toEqual({...inProcess, rendered: undefined})
    } finally {
      await pool.close()
    }
  })

  it('a cached build on workers, cold and then from its cache, writes what a one-thread uncached build does', async () => {
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    if (hasShared) {
      const names = (await readdir(corpusDir)).filter((name) => name.endsWith('.md')).sort().slice(0, 24)
      for (const name of names) await cp(path.join(corpusDir, name), path.join(dir, 'briefs', 'real', name))
    }
    const code = await build(dir, ['--out', 'one', '--jobs', '1', '--no-cache', '--no-search'])
    const reference = await snapshot(path.join(dir, 'one'))
    expect(reference.size).toBeGreaterThan(10)
    // Cold: every body goes to the cache from a worker; pages are written from there.
    expect(await build(dir, ['--out', 'cold', '--jobs', '2', '--no-search'])).toBe(code)
    expect(await snapshot(path.join(dir, 'cold'))).toEqual(reference)
    // Into a new folder: nothing is analysed, every body is read from the cache.
    expect(await build(dir, ['--out', 'cached', '--jobs', '2', '--no-search'])).toBe(code)
    expect(await snapshot(path.join(dir, 'cached'))).toEqual(reference)
  }, 180_000)
})

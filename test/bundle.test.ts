import {execFile} from 'node:child_process'
import {appendFile, cp, readFile, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import {binPath, projectRoot, requireBin, runCli, tempDir} from './helpers.js'
import {hashTree} from './site-helpers.js'

// The bin is the esbuild bundle (scripts/bundle.mjs, `npm run build:ts`):
// every file it reads at run time, its worker thread and its lazily loaded
// commands must work from there as they do from src/ and dist/src/.
const run = promisify(execFile)

async function bin(argv: string[], cwd: string, options: {cli?: string; nodeArgs?: string[]; env?: Record<string, string>} = {}) {
  return run(process.execPath, [...(options.nodeArgs ?? []), options.cli ?? binPath, ...argv], {cwd, env: {...process.env, ...options.env}}).then(
    ({stdout, stderr}) => ({code: 0, stdout, stderr}),
    (error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr})
  )
}

async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  return dir
}

describe('the bundled CLI', () => {
  beforeAll(requireBin)
  it('builds, on worker threads and with the search index, the site the TypeScript sources build', async () => {
    const dir = await project()
    const bundled = await bin(['build', '--out', 'bundled', '--no-cache', '--jobs', '2'], dir)
    expect(bundled.code, bundled.stderr).toBe(0)
    const sources = await runCli(['build', '--out', 'sources', '--no-cache', '--jobs', '1'], dir)
    expect(sources.code, sources.stderr).toBe(0)
    const site = await hashTree(path.join(dir, 'bundled'))
    // Read from templates/ at run time, not bundled.
    expect(Object.keys(site)).toEqual(expect.arrayContaining(['style.css', 'search/search.js', 'index.html']))
    expect(site).toEqual(await hashTree(path.join(dir, 'sources')))
  }, 120_000)

  it('writes a new brief from templates/brief.md', async () => {
    const [bundledDir, sourcesDir] = [await tempDir(), await tempDir()]
    expect((await bin(['new', '2025-11-05'], bundledDir)).code).toBe(0)
    expect((await runCli(['new', '2025-11-05'], sourcesDir)).code).toBe(0)
    const file = path.join('briefs', '2025-11-05-daily-brief.md')
    expect(await readFile(path.join(bundledDir, file), 'utf8')).toBe(await readFile(path.join(sourcesDir, file), 'utf8'))
  })

  it('aligns the report as the sources do, with wide characters in a message (string-width loaded lazily)', async () => {
    const dir = await tempDir()
    expect((await runCli(['new', '2025-11-05'], dir)).code).toBe(0)
    const file = path.join(dir, 'briefs', '2025-11-05-daily-brief.md')
    const text = await readFile(file, 'utf8')
    // A headline without severity, quoted in its message: CJK (two columns each) and an emoji.
    const edited = text.replace(/^\*\*1\. .*$/m, '**1. 比特币 ETF 资金流入 🚀 whales move**').replace(/^category: .*$/m, 'category: crpyto')
    expect(edited).not.toBe(text)
    await writeFile(file, edited)
    const timing = / in \d+(\.\d+)? s$/m
    // Wrapped to a terminal's width, which measures every word.
    const bundled = await bin(['check', 'briefs'], dir, {env: {COLUMNS: '60'}})
    vi.stubEnv('COLUMNS', '60')
    const sources = await runCli(['check', 'briefs'], dir).finally(() => vi.unstubAllEnvs())
    expect(bundled.stderr).toContain('比特币 ETF')
    expect(bundled.stderr.split('\n').length).toBeGreaterThan(10)
    expect(bundled.code).toBe(sources.code)
    expect(bundled.stderr.replace(timing, '')).toBe(sources.stderr.replace(timing, ''))
  })

  it('loads the parser only for commands that parse', async () => {
    // Module hooks (node:module register) log every file Node loads.
    const dir = await project()
    const log = path.join(dir, 'loaded.log')
    await writeFile(path.join(dir, 'hooks.mjs'), `import {appendFileSync} from 'node:fs'\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n')\n  return next(url, context)\n}\n`)
    await writeFile(path.join(dir, 'register.mjs'), `import {register} from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n`)
    const loadsParser = async (argv: string[]) => {
      await writeFile(log, '')
      const result = await bin(argv, dir, {nodeArgs: ['--import', './register.mjs'], env: {BRIEFPRESS_NO_RELAUNCH: '1'}})
      expect(result.code, result.stderr).toBe(0)
      const files = (await readFile(log, 'utf8')).split('\n').filter((url) => url.includes('/dist/bundle/'))
      expect(files.length).toBeGreaterThan(0)
      // esbuild names each bundled package's files in a comment.
      const texts = await Promise.all(files.map((url) => readFile(new URL(url), 'utf8')))
      return texts.some((text) => text.includes('node_modules/micromark/'))
    }
    expect(await loadsParser(['--version'])).toBe(false)
    expect(await loadsParser(['--help'])).toBe(false)
    expect(await loadsParser(['check', 'briefs'])).toBe(true)
  })

  it('keys the cache by every file of the bundle', async () => {
    // An installed copy of the package, whose bundle can be edited.
    const pkg = await tempDir()
    for (const entry of ['package.json', 'templates', path.join('dist', 'bundle')]) await cp(path.join(projectRoot, entry), path.join(pkg, entry), {recursive: true})
    await symlink(path.join(projectRoot, 'node_modules'), path.join(pkg, 'node_modules'))
    const cli = path.join(pkg, 'dist', 'bundle', 'cli.js')
    const dir = await project()
    const build = async () => (await bin(['build', '--no-search'], dir, {cli})).stderr
    expect(await build()).toMatch(/Wrote \d+ pages/)
    expect(await build()).toMatch(/up to date: 8 briefs unchanged/)
    await appendFile(path.join(pkg, 'dist', 'bundle', 'worker.js'), '\n// changed\n')
    expect(await build()).toMatch(/Wrote \d+ pages/)
    expect(await build()).toMatch(/up to date: 8 briefs unchanged/)
  }, 120_000)
})

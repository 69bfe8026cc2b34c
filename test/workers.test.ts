import {execFile} from 'node:child_process'
import {cp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCli} from './helpers.js'
import {binPath, corpusDir, hasShared, projectRoot, requireBin, tempDir} from './helpers.js'

// Workers run the compiled code in dist/ (`npm test` compiles first), so both
// sides of every comparison here run that same code: the bundle (the bin).
const cli = binPath
const run = promisify(execFile)

async function build(dir: string, out: string, extra: string[]): Promise<{code: number; stderr: string}> {
  try {
    const {stderr} = await run(process.execPath, [cli, 'build', '--out', out, '--no-cache', ...extra], {cwd: dir})
    return {code: 0, stderr}
  } catch (error) {
    const failure = error as {code: number; stderr: string}
    return {code: failure.code, stderr: failure.stderr}
  }
}

async function snapshot(site: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(site, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) files.set(path.relative(site, path.join(entry.parentPath, entry.name)), (await readFile(path.join(entry.parentPath, entry.name))).toString('base64'))
  }
  return files
}

async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  if (hasShared) {
    // Real briefs, with their real warnings and errors, beside the sample.
    const names = (await readdir(corpusDir)).filter((name) => name.endsWith('.md')).sort().slice(0, 24)
    for (const name of names) await cp(path.join(corpusDir, name), path.join(dir, 'briefs', 'real', name))
  }
  return dir
}

describe('parallel builds on worker threads', () => {
  beforeAll(requireBin)
  it('--jobs 2 writes a site byte-identical to --jobs 1, with the same diagnostics', async () => {
    const dir = await project()
    const one = await build(dir, 'one', ['--jobs', '1', '--keep-going'])
    const two = await build(dir, 'two', ['--jobs', '2', '--keep-going'])
    expect(two.code).toBe(one.code)
    const normalise = (text: string) => text.replace(/ in \d+\.\d s/g, '').replaceAll('two/', 'OUT/').replaceAll('one/', 'OUT/')
    expect(normalise(two.stderr)).toBe(normalise(one.stderr))
    const a = await snapshot(path.join(dir, 'one'))
    expect(a.size).toBeGreaterThan(10)
    expect(await snapshot(path.join(dir, 'two'))).toEqual(a)
  }, 180_000)

  it('analyses on the requested number of workers and returns the same briefs as in-process analysis', async () => {
    const dir = await project()
    const {runPipeline, SITE_RENDER} = (await import(pathToFileURL(path.join(projectRoot, 'dist', 'src', 'pipeline.js')).href)) as typeof import('../src/pipeline.js')
    const {defaultConfig} = (await import(pathToFileURL(path.join(projectRoot, 'dist', 'src', 'config', 'load.js')).href)) as typeof import('../src/config/load.js')
    const options = {paths: ['briefs'], cwd: dir, config: defaultConfig(), renderStage: SITE_RENDER}
    const serial = await runPipeline({...options, jobs: 1})
    const parallel = await runPipeline({...options, jobs: 2})
    expect(serial.stats.workers).toBe(0)
    expect(parallel.stats.workers).toBe(2)
    const plain = (result: typeof serial) =>
      result.briefs.map((brief) => ({
        path: brief.file.path,
        messages: brief.file.messages.map((message) => ({...message, stack: undefined})),
        frontMatter: brief.frontMatter,
        data: brief.data,
        citations: brief.citations,
        excerpt: brief.excerpt,
        rendered: brief.rendered
      }))
    expect(plain(parallel)).toEqual(plain(serial))
  }, 180_000)

  it('rejects a --jobs that is not a whole number from 1 to 256', async () => {
    const result = await runCli(['check', '--jobs', '0'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Unexpected --jobs 0, expected a whole number from 1 to 256/)
  })

  it('the installed CLI relaunches itself with a larger young generation when there is parsing to do, passing output and exit codes through', async () => {
    const dir = await project()
    await writeFile(path.join(dir, 'briefs', 'broken.md'), '---\ntitle: No date\n---\n\nBody.\n')
    // Every Node process started records its flags (NODE_OPTIONS reaches the relaunched one too).
    const log = path.join(dir, 'processes.log')
    await writeFile(path.join(dir, 'probe.mjs'), `import {appendFileSync} from 'node:fs'\nappendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv) + '\\n')\n`)
    const env = {...process.env, NODE_OPTIONS: `--import=${pathToFileURL(path.join(dir, 'probe.mjs')).href}`}
    const processes = async () => (await readFile(log, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean)
    const compiled = async (argv: string[]) => {
      await rm(log, {force: true})
      return run(process.execPath, [cli, ...argv], {cwd: dir, env}).then(
        ({stdout, stderr}) => ({code: 0, stdout, stderr}),
        (error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr})
      )
    }
    const spawned = await compiled(['check', '--format', 'json', '--no-cache', '--jobs', '1'])
    expect(spawned.code).toBe(1)
    expect(spawned.stdout).toBe((await runCli(['check', '--format', 'json', '--no-cache', '--jobs', '1'], dir)).stdout)
    expect(await processes()).toEqual(['[]', '["--max-semi-space-size=64"]'])
    await rm(path.join(dir, 'briefs', 'broken.md'))
    const built = await compiled(['build', '--jobs', '1'])
    expect(built.code, built.stderr).toBe(0)
    expect(built.stderr).toMatch(/Wrote \d+ pages/)
    // Eight briefs to analyse: a second start-up would cost more than it saves.
    expect(await processes()).toEqual(['[]'])
    // Nothing to do: answered by the first process, with no second start-up.
    const again = await compiled(['build', '--jobs', '1'])
    expect(again.stderr).toMatch(/is up to date/)
    expect(await processes()).toEqual(['[]'])
    // Without the cache every brief is parsed: relaunched.
    expect((await compiled(['build', '--jobs', '1', '--no-cache', '--out', 'cold'])).code).toBe(0)
    expect(await processes()).toHaveLength(2)
    // Fifty new briefs are worth it.
    for (let day = 1; day <= 50; day++) {
      const date = `2025-0${1 + (day % 9)}-${String(1 + (day % 28)).padStart(2, '0')}`
      await writeFile(path.join(dir, 'briefs', `extra-${day}.md`), `---\ntitle: Extra ${day}\ndate: ${date}\ncategory: crypto\n---\n\n## Market Overview\n\nQuiet day ${day}.\n`)
    }
    await compiled(['build', '--jobs', '1', '--keep-going'])
    expect(await processes()).toHaveLength(2)
    // On worker threads the main thread does not parse: no larger young generation, no second start-up.
    const parallel = await compiled(['build', '--jobs', '2', '--no-cache', '--keep-going', '--out', 'parallel'])
    expect(parallel.stderr).toMatch(/Wrote \d+ pages/)
    expect(await processes()).toContain('[]')
    expect(await processes()).not.toContain('["--max-semi-space-size=64"]')
  }, 180_000)
})

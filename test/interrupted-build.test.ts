import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {appendFile, cp, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {beforeAll, describe, expect, it} from 'vitest'
import {binPath, projectRoot, requireBin, tempDir} from './helpers.js'
import {hashTree} from './site-helpers.js'

// Builds killed while they move the new site into place, through the bin
// (signals reach a process, not a function). BRIEFPRESS_TEST_PAUSE_IN_COMMIT
// makes the commit write a marker half-way and sleep, old and new files mixed
// on disk: the test kills the build at that moment.

async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  return dir
}

/** An edit of one brief and a new one: the new site differs from the old in a few dozen files. */
async function change(dir: string): Promise<void> {
  const folder = path.join(dir, 'briefs', '2026', '11')
  await appendFile(path.join(folder, '2026-11-19-daily-brief.md'), '\nA sentence added after the first build.\n')
  const text = await readFile(path.join(folder, '2026-11-20-daily-brief.md'), 'utf8')
  await writeFile(path.join(folder, '2026-11-21-daily-brief.md'), text.replace(/^date: .*$/m, 'date: 2026-11-21').replace(/^title: .*$/m, 'title: "The day after"'))
}

/** The bin, as the build under test runs: the same code, so the same cache and manifest. */
async function bin(dir: string, argv: readonly string[]): Promise<{code: number | null; stderr: string}> {
  const child = spawn(process.execPath, [binPath, ...argv], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const {code} = await exited(child)
  return {code, stderr}
}

function exited(child: ChildProcess): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({code, signal})))
}

async function pausedInCommit(dir: string, args: readonly string[], pauseMs: number) {
  const marker = path.join(dir, 'paused')
  const child = spawn(process.execPath, [binPath, 'build', '--no-search', ...args], {
    cwd: dir,
    stdio: 'ignore',
    env: {...process.env, BRIEFPRESS_TEST_PAUSE_IN_COMMIT: marker, BRIEFPRESS_TEST_PAUSE_MS: String(pauseMs)}
  })
  const exit = exited(child)
  let done = false
  void exit.then(() => (done = true))
  while (!existsSync(marker)) {
    if (done) throw new Error('the build ended before its commit paused')
    await sleep(20)
  }
  expect(readFileSync(marker, 'utf8')).toBe(String(child.pid))
  return {child, exit}
}

/** The old site, and the new one as a clean build writes it. */
async function sites(dir: string, args: readonly string[] = []) {
  const first = await bin(dir, ['build', '--no-search', ...args])
  expect(first.code, first.stderr).toBe(0)
  const old = await hashTree(path.join(dir, 'site'))
  await change(dir)
  const clean = await bin(dir, ['build', '--no-search', '--no-cache', '--out', 'clean'])
  expect(clean.code, clean.stderr).toBe(0)
  return {old, fresh: await hashTree(path.join(dir, 'clean'))}
}

describe('a build interrupted while it moves the new site in', () => {
  beforeAll(requireBin)
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s: the build finishes the move, then ends by the signal; the folder holds the new site whole', async (signal) => {
    const dir = await project()
    const {old, fresh} = await sites(dir)
    const {child, exit} = await pausedInCommit(dir, [], 1500)
    // Half-way: some files moved in, some not yet.
    const mixed = await hashTree(path.join(dir, 'site'))
    expect(mixed).not.toEqual(old)
    expect(mixed).not.toEqual(fresh)
    child.kill(signal)
    expect(await exit).toEqual({code: null, signal})
    expect(await hashTree(path.join(dir, 'site'))).toEqual(fresh)
    expect(existsSync(path.join(dir, '.site-commit.json'))).toBe(false)
  }, 60_000)

  it.each([
    {mode: 'patching the previous site', args: []},
    {mode: 'swapping a new folder in (--no-cache)', args: ['--no-cache']}
  ])('SIGKILL while $mode: the next build completes the move before anything else', async ({args}) => {
    const dir = await project()
    const {old, fresh} = await sites(dir, args)
    const {child, exit} = await pausedInCommit(dir, args, 30_000)
    child.kill('SIGKILL')
    expect((await exit).signal).toBe('SIGKILL')
    // Left as the kill found it: a mix (patch) or no folder at all (swap).
    const site = path.join(dir, 'site')
    if (existsSync(site)) expect(await hashTree(site)).not.toEqual(old)
    // The next build fails on a broken brief and writes nothing, but first completes the killed build's commit.
    await writeFile(path.join(dir, 'briefs', 'broken.md'), '---\ntitle: No date\n---\n\nBody.\n')
    const next = await bin(dir, ['build', '--no-search', ...args])
    expect(next.code, next.stderr).toBe(1)
    expect(next.stderr).toMatch(/Not writing site\//)
    expect(await hashTree(site)).toEqual(fresh)
    await rm(path.join(dir, 'briefs', 'broken.md'))
    const after = await bin(dir, ['build', '--no-search', ...args])
    expect(after.code, after.stderr).toBe(0)
    expect(await hashTree(site)).toEqual(fresh)
  }, 90_000)
})

/** The pids of `pid`'s children, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
  return text ? text.split(/\s+/).map(Number) : []
}

/** Alive and not a zombie (an orphan's exit may wait to be reaped by a container's init). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

describe.skipIf(!existsSync(`/proc/${process.pid}/task/${process.pid}/children`))('a one-thread build relaunched with a larger young generation', () => {
  beforeAll(requireBin)
  /** Sixty briefs and a running `build --jobs 1 --no-cache` (relaunched to parse them), with its child's pid. */
  async function relaunchedBuild() {
    const dir = await project()
    const text = await readFile(path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md'), 'utf8')
    for (let day = 0; day < 60; day++) {
      const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
      await writeFile(path.join(dir, 'briefs', `${date}.md`), text.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*$/m, `title: "Brief of ${date}"`))
    }
    const parent = spawn(process.execPath, [binPath, 'build', '--jobs', '1', '--no-cache', '--no-search', '--keep-going'], {cwd: dir, stdio: 'ignore'})
    const exit = exited(parent)
    let children: number[] = []
    for (let tries = 0; children.length === 0 && tries < 500; tries++) {
      await sleep(20)
      children = childrenOf(parent.pid!)
    }
    expect(children).toHaveLength(1)
    return {dir, parent, exit, child: children[0]!}
  }

  async function expectGone(pid: number): Promise<void> {
    for (let tries = 0; isRunning(pid) && tries < 250; tries++) await sleep(20)
    expect(isRunning(pid)).toBe(false)
  }

  it.each(['SIGKILL', 'SIGTERM', 'SIGINT'] as const)('%s to the parent alone: the child ends too, and never writes the site', async (signal) => {
    const {dir, parent, exit, child} = await relaunchedBuild()
    parent.kill(signal)
    expect((await exit).signal).toBe(signal)
    await expectGone(child)
    await sleep(500)
    expect(existsSync(path.join(dir, 'site'))).toBe(false)
  }, 60_000)
})

import {spawnSync} from 'node:child_process'
import {cp, readFile, writeFile} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lockFileOf, lockOutDir, OutDirLockedError} from '../src/write/out-lock.js'
import {projectRoot, runCli, tempDir} from './helpers.js'
import {hashTree} from './site-helpers.js'

/** Two builds into one `--out` never interleave: the second waits for the first (src/write/out-lock.ts). */
describe('the output folder lock', () => {
  it('makes a second build into the same folder wait, and the site ends as one clean build makes it', async () => {
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    const build = (out: string, ...flags: string[]) => runCli(['build', '--out', out, '--no-search', ...flags], dir)
    const [first, second] = await Promise.all([build('site'), build('site')])
    expect([first.code, second.code]).toEqual([0, 0])
    const waited = [first, second].filter((result) => result.stderr.includes('Waiting for another build (process '))
    expect(waited).toHaveLength(1)
    expect(waited[0]!.stderr).toContain(`writing site/ to finish`)
    expect(existsSync(lockFileOf(path.join(dir, 'site')))).toBe(false)
    expect((await build('clean', '--no-cache')).code).toBe(0)
    expect(await hashTree(path.join(dir, 'site'))).toEqual(await hashTree(path.join(dir, 'clean')))
  }, 60_000)

  it('takes over the lock of a build that is gone (killed), without waiting', async () => {
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    const gone = spawnSync(process.execPath, ['-e', '']).pid!
    await writeFile(lockFileOf(path.join(dir, 'site')), `${gone} 0123456789abcdef\n`)
    const result = await runCli(['build', '--out', 'site', '--no-search'], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('Waiting')
    expect(existsSync(lockFileOf(path.join(dir, 'site')))).toBe(false)
  }, 60_000)

  it('gives up after its timeout with a clear message, and releases only its own lock', async () => {
    const dir = await tempDir()
    const out = path.join(dir, 'site')
    const release = await lockOutDir(out)
    const holder = (await readFile(lockFileOf(out), 'utf8')).split(' ')[0]
    let told: string | undefined
    const error = await lockOutDir(out, {timeoutMs: 300, pollMs: 20, outName: 'site/', onWait: (pid) => (told = pid)}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OutDirLockedError)
    expect(told).toBe(holder)
    expect((error as Error).message).toBe(`another build (process ${holder}) has been writing site/ for over 0 s; not writing. If no build is running, delete ${lockFileOf(out)} and build again.`)
    await release()
    expect(existsSync(lockFileOf(out))).toBe(false)
    // Released: the next one takes it at once.
    const next = await lockOutDir(out, {timeoutMs: 0})
    await release()
    expect(existsSync(lockFileOf(out))).toBe(true)
    await next()
    expect(existsSync(lockFileOf(out))).toBe(false)
  })
})

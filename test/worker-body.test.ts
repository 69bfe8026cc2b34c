import {execFile} from 'node:child_process'
import {cp, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, it} from 'vitest'
import {binPath, corpusDir, hasShared, projectRoot, requireBin, tempDir} from './helpers.js'

// Workers run the compiled code: the bundle, through the bin (`npm test` builds it first).
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

describe('rendered bodies written by the workers', () => {
  beforeAll(requireBin)
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

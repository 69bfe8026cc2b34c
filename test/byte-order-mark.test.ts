import {cp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot, runCli, tempDir} from './helpers.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

describe('a byte-order mark added to or removed from a brief', () => {
  it('is a change: the cached build reports what a clean build reports, from the pack too', async () => {
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    const folder = path.join(dir, 'briefs', '2026', '11')
    const [first, second] = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort()
    const [marked, other] = [path.join(folder, first!), path.join(folder, second!)]
    const build = () => runCli(['build', '--out', 'site', '--format', 'json', '--no-search'], dir)
    const clean = async () => {
      await rm(path.join(dir, 'clean'), {recursive: true, force: true})
      return runCli(['build', '--out', 'clean', '--format', 'json', '--no-search', '--no-cache'], dir)
    }
    // Stats recorded 2 s after the last write are trusted: briefs then come from the pack.
    const settle = () => sleep(2_100)
    await settle()
    expect((await build()).stdout).not.toContain('byte-order-mark')

    const text = await readFile(marked)
    await writeFile(marked, Buffer.concat([BOM, text]))
    const added = await build()
    expect(added.stderr).toMatch(/Wrote \d+ pages/)
    expect(added.stdout).toContain('byte-order-mark')
    expect(added.stdout).toBe((await clean()).stdout)

    // Another brief edited: the marked one comes from the pack, with its mark's message.
    await settle()
    await writeFile(other, `${await readFile(other, 'utf8')}\nOne more line.\n`)
    const fromPack = await build()
    expect(fromPack.stdout).toContain('byte-order-mark')
    expect(fromPack.stdout).toBe((await clean()).stdout)

    await settle()
    await writeFile(marked, text)
    const removed = await build()
    expect(removed.stderr).toMatch(/Wrote \d+ pages/)
    expect(removed.stdout).not.toContain('byte-order-mark')
    expect(removed.stdout).toBe((await clean()).stdout)
  })
})

import {existsSync, statSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {writeAtomically} from '../src/write/atomic-site.js'
import {tempDir} from './helpers.js'

/** A previous site with `count` day folders of two files each. */
async function previousSite(root: string, count: number): Promise<{dir: string; files: string[]}> {
  const dir = path.join(root, 'previous')
  const files: string[] = []
  for (let day = 1; day <= count; day++) {
    const folder = `2026/11/${String(day).padStart(2, '0')}/`
    await mkdir(path.join(dir, folder), {recursive: true})
    for (const name of ['index.html', 'brief.json']) {
      await writeFile(path.join(dir, folder, name), `${folder}${name}\n`)
      files.push(`${folder}${name}`)
    }
  }
  return {dir, files}
}

const from = (dir: string, files: readonly string[]) => files.map((file) => ({path: file, source: path.join(dir, file)}))

describe('the atomic writer reusing files of the previous site', () => {
  it('hard-links every file into its folder of the new site', async () => {
    const root = await tempDir()
    const previous = await previousSite(root, 30)
    const site = path.join(root, 'site')
    const reused = await writeAtomically(site, (writer) => writer.reuse(from(previous.dir, previous.files)))
    expect(reused).toBe(true)
    for (const file of previous.files) {
      expect(await readFile(path.join(site, file), 'utf8')).toBe(`${file}\n`)
      expect((await stat(path.join(site, file))).ino).toBe((await stat(path.join(previous.dir, file))).ino)
    }
  })

  it('is all or nothing: when one file cannot be had, none is left and the caller writes them all', async () => {
    const root = await tempDir()
    const previous = await previousSite(root, 3)
    await rm(path.join(previous.dir, previous.files[3]!))
    const site = path.join(root, 'site')
    await writeAtomically(site, async (writer) => {
      expect(await writer.reuse(from(previous.dir, previous.files))).toBe(false)
      // None of the files linked before the missing one is left in the new site.
      const left = (await readdir(writer.tempDir, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())
      expect(left).toEqual([])
      // So the caller can write every one of them (`wx`: a file left behind would make this throw).
      for (const file of previous.files) await writer.write(file, 'written anew\n')
    })
    for (const file of previous.files) expect(await readFile(path.join(site, file), 'utf8')).toBe('written anew\n')
  })

  const otherDevice = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(os.tmpdir()).dev
  it.skipIf(!otherDevice)('copies a file that cannot be linked (another filesystem)', async () => {
    const shm = await mkdtemp('/dev/shm/briefpress-test-')
    try {
      const previous = await previousSite(shm, 2)
      const site = path.join(await tempDir(), 'site')
      expect(await writeAtomically(site, (writer) => writer.reuse(from(previous.dir, previous.files)))).toBe(true)
      for (const file of previous.files) {
        expect(await readFile(path.join(site, file), 'utf8')).toBe(`${file}\n`)
        expect((await stat(path.join(site, file))).ino).not.toBe((await stat(path.join(previous.dir, file))).ino)
      }
    } finally {
      await rm(shm, {recursive: true, force: true})
    }
  })

  it('refuses a path outside the site', async () => {
    const root = await tempDir()
    const previous = await previousSite(root, 1)
    await expect(writeAtomically(path.join(root, 'site'), (writer) => writer.reuse([{path: '../escaped.html', source: path.join(previous.dir, previous.files[0]!)}]))).rejects.toThrow(/outside the site/)
    expect(existsSync(path.join(root, 'escaped.html'))).toBe(false)
  })
})

import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {PartlyWrittenSiteError, writeAtomically} from '../src/write/atomic-site.js'
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

describe('the atomic writer replacing the site', () => {
  it('takes no file from elsewhere: reuse says no, and the caller writes them', async () => {
    const root = await tempDir()
    const previous = await previousSite(root, 3)
    const site = path.join(root, 'site')
    await writeAtomically(site, async (writer) => {
      expect(await writer.reuse(from(previous.dir, previous.files))).toBe(false)
      // Nothing was taken, so the caller can write every one (`wx`: a file left behind would make this throw).
      for (const file of previous.files) await writer.write(file, 'written anew\n')
    })
    for (const file of previous.files) expect(await readFile(path.join(site, file), 'utf8')).toBe('written anew\n')
  })

  it('refuses a path outside the site', async () => {
    const root = await tempDir()
    await expect(writeAtomically(path.join(root, 'site'), (writer) => writer.write('../escaped.html', 'out\n'))).rejects.toThrow(/outside the site/)
    expect(existsSync(path.join(root, 'escaped.html'))).toBe(false)
  })
})

describe('the atomic writer patching the previous site in place', () => {
  /** A built site (with its marker) and the list of its files, as the build's site stamp knows them. */
  async function builtSite(count: number): Promise<{site: string; files: string[]}> {
    const root = await tempDir()
    const previous = await previousSite(root, count)
    const site = path.join(root, 'site')
    await writeAtomically(site, async (writer) => {
      for (const file of previous.files) await writer.write(file, `${file}\n`)
    })
    const files = (await readdir(site, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile()).map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)))
    return {site, files}
  }

  it('keeps reused files where they are, moves new and changed ones in, and removes the rest with their emptied folders', async () => {
    const {site, files} = await builtSite(4)
    const inodes = async () => Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await stat(path.join(site, file)).catch(() => undefined))?.ino] as const)))
    const before = await inodes()
    const folder = (await stat(site)).ino
    await writeAtomically(
      site,
      async (writer) => {
        expect(writer.patching).toBe(true)
        // Days 1 and 2 unchanged; day 3 changed; day 4 gone; day 5 new.
        expect(await writer.reuse(from(site, files.filter((file) => /\/0[12]\//.test(file))))).toBe(true)
        expect(writer.sourcePath('2026/11/01/index.html')).toBe(path.join(site, '2026/11/01/index.html'))
        await writer.write('2026/11/03/index.html', 'changed\n')
        expect(await readFile(writer.sourcePath('2026/11/03/index.html'), 'utf8')).toBe('changed\n')
        await writer.write('2026/11/05/index.html', 'new\n')
        // A file where a folder was, as a renamed output could have it.
        await writer.write('2026/11/04', 'a file now\n')
        // A tool (Pagefind) writes its files under their site paths.
        await mkdir(path.join(writer.treeDir, 'pagefind', 'fragment'), {recursive: true})
        await writeFile(path.join(writer.treeDir, 'pagefind', 'fragment', 'one.pf_fragment'), 'index\n')
        // Written pages wait side by side, not in a copy of the site's folders (removing folders is slow).
        const waiting = await readdir(writer.tempDir, {withFileTypes: true})
        expect(waiting.filter((entry) => entry.isDirectory()).map((entry) => entry.name)).toEqual(['tree'])
      },
      files
    )
    const after = await inodes()
    expect((await stat(site)).ino).toBe(folder)
    for (const file of files.filter((file) => /\/0[12]\//.test(file))) expect(after[file]).toBe(before[file])
    expect(await readFile(path.join(site, '2026/11/03/index.html'), 'utf8')).toBe('changed\n')
    expect(await readFile(path.join(site, '2026/11/05/index.html'), 'utf8')).toBe('new\n')
    expect(await readFile(path.join(site, '2026/11/04'), 'utf8')).toBe('a file now\n')
    // Not written again: gone, and so is its folder once empty.
    expect(existsSync(path.join(site, '2026/11/03/brief.json'))).toBe(false)
    const left = (await readdir(site, {recursive: true})).sort()
    expect(left).toEqual(['.briefpress-site', '2026', '2026/11', '2026/11/01', '2026/11/01/brief.json', '2026/11/01/index.html', '2026/11/02', '2026/11/02/brief.json', '2026/11/02/index.html', '2026/11/03', '2026/11/03/index.html', '2026/11/04', '2026/11/05', '2026/11/05/index.html', 'pagefind', 'pagefind/fragment', 'pagefind/fragment/one.pf_fragment'])
    expect((await readdir(path.dirname(site))).filter((name) => name.startsWith('.site-build-'))).toEqual([])
  })

  it('leaves the previous site exactly as it was when the build fails', async () => {
    const {site, files} = await builtSite(2)
    const read = async () => Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(site, file), 'utf8')] as const)))
    const before = await read()
    await expect(
      writeAtomically(
        site,
        async (writer) => {
          await writer.write('2026/11/01/index.html', 'half-written\n')
          throw new Error('a page failed')
        },
        files
      )
    ).rejects.toThrow('a page failed')
    expect(await read()).toEqual(before)
    expect((await readdir(path.dirname(site))).filter((name) => name.startsWith('.site-build-'))).toEqual([])
  })

  it('says so when a patch fails half-way, and leaves its temporary folder for the next build to see', async () => {
    const {site, files} = await builtSite(1)
    await expect(
      writeAtomically(
        site,
        async (writer) => {
          await writer.write('2026/11/02/index.html', 'moved in before the failure\n')
          // Kept as a file, yet asked to be a folder: the move into the site fails.
          await writer.reuse(from(site, ['2026/11/01/index.html']))
          await writer.write('2026/11/01/index.html/page.html', 'cannot go there\n')
        },
        files
      )
    ).rejects.toThrow(PartlyWrittenSiteError)
    expect((await readdir(path.dirname(site))).filter((name) => name.startsWith('.site-build-'))).toHaveLength(1)
  })

  it('refuses to write a file it kept from the previous site', async () => {
    const {site, files} = await builtSite(1)
    await expect(
      writeAtomically(
        site,
        async (writer) => {
          await writer.reuse(from(site, files.filter((file) => file.endsWith('index.html'))))
          await writer.write('2026/11/01/index.html', 'twice\n')
        },
        files
      )
    ).rejects.toThrow(/already taken from the previous site/)
  })
})

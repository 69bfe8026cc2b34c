/**
 * The red-team battery of issue 17, one test per attack (README, "What a
 * hostile archive was tried with"): each ends as a located message or a
 * clear error, and no output is ever wrong.
 */
import {execFileSync} from 'node:child_process'
import {cp, mkdir, readdir, readFile, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {describeWriteError} from '../src/write/write-errors.js'
import {checkJson, fixtures, runCli, tempDir} from './helpers.js'

const CONFIG = {requiredSections: [], categories: ['crypto', 'Macro & ETFs']}

/** The pages fixture (5 briefs) in a fresh folder, with `extra` briefs beside them. */
async function archive(extra: Record<string, string> = {}) {
  const dir = await tempDir()
  await cp(path.join(fixtures, 'pages', 'archive'), path.join(dir, 'briefs'), {recursive: true})
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify(CONFIG))
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(dir, 'briefs', name), text)
  return dir
}

/** Every file under `dir` with its bytes, by relative path. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const name of (await readdir(dir, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())) {
    const full = path.join(name.parentPath, name.name)
    files.set(path.relative(dir, full), (await readFile(full)).toString('base64'))
  }
  return files
}

const brief = (date: string, body: string, extraFront = '') => `---\ntitle: "Brief of ${date}"\ndate: ${date}\ncategory: crypto\n${extraFront}---\n\n${body}`

describe('the cache', () => {
  it('treats a flipped byte in any entry as a miss: the output is that of a clean build, and so is the next', async () => {
    const dir = await archive()
    expect((await runCli(['build', '--no-search', '--no-cache', '--out', 'clean'], dir)).code).toBe(0)
    expect((await runCli(['build', '--no-search', '--out', 'site'], dir)).code).toBe(0)
    const clean = await snapshot(path.join(dir, 'clean'))
    // A letter or a space in the middle of every file of the cache, each still deserialisable more often than not.
    const cache = path.join(dir, '.briefpress-cache')
    const entries = (await readdir(cache, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())
    expect(entries.length).toBeGreaterThan(5)
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name)
      const bytes = await readFile(file)
      const at = bytes.findIndex((byte, index) => index > bytes.length * 0.3 && (byte === 0x20 || (byte >= 0x61 && byte <= 0x7a)))
      bytes[at] = bytes[at] === 0x20 ? 0x24 : bytes[at] === 0x78 ? 0x79 : 0x78
      await writeFile(file, bytes)
    }
    // Into the same folder (its manifest damaged too), and into a new one, which reads every entry; then again.
    for (const out of ['site', 'fresh', 'fresh']) {
      const result = await runCli(['build', '--no-search', '--out', out], dir)
      expect(result.code, `${out}: ${result.stderr}`).toBe(0)
      expect(await snapshot(path.join(dir, out)), out).toEqual(clean)
    }
  }, 120_000)
})

describe('what a brief holds', () => {
  it('keeps citation URLs with parentheses whole in brief.json and on the page', async () => {
    const url = 'https://en.wikipedia.org/wiki/Bitcoin_(disambiguation)'
    const dir = await archive({'2026-01-09.md': brief('2026-01-09', `## Market Overview\n\nBitcoin at $90,000.[^1]\n\n[^1]: ${url}\n`)})
    expect((await runCli(['build', '--no-search', '--keep-going'], dir)).code).toBeLessThan(2)
    const data = JSON.parse(await readFile(path.join(dir, 'site', '2026', '01', '09', 'brief.json'), 'utf8')) as {citations: Array<{url: string}>}
    expect(data.citations.map((citation) => citation.url)).toEqual([url])
  })

  it('never prints a raw control character, in any format: a terminal title escape in a front-matter key', async () => {
    const dir = await archive({'2026-01-09.md': brief('2026-01-09', '## Market Overview\n\nBitcoin at $90,000.\n', '"\\e]0;pwned\\a\\x9b31m": x\n')})
    for (const format of ['pretty', 'github', 'json']) {
      const result = await runCli(['check', 'briefs', '--format', format], dir)
      const printed = result.stdout + result.stderr
      expect(printed, format).toContain('pwned')
      // eslint-disable-next-line no-control-regex
      expect(printed.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? [], format).toEqual([])
    }
  })

  it('says so of a symbolic link, at line 1, and does not read or publish it', async () => {
    const outside = await tempDir()
    await writeFile(path.join(outside, 'secret.md'), brief('2026-01-09', 'Not for the site.\n'))
    const dir = await archive()
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'briefs', '2026-01-09.md'))
    const {report} = await checkJson(['briefs'], dir)
    expect(report.messages.filter((message) => message.file === 'briefs/2026-01-09.md').map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:1 symbolic-link'])
    await runCli(['build', '--no-search', '--keep-going'], dir)
    expect(await readdir(path.join(dir, 'site', '2026', '01'))).not.toContain('09')
  })

  it('builds briefs with spaces, `#`, `%` and non-ASCII letters in their file names', async () => {
    const dir = await archive({'2026-01-09 draft #1 100% ü.md': brief('2026-01-09', '## Market Overview\n\nBitcoin at $90,000.\n')})
    const result = await runCli(['build', '--no-search'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(await readdir(path.join(dir, 'site', '2026', '01', '09'))).toContain('index.html')
  })
})

describe('builds', () => {
  it('after --keep-going, "up to date" says how many of the briefs read are published', async () => {
    const dir = await archive({'2026-01-20.md': '---\ntitle: Broken\ndate: nope\ncategory: crypto\n---\n\nx\n'})
    const first = await runCli(['build', '--no-search', '--keep-going'], dir)
    expect(first.stderr).toMatch(/\(5 briefs\).*skipped 1 broken brief: briefs\/2026-01-20\.md/)
    const second = await runCli(['build', '--no-search', '--keep-going'], dir)
    expect(second.stderr).toMatch(/^site\/ is up to date: 6 briefs unchanged since the last build, 5 of them published \(/m)
  })
})

/** A small tmpfs at `folder` (root only, as on the development machine); false where mounting is not allowed. */
function mountTmpfs(folder: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

describe('an output folder that cannot be written', () => {
  const errno = (code: string, syscall: string, where: string) => Object.assign(new Error(`${code}: ${syscall} '${where}'`), {code, syscall, path: where})

  it('names the cause in words, then the system message', () => {
    expect(describeWriteError(errno('ENOSPC', 'write', '/out/a.html'))).toBe("the disk is full at /out/a.html (ENOSPC: write '/out/a.html')")
    expect(describeWriteError(errno('EACCES', 'open', '/out/a.html'))).toMatch(/^permission denied .* at \/out\/a\.html/)
    expect(describeWriteError(errno('EROFS', 'mkdir', '/out'))).toMatch(/^the file system is read-only at \/out/)
    expect(describeWriteError(new Error('something else'))).toBe('something else')
  })

  it('says a part of the path is a file, and exits 2 with the previous site unchanged', async () => {
    const dir = await archive()
    await writeFile(path.join(dir, 'afile'), '')
    const result = await runCli(['build', '--no-search', '--out', 'afile/site'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/could not write afile\/site\/: a part of the path is a file, not a folder at /)
  })

  it('says the file system is read-only, or the disk is full, where a tmpfs can be mounted', async (context) => {
    const dir = await archive()
    const readOnly = path.join(dir, 'ro')
    const full = path.join(dir, 'full')
    await mkdir(readOnly)
    await mkdir(full)
    if (!mountTmpfs(readOnly, 'ro,size=1m')) return context.skip()
    try {
      const refused = await runCli(['build', '--no-search', '--out', 'ro/site'], dir)
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/could not write ro\/site\/: the file system is read-only at /)
      expect(mountTmpfs(full, 'size=64k')).toBe(true)
      const result = await runCli(['build', '--no-search', '--out', 'full/site'], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/could not write full\/site\/: the disk is full/)
      // Nothing half-written is left behind.
      expect(await readdir(full)).toEqual([])
    } finally {
      for (const folder of [readOnly, full]) {
        try {
          execFileSync('umount', [folder], {stdio: 'ignore'})
        } catch {
          // Not mounted.
        }
      }
    }
  })
})

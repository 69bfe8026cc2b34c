import {writeFile, mkdir} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, runCli, tempDir} from './helpers.js'

const clean = path.join(fixtures, 'front-matter', 'valid.md')
const broken = path.join(fixtures, 'front-matter', 'invalid.md')

/** A folder with one brief that has only a warning (an unknown key). */
async function warningOnly(): Promise<string> {
  const dir = await tempDir(path.join(fixtures, 'front-matter'))
  await writeFile(path.join(dir, 'warn.md'), (await import('node:fs')).readFileSync(clean, 'utf8').replace('layout: post', 'layuot: post'))
  return dir
}

describe('exit codes', () => {
  it('is 0 when clean, 1 with content errors', async () => {
    expect((await runCli(['check', clean])).code).toBe(0)
    expect((await runCli(['check', broken])).code).toBe(1)
  })

  it('is 0 with warnings only, and 1 with --frail', async () => {
    const dir = await warningOnly()
    const plain = await runCli(['check', 'warn.md'], dir)
    expect(plain.stderr).toContain('unknown-front-matter-key')
    expect(plain.code).toBe(0)
    expect((await runCli(['check', 'warn.md', '--frail'], dir)).code).toBe(1)
  })

  it('is 2 for usage errors, with a pointer to --help and no stack trace', async () => {
    for (const argv of [['check', '--nope'], ['check', '--format', 'xml', clean], ['frobnicate'], ['check', 'no/such/folder'], ['build', 'stray-positional'], []]) {
      const result = await runCli(argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /)
    }
    const unknown = await runCli(['check', '--nope'])
    expect(unknown.stderr).toContain("Unknown option '--nope'")
    expect(unknown.stderr).toContain('briefpress check --help')
    expect((await runCli(['frobnicate'])).stderr).toContain('unknown command `frobnicate`, expected one of')
    // A mistyped command gets a did-you-mean.
    const typo = await runCli(['chek'])
    expect(typo.stderr).toContain('unknown command `chek` (did you mean `check`?)')
    expect(typo.code).toBe(2)
    expect((await runCli(['check', '--frial'])).stderr).toMatch(/Unknown option '--frial'.*\(did you mean `--frail`\?\)/)
    expect((await runCli(['check', '--format', 'xml', clean])).stderr).toContain('expected one of pretty, json, github')
  })

  it('is 2 for a bad config file', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'briefpress.config.json'), '{"categories": "crypto"}')
    const result = await runCli(['check', clean], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('categories')
  })
})

describe('help', () => {
  it('prints help for the tool and for each command, exit 0', async () => {
    const top = await runCli(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toContain('Usage: briefpress <command>')
    for (const command of ['check', 'build']) {
      const result = await runCli([command, '--help'])
      expect(result.code, command).toBe(0)
      expect(result.stdout).toContain(`Usage: briefpress ${command}`)
      expect(result.stdout).toContain('--format <pretty|json|github|sarif>')
      expect(result.stdout).toContain('--frail')
    }
  })
})

describe('closing line', () => {
  it('counts briefs, errors and warnings and the time taken', async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'briefs', 'nested'), {recursive: true})
    const {readFileSync} = await import('node:fs')
    await writeFile(path.join(dir, 'briefs', 'a.md'), readFileSync(clean, 'utf8'))
    await writeFile(path.join(dir, 'briefs', 'nested', 'b.md'), readFileSync(broken, 'utf8'))
    await writeFile(path.join(dir, 'briefs', 'notes.txt'), 'not a brief')
    const result = await runCli(['check'], dir)
    expect(result.code).toBe(1)
    // invalid.md: 4 errors (title, date, category, tags) and 1 warning (titel), plus any content warnings.
    expect(result.stderr).toMatch(/^Checked 2 briefs: 4 errors, \d+ warnings? in \d+\.\d s$/m)
  })
})

import {execFileSync} from 'node:child_process'
import {appendFile, copyFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {formatGithub} from '../src/index.js'
import {ANNOTATION_LIMITS} from '../src/report/github.js'
import {checkJson, fixtures, runCli, tempDir} from './helpers.js'

/** `count` messages of each severity in `name`. */
function file(name: string, counts: {errors?: number; warnings?: number; infos?: number}): VFile {
  const vfile = new VFile({path: name, value: 'x\n'.repeat(100)})
  let line = 1
  const add = (n: number, fatal: boolean | undefined) => {
    for (let index = 0; index < n; index++) vfile.message(`Problem ${line}`, {place: {line, column: 1}, ruleId: 'some-rule', source: 'briefpress'}).fatal = fatal
    line++
  }
  add(counts.errors ?? 0, true)
  add(counts.warnings ?? 0, false)
  add(counts.infos ?? 0, undefined)
  return vfile
}

const annotations = (output: string, kind: string) => output.split('\n').filter((line) => line.startsWith(`::${kind} file=`))

describe('--format github within GitHub’s annotation limits', () => {
  it('annotates everything, with no summary line, while within the limits', () => {
    const output = formatGithub([file('a.md', {errors: 10, warnings: 10, infos: 10})])
    expect(annotations(output, 'error')).toHaveLength(10)
    expect(annotations(output, 'warning')).toHaveLength(10)
    expect(annotations(output, 'notice')).toHaveLength(10)
    expect(output.trim().split('\n')).toHaveLength(30)
  })

  it('past the limits, annotates the first, logs the rest as plain lines and says so in one summary line', () => {
    const output = formatGithub([file('a.md', {errors: 12, warnings: 25, infos: 3}), file('b.md', {warnings: 1})])
    const lines = output.trim().split('\n')
    expect(annotations(output, 'error')).toHaveLength(ANNOTATION_LIMITS.error)
    expect(annotations(output, 'warning')).toHaveLength(ANNOTATION_LIMITS.warning)
    expect(annotations(output, 'notice')).toHaveLength(3)
    const logged = lines.filter((line) => !line.startsWith('::'))
    expect(logged).toHaveLength(2 + 16)
    expect(logged).toContain('a.md:1:1: error: Problem 1 [some-rule]')
    expect(logged).toContain('b.md:2:1: warning: Problem 2 [some-rule]')
    const summaries = lines.filter((line) => line.startsWith('::notice title='))
    expect(summaries).toEqual([
      "::notice title=briefpress::18 messages not annotated: GitHub shows at most 10 errors, 10 warnings and 10 notices per step; they are listed in this step's log"
    ])
    // Every message is either annotated or logged: none is dropped.
    expect(lines.length - summaries.length).toBe(12 + 25 + 3 + 1)
  })

  it('with a set of changed files, annotates only those and counts the rest in one line', () => {
    const files = [file('a.md', {errors: 1, warnings: 2}), file('b.md', {warnings: 3}), file('c.md', {infos: 1}), file('d.md', {})]
    const output = formatGithub(files, {cwd: '/repo', changed: new Set(['/repo/a.md', '/repo/d.md'])})
    const lines = output.trim().split('\n')
    expect(lines.filter((line) => line.startsWith('::') && !line.startsWith('::notice title='))).toHaveLength(3)
    expect(lines.every((line) => !line.includes('file=b.md') && !line.includes('file=c.md'))).toBe(true)
    expect(lines.at(-1)).toBe('::notice title=briefpress::4 more messages in 2 unchanged files')
  })

  it('leaves the summary line a notice’s place when notices fill their limit', () => {
    const output = formatGithub([file('a.md', {infos: 10}), file('b.md', {errors: 1})], {cwd: '/r', changed: new Set(['/r/a.md'])})
    expect(annotations(output, 'notice')).toHaveLength(9)
    expect(output.trim().split('\n').at(-1)).toBe(
      "::notice title=briefpress::1 more message in 1 unchanged file; 1 message of changed files not annotated: GitHub shows at most 10 errors, 10 warnings and 10 notices per step; they are listed in this step's log"
    )
  })
})

describe('check --format github --changed-since / --files', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=test', ...args], {cwd, stdio: 'pipe'}).toString()

  async function repository(): Promise<string> {
    const dir = await tempDir(path.join(fixtures, 'front-matter'))
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'briefs')
    return dir
  }

  it('annotates the files changed since a ref (committed, uncommitted and new) and sums up the others', async () => {
    const dir = await repository()
    git(dir, 'checkout', '-q', '-b', 'topic')
    await appendFile(path.join(dir, 'invalid.md'), '\nOne more line.\n')
    git(dir, 'commit', '-q', '-am', 'edit')
    await appendFile(path.join(dir, 'news-article.md'), '\nUncommitted.\n')
    await copyFile(path.join(dir, 'missing-keys.md'), path.join(dir, 'new.md'))
    const result = await runCli(['check', '.', '--format', 'github', '--changed-since', 'main'], dir)
    const {report} = await checkJson(['.'], dir)
    const annotated = new Set([...result.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((match) => match[1]))
    expect(annotated).toEqual(new Set(['invalid.md', 'news-article.md', 'new.md']))
    const others = report.messages.filter((message) => !annotated.has(message.file))
    const otherFiles = new Set(others.map((message) => message.file))
    expect(otherFiles.size).toBeGreaterThan(0)
    expect(result.stdout).toContain(`::notice title=briefpress::${others.length} more messages in ${otherFiles.size} unchanged files`)
  })

  it('annotates the files given by --files or --files-from', async () => {
    const dir = await repository()
    await writeFile(path.join(dir, 'list.txt'), 'invalid.md\n\nnews-article.md\n')
    for (const argv of [['--files', 'invalid.md,news-article.md'], ['--files-from', 'list.txt']]) {
      const result = await runCli(['check', '.', '--format', 'github', ...argv], dir)
      expect(result.code).toBe(1)
      const annotated = new Set([...result.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((match) => match[1]))
      expect(annotated).toEqual(new Set(['invalid.md', 'news-article.md']))
      expect(result.stdout).toMatch(/^::notice title=briefpress::\d+ more messages? in \d+ unchanged files?$/m)
    }
  })

  it('refuses the options with another format, and a ref git does not know', async () => {
    const dir = await repository()
    const json = await runCli(['check', '.', '--format', 'json', '--files', 'a.md'], dir)
    expect(json.code).toBe(2)
    expect(json.stderr).toContain('Unexpected --files with --format json, expected --format github')
    const unknown = await runCli(['check', '.', '--format', 'github', '--changed-since', 'no-such-branch'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/Cannot list the files changed since `no-such-branch`: git merge-base said: .*fetch-depth: 0/)
  })
})

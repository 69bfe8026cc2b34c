import path from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {describe, expect, it} from 'vitest'
import {formatPretty} from '../src/report/format.js'
import {fixtures, runCli} from './helpers.js'

const dir = path.join(fixtures, 'front-matter')

describe('--format', () => {
  it('json lists every message with its place, severity, rule and text', async () => {
    const result = await runCli(['check', 'invalid.md', '--format', 'json'], dir)
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    const category = report.messages.find((message: {ruleId: string}) => message.ruleId === 'unknown-category')
    expect(category).toMatchObject({
      file: 'invalid.md',
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 17,
      severity: 'error',
      ruleId: 'unknown-category',
      message: 'Unexpected category `crpyto`, expected `crypto` (did you mean `crypto`?)'
    })
    expect(report.messages.find((message: {ruleId: string}) => message.ruleId === 'unknown-front-matter-key')).toMatchObject({line: 6, column: 1, severity: 'warning'})
    for (const message of report.messages) {
      expect(Object.keys(message)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message']))
      expect(['error', 'warning', 'info']).toContain(message.severity)
    }
    expect(report.counts.errors).toBe(report.messages.filter((message: {severity: string}) => message.severity === 'error').length)
    // The closing line goes to stderr, so stdout stays parseable.
    expect(result.stderr).toMatch(/Checked 1 brief: 4 errors/)
  })

  it('github prints workflow commands that become annotations', async () => {
    const result = await runCli(['check', 'invalid.md', '--format', 'github'], dir)
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toContain('::error file=invalid.md,line=4,col=11,endLine=4,endColumn=17,title=unknown-category::Unexpected category `crpyto`, expected `crypto` (did you mean `crypto`?)')
    expect(lines.some((line) => line.startsWith('::warning file=invalid.md,line=6,col=1,endLine=6,endColumn=6,title=unknown-front-matter-key::'))).toBe(true)
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::\S/)
  })

  it('github escapes newlines and percent signs in messages', async () => {
    const result = await runCli(['check', 'news-article.md', '--format', 'github'], dir)
    expect(result.stdout).toBe(
      '::error file=news-article.md,line=1,col=1,title=missing-front-matter::Unexpected file without front matter, expected a brief starting with a `---` line, then `title`, `date` and `category`, then `---`\n'
    )
  })

  it('pretty is vfile-reporter style: file, then line:col-line:col severity message rule source', async () => {
    const result = await runCli(['check', 'invalid.md'], dir)
    expect(result.stdout).toBe('')
    const lines = result.stderr.split('\n')
    expect(lines[0]).toBe('invalid.md')
    expect(lines).toContainEqual(expect.stringMatching(/^4:11-4:17\s+error\s+Unexpected category `crpyto`, expected `crypto` \(did you mean `crypto`\?\)\s+unknown-category\s+briefpress$/))
    expect(result.stderr).toMatch(/^Checked 1 brief: 4 errors, \d+ warnings? in \d+\.\d s$/m)
  })

  it('prints nothing but the closing line for a clean brief', async () => {
    for (const format of ['pretty', 'github']) {
      const result = await runCli(['check', 'valid.md', '--format', format], dir)
      expect(result.code).toBe(0)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^Checked 1 brief: 0 errors, 0 warnings in \d+\.\d s\n$/)
    }
  })

  it('pretty aligns columns within each file, so that a long line in one file leaves the others as they are', async () => {
    const result = await runCli(['check', 'invalid.md', 'news-article.md'], dir)
    const alone = await runCli(['check', 'news-article.md'], dir)
    // news-article.md's block is the same beside invalid.md's longer positions as alone.
    const block = (stderr: string) => stderr.split('\n\n').find((part) => part.startsWith('news-article.md\n'))
    expect(block(result.stderr)).toBe(block(alone.stderr))
    expect(block(result.stderr)).toMatch(/^news-article\.md\n1:1 error /)
    expect(result.stderr).toMatch(/^\d+ messages \(✖ 5 errors, ⚠ \d+ warnings?\)$/m)
  })
})

describe('formatPretty', () => {
  function files(): VFile[] {
    const b = new VFile({path: 'b.md'})
    b.message('Short', {place: {line: 1, column: 1}, ruleId: 'r', source: 's'})
    b.message('A much longer `code` reason', {place: {start: {line: 120, column: 10}, end: {line: 120, column: 44}}, ruleId: 'long-rule-name', source: 'briefpress'}).fatal = true
    const a = new VFile({path: 'a.md'})
    a.message('Tiny', {place: {line: 2, column: 3}, ruleId: 'x', source: 's'})
    a.info('Note', {place: {line: 3, column: 1}})
    const clean = new VFile({path: 'c.md'})
    return [b, clean, a]
  }

  it('prints files in path order, each aligned on its own, then one summary line for all', () => {
    expect(formatPretty(files())).toBe(
      [
        'a.md',
        '2:3 warning Tiny x s',
        '3:1 info    Note',
        '',
        'b.md',
        '1:1           warning Short                       r              s',
        '120:10-120:44 error   A much longer `code` reason long-rule-name briefpress',
        '',
        '4 messages (✖ 1 error, ⚠ 2 warnings)',
        ''
      ].join('\n')
    )
  })

  it("is vfile-reporter's own report of each file, and its summary of all files, with color too", () => {
    for (const color of [false, true]) {
      const shown = files()
        .filter((file) => file.messages.length > 0)
        .sort((a, b) => a.path.localeCompare(b.path))
      const report = formatPretty(files(), {color})
      const whole = reporter(shown, {color})
      const summary = whole.slice(whole.lastIndexOf('\n') + 1)
      expect(summary).toMatch(/✖.*⚠/)
      expect(report.endsWith(`\n\n${summary}\n`)).toBe(true)
      const blocks = shown.map((file) => {
        const own = reporter([file], {color})
        return own.slice(0, own.lastIndexOf('\n\n'))
      })
      expect(report).toBe(`${blocks.join('\n\n')}\n\n${summary}\n`)
    }
  })

  it("uses vfile-reporter's summary wording for errors only, warnings only, and infos only (no summary)", () => {
    const make = (kinds: Array<boolean | undefined>) => {
      const file = new VFile({path: 'x.md'})
      for (const [index, fatal] of kinds.entries()) file.message(`Message ${index}`, {place: {line: index + 1, column: 1}}).fatal = fatal
      return [file]
    }
    for (const kinds of [[true], [true, true], [false], [false, false, false], [true, false], [undefined, false], [undefined]]) {
      const whole = reporter(make(kinds))
      const report = formatPretty(make(kinds))
      const expected = kinds.some((fatal) => fatal !== undefined) ? whole.slice(whole.lastIndexOf('\n') + 1) : undefined
      if (expected) expect(report.endsWith(`\n\n${expected}\n`)).toBe(true)
      else expect(report).toBe(`${whole}\n`)
    }
  })
})


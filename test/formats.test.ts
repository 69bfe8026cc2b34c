import path from 'node:path'
import {describe, expect, it} from 'vitest'
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
})

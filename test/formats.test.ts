import {execFile} from 'node:child_process'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {describe, expect, it, vi} from 'vitest'
import stringWidth from 'string-width'
import {formatPretty, GROUP_MIN_FILES} from '../src/report/format.js'
import {binPath, fixtures, runCli, tempDir} from './helpers.js'

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
      message: 'Unexpected category `crpyto`, expected `crypto`'
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
    expect(lines).toContain('::error file=invalid.md,line=4,col=11,endLine=4,endColumn=17,title=unknown-category::Unexpected category `crpyto`, expected `crypto`')
    expect(lines.some((line) => line.startsWith('::warning file=invalid.md,line=6,col=1,endLine=6,endColumn=6,title=unknown-front-matter-key::'))).toBe(true)
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::\S/)
  })

  it('github escapes newlines and percent signs in messages', async () => {
    const result = await runCli(['check', 'news-article.md', '--format', 'github'], dir)
    expect(result.stdout).toBe(
      '::error file=news-article.md,line=1,col=1,title=missing-front-matter::Unexpected file without front matter, expected a brief starting with a `---` line, then `title`, `date` and `category`, then `---`\n'
    )
  })

  it('pretty is vfile-reporter style: file, then line:col-line:col severity message rule, the fix hint under it, the rules with their docs links', async () => {
    const result = await runCli(['check', 'invalid.md'], dir)
    expect(result.stdout).toBe('')
    const lines = result.stderr.split('\n')
    expect(lines[0]).toBe('invalid.md')
    const at = lines.findIndex((line) => /^4:11-4:17 +error +Unexpected category `crpyto`, expected `crypto`  unknown-category$/.test(line))
    expect(at).toBeGreaterThan(0)
    // The note, as json gives it, under the message and in its column.
    const column = lines[at]!.indexOf('Unexpected')
    expect(lines[at + 1]).toBe(' '.repeat(column) + 'Allowed categories come from `categories` in briefpress.config.json.')
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}unknown-category +1 error in 1 file +https:\/\/github\.com\/briefpress\/briefpress\/blob\/main\/docs\/rules\.md#unknown-category$/))
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
    expect(block(result.stderr)).toMatch(/^news-article\.md\n1:1 error Unexpected file without front matter, .*  missing-front-matter\n/)
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

  it('prints files in path order, each aligned on its own with the message column unpadded, then the rules, then one summary line', () => {
    expect(formatPretty(files())).toBe(
      [
        'a.md',
        '2:3 warning Tiny  x',
        '3:1 info    Note',
        '',
        'b.md',
        '1:1           warning Short  r',
        '120:10-120:44 error   A much longer `code` reason  long-rule-name',
        '',
        'Rules:',
        '  long-rule-name  1 error in 1 file',
        '  r               1 warning in 1 file',
        '  x               1 warning in 1 file',
        '',
        '4 messages (✖ 1 error, ⚠ 2 warnings)',
        ''
      ].join('\n')
    )
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
      if (kinds.some((fatal) => fatal !== undefined)) expect(report.endsWith(`\n\n${whole.slice(whole.lastIndexOf('\n') + 1)}\n`)).toBe(true)
      else expect(report).not.toMatch(/error|warning/)
    }
  })

  it('colours severities, dims rule ids, notes and links, and underlines file names only when asked', () => {
    const file = new VFile({path: 'a.md'})
    const message = file.message('Broken', {place: {line: 1, column: 1}, ruleId: 'some-rule', source: 'briefpress'})
    message.fatal = true
    message.note = 'How to fix it.'
    message.url = 'https://example.org/rules#some-rule'
    const coloured = formatPretty([file], {color: true})
    expect(coloured).toContain('\u001B[4ma.md\u001B[24m')
    expect(coloured).toContain('\u001B[31merror\u001B[39m Broken  \u001B[2msome-rule\u001B[22m')
    expect(coloured).toContain('\u001B[2mHow to fix it.\u001B[22m')
    expect(coloured).toContain('\u001B[2mhttps://example.org/rules#some-rule\u001B[22m')
    expect(formatPretty([file])).not.toContain('\u001B[')
  })
})

describe('formatPretty for a terminal', () => {
  const reason =
    'Unexpected headline “Exchange halts withdrawals after a large exploit” without a severity, expected a tag such as `[HIGH]` or a `**Risk: Medium**` line'
  const note = 'A severity tells readers at a glance how much a headline matters: add one in brackets at the end of the bold title.'
  function brief(): VFile {
    const file = new VFile({path: 'briefs/2026-01-02.md'})
    const message = file.message(reason, {place: {start: {line: 16, column: 3}, end: {line: 16, column: 60}}, ruleId: 'headline-severity', source: 'briefpress'})
    message.fatal = false
    message.note = note
    message.url = 'https://github.com/briefpress/briefpress/blob/main/docs/rules.md#headline-severity'
    return file
  }
  const words = (lines: string[]) => lines.join(' ').split(/\s+/).filter(Boolean)

  it('wraps each message and its fix hint to the width, continuing under the message column', () => {
    for (const width of [50, 80, 120]) {
      const lines = formatPretty([brief()], {width}).split('\n')
      // Links are never broken, so only they may pass the width.
      for (const line of lines) if (!line.includes('https://')) expect(stringWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width)
      const block = lines.slice(1, lines.indexOf(''))
      const column = block[0]!.indexOf('Unexpected')
      expect(block[0]).toMatch(/^16:3-16:60 warning Unexpected/)
      for (const line of block.slice(1)) expect(line.slice(0, column).trim(), line).toBe('')
      // Nothing lost: the message, the rule id and the note, word for word.
      expect(words(block)).toEqual(['16:3-16:60', 'warning', ...words([reason]), 'headline-severity', ...words([note])])
    }
  })

  it('keeps one line per message when no width is given, for logs and pipes', () => {
    expect(formatPretty([brief()]).split('\n').slice(0, 3)).toEqual([
      'briefs/2026-01-02.md',
      `16:3-16:60 warning ${reason}  headline-severity`,
      `                   ${note}`
    ])
  })

  it('puts a rule’s docs link on the rule’s line when it fits, else on a line of its own', () => {
    const url = 'https://github.com/briefpress/briefpress/blob/main/docs/rules.md#headline-severity'
    expect(formatPretty([brief()])).toContain(`  headline-severity  1 warning in 1 file  ${url}\n`)
    expect(formatPretty([brief()], {width: 80})).toContain(`  headline-severity  1 warning in 1 file\n    ${url}\n`)
  })
})

describe('formatPretty for a rule in many files', () => {
  function archive(common: number, fatal = false): VFile[] {
    return Array.from({length: common + 1}, (_, index) => {
      const file = new VFile({path: `briefs/day-${String(index).padStart(2, '0')}.md`})
      if (index < common) {
        const message = file.message(`Unexpected hidden citations in day ${index}`, {place: {line: 5, column: 1}, ruleId: 'hidden-citation', source: 'briefpress'})
        message.fatal = fatal ? true : false
        message.note = 'Cite them in the visible text.'
        message.url = 'https://docs.example/rules#hidden-citation'
      }
      else file.message('Unexpected rare thing', {place: {line: 9, column: 2}, ruleId: 'rare-rule', source: 'briefpress'}).fatal = false
      return file
    })
  }

  it(`shows a warning rule in ${GROUP_MIN_FILES} or more files once, with its count, the first message, its fix and link`, () => {
    const report = formatPretty(archive(GROUP_MIN_FILES))
    expect(report).not.toContain('Unexpected hidden citations in day 1')
    expect(report).toMatch(/^briefs\/day-10\.md\n9:2 warning Unexpected rare thing {2}rare-rule$/m)
    expect(report).toContain(
      [
        `  hidden-citation  ${GROUP_MIN_FILES} warnings in ${GROUP_MIN_FILES} files; the first:`,
        '    briefs/day-00.md:5:1  Unexpected hidden citations in day 0',
        '    Cite them in the visible text.',
        '    https://docs.example/rules#hidden-citation'
      ].join('\n')
    )
    expect(report).toContain('--verbose lists each message')
    expect(report).toMatch(/^⚠ 11 warnings$/m)
    // In a narrow terminal too, every line but the links fits.
    for (const line of formatPretty(archive(GROUP_MIN_FILES), {width: 44}).split('\n')) if (!line.includes('https://')) expect(stringWidth(line), line).toBeLessThanOrEqual(44)
  })

  it('lists every message of the rule below the threshold, with --verbose, and of an error rule', () => {
    for (const report of [formatPretty(archive(GROUP_MIN_FILES - 1)), formatPretty(archive(GROUP_MIN_FILES), {verbose: true}), formatPretty(archive(GROUP_MIN_FILES, true))]) {
      for (let day = 0; day < GROUP_MIN_FILES - 1; day++) expect(report).toMatch(new RegExp(`^5:1 +(warning|error) Unexpected hidden citations in day ${day}  hidden-citation$`, 'm'))
      expect(report).not.toContain('; the first:')
    }
  })
})

describe('check’s pretty report in a terminal and in a log', () => {
  const longest = (text: string) => Math.max(...text.split('\n').filter((line) => !line.includes('https://')).map((line) => stringWidth(line)))
  const run = (env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve) => {
      execFile(process.execPath, [binPath, 'check', 'invalid.md'], {cwd: dir, env: {...process.env, NO_COLOR: '1', COLUMNS: undefined, ...env}}, (_error, _stdout, stderr) => resolve(stderr))
    })

  it('wraps to COLUMNS when set, as a terminal of that width would', async () => {
    const log = await runCli(['check', 'invalid.md'], dir)
    vi.stubEnv('COLUMNS', '60')
    try {
      const result = await runCli(['check', 'invalid.md'], dir)
      expect(longest(result.stderr)).toBeLessThanOrEqual(60)
      expect(result.stderr.split('\n').length).toBeGreaterThan(log.stderr.split('\n').length)
      expect(result.stderr.replace(/\s+/g, ' ')).toContain('4:11-4:17 error Unexpected category `crpyto`, expected `crypto` unknown-category')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('keeps one line per message in a log (not a terminal, no COLUMNS), and wraps with COLUMNS (the bundle)', async () => {
    const log = await run({})
    expect(log).toMatch(/^4:11-4:17 +error +Unexpected category `crpyto`, expected `crypto`  unknown-category$/m)
    expect(longest(log)).toBeGreaterThan(100)
    const narrow = await run({COLUMNS: '72'})
    expect(longest(narrow)).toBeLessThanOrEqual(72)
    // The same words either way.
    const words = (text: string) => text.replace(/in \d+\.\d s/, '').split(/\s+/)
    expect(words(narrow)).toEqual(words(log))
  })
})

describe('check over many briefs', () => {
  it(`shows a warning rule that fires in ${GROUP_MIN_FILES} or more briefs once, and every message with --verbose`, async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'briefs'))
    // Required sections off: one rule fires, in every brief.
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: []}))
    for (let day = 1; day <= GROUP_MIN_FILES; day++) {
      const date = `2025-11-${String(day).padStart(2, '0')}`
      await writeFile(path.join(dir, 'briefs', `${date}.md`), `---\ntitle: "Day ${day}"\ndate: ${date}\ncategory: crypto\n---\n\nCited.[^1]\n\n[^1]: https://www.coindesk.com/a\n\n[^2]: https://www.coindesk.com/never-cited-${day}\n`)
    }
    const grouped = await runCli(['check', 'briefs'], dir)
    expect(grouped.stderr.match(/never-cited/g)).toHaveLength(1)
    expect(grouped.stderr).toContain(`  unused-citation  ${GROUP_MIN_FILES} warnings in ${GROUP_MIN_FILES} files; the first:\n    briefs/2025-11-01.md:11:1-11:45  Unexpected unused definition \`[^2]\``)
    expect(grouped.stderr).toContain('--verbose lists each message')
    const verbose = await runCli(['check', 'briefs', '--verbose'], dir)
    expect(verbose.stderr.match(/^11:1-11:4\d warning Unexpected unused definition `\[\^2\]`/gm)).toHaveLength(GROUP_MIN_FILES)
    expect(verbose.stderr).not.toContain('; the first:')
    // Only the pretty report groups: json lists every message.
    expect((await runCli(['check', 'briefs', '--format', 'json'], dir)).stdout.match(/"ruleId": "unused-citation"/g)).toHaveLength(GROUP_MIN_FILES)
  })
})

describe('fix hints', () => {
  it('headline-severity, missing-section and suspicious-citation-url give one, in json and under the message in pretty', async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'briefs'))
    await writeFile(
      path.join(dir, 'briefs', 'day.md'),
      '---\ntitle: "A day"\ndate: 2025-11-05\ncategory: crypto\n---\n\n## Top Headlines\n\n**1. Exchange pauses withdrawals**\n\nWhat happened.[^1] More.[^2]\n\n[^1]: https://www.coindesk.com/a.\n\n[^2]: http://www.coindesk.com/b\n'
    )
    const {stdout} = await runCli(['check', '--format', 'json'], dir)
    const messages = (JSON.parse(stdout) as {messages: Array<{ruleId: string; note?: string}>}).messages
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['headline-severity', 'missing-section', 'suspicious-citation-url', 'suspicious-citation-url'])
    for (const message of messages) expect(message.note, message.ruleId).toMatch(/\S{3}/)
    const pretty = (await runCli(['check'], dir)).stderr
    for (const message of messages) expect(pretty).toContain(message.note!.split(' ').slice(0, 4).join(' '))
  })
})

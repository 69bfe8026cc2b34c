import {existsSync} from 'node:fs'
import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from 'yaml'
import {checkJson, runCli, tempDir} from './helpers.js'

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  expect(match, 'front matter block').not.toBeNull()
  return parseDocument(match![1]!).toJS() as Record<string, unknown>
}

describe('briefpress new', () => {
  it('writes the day’s brief with front matter filled in and the expected sections, and prints its path', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({categories: ['markets', 'crypto']}))
    const result = await runCli(['new', '2025-11-05'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('briefs/2025-11-05-daily-brief.md\n')

    const text = await readFile(path.join(dir, 'briefs', '2025-11-05-daily-brief.md'), 'utf8')
    expect(frontMatterOf(text)).toEqual({layout: 'post', title: 'Daily Market Brief - 2025-11-05', date: '2025-11-05', category: 'markets'})
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(['Market Overview (24h)', 'Liquidations', 'ETF Flows', 'Top Headlines'])
    expect(text).toMatch(/^- \*\*Bitcoin \(BTC\)\*\*: \*\*\$[\d,]+\*\* \([+-][\d.]+% in 24h\)/m)
    expect(text).toMatch(/^\*\*1\. .+ \[HIGH\]\*\*$/m)
    expect(text).toContain('*Why it matters*:')
    expect(text).toMatch(/^\[\^1\]: https:\/\//m)
    expect(text).not.toContain('{{')
  })

  it('writes a brief that `check` flags until its examples are replaced: one warning at the example text, one at the example sources', async () => {
    const dir = await tempDir()
    expect((await runCli(['new', '2025-11-05'], dir)).code).toBe(0)
    const file = path.join(dir, 'briefs', '2025-11-05-daily-brief.md')
    const text = await readFile(file, 'utf8')
    const lines = text.split('\n')
    const {code, report} = await checkJson([], dir)
    expect(code).toBe(0)
    expect(report.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
      ['template-placeholder', 'warning', lines.findIndex((line) => line.startsWith('<!--')) + 1, 1],
      ['template-placeholder', 'warning', lines.findIndex((line) => line.startsWith('[^1]:')) + 1, '[^1]: '.length + 1]
    ])
    expect(report.messages[0]!.message).toMatch(/^Unexpected example text of the `briefpress new` template on \d+ lines \(\d+, \d+, \d+ and \d+ more; the first “<!-- Written by/)
    expect(report.messages[1]!.message).toBe('Unexpected 5 example sources of the `briefpress new` template, of `[^1]`, `[^2]`, `[^3]` and 2 more, expected the address of the page each one cites')
    expect(report.messages[1]!.url).toBe('https://github.com/briefpress/briefpress/blob/main/docs/rules.md#template-placeholder')
    expect((await runCli(['check', '--frail'], dir)).code).toBe(1)

    // One example line or source left is still flagged, at its place.
    const mine = text
      .replace(/^<!--.*-->\n/m, '')
      .replace(/\$100,000\*\* \(\+1\.2%/, '$97,412** (+0.4%')
      .replace(/^\[\^(\d)\]: https:\/\/example\.com\/.*$/gm, (_whole, n: string) => `[^${n}]: https://www.coindesk.com/markets/2025/11/05/story-${n}`)
    const left = mine.split('\n').findIndex((line) => line.startsWith('Write two or three sentences')) + 1
    await writeFile(file, mine)
    const edited = (await checkJson([], dir)).report.messages
    expect(edited.map((m) => [m.ruleId, m.line, m.column])).toEqual([['template-placeholder', left, 1]])
    expect(edited[0]!.message).toMatch(/^Unexpected example text of the `briefpress new` template on \d+ lines/)

    // The day's own words: no message at all.
    const own = mine.split('\n').filter((line) => !/^(Write two|Two or three|What happened|\*Why it matters\*|\*\*\d\. Example|- \*\*)/.test(line))
    await writeFile(file, [...own, '- **Bitcoin (BTC)**: **$97,412** (+0.4% in 24h)[^1]', '', '**1. Exchange pauses withdrawals [HIGH]**', '', 'A real sentence.[^5]'].join('\n'))
    const clean = await checkJson([], dir)
    expect(clean.report.messages.filter((m) => m.ruleId === 'template-placeholder')).toEqual([])
  })

  it('flags a single example source with its address', async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'briefs'))
    await writeFile(
      path.join(dir, 'briefs', 'day.md'),
      '---\ntitle: "A day"\ndate: 2025-11-05\ncategory: crypto\n---\n\n## Market Overview\n\nBitcoin at $97,000.[^1]\n\n[^1]: https://example.com/replace-with-your-price-source\n'
    )
    const {report} = await checkJson([], dir)
    const found = report.messages.filter((m) => m.ruleId === 'template-placeholder')
    expect(found.map((m) => [m.line, m.column, m.endColumn, m.message])).toEqual([
      [11, 7, 7 + 'https://example.com/replace-with-your-price-source'.length, 'Unexpected example source `https://example.com/replace-with-your-price-source` of `[^1]` from the `briefpress new` template, expected the address of the page it cites']
    ])
  })

  it('defaults to today in UTC', async () => {
    const dir = await tempDir()
    const before = new Date().toISOString().slice(0, 10)
    const result = await runCli(['new'], dir)
    const after = new Date().toISOString().slice(0, 10)
    expect(result.code).toBe(0)
    // Two candidates only if the test straddles midnight UTC.
    expect([`briefs/${before}-daily-brief.md\n`, `briefs/${after}-daily-brief.md\n`]).toContain(result.stdout)
  })

  it('writes under --src, creating the folder, and takes --title', async () => {
    const dir = await tempDir()
    const result = await runCli(['new', '2024-02-29', '--src', 'content/briefs', '--title', 'Leap day: a quiet market'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('content/briefs/2024-02-29-daily-brief.md\n')
    const text = await readFile(path.join(dir, 'content', 'briefs', '2024-02-29-daily-brief.md'), 'utf8')
    expect(frontMatterOf(text).title).toBe('Leap day: a quiet market')
    expect((await checkJson(['content/briefs'], dir)).report.counts.errors).toBe(0)
  })

  it('refuses to overwrite the day’s brief: exit 1, the file untouched', async () => {
    const dir = await tempDir()
    expect((await runCli(['new', '2025-11-05'], dir)).code).toBe(0)
    const file = path.join(dir, 'briefs', '2025-11-05-daily-brief.md')
    const edited = (await readFile(file, 'utf8')) + '\nThe author’s own words.\n'
    await writeFile(file, edited)

    const again = await runCli(['new', '2025-11-05'], dir)
    expect(again.code).toBe(1)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain('Not writing briefs/2025-11-05-daily-brief.md: it already exists')
    expect(await readFile(file, 'utf8')).toBe(edited)
  })

  it('refuses when another file already has that date in its front matter, naming it', async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'briefs', '2025'), {recursive: true})
    await writeFile(path.join(dir, 'briefs', '2025', 'tuesday.md'), '---\ntitle: "Tuesday"\ndate: 2025-11-05\ncategory: crypto\n---\n\nText.\n')
    // Mentions the day in its body only: not a brief for that day.
    await writeFile(path.join(dir, 'briefs', 'monday.md'), '---\ntitle: "Monday"\ndate: 2025-11-04\ncategory: crypto\n---\n\nSee you on 2025-11-05.\n')

    const result = await runCli(['new', '2025-11-05'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('briefs/2025/tuesday.md already has `date: 2025-11-05`')
    expect(result.stderr).not.toContain('monday.md')
    expect((await readdir(path.join(dir, 'briefs'))).sort()).toEqual(['2025', 'monday.md'])

    expect((await runCli(['new', '2025-11-06'], dir)).code).toBe(0)
  })

  it('rejects an invalid date with exit 2 and writes nothing', async () => {
    const dir = await tempDir()
    for (const bad of ['2025-02-30', '2025-13-01', 'tomorrow', '25-11-05']) {
      const result = await runCli(['new', bad], dir)
      expect(result.code, bad).toBe(2)
      expect(result.stderr).toContain(`Unexpected date \`${bad}\``)
    }
    expect((await runCli(['new', '2025-11-05', '2025-11-06'], dir)).code).toBe(2)
    expect(existsSync(path.join(dir, 'briefs'))).toBe(false)
  })

  it('is listed in the help', async () => {
    expect((await runCli(['--help'])).stdout).toContain('new [date]')
    expect((await runCli(['new', '--help'])).stdout).toContain('Usage: briefpress new [YYYY-MM-DD]')
  })
})

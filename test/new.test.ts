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

  it('writes a brief that `check` passes with no error and no warning', async () => {
    const dir = await tempDir()
    expect((await runCli(['new', '2025-11-05'], dir)).code).toBe(0)
    const {code, report} = await checkJson([], dir)
    expect(report.messages).toEqual([])
    expect(report.files).toBe(1)
    expect(code).toBe(0)
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

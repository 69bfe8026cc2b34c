import {existsSync} from 'node:fs'
import {cp, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkJson, fixtures, hasShared, projectRoot, runCli, seedBrief, tempDir} from './helpers.js'

/**
 * The sample archive in briefs/ is what `npx briefpress build` renders on a
 * fresh clone, and the seed brief in fixtures/ is the real brief the project
 * started from. The first must stay spotless as rules are added; the second
 * must keep producing exactly the findings its known flaws call for.
 */
const briefsDir = path.join(projectRoot, 'briefs')
const seedFixture = path.join(fixtures, 'seed-brief.md')

async function sampleFiles(): Promise<string[]> {
  const entries = await readdir(briefsDir, {recursive: true})
  return entries.filter((entry) => entry.endsWith('.md')).map((entry) => path.join(briefsDir, entry)).sort()
}

const DAYS = ['2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']

describe('the sample archive (briefs/)', () => {
  it('is one brief per day for eight consecutive days, each file named for its day', async () => {
    const files = await sampleFiles()
    const dates = await Promise.all(
      files.map(async (file) => /^date: (\S+)$/m.exec(await readFile(file, 'utf8'))?.[1])
    )
    expect(dates).toEqual(DAYS)
    for (const [index, file] of files.entries()) expect(path.basename(file)).toContain(DAYS[index])
  })

  it('passes `check` with no message at all', async () => {
    const {code, report} = await checkJson(['briefs'])
    expect(report.messages).toEqual([])
    expect(report.files).toBe(DAYS.length)
    expect(code).toBe(0)
  })

  it('passes `check --frail`, where a warning would fail it', async () => {
    expect((await runCli(['check', '--frail', 'briefs'])).code).toBe(0)
  })

  it('cites only https URLs on reserved example domains, so no source pretends to be a real article', async () => {
    for (const file of await sampleFiles()) {
      const text = await readFile(file, 'utf8')
      const targets = [...text.matchAll(/^\[\^[^\]]+\]:\s*(\S*)/gm)].map((match) => match[1])
      expect(targets.length, file).toBeGreaterThan(0)
      for (const url of targets) {
        expect(url, file).toMatch(/^https:\/\/(news\.example\.com|markets\.example\.org|research\.example\.net)\/\S+[^.,]$/)
      }
      expect(text, file).not.toMatch(/display:\s*none/)
    }
  })

  it('builds into a fresh out folder with a page per day, linked from the index', async () => {
    const dir = await tempDir()
    await cp(briefsDir, path.join(dir, 'briefs'), {recursive: true})
    const result = await runCli(['build', '--out', 'out'], dir)
    expect(result.stderr).toMatch(/Wrote \d+ pages? \(8 briefs\) to out\//)
    expect(result.code).toBe(0)
    const index = await readFile(path.join(dir, 'out', 'index.html'), 'utf8')
    for (const day of DAYS) {
      const [year, month, date] = day.split('-')
      const page = path.join(dir, 'out', year!, month!, date!, 'index.html')
      expect(existsSync(page), page).toBe(true)
      expect(index).toContain(`${year}/${month}/${date}/`)
    }
  })
})

describe('the seed brief fixture (fixtures/seed-brief.md)', () => {
  it.skipIf(!hasShared)('is the seed brief byte for byte', async () => {
    expect((await readFile(seedFixture)).equals(await readFile(seedBrief))).toBe(true)
  })

  it('reports its known flaws, each at its line and column, and nothing else', async () => {
    const {code, report} = await checkJson([path.relative(projectRoot, seedFixture)])
    const found = report.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`)
    expect(found).toEqual([
      // `category: crpyto`, the real typo: the value starts at column 11.
      '5:11 error unknown-category',
      // `<span style="display:none">[^32]…[^49]</span>`: one message for 18 labels.
      '230:1 warning hidden-citation',
      // `[^21]: https://www.binance.com/en-JP/square/hashtag/kraken.`: a trailing dot.
      '274:8 warning suspicious-citation-url'
    ])
    expect(code).toBe(1)
  })

  it('suggests the category it meant', async () => {
    const {report} = await checkJson([path.relative(projectRoot, seedFixture)])
    const category = report.messages.find((m) => m.ruleId === 'unknown-category')
    expect(category?.message).toMatch(/crpyto.*did you mean `crypto`/)
  })

  it('names the hidden citations in its single hidden-citation warning', async () => {
    const {report} = await checkJson([path.relative(projectRoot, seedFixture)])
    const hidden = report.messages.filter((m) => m.ruleId === 'hidden-citation')
    expect(hidden).toHaveLength(1)
    expect(hidden[0]!.message).toMatch(/\b18\b/)
    expect(hidden[0]!.message).toMatch(/\b32\b/)
    expect(hidden[0]!.message).toMatch(/\b49\b/)
  })
})

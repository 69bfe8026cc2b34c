import {copyFile, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/load.js'
import {runPipeline} from '../src/pipeline.js'
import {checkJson, fixtures, hasShared, seedBrief, sharedDir, tempDir} from './helpers.js'

const dir = path.join(fixtures, 'front-matter')
const FRONT_MATTER_RULES = new Set(['missing-front-matter', 'front-matter-syntax', 'front-matter-schema', 'unknown-category', 'unknown-front-matter-key'])

/** Front-matter findings of one fixture as `line:col-line:col severity rule`. */
async function findings(name: string, cwd = dir) {
  const {report} = await checkJson([name], cwd)
  return report.messages.filter((message) => FRONT_MATTER_RULES.has(message.ruleId ?? ''))
}

function short(message: {line: number | null; column: number | null; endLine: number | null; endColumn: number | null; severity: string; ruleId: string | null}) {
  return `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.severity} ${message.ruleId}`
}

describe('front matter', () => {
  it('accepts a valid brief, with layout, summary and tags, and keeps the date as a calendar string', async () => {
    expect(await findings('valid.md')).toEqual([])
    const {briefs} = await runPipeline({paths: ['valid.md'], cwd: dir, config: defaultConfig()})
    expect(briefs[0]!.frontMatter).toMatchObject({title: 'Quiet Tuesday: BTC holds its range', date: '2025-03-04', category: 'crypto', tags: ['btc', 'eth']})
    expect(typeof briefs[0]!.frontMatter!.date).toBe('string')
  })

  it('accepts `draft: true`', async () => {
    expect(await findings('draft.md')).toEqual([])
    const {briefs} = await runPipeline({paths: ['draft.md'], cwd: dir, config: defaultConfig()})
    expect(briefs[0]!.frontMatter!.draft).toBe(true)
  })

  it('reports each zod issue at the line of its key, with a did-you-mean for category and unknown keys', async () => {
    const messages = await findings('invalid.md')
    expect(messages.map(short)).toEqual([
      '2:8-2:10 error front-matter-schema', // title: ""
      '3:7-3:17 error front-matter-schema', // date: 2025-02-30
      '4:11-4:17 error unknown-category', // category: crpyto
      '5:7-5:10 error front-matter-schema', // tags: btc
      '6:1-6:6 warning unknown-front-matter-key' // titel
    ])
    expect(messages[1]!.message).toContain('real calendar day')
    expect(messages[2]!.message).toBe('Unexpected category `crpyto`, expected `crypto`')
    expect(messages[3]!.message).toContain('expected a list of tags')
    expect(messages[4]!.message).toContain('did you mean `title`?')
  })

  it('validates against the categories of each config, however many configs one process sees', async () => {
    // The schema is made once per list of categories: a second config must not get the first one's.
    const categoriesOf = async (categories: string[]) => {
      const {briefs} = await runPipeline({paths: ['valid.md'], cwd: dir, config: {...defaultConfig(), categories}})
      return briefs[0]!.file.messages.map((message) => `${message.ruleId}: ${message.reason}`)
    }
    expect(await categoriesOf(['crypto'])).toEqual([])
    expect(await categoriesOf(['macro', 'equities'])).toEqual(['unknown-category: Unexpected category `crypto`, expected one of `macro`, `equities`'])
    expect(await categoriesOf(['macro', 'crypto'])).toEqual([])
    expect(await categoriesOf(['crypto'])).toEqual([])
  })

  it('gives a date with a time one message, not two', async () => {
    const messages = await findings('date-formats.md')
    expect(messages.map(short)).toEqual(['3:7-3:32 error front-matter-schema'])
    expect(messages[0]!.message).toContain('`YYYY-MM-DD`')
  })

  it('reports missing keys at the front-matter block, one message each', async () => {
    const messages = await findings('missing-keys.md')
    expect(messages.map(short)).toEqual(['1:1-3:4 error front-matter-schema', '1:1-3:4 error front-matter-schema'])
    expect(messages.map((message) => message.message.match(/`(\w+)`/)![1]).sort()).toEqual(['category', 'date'])
  })

  it('locates a YAML syntax error inside the block', async () => {
    const [message, ...rest] = await findings('yaml-syntax.md')
    expect(rest).toEqual([])
    expect(message).toMatchObject({ruleId: 'front-matter-syntax', severity: 'error'})
    expect(message!.line).toBeGreaterThanOrEqual(2)
    expect(message!.line).toBeLessThanOrEqual(4)
  })

  it('rejects front matter that is not a mapping, and an unclosed block', async () => {
    expect((await findings('not-a-mapping.md')).map(short)).toEqual(['2:1-null:null error front-matter-syntax'])
    const unclosed = await findings('unclosed.md')
    expect(unclosed.map(short)).toEqual(['1:1-null:null error missing-front-matter'])
    expect(unclosed[0]!.message).toContain('closing `---`')
  })

  it('gives a file with no front matter exactly one clear error', async () => {
    const {report} = await checkJson(['news-article.md'], dir)
    expect(report.messages).toHaveLength(1)
    expect(report.messages[0]).toMatchObject({line: 1, column: 1, severity: 'error', ruleId: 'missing-front-matter'})
    expect(report.messages[0]!.message).toContain('without front matter')
  })

  it('never shifts the date, whatever the time zone', async () => {
    // The date string is compared as written: no Date object is ever made.
    const before = process.env.TZ
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone
        const {briefs} = await runPipeline({paths: ['valid.md'], cwd: dir, config: defaultConfig()})
        expect(briefs[0]!.frontMatter!.date).toBe('2025-03-04')
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })
})

describe.skipIf(!hasShared)('front matter of the seeds', () => {
  it('reports the seed brief’s `crpyto` at its line with a suggestion', async () => {
    const cwd = await tempDir()
    await copyFile(seedBrief, path.join(cwd, 'seed.md'))
    const messages = await findings('seed.md', cwd)
    expect(messages.map(short)).toEqual(['5:11-5:17 error unknown-category'])
    expect(messages[0]!.message).toBe('Unexpected category `crpyto`, expected `crypto`')
  })

  it('gives the news-article seed one error', async () => {
    const cwd = await tempDir()
    const article = path.join(sharedDir, 'seeds', '001_1b383d770e256c2c.txt')
    await copyFile(article, path.join(cwd, 'article.md'))
    const {report} = await checkJson(['article.md'], cwd)
    expect(report.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:1 missing-front-matter'])
    expect((await readFile(article, 'utf8')).startsWith('---')).toBe(false)
  })
})

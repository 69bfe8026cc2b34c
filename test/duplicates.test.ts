import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkJson, tempDir} from './helpers.js'

const brief = (title: string, date: string) => `---
title: "${title}"
date: ${date}
category: crypto
---

## Market Overview

Bitcoin traded near **\\$95,000** (+0.5% in 24h) in a quiet session.[^1]

## Top Headlines

**1. Exchange lists a new pair [LOW]**

A routine listing.[^1]

[^1]: https://news.example.com/markets/a
`

async function archive(files: Record<string, string>): Promise<string> {
  const dir = await tempDir()
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, 'briefs', name)), {recursive: true})
    await writeFile(path.join(dir, 'briefs', name), content)
  }
  return dir
}

describe('cross-brief duplicates', () => {
  it('reports duplicate-date as an error on every file of the day, each naming the others, at the date', async () => {
    const dir = await archive({
      'a.md': brief('Morning brief', '2026-11-20'),
      'nested/b.md': brief('Evening brief', '2026-11-20'),
      'c.md': brief('Next day', '2026-11-21')
    })
    const {code, report} = await checkJson(['briefs'], dir)
    expect(code).toBe(1)
    const found = report.messages.filter((message) => message.ruleId === 'duplicate-date')
    expect(found.map((m) => [m.file, m.severity, m.line, m.column])).toEqual([
      ['briefs/a.md', 'error', 3, 7],
      ['briefs/nested/b.md', 'error', 3, 7]
    ])
    expect(found[0]!.message).toContain('briefs/nested/b.md')
    expect(found[1]!.message).toContain('briefs/a.md')
    expect(report.messages.some((m) => m.file === 'briefs/c.md')).toBe(false)
  })

  it('reports duplicate-title as a warning at the title, ignoring case and spacing', async () => {
    const dir = await archive({
      'a.md': brief('Daily  Brief', '2026-11-20'),
      'b.md': brief('daily brief', '2026-11-21')
    })
    const {code, report} = await checkJson(['briefs'], dir)
    expect(code).toBe(0)
    const found = report.messages.filter((message) => message.ruleId === 'duplicate-title')
    expect(found.map((m) => [m.file, m.severity, m.line, m.column])).toEqual([
      ['briefs/a.md', 'warning', 2, 8],
      ['briefs/b.md', 'warning', 2, 8]
    ])
  })

  it('keeps a brief whose front matter has an error in the title check, and out of the date check', async () => {
    const dir = await archive({
      'a.md': brief('Daily brief', '2026-11-20'),
      // An unknown category is an error: b.md is not published, but its title still collides.
      'b.md': brief('Daily brief', '2026-11-20').replace('category: crypto', 'category: crpyto')
    })
    const {report} = await checkJson(['briefs'], dir)
    const titles = report.messages.filter((message) => message.ruleId === 'duplicate-title')
    expect(titles.map((m) => [m.file, m.line, m.column])).toEqual([
      ['briefs/a.md', 2, 8],
      ['briefs/b.md', 2, 8]
    ])
    // A broken brief does not make a valid one fail: duplicate-date (an error) waits for valid front matter.
    expect(report.messages.filter((message) => message.ruleId === 'duplicate-date')).toEqual([])
  })
})

import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {extractCitations} from '../src/extract/citations.js'
import {suspicionsOf} from '../src/validate/rules/suspicious-citation-url.js'
import {parseMarkdown} from '../src/parse/markdown.js'
import {checkJson, corpusDir, hasShared, seedBrief} from './helpers.js'

type Report = Awaited<ReturnType<typeof checkJson>>

// The real corpus (174 briefs today) as published, read from ../shared when present.
describe.skipIf(!hasShared)('citations on the real corpus', () => {
  let result: Report
  const byRule = (ruleId: string) => result.report.messages.filter((message) => message.ruleId === ruleId)

  beforeAll(async () => {
    result = await checkJson([corpusDir])
  }, 300_000)

  test('checks every brief without crashing', () => {
    expect(result.code).not.toBe(2)
    expect(result.report.files).toBe(readdirSync(corpusDir).filter((name) => name.endsWith('.md')).length)
  })

  test('no undefined, duplicate or invalid citation: every [^x] there has its definition; unused ones are truly unused', () => {
    for (const ruleId of ['undefined-citation', 'duplicate-citation', 'invalid-citation-url']) {
      expect(byRule(ruleId), ruleId).toEqual([])
    }
    // A few newer briefs define a source they never cite (2026-03-04, 2026-03-20): each report must be one.
    for (const message of byRule('unused-citation')) {
      const label = /`\[\^([^\]]+)\]`/.exec(message.message)![1]!
      const source = readFileSync(message.file, 'utf8')
      expect(source.split(`[^${label}]`).length - 1, `${message.file} [^${label}]`).toBe(1)
    }
  })

  test('one hidden-citation warning in nearly every file, on its display:none span', () => {
    const hidden = byRule('hidden-citation')
    const files = new Set(hidden.map((message) => message.file))
    expect(files.size).toBe(hidden.length)
    expect(files.size).toBeGreaterThanOrEqual(110)
    for (const message of hidden) {
      const line = readFileSync(message.file, 'utf8').split('\n')[message.line! - 1]!
      expect(line.slice(message.column! - 1)).toMatch(/^<span style="display:none">\[\^/)
      expect(message.message).toMatch(/^Unexpected \d+ citations \(\d+/)
    }
  })

  test('every suspicious-citation-url finding names a real reason in its URL', () => {
    const suspicious = byRule('suspicious-citation-url')
    expect(suspicious.length).toBeGreaterThan(0)
    for (const message of suspicious) {
      // One URL, or (plain `http://` URLs of one brief) several, named by label.
      const lines = readFileSync(message.file, 'utf8').split('\n')
      const labels = [...message.message.matchAll(/`\[\^([^\]]+)\]`/g)].map((match) => match[1]!)
      expect(labels.length).toBeGreaterThan(0)
      for (const label of labels) {
        const definition = lines.find((line) => line.startsWith(`[^${label}]: `))!
        expect(suspicionsOf(definition.slice(label.length + 5).trim()).length, definition).toBeGreaterThan(0)
      }
      expect(lines[message.line! - 1]!).toMatch(/^\[\^[^\]]+\]: /)
    }
  })

  test('references touching a URL (`…/ethereum[^1]`) are found, and defined', () => {
    const file = path.join(corpusDir, '2026-01-03-daily-crypto.md')
    const text = readFileSync(file, 'utf8')
    const body = text.indexOf('\n---', 3) + 4
    const {references} = extractCitations(parseMarkdown(text, body), text)
    const touching = references.filter((reference) => !reference.resolved)
    expect(touching.map((reference) => reference.label)).toEqual(['1', '2', '3', '4', '5', '11'])
    for (const reference of touching) {
      expect(reference.defined).toBe(true)
      expect(text.slice(reference.position.start.offset! - 1, reference.position.end.offset)).toMatch(/^[\w/-]\[\^\d+\]$/)
    }
  })
})

describe.skipIf(!hasShared)('citations in the seed brief', () => {
  test('exactly one hidden-citation warning, on the span, and no undefined-citation', async () => {
    const {report} = await checkJson([seedBrief])
    const hidden = report.messages.filter((message) => message.ruleId === 'hidden-citation')
    expect(hidden.map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['230:1 warning'])
    expect(hidden[0]!.message).toContain('18 citations (32–49)')
    expect(report.messages.filter((message) => message.ruleId === 'undefined-citation')).toEqual([])
  })
})

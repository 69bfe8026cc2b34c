import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkJson, fixtures, runCli, tempDir} from './helpers.js'

/** A copy of the front-matter fixtures with `config` as briefpress.config.json. */
async function withConfig(config: unknown): Promise<string> {
  const dir = await tempDir(path.join(fixtures, 'front-matter'))
  await writeFile(path.join(dir, 'briefpress.config.json'), typeof config === 'string' ? config : JSON.stringify(config))
  return dir
}

function find<M extends {ruleId: string | null}>(messages: M[], ruleId: string): M[] {
  return messages.filter((message) => message.ruleId === ruleId)
}

describe('briefpress.config.json', () => {
  it('works without a config file (defaults)', async () => {
    const {code, report} = await checkJson(['invalid.md'], path.join(fixtures, 'front-matter'))
    expect(code).toBe(1)
    expect(find(report.messages, 'unknown-category')).toHaveLength(1)
  })

  it('`categories` decides which category is known', async () => {
    const dir = await withConfig({categories: ['crypto', 'crpyto']})
    const {report} = await checkJson(['invalid.md'], dir)
    expect(find(report.messages, 'unknown-category')).toEqual([])
    const other = await withConfig({categories: ['equities', 'macro']})
    const valid = await checkJson(['valid.md'], other)
    expect(valid.code).toBe(1)
    expect(find(valid.report.messages, 'unknown-category')[0]!.message).toBe('Unexpected category `crypto`, expected one of `equities`, `macro`')
  })

  it('a rule set to `off` is not reported; set to `error` it fails the run', async () => {
    const off = await checkJson(['invalid.md'], await withConfig({rules: {'unknown-category': 'off', 'unknown-front-matter-key': 'off'}}))
    expect(find(off.report.messages, 'unknown-category')).toEqual([])
    expect(find(off.report.messages, 'unknown-front-matter-key')).toEqual([])
    expect(find(off.report.messages, 'front-matter-schema').length).toBeGreaterThan(0)

    const base = await withConfig({})
    await writeFile(path.join(base, 'warn.md'), '---\ntitle: T\ndate: 2025-03-09\ncategory: crypto\nautor: me\n---\n\nBody.\n')
    const asWarning = await checkJson(['warn.md'], base)
    expect(find(asWarning.report.messages, 'unknown-front-matter-key')[0]!.severity).toBe('warning')

    const strict = await withConfig({rules: {'unknown-front-matter-key': 'error'}})
    await writeFile(path.join(strict, 'warn.md'), '---\ntitle: T\ndate: 2025-03-09\ncategory: crypto\nautor: me\n---\n\nBody.\n')
    const asError = await checkJson(['warn.md'], strict)
    expect(find(asError.report.messages, 'unknown-front-matter-key')[0]).toMatchObject({severity: 'error', line: 5, column: 1})
    expect(asError.code).toBe(1)

    const relaxed = await withConfig({rules: {'unknown-category': 'warn'}})
    const asWarn = await checkJson(['invalid.md'], relaxed)
    expect(find(asWarn.report.messages, 'unknown-category')[0]!.severity).toBe('warning')
  })

  it('`maxFileSize` sets the size limit', async () => {
    const dir = await withConfig({maxFileSize: 100})
    const {report} = await checkJson(['valid.md'], dir)
    expect(report.messages.map((message) => message.ruleId)).toEqual(['file-too-large'])
  })

  it('accepts host names and `*.` patterns in allowedImageHosts', async () => {
    const dir = await withConfig({allowedImageHosts: ['images.example.com', '*.cdn.example.org']})
    expect((await runCli(['check', 'valid.md'], dir)).code).toBe(0)
  })

  it('accepts siteTitle and baseUrl', async () => {
    const dir = await withConfig({siteTitle: 'Desk notes', baseUrl: 'https://briefs.example.com/'})
    expect((await runCli(['check', 'valid.md'], dir)).code).toBe(0)
  })

  it.each([
    ['invalid JSON', '{"categories": [', /invalid JSON/],
    ['a wrong type', {categories: 'crypto'}, /categories: /],
    ['an empty category list', {categories: []}, /categories: /],
    ['a bad rule setting', {rules: {'unknown-category': 'loud'}}, /rules\.unknown-category: /],
    ['an unknown rule id', {rules: {'no-such-rule': 'off'}}, /unknown rule id `no-such-rule`/],
    ['an unknown key', {siteTitel: 'x'}, /siteTitel/],
    ['a relative baseUrl', {baseUrl: '/briefs/'}, /baseUrl: /],
    ['a negative maxFileSize', {maxFileSize: -1}, /maxFileSize: /],
    // Written into every page's Content-Security-Policy: a `;` would add directives.
    ['a policy in allowedImageHosts', {allowedImageHosts: ["evil.example; script-src * 'unsafe-inline'"]}, /allowedImageHosts\.0: expected a host name/],
    ['a URL in allowedImageHosts', {allowedImageHosts: ['https://images.example.com']}, /allowedImageHosts\.0: /],
    ['a URL in trustedHosts', {trustedHosts: ['https://www.coinglass.com/']}, /trustedHosts\.0: /]
  ])('rejects %s with exit 2 and a clear message', async (_name, config, pattern) => {
    const result = await runCli(['check', 'valid.md'], await withConfig(config))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(pattern)
    expect(result.stderr).toContain('briefpress.config.json')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('--config points at another file; a missing one is exit 2', async () => {
    const dir = await withConfig({})
    await writeFile(path.join(dir, 'other.json'), JSON.stringify({rules: {'unknown-category': 'off'}}))
    const {report} = await checkJson(['invalid.md', '--config', 'other.json'], dir)
    expect(find(report.messages, 'unknown-category')).toEqual([])
    const missing = await runCli(['check', 'invalid.md', '--config', 'nope.json'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Cannot find config file nope.json')
  })
})

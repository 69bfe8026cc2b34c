/**
 * `assetPages`: how many assets get pages of their own, and
 * `asset-page-limit`, which names those left out at their first quote.
 */
import {cp, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkJson, fixtures, runCli, tempDir} from './helpers.js'

// 5 briefs: AVAX priced on 2026-01-02 and 2026-01-05, ADA on 2026-02-02 only.
async function archive(assetPages?: object) {
  const dir = await tempDir()
  await cp(path.join(fixtures, 'pages', 'archive'), path.join(dir, 'briefs'), {recursive: true})
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: [], categories: ['crypto', 'Macro & ETFs'], ...(assetPages && {assetPages})}))
  return dir
}

async function assetFolders(dir: string) {
  const result = await runCli(['build', '--no-search'], dir)
  expect(result.code, result.stderr).toBeLessThan(2)
  return (await readdir(path.join(dir, 'site', 'assets'), {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
}

const limitMessages = async (dir: string) =>
  (await checkJson(['briefs'], dir)).report.messages.filter((message) => message.ruleId === 'asset-page-limit').map((message) => `${message.file}:${message.line}:${message.column} ${message.message}`)

describe('assetPages', () => {
  it('by default gives a page to assets priced on two days, and says nothing', async () => {
    const dir = await archive()
    expect(await assetFolders(dir)).toEqual(['avax', 'btc', 'eth', 'sol'])
    expect(await limitMessages(dir)).toEqual([])
  })

  it('keeps the assets priced on the most days within `max`, and reports the others at their first quote', async () => {
    const dir = await archive({minDays: 1, max: 1})
    expect(await assetFolders(dir)).toEqual(['avax', 'btc', 'eth', 'sol'])
    expect(await limitMessages(dir)).toEqual([
      'briefs/2026-02-02.md:11:1 Unexpected asset without a page of its own (ADA): 2 assets besides BTC, ETH, SOL are priced on 1+ days, expected at most 1 (`assetPages.max`); those priced on the most days have pages'
    ])
  })

  it('with `max: 0` leaves only BTC, ETH and SOL, and tells every brief quoting another asset', async () => {
    const dir = await archive({minDays: 1, max: 0})
    expect(await assetFolders(dir)).toEqual(['btc', 'eth', 'sol'])
    expect((await limitMessages(dir)).map((message) => message.split(' ')[0])).toEqual(['briefs/2026-01-02.md:12:1', 'briefs/2026-01-05.md:11:1', 'briefs/2026-02-02.md:11:1'])
  })

  it('refuses limits that are not whole numbers', async () => {
    const dir = await archive({minDays: 0, max: -1})
    const result = await runCli(['check', 'briefs'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/assetPages\.minDays/)
  })
})

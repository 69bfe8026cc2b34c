/**
 * The search index in tiers (src/render/search-tiers.ts): which days go in
 * which bundle, what a tier's key covers, and that a build indexes again
 * only the tiers whose days changed while writing exactly what a clean
 * build writes. Searching every tier in a browser is tested in
 * test/e2e/site.test.ts.
 */
import {readFile, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {PublishedBrief} from '../src/render/site.js'
import {searchTierKey, searchTiers} from '../src/render/search-tiers.js'
import {runCli} from './helpers.js'
import {addNextDay, MOVED, tieredProject, TIER_DAYS} from './search-fixture.js'
import {byTag, elements, hashTree, listFiles, parseHtml, prop} from './site-helpers.js'

/** What the tiers read of a published brief: its day, folder and content key. */
function day(date: string, briefKey = `key-${date}`): PublishedBrief {
  return {date, folder: `${date.replaceAll('-', '/')}/`, brief: {file: {data: {briefKey}}}} as unknown as PublishedBrief
}

const dates = (tier: {items: PublishedBrief[]} | undefined) => tier?.items.map((item) => item.date)

describe('search tiers', () => {
  it('splits the days by the newest brief: its month, the rest of its year, each older year', () => {
    const published = ['2024-12-31', '2025-06-13', '2026-01-01', '2026-03-15', '2026-03-31', '2026-11-01', '2026-11-20'].map((date) => day(date))
    const tiers = searchTiers(published)
    expect(tiers.map((tier) => [tier.name, tier.folder])).toEqual([
      ['month', 'pagefind/'],
      ['year', 'pagefind/year/'],
      ['2025', 'pagefind/older/2025/'],
      ['2024', 'pagefind/older/2024/']
    ])
    expect(tiers.map(dates)).toEqual([['2026-11-01', '2026-11-20'], ['2026-01-01', '2026-03-15', '2026-03-31'], ['2025-06-13'], ['2024-12-31']])
  })

  it('leaves out empty tiers but the primary one, which is there even with no brief', () => {
    // The first day of a year: nothing earlier that year.
    expect(searchTiers(['2025-12-31', '2026-01-01'].map((date) => day(date))).map((tier) => [tier.name, dates(tier)])).toEqual([
      ['month', ['2026-01-01']],
      ['2025', ['2025-12-31']]
    ])
    expect(searchTiers(['2026-11-19', '2026-11-20'].map((date) => day(date))).map((tier) => tier.name)).toEqual(['month'])
    expect(searchTiers([]).map((tier) => [tier.name, dates(tier)])).toEqual([['month', []]])
  })

  it('keys a tier on its days\' content and the indexer, not on other tiers', () => {
    const published = ['2025-06-13', '2026-03-15', '2026-11-19', '2026-11-20'].map((date) => day(date))
    const keys = (list: PublishedBrief[], indexer: unknown = '1.6.0') => Object.fromEntries(searchTiers(list).map((tier) => [tier.name, searchTierKey(tier, indexer)]))
    const before = keys(published)
    expect(Object.values(before).every((key) => /^search:[0-9a-f]{64}$/.test(key!))).toBe(true)
    // An old brief edited: only its tier's key changes.
    const edited = keys(published.map((item) => (item.date === '2025-06-13' ? day(item.date, 'edited') : item)))
    expect(edited).toEqual({...before, 2025: expect.not.stringMatching(before['2025']!)})
    // The next day added: only the newest month's key changes.
    const added = keys([...published, day('2026-11-21')])
    expect(added).toEqual({...before, month: expect.not.stringMatching(before.month!)})
    // Another Pagefind or its options: every key changes.
    const other = keys(published, '1.7.0')
    for (const name of Object.keys(before)) expect(other[name]).not.toBe(before[name])
    // Without the cache there is no content key: the tier is always indexed.
    expect(searchTierKey(searchTiers([day('2026-11-20', '')])[0]!, '1.6.0')).toBeUndefined()
  })
})

describe('a build indexes only the tiers whose days changed', () => {
  let dir: string
  const site = () => path.join(dir, 'site')
  /** Inode of every file of each tier's bundle: a bundle taken from the previous site keeps its files' inodes. */
  const bundles = async () => {
    const files = (await listFiles(path.join(site(), 'pagefind'))).map((file) => `pagefind/${file}`)
    const tierOf = (file: string) => (file.startsWith('pagefind/year/') ? 'year' : file.startsWith('pagefind/older/') ? 'older' : 'month')
    const inodes: Record<'month' | 'year' | 'older', Record<string, number>> = {month: {}, year: {}, older: {}}
    for (const file of files) inodes[tierOf(file)][file] = (await stat(path.join(site(), file))).ino
    return inodes
  }
  /** The cached build into `site/` equals a clean, uncached one into `clean/`. */
  const buildAndCompare = async () => {
    const cached = await runCli(['build', '--out', 'site'], dir)
    expect(cached.code, cached.stderr).toBe(0)
    await rm(path.join(dir, 'clean'), {recursive: true, force: true})
    const clean = await runCli(['build', '--out', 'clean', '--no-cache'], dir)
    expect(clean.code, clean.stderr).toBe(0)
    expect(await hashTree(site())).toEqual(await hashTree(path.join(dir, 'clean')))
  }
  const pageCount = async (bundle: string) => {
    const entry = JSON.parse(await readFile(path.join(site(), bundle, 'pagefind-entry.json'), 'utf8')) as {languages: Record<string, {page_count: number}>}
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)
  }

  beforeAll(async () => {
    dir = await tieredProject()
  })

  it('writes one bundle per tier, each indexing its days, and the search page names the older ones', async () => {
    await buildAndCompare()
    expect(await pageCount('pagefind')).toBe(TIER_DAYS.month.length)
    expect(await pageCount('pagefind/year')).toBe(TIER_DAYS.year.length)
    expect(await pageCount('pagefind/older/2025')).toBe(TIER_DAYS.older.length)
    const search = parseHtml(await readFile(path.join(site(), 'search', 'index.html'), 'utf8'))
    const ui = elements(search, (node) => prop(node, 'id') === 'search')
    expect(ui.map((node) => prop(node, 'dataBundles'))).toEqual(['pagefind/year/ pagefind/older/2025/'])
    expect(elements(search, byTag('script')).map((node) => prop(node, 'src'))).toEqual(['../pagefind/pagefind-ui.js', '../search/search.js'])
    // The older bundles hold their index only; scripts, styles and WebAssembly come from the primary bundle.
    const files = await listFiles(path.join(site(), 'pagefind', 'older', '2025'))
    expect(files).toContain('pagefind-entry.json')
    expect(files.some((file) => file.startsWith('fragment/'))).toBe(true)
    expect(files.some((file) => file.endsWith('.pf_meta'))).toBe(true)
    expect(files.filter((file) => /\.(js|css)$|^wasm\./.test(file))).toEqual([])
  })

  it('adding the next day indexes the newest month only', async () => {
    const before = await bundles()
    await addNextDay(dir)
    await buildAndCompare()
    const after = await bundles()
    expect(after.year).toEqual(before.year)
    expect(after.older).toEqual(before.older)
    // Every file of the newest month's bundle is new.
    for (const [file, inode] of Object.entries(after.month)) expect(inode, file).not.toBe(before.month[file])
    expect(await pageCount('pagefind')).toBe(TIER_DAYS.month.length + 1)
  })

  it('an edited old brief indexes its tier only', async () => {
    const before = await bundles()
    // The sample's file for 2026-11-13, dated 2025-06-13 now: in the oldest tier.
    const name = (await listFiles(path.join(dir, 'briefs'))).find((file) => file.includes(Object.keys(MOVED)[0]!))!
    const brief = path.join(dir, 'briefs', name)
    await writeFile(brief, `${await readFile(brief, 'utf8')}\nA closing remark only this brief has.\n`)
    await buildAndCompare()
    const after = await bundles()
    expect(after.month).toEqual(before.month)
    expect(after.year).toEqual(before.year)
    for (const [file, inode] of Object.entries(after.older)) expect(inode, file).not.toBe(before.older[file])
  })

  it('nothing changed: every bundle is kept; --no-search then search again writes the index back', async () => {
    const before = await bundles()
    const again = await runCli(['build', '--out', 'site'], dir)
    expect(again.stderr).toMatch(/up to date/)
    expect(await bundles()).toEqual(before)
    const quick = await runCli(['build', '--out', 'site', '--no-search'], dir)
    expect(quick.code, quick.stderr).toBe(0)
    expect((await listFiles(site())).some((file) => file.startsWith('pagefind/'))).toBe(false)
    // The previous site has no bundle to take: every tier is indexed again, as a clean build does.
    await buildAndCompare()
  })

  it('the first brief of a new year indexes the year just ended, not the years before it', async () => {
    const before = await bundles()
    const source = path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
    const text = await readFile(source, 'utf8')
    await writeFile(path.join(dir, 'briefs', '2027-01-01-daily-brief.md'), text.replace(/^date: \S+$/m, 'date: 2027-01-01').replace(/^title: .*$/m, 'title: "Daily Crypto Market Brief - New Year"'))
    await buildAndCompare()
    const after = await bundles()
    // 2025's bundle is taken as it was; 2026 became an earlier year, with all its days.
    expect(Object.keys(after.older).filter((file) => file.startsWith('pagefind/older/2025/'))).not.toEqual([])
    for (const [file, inode] of Object.entries(after.older)) {
      if (file.startsWith('pagefind/older/2025/')) expect(inode, file).toBe(before.older[file])
    }
    expect(await pageCount('pagefind/older/2026')).toBe(TIER_DAYS.year.length + TIER_DAYS.month.length + 1)
    expect(await pageCount('pagefind')).toBe(1)
    expect(after.year).toEqual({})
    const search = parseHtml(await readFile(path.join(site(), 'search', 'index.html'), 'utf8'))
    expect(elements(search, (node) => prop(node, 'id') === 'search').map((node) => prop(node, 'dataBundles'))).toEqual(['pagefind/older/2026/ pagefind/older/2025/'])
  })
})

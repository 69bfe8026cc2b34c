import {existsSync} from 'node:fs'
import {cp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import fc from 'fast-check'
import Parser from 'rss-parser'
import {beforeAll, describe, expect, it} from 'vitest'
import {tagFolder} from '../src/render/tag-folders.js'
import {fixtures, projectRoot, runCli, tempDir} from './helpers.js'
import {parseXml} from './well-formed.js'
import {byTag, elements, hasClass, hashTree, listFiles, parseHtml, prop, readPages} from './site-helpers.js'

/**
 * Tag pages, the feeds of categories, tags and assets, what feed items carry,
 * and the pager around a day left out by --keep-going: through the CLI, on
 * the five-brief fixture archive with tags chosen to break naive slugs.
 */

const archive = path.join(fixtures, 'pages', 'archive')
const sample = path.join(projectRoot, 'briefs')
const baseUrl = 'https://example.org/briefs/'
const TAGS: Record<string, string[]> = {
  '2025-12-30': ['BTC', 'ETF flows', '日本'],
  '2025-12-31': ['btc', 'etf-flows', '中国'],
  '2026-01-02': ['../../etc', 'BTC', '  Spaced   out '],
  '2026-01-05': ['%2e%2e', 'ΔETH', 'con'],
  '2026-02-02': ['BTC', '<script>x</script>']
}

async function project(config: object = {}): Promise<string> {
  const dir = await tempDir()
  await cp(archive, path.join(dir, 'briefs'), {recursive: true})
  for (const [day, tags] of Object.entries(TAGS)) {
    const file = path.join(dir, 'briefs', `${day}.md`)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^tags: .*$/m, `tags: ${JSON.stringify(tags)}`))
  }
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: [], categories: ['crypto', 'Macro & ETFs'], pageSize: 2, baseUrl, ...config}))
  return dir
}

const links = (tree: Root | Element, test: (node: Element) => boolean = () => true) => elements(tree, (node) => node.tagName === 'a' && test(node)).map((node) => prop(node, 'href')!)
const cardDates = (tree: Root) => elements(tree, hasClass('brief-card')).map((card) => prop(elements(card, byTag('time'))[0]!, 'dateTime'))
/** Site-relative file a relative link from `from` leads to. */
const target = (from: string, href: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), href))
const feedLinks = (tree: Root) => elements(tree, (node) => node.tagName === 'link' && prop(node, 'rel') === 'alternate' && prop(node, 'type') === 'application/atom+xml').map((node) => prop(node, 'href')!)

describe('tag pages and the feeds of categories, tags and assets', () => {
  let site: string
  let pages: Awaited<ReturnType<typeof readPages>>
  let files: string[]
  const page = (file: string) => {
    const found = pages.get(file)
    if (!found) throw new Error(`no page ${file}`)
    return found.tree
  }
  const tagLinksOf = (file: string) => links(elements(page(file), hasClass('brief-header'))[0]!, hasClass('tag'))

  beforeAll(async () => {
    const dir = await project()
    const result = await runCli(['build'], dir)
    expect(result.code, result.stderr).toBe(0)
    site = path.join(dir, 'site')
    pages = await readPages(site)
    files = await listFiles(site)
  })

  it('gives every tag a folder of lower-case ASCII under tag/, whatever its text', () => {
    const folders = [...new Set(files.filter((file) => file.startsWith('tag/') && file !== 'tag/index.html').map((file) => file.split('/')[1]!))].sort()
    for (const folder of folders) expect(folder).toMatch(/^[a-z0-9_][a-z0-9_-]*$/)
    // "../../etc" stays inside tag/, "con" is not a name Windows refuses, 日本 and 中国 stay apart.
    expect(folders).toContain('etc')
    expect(folders).not.toContain('con')
    expect(folders.filter((folder) => folder.startsWith('_'))).toHaveLength(2)
    expect(files.some((file) => !file.startsWith('tag/') && /etc|script/.test(file))).toBe(false)
    // BTC/btc and "ETF flows"/"etf-flows" share a page each: 12 distinct tag texts, 10 pages.
    expect(folders).toHaveLength(10)
  })

  it('links each tag of a day page to its page, which lists the day, newest first', () => {
    const day = '2025/12/31/index.html'
    const hrefs = tagLinksOf(day)
    expect(hrefs).toHaveLength(3)
    expect(hrefs[0]).toBe('../../../tag/btc/index.html')
    // Each tag's page, or its 2025 page (pageSize 2), lists the day.
    for (const href of hrefs) {
      const tagPage = target(day, href)
      expect([...cardDates(page(tagPage)), ...cardDates(page(tagPage.replace(/index\.html$/, '2025/index.html')))]).toContain('2025-12-31')
    }
    // BTC and btc: one page, named by the spelling most briefs use, newest first (pageSize 2, then its years).
    const btc = page('tag/btc/index.html')
    expect(toString(elements(btc, byTag('h1'))[0]!)).toBe('Tag: BTC')
    expect(cardDates(btc)).toEqual(['2026-02-02', '2026-01-02'])
    expect(cardDates(page('tag/btc/2025/index.html'))).toEqual(['2025-12-31', '2025-12-30'])
    expect(cardDates(page('tag/etf-flows/index.html'))).toEqual(['2025-12-31', '2025-12-30'])
    // Tag text is text: the <script> tag is shown, never run.
    expect(tagLinksOf('2026/02/02/index.html')).toHaveLength(2)
    expect(pages.get('2026/02/02/index.html')!.html).not.toContain('<script>x')
  })

  it('links tags from the cards of list pages, relative to each page', () => {
    const card = elements(page('2025/12/index.html'), hasClass('brief-card'))[0]!
    const tagHrefs = links(card, hasClass('tag'))
    expect(tagHrefs.map((href) => target('2025/12/index.html', href))).toEqual(['tag/btc/index.html', 'tag/etf-flows/index.html', expect.stringMatching(/^tag\/_[0-9a-f]{8}\/index\.html$/)])
    for (const href of links(elements(page('tag/btc/2025/index.html'), hasClass('brief-card'))[0]!)) expect(files).toContain(target('tag/btc/2025/index.html', href))
  })

  it('lists every tag with its count on tag/index.html, and every tag page in the sitemap', async () => {
    const index = page('tag/index.html')
    expect(links(elements(index, hasClass('tag-list'))[0]!)).toHaveLength(10)
    expect(toString(elements(index, hasClass('tag-list'))[0]!)).toMatch(/^BTC \(4\)/)
    // The home page leads to them: the most used tags, and the list of all.
    const browse = elements(page('index.html'), hasClass('browse'))[0]!
    const byTag = links(browse).filter((href) => href.startsWith('tag/'))
    expect(byTag[0]).toBe('tag/index.html')
    expect(byTag.slice(1, 3)).toEqual(['tag/btc/index.html', 'tag/etf-flows/index.html'])
    expect(byTag).toHaveLength(11)
    const sitemap = await readFile(path.join(site, 'sitemap.xml'), 'utf8')
    for (const file of files.filter((file) => file.startsWith('tag/') && file.endsWith('index.html'))) expect(sitemap).toContain(`<loc>${baseUrl}${file.replace(/index\.html$/, '')}</loc>`)
  })

  it('links each tag, category and asset page (and its years) to its own Atom feed, which parses and lists its briefs', async () => {
    const parser = new Parser()
    const owners = [...pages.keys()].filter((file) => /^(tag\/[^/]+|category\/[^/]+|assets\/[^/]+)\/index\.html$/.test(file))
    expect(owners.length).toBeGreaterThan(12)
    for (const owner of owners) {
      const feeds = feedLinks(page(owner))
      // The site's feed, then its own.
      expect(feeds, owner).toHaveLength(2)
      const feedFile = target(owner, feeds[1]!)
      expect(feedFile).toBe(owner.replace(/index\.html$/, 'feed.xml'))
      const xml = await readFile(path.join(site, feedFile), 'utf8')
      parseXml(xml, feedFile)
      const feed = await parser.parseString(xml)
      expect(feed.link).toBe(`${baseUrl}${owner.replace(/index\.html$/, '')}`)
      expect(xml).toContain(`<link rel="self" href="${baseUrl}${feedFile}"/>`)
      if (!owner.startsWith('assets/')) {
        // Newest first: the page's own cards begin the feed.
        const days = feed.items.map((entry) => entry.link!.slice(baseUrl.length, -1).replaceAll('/', '-'))
        expect(days.slice(0, cardDates(page(owner)).length)).toEqual(cardDates(page(owner)))
      }
    }
    for (const year of ['tag/btc/2025/index.html', 'category/crypto/2025/index.html', 'assets/btc/2025/index.html']) expect(feedLinks(page(year)).map((href) => target(year, href))).toContain(year.replace(/2025\/index\.html$/, 'feed.xml'))
    // The BTC feed: every brief that quotes BTC.
    const btc = await parser.parseString(await readFile(path.join(site, 'assets/btc/feed.xml'), 'utf8'))
    expect(btc.items.map((entry) => entry.link)).toEqual([...pages.keys()].filter((file) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(file)).sort().reverse().map((file) => `${baseUrl}${file.replace(/index\.html$/, '')}`))
  })

  it('carries the summary, the key figures and a link in each feed item by default, never the body', async () => {
    const atom = await readFile(path.join(site, 'feed.xml'), 'utf8')
    const entry = (await new Parser().parseString(atom)).items.find((item) => item.link === `${baseUrl}2025/12/31/`)!
    expect(entry.content).toMatch(/<li>BTC \$[\d,]+/)
    expect(entry.content).toContain(`<a href="${baseUrl}2025/12/31/">Read the whole brief</a>`)
    const body = toString(elements(page('2025/12/31/index.html'), hasClass('brief-body'))[0]!)
    // A sentence of the body that is not in the summary stays out.
    const sentence = body.split(/(?<=\.)\s/).map((text) => text.trim()).find((text) => text.length > 40 && !entry.contentSnippet!.includes(text))!
    expect(atom).not.toContain(sentence.slice(0, 30))
  })
})

describe('an archive without tags', () => {
  it('has no tag pages and no tag links', async () => {
    const dir = await project()
    for (const day of Object.keys(TAGS)) {
      const file = path.join(dir, 'briefs', `${day}.md`)
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^tags: .*\n/m, ''))
    }
    expect((await runCli(['build'], dir)).code).toBe(0)
    expect(existsSync(path.join(dir, 'site', 'tag'))).toBe(false)
    expect(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).not.toMatch(/By tag|tag\//)
  })
})

describe('feedContent', () => {
  it('"full" carries the whole brief; the summary feed is smaller; another value is refused with the key named', async () => {
    const summary = await project()
    const full = await project({feedContent: 'full'})
    for (const dir of [summary, full]) expect((await runCli(['build'], dir)).code).toBe(0)
    const read = (dir: string, file: string) => readFile(path.join(dir, 'site', file), 'utf8')
    const body = toString(elements((await readPages(path.join(full, 'site'))).get('2025/12/31/index.html')!.tree, hasClass('brief-body'))[0]!)
    const words = body.trim().split(/\s+/).slice(-4).join(' ')
    for (const file of ['feed.xml', 'tag/btc/feed.xml', 'category/crypto/feed.xml', 'assets/btc/feed.xml']) {
      const [small, large] = [await read(summary, file), await read(full, file)]
      parseXml(large, file)
      expect(large.length, file).toBeGreaterThan(small.length)
      expect((await new Parser().parseString(large)).items.length, file).toBeGreaterThan(0)
    }
    const fullRss = await new Parser().parseString(await read(full, 'rss.xml'))
    const encoded = (fullRss.items.find((item) => item.link === `${baseUrl}2025/12/31/`) as Record<string, string>)['content:encoded']!
    expect(toString(parseHtml(encoded)).replace(/\s+/g, ' ')).toContain(words)

    await writeFile(path.join(summary, 'briefpress.config.json'), JSON.stringify({feedContent: 'everything'}))
    const refused = await runCli(['build'], summary)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('feedContent')
  })
})

describe('a day left out by --keep-going', () => {
  it('is named by its neighbours\' pagers instead of being skipped silently', async () => {
    const dir = await project()
    const broken = path.join(dir, 'briefs', '2026-01-02.md')
    await writeFile(broken, (await readFile(broken, 'utf8')).replace(/^title: .*\n/m, ''))
    const result = await runCli(['build', '--keep-going'], dir)
    expect(result.code).toBe(1)
    const pages = await readPages(path.join(dir, 'site'))
    expect(pages.has('2026/01/02/index.html')).toBe(false)
    const pager = (file: string) => elements(pages.get(file)!.tree, hasClass('pager'))[0]!
    const before = pager('2025/12/31/index.html')
    expect(links(before, (node) => prop(node, 'rel') === 'next')).toEqual(['../../../2026/01/05/index.html'])
    expect(toString(elements(before, hasClass('pager-next'))[0]!)).toContain('2026-01-02 is missing: it has errors')
    const after = pager('2026/01/05/index.html')
    expect(links(after, (node) => prop(node, 'rel') === 'prev')).toEqual(['../../../2025/12/31/index.html'])
    expect(toString(elements(after, hasClass('pager-previous'))[0]!)).toContain('2026-01-02 is missing: it has errors')
    // Days that are only neighbours of published days say nothing.
    expect(toString(pager('2025/12/30/index.html'))).not.toContain('missing')
    expect(existsSync(path.join(dir, 'site', 'tag', 'etc'))).toBe(false)
  })
})

describe('tag pages, feeds and missing days across incremental builds', () => {
  /** The cached build into `site/` equals a clean, uncached build into `clean/`, file for file. */
  async function expectSameAsClean(dir: string, args: readonly string[] = []): Promise<void> {
    const cached = await runCli(['build', '--out', 'site', '--no-search', ...args], dir)
    const clean = await runCli(['build', '--out', 'clean', '--no-search', '--no-cache', ...args], dir)
    expect(cached.code, cached.stderr).toBe(clean.code)
    expect(await hashTree(path.join(dir, 'site'))).toEqual(await hashTree(path.join(dir, 'clean')))
  }

  it('stay what a clean build writes as tags change, a day breaks and is mended, and feed content changes', async () => {
    const dir = await tempDir()
    await cp(sample, path.join(dir, 'briefs'), {recursive: true})
    const brief = (day: string) => path.join(dir, 'briefs', '2026', '11', `2026-11-${day}-daily-brief.md`)
    const edit = async (day: string, change: (text: string) => string) => writeFile(brief(day), change(await readFile(brief(day), 'utf8')))
    const site = (file: string) => path.join(dir, 'site', file)
    await expectSameAsClean(dir)
    expect(existsSync(site('tag/bridges/feed.xml'))).toBe(true)

    // New tags (one of them shared with another brief by case), and the only `bridges` gone with its pages and feed.
    const inode = async (file: string) => (await stat(site(file))).ino
    const untouched = await inode('tag/macro/index.html')
    await edit('18', (text) => text.replace(/^tags: .*$/m, 'tags: [Bitcoin, "New Tag", "Ünïcode tag"]'))
    await expectSameAsClean(dir)
    // A tag whose briefs are unchanged keeps its page from the previous build.
    expect(await inode('tag/macro/index.html')).toBe(untouched)
    expect(existsSync(site('tag/bridges'))).toBe(false)
    expect(await readFile(site('tag/new-tag/feed.xml'), 'utf8')).toContain('/2026/11/18/')
    expect(await readFile(site('2026/11/17/index.html'), 'utf8')).toContain('href="../../../tag/bitcoin/index.html"')

    // A day with errors, built with --keep-going: its neighbours say it is missing; mended, they link it again.
    const title = /^title: .*\n/m.exec(await readFile(brief('16'), 'utf8'))![0]
    await edit('16', (text) => text.replace(title, ''))
    await expectSameAsClean(dir, ['--keep-going'])
    expect(await readFile(site('2026/11/15/index.html'), 'utf8')).toContain('2026-11-16 is missing: it has errors')
    // Deleted: the neighbours are the same days, but nothing is missing any more.
    const broken = await readFile(brief('16'), 'utf8')
    await rm(brief('16'))
    await expectSameAsClean(dir)
    expect(await readFile(site('2026/11/15/index.html'), 'utf8')).not.toContain('is missing')
    await writeFile(brief('16'), broken.replace(/^---\n/, `---\n${title}`))
    await expectSameAsClean(dir)
    expect(await readFile(site('2026/11/15/index.html'), 'utf8')).not.toContain('is missing')

    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({feedContent: 'full'}))
    await expectSameAsClean(dir)
    expect((await readFile(site('tag/bitcoin/feed.xml'))).length).toBeGreaterThan((await readFile(path.join(dir, 'site', 'tag', 'new-tag', 'feed.xml'))).length)
  }, 120_000)
})

describe('tagFolder', () => {
  it('gives any text a folder of safe characters below tag/, the same for case and spacing variants (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 80}), (tag) => {
        const folder = tagFolder(tag)
        if (tag.trim() === '') {
          expect(folder).toBeUndefined()
          return
        }
        expect(folder).toMatch(/^tag\/[a-z0-9_][a-z0-9_-]{0,80}\/$/)
        expect(folder).not.toMatch(/^tag\/(con|prn|aux|nul|com\d|lpt\d)\/$/)
        expect(tagFolder(`  ${tag.toUpperCase()}\t`)).toBe(tagFolder(tag.toUpperCase()))
      }),
      {numRuns: 500}
    )
    // Distinct texts whose ASCII slug would lose letters keep distinct folders.
    expect(new Set(['日本', '中国', 'ΔETH', 'ΣETH', '🙂', '🙃'].map(tagFolder)).size).toBe(6)
  })
})

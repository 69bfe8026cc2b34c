import {cp, readFile, stat, writeFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import fc from 'fast-check'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {categoryFolders, slug} from '../src/render/paths.js'
import {briefList} from '../templates/brief-list.js'
import type {PublishedBrief} from '../src/render/site.js'
import {fixtures, runCli, tempDir} from './helpers.js'
import {byTag, elements, hasClass, listFiles, parseHtml, prop, readPages} from './site-helpers.js'

const archive = path.join(fixtures, 'pages', 'archive')
const baseUrl = 'https://example.org/briefs/'
const config = {
  requiredSections: [],
  categories: ['crypto', 'Macro & ETFs'],
  pageSize: 2,
  baseUrl,
  allowedImageHosts: ['allowed.example']
}

/** Builds the fixture archive (5 briefs over Dec 2025 – Feb 2026, two categories) into a fresh folder. */
async function buildPages(overrides: object = {}) {
  const dir = await tempDir()
  await cp(archive, path.join(dir, 'briefs'), {recursive: true})
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({...config, ...overrides}))
  const result = await runCli(['build'], dir)
  const site = path.join(dir, 'site')
  return {dir, site, result}
}

const links = (tree: Root | Element, test: (node: Element) => boolean = () => true) => elements(tree, (node) => node.tagName === 'a' && test(node)).map((node) => prop(node, 'href'))
const texts = (nodes: Element[]) => nodes.map((node) => toString(node).trim())

describe('site pages', () => {
  let built: Awaited<ReturnType<typeof buildPages>>
  let pages: Awaited<ReturnType<typeof readPages>>
  const page = (file: string) => {
    const found = pages.get(file)
    if (!found) throw new Error(`no page ${file}`)
    return found.tree
  }

  beforeAll(async () => {
    built = await buildPages()
    expect(built.result.code, built.result.stderr).toBe(0)
    pages = await readPages(built.site)
  })

  it('writes the index, day, year, month, category, asset and 404 pages, and counts them all', async () => {
    const html = (await listFiles(built.site)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    expect(html).toEqual([
      '2025/12/30/index.html',
      '2025/12/31/index.html',
      '2025/12/index.html',
      '2025/index.html',
      '2026/01/02/index.html',
      '2026/01/05/index.html',
      '2026/01/index.html',
      '2026/02/02/index.html',
      '2026/02/index.html',
      '2026/index.html',
      '404.html',
      // AVAX has prices on two days; ADA on one day only, so no page.
      // Each asset and category has a page per year besides its own.
      'assets/avax/2026/index.html',
      'assets/avax/index.html',
      'assets/btc/2025/index.html',
      'assets/btc/2026/index.html',
      'assets/btc/index.html',
      'assets/eth/2025/index.html',
      'assets/eth/index.html',
      'assets/index.html',
      'assets/sol/2026/index.html',
      'assets/sol/index.html',
      'category/crypto/2025/index.html',
      'category/crypto/2026/index.html',
      'category/crypto/index.html',
      'category/macro-etfs/2025/index.html',
      'category/macro-etfs/2026/index.html',
      'category/macro-etfs/index.html',
      'index.html',
      ...html.filter((file) => file.startsWith('search/')),
      // Every brief is tagged bitcoin: the tags' list, the tag's page and its years.
      'tag/bitcoin/2025/index.html',
      'tag/bitcoin/2026/index.html',
      'tag/bitcoin/index.html',
      'tag/index.html'
    ])
    expect(built.result.stderr).toMatch(new RegExp(`^Wrote ${html.length} pages \\(5 briefs\\)`, 'm'))
  })

  it('lists every page but the 404 and search pages in the sitemap, as absolute URLs under the base path', async () => {
    const sitemap = await readFile(path.join(built.site, 'sitemap.xml'), 'utf8')
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
    const expected = [...pages.keys()].filter((file) => file !== '404.html' && !/^(pagefind|search)\//.test(file)).map((file) => baseUrl + file.replace(/index\.html$/, ''))
    expect([...locs].sort()).toEqual(expected.sort())
  })

  it('lists the newest briefs on the index, and leads on to the month where the others begin', () => {
    const cards = (file: string) => elements(page(file), hasClass('brief-card')).map((card) => prop(elements(card, byTag('time'))[0]!, 'dateTime'))
    // pageSize is 2: the other three briefs are in their months and years, never on numbered pages.
    expect(cards('index.html')).toEqual(['2026-02-02', '2026-01-05'])
    expect([...pages.keys()].filter((file) => file.startsWith('page/'))).toEqual([])
    expect(texts(elements(page('index.html'), hasClass('count')))).toEqual(['5 briefs; the newest 2 below, the rest by month, year, category and asset.'])
    // 2 Jan 2026 is the first brief not listed: January's page lists it, with the month's other brief.
    const older = elements(page('index.html'), (node) => hasClass('pager')(node))[0]!
    expect(links(older)).toEqual(['2026/01/index.html'])
    expect(toString(older)).toBe('Older briefs →January 2026')
    expect(cards('2026/01/index.html')).toEqual(['2026-01-05', '2026-01-02'])
    // The BTC chart is on the index.
    expect(elements(page('index.html'), byTag('svg'))).toHaveLength(1)
  })

  it('says so when the index lists every brief, and has no link to older ones', async () => {
    const all = await buildPages({pageSize: 5})
    expect(all.result.code, all.result.stderr).toBe(0)
    const index = parseHtml(await readFile(path.join(all.site, 'index.html'), 'utf8'))
    expect(elements(index, hasClass('brief-card'))).toHaveLength(5)
    expect(texts(elements(index, hasClass('count')))).toEqual(['5 briefs, newest first.'])
    expect(elements(index, hasClass('pager'))).toEqual([])
  })

  it('links the index to every year, month, category and asset page, and to the tags', () => {
    const browse = elements(page('index.html'), hasClass('browse'))[0]!
    expect(links(browse)).toEqual([
      '2026/index.html',
      '2026/02/index.html',
      '2026/01/index.html',
      '2025/index.html',
      '2025/12/index.html',
      // Code-unit order, the same on every machine.
      'category/macro-etfs/index.html',
      'category/crypto/index.html',
      'assets/index.html',
      'assets/btc/index.html',
      'assets/eth/index.html',
      'assets/sol/index.html',
      'assets/avax/index.html',
      'tag/index.html',
      'tag/bitcoin/index.html'
    ])
  })

  it('gives each day breadcrumbs to its year and month, a category link and previous/next days', () => {
    const day = page('2026/01/05/index.html')
    const crumbs = elements(day, hasClass('breadcrumbs'))[0]!
    expect(links(crumbs)).toEqual(['../../../index.html', '../../../2026/index.html', '../../../2026/01/index.html'])
    expect(texts(elements(crumbs, byTag('li')))).toEqual(['Home', '2026', 'January', '5 Jan 2026'])
    expect(links(day, hasClass('category'))).toEqual(['../../../category/crypto/index.html'])
    expect(links(day, (node) => ['prev', 'next'].includes(String(prop(node, 'rel'))))).toEqual(['../../../2026/01/02/index.html', '../../../2026/02/02/index.html'])
    expect(links(page('2025/12/31/index.html'), hasClass('category'))).toEqual(['../../../category/macro-etfs/index.html'])
  })

  it('lists a year by month and a month with links to the months around it', () => {
    const year = page('2026/index.html')
    expect(texts(elements(year, byTag('h1')))).toEqual(['2026'])
    expect(elements(year, hasClass('brief-card')).map((card) => links(card)[0])).toEqual(['../2026/02/02/index.html', '../2026/01/05/index.html', '../2026/01/02/index.html'])
    expect(links(elements(year, hasClass('pager'))[0]!, (node) => prop(node, 'rel') === 'prev')).toEqual(['../2025/index.html'])

    const month = page('2026/01/index.html')
    expect(texts(elements(month, byTag('h1')))).toEqual(['January 2026'])
    expect(elements(month, hasClass('brief-card'))).toHaveLength(2)
    const pager = elements(month, hasClass('pager'))[0]!
    expect(links(pager, (node) => prop(node, 'rel') === 'prev')).toEqual(['../../2025/12/index.html'])
    expect(links(pager, (node) => prop(node, 'rel') === 'next')).toEqual(['../../2026/02/index.html'])
  })

  it('gives each category a page of its newest briefs and a page per year with all of them', () => {
    const cards = (tree: Root) => elements(tree, hasClass('brief-card')).map((card) => prop(elements(card, byTag('time'))[0]!, 'dateTime'))
    const macro = page('category/macro-etfs/index.html')
    expect(texts(elements(macro, byTag('h1')))).toEqual(['Category: Macro & ETFs'])
    expect(cards(macro)).toEqual(['2026-02-02', '2025-12-31'])
    // crypto has three briefs, more than pageSize: the newest two, then its years.
    const crypto = page('category/crypto/index.html')
    expect(cards(crypto)).toEqual(['2026-01-05', '2026-01-02'])
    expect(texts(elements(crypto, hasClass('count')))).toEqual(["3 briefs; the newest 2 below, every one in its year's list."])
    const years = elements(crypto, hasClass('month-summary'))[0]!
    expect(links(years)).toEqual(['../../category/crypto/2026/index.html', '../../category/crypto/2025/index.html'])
    expect(toString(years)).toBe('2026 (2)2025 (1)')

    const year = page('category/crypto/2025/index.html')
    expect(texts(elements(year, byTag('h1')))).toEqual(['Category: crypto, 2025'])
    expect(cards(year)).toEqual(['2025-12-30'])
    expect(links(elements(year, hasClass('brief-card'))[0]!)).toEqual(['../../../2025/12/30/index.html', '../../../tag/bitcoin/index.html'])
    expect(links(elements(year, hasClass('breadcrumbs'))[0]!)).toEqual(['../../../index.html', '../../../category/crypto/index.html'])
    const pager = elements(year, hasClass('pager'))[0]!
    expect(links(pager, (node) => prop(node, 'rel') === 'next')).toEqual(['../../../category/crypto/2026/index.html'])
    expect(links(pager, hasClass('pager-index'))).toEqual(['../../../category/crypto/index.html'])
    expect(cards(page('category/crypto/2026/index.html'))).toEqual(['2026-01-05', '2026-01-02'])
  })

  it('draws each asset’s history as an inline SVG chart with gaps for missing days, and a table with caption and headers', () => {
    const btc = page('assets/btc/index.html')
    const svg = elements(btc, byTag('svg'))[0]!
    expect(prop(svg, 'role')).toBe('img')
    expect(toString(elements(svg, byTag('title'))[0]!)).toBe('Bitcoin (BTC) price in USD')
    // 30 Dec 2025 to 2 Feb 2026 is 35 calendar days, of which 5 have a brief.
    expect(toString(elements(svg, byTag('desc'))[0]!)).toContain('Lowest $93,600 on 31 Dec 2025, highest $97,300 on 2 Feb 2026, last $97,300 on 2 Feb 2026. 30 of 35 days have no figure.')
    const line = elements(svg, (node) => node.tagName === 'path' && hasClass('chart-line')(node))[0]!
    // A gap starts a new subpath rather than joining the days around it.
    expect(String(prop(line, 'd')).match(/M/g)!.length).toBeGreaterThan(1)

    const table = elements(btc, byTag('table'))[0]!
    expect(toString(elements(table, byTag('caption'))[0]!)).toMatch(/^BTC price and 24h change by day/)
    expect(elements(table, (node) => node.tagName === 'th' && prop(node, 'scope') === 'col').map((node) => toString(node))).toEqual(['Date', 'Price or range', '24h change'])
    const rowLinks = (tree: Root | Element) => elements(tree, (node) => node.tagName === 'th' && prop(node, 'scope') === 'row').map((row) => links(row)[0])
    // The newest pageSize (2) days; every day is in its year's table.
    expect(rowLinks(table)).toEqual(['../../2026/02/02/index.html', '../../2026/01/05/index.html'])
    const years = elements(btc, hasClass('month-summary'))[0]!
    expect(links(years)).toEqual(['../../assets/btc/2026/index.html', '../../assets/btc/2025/index.html'])
    expect(toString(years)).toContain('5 days with a figure; the newest 2 below')

    const btc2025 = page('assets/btc/2025/index.html')
    expect(texts(elements(btc2025, byTag('h1')))).toEqual(['Bitcoin (BTC) in 2025'])
    expect(rowLinks(btc2025)).toEqual(['../../../2025/12/31/index.html', '../../../2025/12/30/index.html'])
    expect(toString(elements(btc2025, byTag('tr'))[1]!)).toMatch(/31 Dec 2025\$93,600.*−0\.53%/)
    // The year's own chart: 30 and 31 December.
    expect(toString(elements(elements(btc2025, byTag('svg'))[0]!, byTag('desc'))[0]!)).toContain('Lowest $93,600 on 31 Dec 2025')
    expect(toString(elements(elements(btc2025, byTag('svg'))[0]!, byTag('desc'))[0]!)).not.toContain('2026')
    expect(links(elements(btc2025, hasClass('pager'))[0]!)).toEqual(['../../../assets/btc/index.html', '../../../assets/btc/2026/index.html'])
    expect(rowLinks(page('assets/btc/2026/index.html'))).toEqual(['../../../2026/02/02/index.html', '../../../2026/01/05/index.html', '../../../2026/01/02/index.html'])
    // The table scrolls in its own box on a narrow screen.
    expect(elements(btc, hasClass('table-scroll')).flatMap((box) => elements(box, byTag('table')))).toHaveLength(1)

    const assets = page('assets/index.html')
    const names = elements(assets, (node) => node.tagName === 'th' && prop(node, 'scope') === 'row')
    expect(names.map((name) => [toString(name), links(name)[0]])).toEqual([
      ['Bitcoin (BTC)', '../assets/btc/index.html'],
      ['Ethereum (ETH)', '../assets/eth/index.html'],
      ['Solana (SOL)', '../assets/sol/index.html'],
      ['Avalanche (AVAX)', '../assets/avax/index.html']
    ])
    expect(toString(elements(assets, byTag('caption'))[0]!)).toBe('Assets with a price history')
  })

  it('links the key-figures panel to the asset pages that exist', () => {
    const panel = elements(page('2026/02/02/index.html'), hasClass('key-figures'))[0]!
    const heads = elements(panel, (node) => node.tagName === 'th' && prop(node, 'scope') === 'row')
    expect(heads.map((head) => [toString(head), links(head)[0]])).toEqual([
      ['BTC', '../../../assets/btc/index.html'],
      ['ADA', undefined]
    ])
  })

  it('aligns each figure column with its header, and writes no zeros that say nothing', () => {
    const tables = ['2026/02/02/index.html', 'assets/btc/index.html', 'assets/index.html'].flatMap((file) => elements(page(file), byTag('table')))
    expect(tables).toHaveLength(3)
    for (const table of tables) {
      const heads = elements(elements(table, byTag('thead'))[0]!, byTag('th'))
      for (const row of elements(elements(table, byTag('tbody'))[0]!, byTag('tr'))) {
        const cells = row.children.filter((node): node is Element => node.type === 'element')
        // A right-aligned figure sits under a right-aligned header, a left-aligned one under a left-aligned header.
        expect(cells.map((cell) => hasClass('num')(cell)), toString(row)).toEqual(heads.map((head) => hasClass('num')(head)))
      }
    }
    const panel = toString(elements(page('2026/02/02/index.html'), hasClass('key-figures'))[0]!)
    expect(panel).toContain('$0.91')
    expect(panel).not.toMatch(/\$[\d,]+\.00(?!\d)|\$0\.\d*0(?!\d)/)
  })

  it('gives every page but the 404 page a canonical URL and og:url under the base URL, and keeps its links relative', () => {
    for (const [file, {tree}] of pages) {
      if (file.startsWith('pagefind/')) continue
      const canonical = elements(tree, (node) => node.tagName === 'link' && prop(node, 'rel') === 'canonical').map((node) => prop(node, 'href'))
      const ogUrl = elements(tree, (node) => node.tagName === 'meta' && prop(node, 'property') === 'og:url').map((node) => prop(node, 'content'))
      const internal = elements(tree, (node) => ['a', 'link', 'img', 'script'].includes(node.tagName))
        .map((node) => prop(node, 'href') ?? prop(node, 'src') ?? '')
        .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#'))
      if (file === '404.html') {
        expect(canonical).toEqual([])
        // Served at any missing path: every link starts from the base path.
        expect(internal.filter((href) => !href.startsWith('/briefs/'))).toEqual([])
        continue
      }
      const url = baseUrl + file.replace(/index\.html$/, '')
      expect(canonical, file).toEqual([url])
      expect(ogUrl, file).toEqual([url])
      expect(internal.filter((href) => href.startsWith('/')), file).toEqual([])
    }
  })

  it('tells what a shared link shows: og:title, og:description, og:image (a card of the day) and twitter:card, with absolute URLs under the base URL', async () => {
    const meta = (tree: Root, key: string) => elements(tree, (node) => node.tagName === 'meta' && (prop(node, 'property') ?? prop(node, 'name')) === key).map((node) => prop(node, 'content'))
    for (const [file, {tree}] of pages) {
      if (file === '404.html') continue
      const title = toString(elements(tree, byTag('title'))[0]!)
      expect(meta(tree, 'og:title'), file).toEqual([title.replace(/ · [^·]*$/, '')])
      expect(meta(tree, 'og:description'), file).toEqual(meta(tree, 'description'))
      expect(meta(tree, 'twitter:card'), file).toEqual(['summary_large_image'])
      const [image] = meta(tree, 'og:image')
      expect(image, file).toMatch(/^https:\/\/example\.org\/briefs\/.*card\.svg$/)
      // The picture is on the site, where its URL says.
      const card = await readFile(path.join(built.site, image!.slice(baseUrl.length)), 'utf8')
      expect(card, file).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
      expect(meta(tree, 'og:image:alt')[0], file).toBeTruthy()
    }
    // A day's own card: its date, title and figures.
    const day = page('2026/02/02/index.html')
    expect(meta(day, 'og:image')).toEqual([`${baseUrl}2026/02/02/card.svg`])
    const card = await readFile(path.join(built.site, '2026/02/02/card.svg'), 'utf8')
    expect(card).toContain('Monday, 2 February 2026')
    expect(card).toContain('$97,300')
    for (const word of toString(elements(day, byTag('h1'))[0]!).split(' ')) expect(card).toContain(word.replaceAll('&', '&amp;'))
    expect(meta(page('index.html'), 'og:image')).toEqual([`${baseUrl}card.svg`])
  })

  it('links a favicon from every page, the 404 page included, and ships it', async () => {
    for (const [file, {tree}] of pages) {
      const icons = elements(tree, (node) => node.tagName === 'link' && prop(node, 'rel') === 'icon')
      expect(icons.map((icon) => prop(icon, 'type')), file).toEqual(['image/svg+xml'])
      const href = prop(icons[0]!, 'href')!
      // Relative from the page; from the base path on the 404 page, served at any missing path.
      const target = file === '404.html' ? href.replace(/^\/briefs\//, '') : path.posix.join(path.posix.dirname(file), href)
      expect(target, file).toBe('favicon.svg')
    }
    expect(await readFile(path.join(built.site, 'favicon.svg'), 'utf8')).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  })

  it('sets a Content-Security-Policy on every page that allows only the site and the allowed image hosts', () => {
    for (const [file, {tree}] of pages) {
      if (file.startsWith('pagefind/')) continue
      const metas = elements(tree, byTag('meta'))
      const csp = metas.filter((node) => String(prop(node, 'httpEquiv')).toLowerCase() === 'content-security-policy')
      expect(csp, file).toHaveLength(1)
      // Right after the charset, before anything it governs.
      expect(metas.indexOf(csp[0]!), file).toBe(1)
      const policy = prop(csp[0]!, 'content')
      if (file.startsWith('search/')) expect(policy).toContain("script-src 'self'")
      else {
        expect(policy, file).toBe("default-src 'none'; img-src 'self' data: allowed.example *.allowed.example; style-src 'self'; base-uri 'none'; form-action 'self'")
        expect(elements(tree, byTag('script')), file).toEqual([])
      }
    }
  })

  it('has no inline style or script anywhere, the sanitized body included', () => {
    for (const [file, {html, tree}] of pages) {
      if (file.startsWith('pagefind/')) continue
      expect(elements(tree, (node) => node.properties.style !== undefined).map((node) => node.tagName), file).toEqual([])
      expect(elements(tree, byTag('style')), file).toEqual([])
      expect(elements(tree, (node) => node.tagName === 'script' && prop(node, 'src') === undefined), file).toEqual([])
      expect(elements(tree, (node) => Object.keys(node.properties).some((name) => /^on[a-z]/i.test(name))), file).toEqual([])
      expect(html, file).not.toMatch(/\sstyle=|\son[a-z]+=|javascript:/i)
    }
    // The brief's styled paragraph is still there, as text without its style.
    const styled = elements(page('2026/02/02/index.html'), (node) => node.tagName === 'p' && toString(node) === 'A styled paragraph.')
    expect(styled).toHaveLength(1)
  })

  it('loads nothing from a third-party host: every link, script and image is on the site or an allowed host', () => {
    const outside: string[] = []
    for (const [file, {tree}] of pages) {
      for (const node of elements(tree, (element) => ['link', 'script', 'img', 'iframe', 'source', 'video', 'audio', 'object', 'embed'].includes(element.tagName))) {
        const rel = String(prop(node, 'rel') ?? '')
        // canonical and alternate name the site's own absolute URLs; the browser fetches neither.
        if (node.tagName === 'link' && /canonical|alternate|prev|next/.test(rel)) {
          expect(prop(node, 'href')!.startsWith(baseUrl) || !/^[a-z]+:|^\/\//i.test(prop(node, 'href')!), `${file}: ${prop(node, 'href')}`).toBe(true)
          continue
        }
        const url = prop(node, 'src') ?? prop(node, 'href') ?? ''
        if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue
        const host = new URL(url, 'https://site.invalid/').hostname
        if (host !== 'allowed.example' && !host.endsWith('.allowed.example')) outside.push(`${file}: <${node.tagName}> ${url}`)
      }
    }
    expect(outside).toEqual([])
    // The allowed image stays an image; the tracker became a link.
    const day = page('2026/02/02/index.html')
    expect(elements(day, byTag('img')).map((node) => prop(node, 'src'))).toEqual(['https://charts.allowed.example/btc.png'])
    expect(links(day, hasClass('offsite-image'))).toEqual(['https://tracker.example.com/pixel.png'])
  })

  it('ships a stylesheet with dark mode, a print style that shows source URLs, and charts and tables that fit 360 px', async () => {
    const css = await readFile(path.join(built.site, 'style.css'), 'utf8')
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/)
    const print = [...css.matchAll(/@media print \{([\s\S]*?)\n\}/g)].map((match) => match[1]).join('\n')
    expect(print).toMatch(/\.site-nav[^{]*\{ display: none; \}|display: none;[^}]*/)
    expect(print).toMatch(/\.breadcrumbs/)
    expect(print).toMatch(/a\[href\^="http"\]::after \{ content: " <" attr\(href\) ">"/)
    expect(css).toMatch(/svg\.chart \{ max-width: 100%; height: auto;/)
    // Positioned, so that it clips what is placed absolutely inside it (visually hidden words).
    expect(css).toMatch(/\.table-scroll \{ overflow-x: auto; max-width: 100%; position: relative; \}/)
  })
})

/**
 * Serves `site` at http://127.0.0.1:<port>/briefs/ as a static host would: a
 * folder gives its index.html, anything missing gives 404.html with status 404.
 */
async function serve(site: string): Promise<{server: Server; origin: string}> {
  const types: Record<string, string> = {'.html': 'text/html', '.css': 'text/css', '.xml': 'application/xml', '.json': 'application/json', '.js': 'text/javascript'}
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const notFound = async () => {
      response.writeHead(404, {'content-type': 'text/html'})
      response.end(await readFile(path.join(site, '404.html')))
    }
    if (!pathname.startsWith('/briefs/')) return notFound()
    let file = path.join(site, pathname.slice('/briefs/'.length))
    if (!file.startsWith(site)) return notFound()
    const info = await stat(file).catch(() => undefined)
    if (info?.isDirectory()) file = path.join(file, 'index.html')
    const content = await readFile(file).catch(() => undefined)
    if (!content) return notFound()
    response.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'})
    response.end(content)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`}
}

describe('a site served under a base path', () => {
  let server: Server
  let origin: string
  beforeAll(async () => {
    const built = await buildPages()
    expect(built.result.code, built.result.stderr).toBe(0)
    ;({server, origin} = await serve(built.site))
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** Every href and src of the page at `url`, resolved as a browser would; the site's absolute URLs mapped to the test server. */
  async function followAll(url: string, expectedStatus = 200): Promise<string[]> {
    const response = await fetch(url)
    expect(response.status, url).toBe(expectedStatus)
    const tree = parseHtml(await response.text())
    const targets = new Set<string>()
    for (const node of elements(tree)) {
      for (const name of ['href', 'src']) {
        const value = prop(node, name)
        // A fragment of the page itself: fetched already.
        if (value === undefined || value.startsWith('#')) continue
        const resolved = new URL(value, url)
        if (resolved.href.startsWith(baseUrl)) targets.add(origin + new URL(resolved.href).pathname)
        else if (resolved.origin === origin) targets.add(resolved.origin + resolved.pathname)
        // Anything else is a source on another site, only followed by a reader's click.
        else expect(node.tagName, `${url}: ${value}`).toBe('a')
      }
    }
    const broken: string[] = []
    for (const target of targets) {
      const status = (await fetch(target)).status
      if (status !== 200) broken.push(`${url} → ${target}: ${status}`)
    }
    expect(broken).toEqual([])
    return [...targets]
  }

  it('resolves every link and asset of the index, a day, an archive, an asset and the 404 page', async () => {
    const followed = [
      ...(await followAll(`${origin}/briefs/`)),
      ...(await followAll(`${origin}/briefs/2026/01/05/`)),
      ...(await followAll(`${origin}/briefs/2026/01/index.html`)),
      ...(await followAll(`${origin}/briefs/category/macro-etfs/`)),
      ...(await followAll(`${origin}/briefs/assets/btc/`)),
      // The 404 page, as a server sends it for a deep missing path.
      ...(await followAll(`${origin}/briefs/no/such/page/`, 404))
    ]
    expect(followed).toContain(`${origin}/briefs/style.css`)
    expect(followed).toContain(`${origin}/briefs/feed.xml`)
    expect(followed).toContain(`${origin}/briefs/assets/btc/`)
    expect(followed.length).toBeGreaterThan(30)
  })
})

describe('category slugs', () => {
  it('are lower-case ASCII for any category, and distinct for distinct categories', () => {
    expect(slug('Macro & ETFs')).toBe('macro-etfs')
    expect(slug('Café  Crème')).toBe('cafe-creme')
    const folders = categoryFolders(['ETF news', 'etf-news', '日本', '../etc', 'crypto'])
    expect(folders.get('crypto')).toBe('category/crypto/')
    expect(folders.get('../etc')).toBe('category/etc/')
    expect(folders.get('日本')).toMatch(/^category\/c-[0-9a-f]{8}\/$/)
    expect(folders.get('ETF news')).not.toBe(folders.get('etf-news'))
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({minLength: 1}), {minLength: 1, maxLength: 8}), (categories) => {
        const found = categoryFolders(categories)
        for (const folder of found.values()) expect(folder).toMatch(/^category\/[a-z0-9][a-z0-9-]{0,79}\/$/)
        expect(new Set(found.values()).size).toBe(categories.length)
      })
    )
  })
})

describe('config', () => {
  it('rejects a page size that is not a positive whole number', async () => {
    const {result} = await buildPages({pageSize: 0})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/pageSize/)
  })
})

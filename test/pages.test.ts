import {cp, readFile, stat, writeFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import fc from 'fast-check'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {categoryFolders, slug} from '../src/render/paths.js'
import {toHtml} from 'hast-util-to-html'
import {briefList, pageNumbers, pagination} from '../templates/brief-list.js'
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

  it('writes the paginated index, day, year, month, category, asset and 404 pages, and counts them all', async () => {
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
      'assets/avax/index.html',
      'assets/btc/index.html',
      'assets/eth/index.html',
      'assets/index.html',
      'assets/sol/index.html',
      'category/crypto/index.html',
      'category/macro-etfs/index.html',
      'index.html',
      'page/2/index.html',
      'page/3/index.html',
      ...html.filter((file) => file.startsWith('search/'))
    ])
    expect(built.result.stderr).toMatch(new RegExp(`^Wrote ${html.length} pages \\(5 briefs\\)`, 'm'))
  })

  it('lists every page but the 404 and search pages in the sitemap, as absolute URLs under the base path', async () => {
    const sitemap = await readFile(path.join(built.site, 'sitemap.xml'), 'utf8')
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
    const expected = [...pages.keys()].filter((file) => file !== '404.html' && !/^(pagefind|search)\//.test(file)).map((file) => baseUrl + file.replace(/index\.html$/, ''))
    expect([...locs].sort()).toEqual(expected.sort())
  })

  it('paginates the index newest first, with newer/older links and page numbers', () => {
    const cards = (file: string) => elements(page(file), hasClass('brief-card')).map((card) => prop(elements(card, byTag('time'))[0]!, 'dateTime'))
    expect(cards('index.html')).toEqual(['2026-02-02', '2026-01-05'])
    expect(cards('page/2/index.html')).toEqual(['2026-01-02', '2025-12-31'])
    expect(cards('page/3/index.html')).toEqual(['2025-12-30'])

    const nav = (file: string) => elements(page(file), hasClass('pagination'))[0]!
    expect(links(nav('index.html'))).toEqual(['page/2/index.html', 'page/3/index.html', 'page/2/index.html'])
    expect(texts(elements(nav('index.html'), (node) => prop(node, 'ariaCurrent') === 'page'))).toEqual(['Page 1'])
    expect(links(nav('page/2/index.html'))).toEqual(['../../index.html', '../../index.html', '../../page/3/index.html', '../../page/3/index.html'])
    expect(links(nav('page/3/index.html'), (node) => prop(node, 'rel') === 'prev')).toEqual(['../../page/2/index.html'])
    // The head says it too, for crawlers and browsers.
    const rel = (file: string, name: string) => elements(page(file), (node) => node.tagName === 'link' && prop(node, 'rel') === name).map((node) => prop(node, 'href'))
    expect(rel('page/2/index.html', 'prev')).toEqual(['../../index.html'])
    expect(rel('page/2/index.html', 'next')).toEqual(['../../page/3/index.html'])
    // The BTC chart is on the first page only.
    expect(elements(page('index.html'), byTag('svg'))).toHaveLength(1)
    expect(elements(page('page/2/index.html'), byTag('svg'))).toHaveLength(0)
  })

  it('links the index to every year, month, category and asset page', () => {
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
      'assets/avax/index.html'
    ])
    // Deeper index pages link to the same pages from their depth.
    for (const file of ['page/2/index.html', 'page/3/index.html']) {
      expect(links(elements(page(file), hasClass('browse'))[0]!)).toEqual(links(browse).map((href) => `../../${href}`))
    }
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

  it('gives each category its page with only its briefs', () => {
    const category = page('category/macro-etfs/index.html')
    expect(texts(elements(category, byTag('h1')))).toEqual(['Category: Macro & ETFs'])
    expect(elements(category, hasClass('brief-card')).map((card) => prop(elements(card, byTag('time'))[0]!, 'dateTime'))).toEqual(['2026-02-02', '2025-12-31'])
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
    const rows = elements(table, (node) => node.tagName === 'th' && prop(node, 'scope') === 'row')
    expect(rows.map((row) => links(row)[0])).toEqual(['../../2026/02/02/index.html', '../../2026/01/05/index.html', '../../2026/01/02/index.html', '../../2025/12/31/index.html', '../../2025/12/30/index.html'])
    expect(toString(elements(table, byTag('tr'))[4]!)).toMatch(/31 Dec 2025\$93,600.*−0\.53%/)
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
    expect(css).toMatch(/\.table-scroll \{ overflow-x: auto; max-width: 100%; \}/)
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

describe('page numbers of a long index', () => {
  it('shows the first, the last and two pages around the current one, with gaps that never hide a single page', () => {
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3])
    expect(pageNumbers(1, 134)).toEqual([1, 2, 3, null, 134])
    expect(pageNumbers(50, 134)).toEqual([1, null, 48, 49, 50, 51, 52, null, 134])
    expect(pageNumbers(4, 134)).toEqual([1, 2, 3, 4, 5, 6, null, 134])
    expect(pageNumbers(5, 134)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 134])
    expect(pageNumbers(134, 134)).toEqual([1, null, 132, 133, 134])
    expect(pageNumbers(7, 9)).toEqual([1, null, 5, 6, 7, 8, 9])
    expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5])
  })

  it('renders gaps as a hidden ellipsis and keeps the current page unlinked', () => {
    const nav = pagination({page: 50, pages: 134, href: (n) => `page/${n}/`})!
    const items = (nav.children[1] as Element).children as Element[]
    expect(items).toHaveLength(9)
    expect(items.filter((item) => item.properties.className?.toString().includes('pagination-gap')).map((item) => item.properties.ariaHidden)).toEqual(['true', 'true'])
    expect(toHtml(nav)).toContain('<span class="current" aria-current="page"><span class="visually-hidden">Page </span>50</span>')
    expect(toHtml(nav)).toContain('href="page/134/"')
    expect(toHtml(nav)).not.toContain('href="page/47/"')
  })
})

describe('brief cards kept between pages and builds', () => {
  const item = (day: string, briefKey: string | undefined) =>
    ({
      brief: {file: {data: briefKey ? {briefKey} : {}}},
      date: `2026-11-${day}`,
      title: `Brief ${day}`,
      category: 'crypto',
      tags: [],
      excerpt: `Excerpt ${day}`,
      folder: `2026/11/${day}/`,
      data: {prices: [{asset: 'Bitcoin', symbol: 'BTC', price: 100000, line: 1}], topSeverity: 'high'}
    }) as unknown as PublishedBrief
  const render = (items: PublishedBrief[], cards?: Map<string, string>, link = (to: PublishedBrief) => `../../${to.folder}index.html`) =>
    // As the site stringifies its pages: raw HTML (the memo's) passes through.
    toHtml({type: 'root', children: briefList({items, link, cards: cards && {get: (key) => cards.get(key), set: (key, html) => void cards.set(key, html)}})}, {allowDangerousHtml: true})

  it('renders a memoised card exactly as a fresh one, and takes it from the memo when its brief, link and level match', () => {
    const items = [item('20', 'key-20'), item('19', 'key-19')]
    const cards = new Map<string, string>()
    const fresh = render(items)
    expect(render(items, cards)).toBe(fresh)
    expect(cards.size).toBe(2)
    // Proof that the memo is what is used: doctor one entry.
    const [key] = [...cards.keys()].filter((entry) => entry.startsWith('key-20@'))
    cards.set(key!, '<li>FROM THE MEMO</li>')
    expect(render(items, cards)).toContain('<li>FROM THE MEMO</li>')
    // Another link (another depth), another card; no key (no cache), no memo.
    expect(render(items, cards, (to) => `../${to.folder}index.html`)).not.toContain('FROM THE MEMO')
    expect(render([item('20', undefined)], cards)).not.toContain('FROM THE MEMO')
  })
})

import {existsSync} from 'node:fs'
import {cp, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {beforeAll, describe, expect, it} from 'vitest'
import {corpusDir, fixtures, hasShared, projectRoot, runCli, seedBrief, tempDir} from './helpers.js'
import {byTag, elements, hasClass, listFiles, prop, readPages} from './site-helpers.js'

const archive = path.join(fixtures, 'build', 'archive')

/** Builds a copy of the fixture archive in a fresh folder; returns the folder and the parsed pages. */
async function buildArchive(config?: object, from = archive) {
  const dir = await tempDir()
  await cp(from, path.join(dir, 'briefs'), {recursive: true})
  if (config) await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify(config))
  const result = await runCli(['build'], dir)
  expect(result.code, result.stderr).toBe(0)
  const site = path.join(dir, 'site')
  return {dir, site, result, pages: await readPages(site)}
}

/**
 * Every link inside the site leads somewhere: a relative href or src names a
 * file that exists, and a fragment names an id on the target page.
 */
async function expectLinksResolve(site: string, pages: Map<string, {tree: Root}>) {
  const files = new Set(await listFiles(site))
  const ids = new Map([...pages].map(([file, page]) => [file, new Set(elements(page.tree, (node) => prop(node, 'id') !== undefined).map((node) => prop(node, 'id')))]))
  const broken: string[] = []
  for (const [file, page] of pages) {
    for (const node of elements(page.tree)) {
      for (const name of ['href', 'src']) {
        const value = prop(node, name)
        if (value === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue
        const [target, fragment] = value.split('#') as [string, string | undefined]
        const targetFile = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target))
        if (!files.has(targetFile)) broken.push(`${file}: ${name}="${value}" (no file ${targetFile})`)
        else if (fragment !== undefined && !ids.get(targetFile)?.has(fragment)) broken.push(`${file}: ${name}="${value}" (no id ${fragment})`)
      }
    }
  }
  expect(broken).toEqual([])
}

/** What a page view would load: stylesheets and images, as given in the page. */
function loads(tree: Root): string[] {
  return [
    ...elements(tree, byTag('img')).map((node) => prop(node, 'src') ?? ''),
    ...elements(tree, (node) => node.tagName === 'link' && prop(node, 'rel') === 'stylesheet').map((node) => prop(node, 'href') ?? ''),
    // The search page's scripts are the site's own files; any other embed is reported by its tag.
    ...elements(tree, (node) => ['script', 'iframe', 'source', 'object', 'embed', 'video', 'audio'].includes(node.tagName)).map((node) =>
      node.tagName === 'script' && prop(node, 'src') ? prop(node, 'src')! : `<${node.tagName}>`
    )
  ]
}

const footnoteItems = (tree: Root) => elements(tree, hasClass('footnotes')).flatMap((section) => elements(section, byTag('li')))
const domainsIn = (node: Element) => elements(node, hasClass('source-domain')).map((span) => toString(span))

describe('day pages', () => {
  let built: Awaited<ReturnType<typeof buildArchive>>
  beforeAll(async () => {
    built = await buildArchive({allowedImageHosts: ['allowed.example']})
  })
  const page = (file: string) => {
    const found = built.pages.get(file)
    if (!found) throw new Error(`no page ${file}`)
    return found
  }

  it('writes one page per day under YYYY/MM/DD/ with its data and card, plus the index, archives, asset pages, stylesheet and favicon', async () => {
    // The search index (pagefind/) is Pagefind's own output, tested with the search.
    expect((await listFiles(built.site)).filter((file) => !file.startsWith('pagefind/'))).toEqual([
      '.briefpress-site',
      '2025/01/06/brief.json',
      '2025/01/06/card.svg',
      '2025/01/06/index.html',
      '2025/01/07/brief.json',
      '2025/01/07/card.svg',
      '2025/01/07/img-6b7fa434f92a8b80.png',
      '2025/01/07/index.html',
      '2025/01/08/brief.json',
      '2025/01/08/card.svg',
      '2025/01/08/index.html',
      '2025/01/index.html',
      '2025/index.html',
      '404.html',
      // Each asset, category and tag has its Atom feed beside its page.
      'assets/btc/2025/index.html',
      'assets/btc/feed.xml',
      'assets/btc/index.html',
      'assets/eth/2025/index.html',
      'assets/eth/feed.xml',
      'assets/eth/index.html',
      'assets/index.html',
      // SOL always has a page, but no brief here prices it: no year page.
      'assets/sol/feed.xml',
      'assets/sol/index.html',
      'card.svg',
      'category/crypto/2025/index.html',
      'category/crypto/feed.xml',
      'category/crypto/index.html',
      'data/briefs.json',
      'data/prices.csv',
      'favicon.svg',
      'feed.json',
      'feed.xml',
      'index.html',
      'robots.txt',
      'rss.xml',
      'schema/brief.schema.json',
      'schema/day-summary.schema.json',
      'search/index.html',
      'search/pagefind.js',
      'search/search.js',
      'sitemap.xml',
      'style.css',
      'tag/bitcoin/2025/index.html',
      'tag/bitcoin/feed.xml',
      'tag/bitcoin/index.html',
      'tag/index.html',
      'tag/macro/2025/index.html',
      'tag/macro/feed.xml',
      'tag/macro/index.html'
    ])
  })

  it('resolves every internal link and footnote fragment', async () => {
    await expectLinksResolve(built.site, built.pages)
    // The author's own fragment link survives the id prefixing too.
    const link = elements(page('2025/01/07/index.html').tree, (node) => toString(node) === 'note' && node.tagName === 'a')[0]!
    expect(prop(link, 'href')).toBe('#user-content-top-note')
  })

  it('opens a day with a table of contents: its sections and their headlines, each linked to its place', async () => {
    const sample = await buildArchive(undefined, path.join(projectRoot, 'briefs'))
    const {tree} = sample.pages.get('2026/11/20/index.html')!
    const [nav] = elements(tree, hasClass('contents'))
    const list = nav!.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ol')!
    const items = list.children.filter((node): node is Element => node.type === 'element')
    const own = (item: Element) => item.children.find((node): node is Element => node.type === 'element' && node.tagName === 'a')!
    expect(items.map((item) => toString(own(item)))).toEqual(['Key figures', 'MARKET OVERVIEW (24H)', 'TOP HEADLINES', 'Exchange Announcements', 'Government / Law & Regulation', 'What to Watch (Next 24–72h)'])
    const headlines = elements(items[2]!, byTag('ol')).flatMap((ol) => elements(ol, byTag('a')))
    expect(headlines.map((link) => toString(link))).toEqual([
      'Bitcoin Approaches $100K as Fund Buying Absorbs Sellers',
      'Cinderpath Bounty Deadline Passes Tomorrow; $21.4M Recovered So Far',
      'FCA Stablecoin Custody Consultation Closes',
      'Quayside Custody Onboards First Pension Fund Client'
    ])
    // GitHub's ids for the headings, so an author's `#top-headlines` reaches the same place.
    expect(prop(own(items[2]!), 'href')).toBe('#user-content-top-headlines')
    // Each link leads to the title it names: a heading, or the headline's bold line.
    for (const link of [...items.slice(1).map(own), ...headlines]) {
      const [target] = elements(tree, (node) => prop(node, 'id') === prop(link, 'href')!.slice(1))
      expect(target, prop(link, 'href')).toBeDefined()
      expect(toString(target!).toLowerCase()).toContain(toString(link).toLowerCase())
    }
    await expectLinksResolve(sample.site, sample.pages)
    // A day of fewer than two sections has no table of contents.
    expect(elements(page('2025/01/08/index.html').tree, hasClass('contents'))).toEqual([])
  })

  it('links footnote references and back-links both ways', () => {
    const {tree} = page('2025/01/06/index.html')
    const refs = elements(tree, (node) => node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined)
    expect(refs.map((node) => toString(node))).toEqual(['1', '2', '1', '3'])
    const items = footnoteItems(tree)
    expect(items.map((item) => prop(item, 'id'))).toEqual(['user-content-fn-1', 'user-content-fn-2', 'user-content-fn-3'])
    for (const ref of refs) expect(items.some((item) => `#${prop(item, 'id')}` === prop(ref, 'href'))).toBe(true)
    const backrefs = items.flatMap((item) => elements(item, (node) => node.properties.dataFootnoteBackref !== undefined))
    const refIds = new Set(refs.map((ref) => `#${prop(ref, 'id')}`))
    expect(backrefs).toHaveLength(4)
    for (const backref of backrefs) expect(refIds.has(prop(backref, 'href')!)).toBe(true)
  })

  it('shows each source with its domain, for bare URLs and [title](url) definitions', () => {
    const {tree} = page('2025/01/06/index.html')
    expect(footnoteItems(tree).map(domainsIn)).toEqual([['coindesk.com'], ['example.org'], ['news.example.net']])
    const titled = footnoteItems(tree)[1]!
    expect(toString(titled)).toContain('Ether lags as traders wait')
    // The in-text reference names the domain on hover.
    const ref = elements(tree, (node) => node.properties.dataFootnoteRef !== undefined)[0]!
    expect(prop(ref, 'title')).toBe('coindesk.com')
  })

  it('leaves hidden-span references out of the text and lists their sources in a collapsed block', () => {
    const {tree, html} = page('2025/01/06/index.html')
    const refs = elements(tree, (node) => node.properties.dataFootnoteRef !== undefined).map((node) => toString(node))
    expect(refs).not.toContain('4')
    expect(refs).not.toContain('5')
    expect(html).not.toContain('display:none')
    // The sources block; the key-figures panel has a block of its own (where each figure was read).
    const details = elements(tree, byTag('details')).filter((element) => toString(elements(element, byTag('summary'))[0]!).startsWith('Further sources'))
    expect(details).toHaveLength(1)
    expect(details[0]!.properties.open).toBeFalsy()
    expect(toString(elements(details[0]!, byTag('summary'))[0]!)).toBe('Further sources (2)')
    const items = elements(details[0]!, byTag('li'))
    expect(items.map(domainsIn)).toEqual([['research.example.com'], ['example.edu']])
    expect(items.map((item) => prop(elements(item, byTag('a'))[0]!, 'href'))).toEqual(['https://research.example.com/hidden-one', 'https://www.example.edu/hidden-two'])
    // No empty paragraph where the hidden span was.
    expect(elements(tree, (node) => node.tagName === 'p' && toString(node).trim() === '')).toEqual([])
  })

  it('sanitizes raw HTML: no scripts, handlers, javascript: URLs, iframes, styles or hidden text', () => {
    const {tree, html} = page('2025/01/07/index.html')
    expect(elements(tree, (node) => ['script', 'iframe', 'style'].includes(node.tagName))).toEqual([])
    for (const node of elements(tree)) {
      for (const key of Object.keys(node.properties)) expect(key.toLowerCase().startsWith('on'), `${node.tagName} ${key}`).toBe(false)
      expect(node.properties.style).toBeUndefined()
      expect(String(node.properties.href ?? '')).not.toMatch(/^\s*javascript:/i)
    }
    expect(html).not.toMatch(/alert\(['"]/)
    expect(html).not.toContain('SECRET HIDDEN TEXT')
    // Harmless content around the dangerous parts is kept.
    expect(html).toContain('Paragraph with a click handler.')
    expect(html).toContain('Styled paragraph.')
    expect(html).toContain('a javascript link')
  })

  it('loads nothing from another host: off-site images become links, allowed hosts stay', () => {
    const {tree} = page('2025/01/07/index.html')
    expect(loads(tree).sort()).toEqual(['../../../style.css', 'https://charts.allowed.example/btc.png', 'img-6b7fa434f92a8b80.png'])
    const links = elements(tree, hasClass('offsite-image'))
    expect(links.map((node) => [node.tagName, toString(node), prop(node, 'href')])).toEqual([
      ['a', 'Chart of liquidations', 'https://images.example.com/liquidations.png'],
      ['a', 'cdn.example.net', 'https://cdn.example.net/pixel.gif'],
      // Inside a link, a second link would be invalid: text only.
      ['span', 'Story thumbnail', undefined],
      ['a', 'Picture fallback', 'https://images.example.com/small.png']
    ])
    // A relative image (no such file is published) and an embedded SVG keep their text only.
    expect(elements(tree, hasClass('image-omitted')).map((node) => toString(node))).toEqual(['Local chart', 'Embedded vector'])
  })

  it('writes an embedded base64 PNG beside its page, byte for byte', async () => {
    const source = await readFile(path.join(archive, '2025-01-07-tuesday.md'), 'utf8')
    const base64 = /data:image\/png;base64,([A-Za-z0-9+/=]+)/.exec(source)![1]!
    expect(await readFile(path.join(built.site, '2025/01/07/img-6b7fa434f92a8b80.png'))).toEqual(Buffer.from(base64, 'base64'))
    // No data: URL is left in the page (the CSP's `data:` is for stylesheets' icons).
    expect(page('2025/01/07/index.html').html).not.toMatch(/(src|href)="data:/)
  })

  it('turns images on hosts not allowed into links when no host is configured', async () => {
    const plain = await buildArchive()
    const tree = plain.pages.get('2025/01/07/index.html')!.tree
    expect(loads(tree).filter((src) => /^(https?:)?\/\//.test(src))).toEqual([])
    expect(elements(tree, hasClass('offsite-image')).map((node) => toString(node))).toContain('Allowed chart')
  })

  it('escapes a title that tries to close <title>: text in <title>, <h1> and the index', () => {
    const title = '</title><script>alert(1)</script>'
    const {tree} = page('2025/01/08/index.html')
    expect(toString(elements(tree, byTag('title'))[0]!)).toBe(`${title} · Briefpress`)
    expect(toString(elements(tree, byTag('h1'))[0]!)).toBe(title)
    const index = page('index.html').tree
    expect(elements(index, byTag('a')).map((node) => toString(node))).toContain(title)
    for (const [file, {html, tree: parsed}] of built.pages) {
      // Only the search page runs scripts, and only the site's own files.
      if (file === 'search/index.html') {
        expect(elements(parsed, byTag('script')).map((node) => prop(node, 'src')).filter((src) => !src || /^[a-z]+:|^\/\//i.test(src)), file).toEqual([])
        continue
      }
      expect(elements(parsed, byTag('script')), file).toEqual([])
      // Nor does the markup hold one outside a quoted attribute value (og:title, og:image:alt), where it is only text.
      expect(html.toLowerCase().replace(/="[^"]*"/g, '=""'), file).not.toContain('<script')
    }
  })

  it('demotes body headings when a brief uses # for sections, so the title stays the only <h1>', () => {
    const {tree} = page('2025/01/07/index.html')
    expect(elements(tree, byTag('h1')).map((node) => toString(node))).toEqual(['Tuesday brief: liquidations and a risky page'])
    expect(elements(tree, byTag('h2')).map((node) => toString(node))).toEqual(['Overview', 'Sources'])
    expect(elements(tree, byTag('h3')).map((node) => toString(node))).toEqual(['Details'])
  })

  it('wraps tables in a scrolling box', () => {
    // The brief's own table; the key-figures panel above it has its own box.
    const tree = elements(page('2025/01/06/index.html').tree, hasClass('brief-body'))[0]!
    const tables = elements(tree, byTag('table'))
    expect(tables).toHaveLength(1)
    const boxes = elements(tree, hasClass('table-scroll'))
    expect(boxes).toHaveLength(1)
    expect(elements(boxes[0]!, byTag('table'))).toHaveLength(1)
  })

  it('links each day to the previous and next day with rel=prev/next, relative to the page', () => {
    const rels = (file: string) =>
      elements(page(file).tree, (node) => node.tagName === 'a' && ['prev', 'next'].includes(String(prop(node, 'rel')))).map((node) => [prop(node, 'rel'), prop(node, 'href')])
    expect(rels('2025/01/06/index.html')).toEqual([['next', '../../../2025/01/07/index.html']])
    expect(rels('2025/01/07/index.html')).toEqual([
      ['prev', '../../../2025/01/06/index.html'],
      ['next', '../../../2025/01/08/index.html']
    ])
    expect(rels('2025/01/08/index.html')).toEqual([['prev', '../../../2025/01/07/index.html']])
    expect(toString(elements(page('2025/01/06/index.html').tree, byTag('time'))[0]!)).toBe('Monday, 6 January 2025')
  })

  it('lists every brief on the index, newest first, with date, title and excerpt', () => {
    const {tree} = page('index.html')
    const cards = elements(tree, hasClass('brief-card'))
    expect(cards.map((card) => prop(elements(card, byTag('time'))[0]!, 'dateTime'))).toEqual(['2025-01-08', '2025-01-07', '2025-01-06'])
    expect(cards.map((card) => prop(elements(card, byTag('a'))[0]!, 'href'))).toEqual(['2025/01/08/index.html', '2025/01/07/index.html', '2025/01/06/index.html'])
    expect(toString(elements(cards[2]!, hasClass('excerpt'))[0]!)).toBe(
      "Bitcoin held near $98,200 through the Asian session while traders waited for Friday's payrolls data. Ether lagged slightly."
    )
  })
})

describe.skipIf(!hasShared)('the seed brief', () => {
  it('renders 31 cited sources, 18 further sources, no hidden superscripts and no third-party logo', async () => {
    const dir = await tempDir()
    const text = await readFile(seedBrief, 'utf8')
    await writeFile(path.join(dir, 'seed.md'), text.replace('category: crpyto', 'category: crypto'))
    const {site, pages} = await buildArchive(undefined, dir)
    const {tree, html} = pages.get('2025/11/04/index.html')!
    const items = footnoteItems(tree)
    expect(items).toHaveLength(31)
    for (const item of items) expect(domainsIn(item)).toHaveLength(1)
    const refs = elements(tree, (node) => node.properties.dataFootnoteRef !== undefined).map((node) => Number(toString(node)))
    expect(Math.max(...refs)).toBe(31)
    const details = elements(tree, hasClass('further-sources'))
    expect(toString(elements(details[0]!, byTag('summary'))[0]!)).toBe('Further sources (18)')
    expect(elements(details[0]!, byTag('li'))).toHaveLength(18)
    expect(loads(tree)).toEqual(['../../../style.css'])
    expect(html).not.toContain('<img')
    expect(toString(elements(tree, hasClass('offsite-image'))[0]!)).toBe('r2cdn.perplexity.ai')
    await expectLinksResolve(site, pages)
  })
})

describe.skipIf(!hasShared)('the real corpus', () => {
  it('builds all 118 briefs with working links and nothing loaded from another host', async () => {
    const dir = await tempDir()
    // The corpus uses category `crypto`; build even if some brief has an error.
    await cp(corpusDir, path.join(dir, 'briefs'), {recursive: true})
    const result = await runCli(['build', '--keep-going'], dir)
    expect(result.stderr).toMatch(/^Wrote \d+ pages/m)
    const site = path.join(dir, 'site')
    const pages = await readPages(site)
    expect(pages.size).toBeGreaterThan(100)
    for (const [file, page] of pages) {
      const offsite = loads(page.tree).filter(
        (src) => !src.endsWith('style.css') && !/^img-[0-9a-f]{16}\.(png|jpg|gif|webp)$/.test(src) && !(file === 'search/index.html' && /^\.\.\/[a-z/.-]+\.(js|css)$/.test(src))
      )
      expect(offsite, file).toEqual([])
      // No wall of hidden-span superscripts: each footnote is cited in the text.
      for (const item of footnoteItems(page.tree)) expect(elements(item, (node) => node.properties.dataFootnoteBackref !== undefined).length, file).toBeGreaterThan(0)
    }
    await expectLinksResolve(site, pages)
    // The one brief with a 291 KB base64 chart gets it as a file beside the page.
    const images = (await listFiles(site)).filter((file) => file.startsWith('2026/01/31/img-'))
    expect(images).toHaveLength(1)
    expect(existsSync(path.join(site, images[0]!))).toBe(true)
    expect(pages.get('2026/01/31/index.html')!.html.length).toBeLessThan(200_000)
  }, 180_000)
})

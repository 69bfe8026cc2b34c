/**
 * The built sample archive in a real browser (Debian's Chromium through
 * playwright-core), served on 127.0.0.1: navigation, footnotes, search,
 * a 360 px viewport, axe-core, and no console error or request leaving
 * 127.0.0.1. Screenshots go to test-output/screenshots/ (not committed).
 */
import {existsSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {toString} from 'hast-util-to-string'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {shortDate} from '../../src/render/dates.js'
import {projectRoot, runCli} from '../helpers.js'
import {TIER_DAYS, tieredProject} from '../search-fixture.js'
import {byTag, elements, hasClass, readPages} from '../site-helpers.js'
import {launchChromium, runBrowserTests, serveStatic, watch, type Watch} from './browser.js'

const screenshots = path.join(projectRoot, 'test-output', 'screenshots')
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const DAY = /(\d{4})\/(\d{2})\/(\d{2})\/index\.html$/
const desktop = {width: 1280, height: 900}
const mobile = {width: 360, height: 740}

describe.skipIf(!runBrowserTests)('the built sample archive in Chromium', () => {
  let site: string
  let server: Awaited<ReturnType<typeof serveStatic>>
  let browser: Browser
  let closeBrowser: () => Promise<void>
  /** Text of each day's article, keyed by `YYYY/MM/DD/index.html`. */
  const days = new Map<string, string>()
  let assetPages: string[] = []
  /** Every HTML page of the site, site-relative. */
  let allPages: string[] = []

  beforeAll(async () => {
    // The sample spread over the search index's three tiers, so that every
    // search runs over the three bundles.
    const project = await tieredProject()
    // BTC as a price with its range and a change range: the widest row an
    // asset's table has, wider than a phone (the table scrolls in its box).
    const newest = path.join(project, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
    const text = await readFile(newest, 'utf8')
    const widened = text.replace('**\\$98,240** (+1.40% in 24h)', '**\\$98,240** (range \\$96,815–\\$99,472; +0.85% to +1.40% in 24h)')
    expect(widened, 'the BTC line of the newest sample brief').not.toBe(text)
    await writeFile(newest, widened)
    site = path.join(project, 'site')
    const built = await runCli(['build', '--out', site], project)
    expect(built.code, built.stderr).toBe(0)
    for (const [file, page] of await readPages(site)) {
      const article = elements(page.tree, hasClass('brief'))[0]
      if (DAY.test(file) && article) days.set(file, toString(article))
    }
    allPages = [...(await readPages(site)).keys()]
    assetPages = allPages.filter((file) => /^assets\/[^/]+\/index\.html$/.test(file))
    server = await serveStatic(site)
    ;({browser, close: closeBrowser} = await launchChromium())
    await mkdir(screenshots, {recursive: true})
  })

  afterAll(async () => {
    await closeBrowser?.()
    await server?.close()
  })

  /** A fresh context whose console errors and off-site requests are recorded. */
  async function open(viewport = desktop): Promise<{context: BrowserContext; page: Page; seen: Watch}> {
    const context = await browser.newContext({viewport})
    context.setDefaultTimeout(10_000)
    const seen = await watch(context)
    const page = await context.newPage()
    return {context, page, seen}
  }

  /** Nothing went wrong in the browser, and nothing left 127.0.0.1. */
  async function done({context, seen}: {context: BrowserContext; seen: Watch}) {
    await context.close()
    expect(seen.errors, 'console errors').toEqual([])
    expect(seen.foreignRequests, 'requests leaving 127.0.0.1').toEqual([])
  }

  /** Links of the pages found (not of their sections, which Pagefind lists below each page). */
  const RESULT = '.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link'

  /** Searches on the search page and waits for the results Pagefind's UI shows. */
  async function search(page: Page, term: string): Promise<void> {
    await page.getByLabel('Words to find').fill(term)
    await page.locator(RESULT).first().waitFor()
  }

  /** Dates of the results shown, read from their titles (`17 Nov 2026 · title`, as the lists write dates). */
  async function resultDates(page: Page): Promise<string[]> {
    const titles = await page.locator(RESULT).allTextContents()
    const byLabel = new Map([...days.keys()].map((file) => file.replace(DAY, '$1-$2-$3')).map((date) => [shortDate(date), date]))
    return titles.map((title) => byLabel.get(/^(\d{1,2} [A-Z][a-z]{2} \d{4}) · /.exec(title)?.[1] ?? '') ?? `no date in "${title}"`)
  }

  /** Words (lower case, letters only) of a text. */
  const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{7,}/gu) ?? [])

  it('goes from the index to a day, to a footnote and back', async () => {
    const session = await open()
    const {page} = session
    await page.goto(server.url('index.html'))
    await page.screenshot({path: path.join(screenshots, 'index-desktop.png'), fullPage: true})

    const links = page.locator('main a')
    const hrefs = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''))
    const position = hrefs.findIndex((href) => DAY.test(href))
    expect(position, 'a link to a day on the index').toBeGreaterThanOrEqual(0)
    const firstDay = links.nth(position)
    const href = hrefs[position]!
    await firstDay.click()
    await page.waitForURL(`**/${href}`)
    await expect(page.locator('main h1').textContent()).resolves.toBe(await page.locator('article.brief h1').textContent())
    await page.screenshot({path: path.join(screenshots, 'day-desktop.png'), fullPage: true})

    const ref = page.locator('a[data-footnote-ref]').first()
    const refId = await ref.getAttribute('id')
    const target = await ref.getAttribute('href')
    expect(target).toMatch(/^#/)
    await ref.click()
    expect(new URL(page.url()).hash).toBe(target)
    // The browser's own idea of the target: the footnote's list item, in view.
    const footnote = page.locator(':target')
    await expect(footnote.evaluate((node) => [node.tagName, node.closest('section[data-footnotes]') !== null])).resolves.toEqual(['LI', true])
    const inView = (node: Element) => node.getBoundingClientRect().top >= 0 && node.getBoundingClientRect().bottom <= innerHeight
    await expect.poll(() => footnote.evaluate(inView)).toBe(true)

    // The footnote's first back-link returns to the first reference to it.
    await footnote.locator('a[data-footnote-backref]').first().click()
    expect(new URL(page.url()).hash).toBe(`#${refId}`)
    await expect(page.locator(':target').getAttribute('id')).resolves.toBe(refId)
    await expect.poll(() => ref.evaluate(inView)).toBe(true)
    await done(session)
  })

  it('finds a word of one brief and opens that brief', async () => {
    // A word only one day's article contains: search must lead to that day.
    const counts = new Map<string, string[]>()
    for (const [file, text] of days) for (const word of words(text)) counts.set(word, [...(counts.get(word) ?? []), file])
    const [word, [file] = []] = [...counts].filter(([, files]) => files.length === 1).sort(([a], [b]) => (a < b ? -1 : 1))[0] ?? []
    expect(word, 'a word found in exactly one brief').toBeDefined()

    const session = await open()
    const {page} = session
    await page.goto(server.url('index.html'))
    await page.locator('header a', {hasText: 'Search'}).click()
    await page.waitForURL('**/search/index.html')
    await search(page, word!)
    const result = page.locator(`${RESULT}[href$="/${file}"]`)
    await expect(result.count()).resolves.toBe(1)
    await result.click()
    await page.waitForURL(`**/${file}`)
    await expect(page.locator('article.brief').textContent()).resolves.toMatch(new RegExp(word!, 'i'))
    await done(session)
  })

  it('finds a brief of each tier of the index, and opens it', async () => {
    // For each tier, a word only one of its days' articles contains; that
    // day is in its tier's bundle only.
    const session = await open()
    const {page} = session
    for (const [tier, tierDays] of Object.entries(TIER_DAYS)) {
      const files = tierDays.map((date) => `${date.replaceAll('-', '/')}/index.html`)
      const only = [...words(days.get(files[0]!)!)].filter((word) => [...days].every(([file, text]) => file === files[0] || !words(text).has(word))).sort()[0]
      expect(only, `a word found only in ${files[0]} (${tier})`).toBeDefined()
      await page.goto(server.url(`search/index.html?q=${only}`))
      await page.locator(RESULT).first().waitFor()
      // Pagefind also finds words of the same stem elsewhere: the day is among the results, once.
      const result = page.locator(`${RESULT}[href="/${files[0]}"]`)
      await expect(result.count()).resolves.toBe(1)
      await result.click()
      await page.waitForURL(`**/${files[0]}`)
      await expect(page.locator('article.brief').textContent()).resolves.toMatch(new RegExp(only!, 'i'))
    }
    // The filters offered are the pages' own (the category), never the hidden one that tells the tiers apart.
    await page.goto(server.url(`search/index.html?q=bitcoin`))
    await page.locator(RESULT).first().waitFor()
    await expect(page.locator('.pagefind-ui__filter-name').allTextContents()).resolves.toEqual(['Category'])
    await done(session)
  })

  it('sorts results by date, newest or oldest first, and keeps the search in the address', async () => {
    // A word every day's article contains: all days match, so the order shows.
    const everywhere = [...words([...days.values()][0]!)].filter((word) => [...days.values()].every((text) => words(text).has(word))).sort()[0]
    expect(everywhere, 'a word found in every brief').toBeDefined()
    const dates = [...days.keys()].map((file) => file.replace(DAY, '$1-$2-$3')).sort()

    const session = await open()
    const {page} = session
    await page.goto(server.url('search/index.html'))
    await page.locator('#search-sort').selectOption('newest')
    await search(page, everywhere!)
    const newest = await resultDates(page)
    expect(newest).toEqual([...dates].reverse().slice(0, newest.length))
    // Searched tier by tier, the filter still counts every result once.
    await expect(page.locator('.pagefind-ui__filter-label').allTextContents()).resolves.toEqual([`crypto (${dates.length})`])
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest')

    await page.locator('#search-sort').selectOption('oldest')
    await expect.poll(() => resultDates(page)).toEqual(dates.slice(0, newest.length))

    // The address carries the search, so a reload (or the back button) shows it again.
    expect(new URL(page.url()).searchParams.get('q')).toBe(everywhere)
    await page.reload()
    await page.locator(RESULT).first().waitFor()
    await expect(resultDates(page)).resolves.toEqual(dates.slice(0, newest.length))
    await done(session)
  })

  it('searches on the page itself where web workers cannot run, within the CSP', async () => {
    // Pagefind's fallback fetches and runs WebAssembly on the page, which the
    // search page's CSP must allow (a violation is a console error).
    const session = await open()
    const {page} = session
    await page.addInitScript(() => {
      Object.defineProperty(globalThis, 'Worker', {value: undefined})
    })
    await page.goto(server.url('search/index.html'))
    const [file, text] = [...days][0]!
    await search(page, [...words(text)].sort()[0]!)
    await expect(page.locator(`${RESULT}[href$="/${file}"]`).count()).resolves.toBe(1)
    await done(session)
  })

  it('finds and links results right when the site is served under a base path', async () => {
    const nested = await serveStatic(site, '/briefs/')
    try {
      const session = await open()
      const {page} = session
      await page.goto(nested.url('search/index.html'))
      const [file, text] = [...days][0]!
      await search(page, [...words(text)].sort()[0]!)
      const href = await page.locator(`${RESULT}[href$="/${file}"]`).getAttribute('href')
      expect(href).toBe(`/briefs/${file}`)
      await done(session)
    } finally {
      await nested.close()
    }
  })

  it('fits a 360 px screen without sideways scrolling, on every page of the site', async () => {
    const session = await open(mobile)
    const {page} = session
    const day = [...days.keys()].at(-1)!
    // Every kind of page is there: home, days, years, months, categories, assets, search, 404.
    for (const kind of [/^index\.html$/, DAY, /^\d{4}\/index\.html$/, /^\d{4}\/\d{2}\/index\.html$/, /^category\//, /^assets\/index\.html$/, /^assets\/btc\/\d{4}\/index\.html$/, /^search\//, /^404\.html$/]) {
      expect(allPages.some((file) => kind.test(file)), `a page matching ${kind}`).toBe(true)
    }
    for (const file of allPages) {
      await page.goto(server.url(file))
      if (file === 'search/index.html') await search(page, [...words(days.get(day)!)].sort()[0]!)
      if (file === 'index.html') await page.screenshot({path: path.join(screenshots, 'index-mobile.png'), fullPage: true})
      if (file === day) await page.screenshot({path: path.join(screenshots, 'day-mobile.png'), fullPage: true})
      if (file === 'search/index.html') await page.screenshot({path: path.join(screenshots, 'search-mobile.png'), fullPage: true})
      const widths = await page.evaluate(() => ({scroll: document.documentElement.scrollWidth, viewport: innerWidth}))
      expect(widths.scroll, `${file} is wider than the screen`).toBeLessThanOrEqual(widths.viewport)
    }
    // The widest row is there, and the words said only to screen readers ("up", "down") stay on the screen's width.
    await page.goto(server.url('assets/btc/index.html'))
    await expect(page.locator('.asset-history').textContent()).resolves.toContain('$96,815–$99,472')
    const hidden = await page.locator('.asset-history .visually-hidden').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().right))
    expect(hidden.length).toBeGreaterThan(0)
    expect(Math.max(...hidden)).toBeLessThanOrEqual(mobile.width)
    await done(session)
  })

  it('takes a phone reader from the table of contents to a headline far down the day', async () => {
    const session = await open(mobile)
    const {page} = session
    await page.goto(server.url([...days.keys()].at(-1)!))
    const link = page.locator('nav.contents ol ol a').last()
    const title = (await link.textContent())!
    await link.click()
    expect(new URL(page.url()).hash).toBe(await link.getAttribute('href'))
    const target = page.locator(':target')
    await expect(target.textContent()).resolves.toContain(title)
    // Far below the first screen, and now in view.
    await expect(target.evaluate((node) => node.getBoundingClientRect().top + scrollY)).resolves.toBeGreaterThan(mobile.height)
    await expect.poll(() => target.evaluate((node) => node.getBoundingClientRect().top >= 0 && node.getBoundingClientRect().bottom <= innerHeight)).toBe(true)
    await done(session)
  })

  it('draws chart labels at a readable size on a phone, none over another or outside the chart', async () => {
    const session = await open(mobile)
    const {page} = session
    for (const file of assetPages.filter((file) => file !== 'assets/index.html')) {
      await page.goto(server.url(file))
      const labels = await page.locator('svg.chart').first().evaluate((svg) => {
        const box = svg.getBoundingClientRect()
        const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width
        return Array.from(svg.querySelectorAll('text'))
          .filter((text) => getComputedStyle(text).display !== 'none')
          .map((text) => {
            const rect = text.getBoundingClientRect()
            return {text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale, left: rect.left - box.left, right: rect.right - box.left, top: rect.top - box.top, bottom: rect.bottom - box.top, width: box.width, height: box.height}
          })
      })
      expect(labels.length, `${file}: labels`).toBeGreaterThanOrEqual(3)
      for (const label of labels) {
        expect(label.px, `${file}: "${label.text}" in px`).toBeGreaterThanOrEqual(10.5)
        expect(label.left >= -0.5 && label.top >= -0.5 && label.right <= label.width + 0.5 && label.bottom <= label.height + 0.5, `${file}: "${label.text}" inside the chart`).toBe(true)
      }
      for (const [index, a] of labels.entries()) {
        for (const b of labels.slice(index + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
          expect(apart, `${file}: "${a.text}" and "${b.text}" overlap`).toBe(true)
        }
      }
    }
    await done(session)
  })

  it('has no serious or critical axe-core violation', async () => {
    // axe is injected as a script, which the site's CSP rightly refuses: this
    // context alone bypasses the CSP, the others keep it.
    const context = await browser.newContext({viewport: desktop, bypassCSP: true})
    context.setDefaultTimeout(10_000)
    const seen = await watch(context)
    const page = await context.newPage()
    const day = [...days.keys()][0]!
    for (const file of ['index.html', day, ...assetPages, 'search/index.html']) {
      await page.goto(server.url(file))
      if (file === 'search/index.html') await search(page, [...words(days.get(day)!)].sort()[0]!)
      await page.addScriptTag({path: axePath})
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as {axe: {run: () => Promise<{violations: Array<{id: string; impact: string; help: string; nodes: Array<{target: unknown}>}>}>}}).axe
        const results = await axe.run()
        return results.violations.map((violation) => ({id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => JSON.stringify(node.target)).slice(0, 5)}))
      })
      expect(
        violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
        `axe on ${file}`
      ).toEqual([])
    }
    await done({context, seen})
  })

  it('shows a snippet of the matched text under each result, never the title, and the date as the lists write it', async () => {
    // A word of a day's title that its text uses once: the title is not what the result quotes.
    const pages = await readPages(site)
    // The word fewest days use, so that the day is among the first results.
    const using = (word: string) => [...days.values()].filter((text) => words(text).has(word)).length
    const [file, word] = [...days.keys()]
      .flatMap((day) => {
        const title = toString(elements(pages.get(day)!.tree, byTag('h1'))[0]!)
        const body = toString(elements(pages.get(day)!.tree, hasClass('brief-body'))[0]!)
        // Once in the text: were the title indexed, its match would come first and be quoted.
        const once = (word: string) => body.toLowerCase().split(word).length === 2
        return [...words(title)].filter((word) => words(body).has(word) && once(word)).map((word) => [day, word] as const)
      })
      .sort(([, a], [, b]) => using(a) - using(b) || (a < b ? -1 : 1))[0]!
    const title = toString(elements(pages.get(file)!.tree, byTag('h1'))[0]!)
    expect(word, `a word of ${file}'s title and text`).toBeDefined()
    const session = await open()
    const {page} = session
    await page.goto(server.url(`search/index.html?q=${word}`))
    const link = `:scope > .pagefind-ui__result-title .pagefind-ui__result-link`
    const result = page.locator('.pagefind-ui__result-inner', {has: page.locator(`${link}[href$="/${file}"]`)})
    await result.first().waitFor()
    const excerpt = result.first().locator('.pagefind-ui__result-excerpt')
    await expect(excerpt.locator('mark').count()).resolves.toBeGreaterThan(0)
    // The words up to the first match are the text's (the title's, had it been indexed).
    const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim()
    const quoted = letters((await excerpt.innerHTML()).split('</mark>')[0]!.replace(/<[^>]+>/g, '')).split(' ').slice(-3).join(' ')
    const body = letters(toString(elements(pages.get(file)!.tree, hasClass('brief-body'))[0]!))
    expect(body, `"${quoted}" is not quoted from the text of ${file}`).toContain(quoted)
    await expect(result.first().locator(link).textContent()).resolves.toBe(`${shortDate(file.replace(DAY, '$1-$2-$3'))} · ${title}`)
    await done(session)
  })

  it('says that search needs a web server when the page is opened from a file', async () => {
    const session = await open()
    const {page} = session
    await page.goto(`file://${path.join(site, 'search', 'index.html')}?q=bitcoin`)
    await expect(page.getByRole('status').textContent({timeout: 5_000})).resolves.toMatch(/^Search needs a web server/)
    await expect(page.locator('#search-sort').isDisabled()).resolves.toBe(true)
    await expect(page.getByText('Searching').count()).resolves.toBe(0)
    await done(session)
  })

  it('leads from a day\'s tag to the tag\'s page, which lists the day and fits a 360 px screen', async () => {
    const session = await open(mobile)
    const {page} = session
    const pages = await readPages(site)
    const day = [...days.keys()].find((file) => elements(pages.get(file)!.tree, hasClass('tag')).length > 0)!
    await page.goto(server.url(day))
    const tag = page.locator('.brief-header a.tag').first()
    const name = (await tag.textContent())!
    await tag.click()
    await page.waitForURL('**/tag/**/index.html')
    await expect(page.locator('h1').textContent()).resolves.toBe(`Tag: ${name}`)
    await expect(page.locator(`.brief-card a[href$="${day}"]`).count()).resolves.toBe(1)
    for (const file of [new URL(page.url()).pathname.slice(1), 'tag/index.html']) {
      await page.goto(server.url(file))
      const widths = await page.evaluate(() => ({scroll: document.documentElement.scrollWidth, viewport: innerWidth}))
      expect(widths.scroll, `${file} is wider than the screen`).toBeLessThanOrEqual(widths.viewport)
    }
    await done(session)
  })

  it('wrote the screenshots', () => {
    for (const name of ['index-desktop.png', 'day-desktop.png', 'index-mobile.png', 'day-mobile.png']) {
      expect(existsSync(path.join(screenshots, name)), name).toBe(true)
    }
  })
})

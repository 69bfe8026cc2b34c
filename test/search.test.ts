/**
 * Search with Pagefind, as the build writes it: the index of the day pages,
 * the search page and its script, and a failed index leaving the previous
 * site alone. Searching in a browser is tested in test/e2e/site.test.ts.
 */
import {existsSync} from 'node:fs'
import {appendFile, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import {projectRoot, runCli, tempDir} from './helpers.js'
import {byTag, elements, hashTree, listFiles, prop, readPages} from './site-helpers.js'

// Pagefind as installed, unless a test makes it fail: the failure path of
// the build cannot be reached with a working Pagefind.
const pagefindFails = vi.hoisted(() => ({now: false}))
vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>()
  return {...real, createIndex: (...args: Parameters<typeof real.createIndex>) => (pagefindFails.now ? Promise.resolve({errors: ['simulated failure']}) : real.createIndex(...args))}
})
afterEach(() => {
  pagefindFails.now = false
})

const DAY = /^(\d{4})\/(\d{2})\/(\d{2})\/index\.html$/

async function buildSample(): Promise<string> {
  const site = path.join(await tempDir(), 'site')
  const result = await runCli(['build', '--src', path.join(projectRoot, 'briefs'), '--out', site])
  expect(result.code, result.stderr).toBe(0)
  return site
}

describe('search', () => {
  let site: string
  let pages: Awaited<ReturnType<typeof readPages>>

  beforeAll(async () => {
    site = await buildSample()
    pages = await readPages(site)
  })

  it('indexes the day pages and nothing else', async () => {
    const entry = JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {languages: Record<string, {page_count: number}>}
    const days = [...pages.keys()].filter((file) => DAY.test(file))
    expect(days.length).toBeGreaterThan(1)
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(days.length)
    // What the search page loads from the bundle is there.
    for (const file of ['pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind.js']) expect(existsSync(path.join(site, file)), file).toBe(true)
    expect((await listFiles(path.join(site, 'pagefind'))).some((file) => file.startsWith('fragment/'))).toBe(true)
  })

  it('marks each day page with its body, date and category for Pagefind', () => {
    for (const [file, page] of pages) {
      const match = DAY.exec(file)
      const bodies = elements(page.tree, (node) => node.properties.dataPagefindBody !== undefined)
      if (!match) {
        expect(bodies, `${file} is not indexed`).toEqual([])
        continue
      }
      const date = `${match[1]}-${match[2]}-${match[3]}`
      expect(bodies, file).toHaveLength(1)
      expect(prop(bodies[0]!, 'dataPagefindMeta')).toBe(`date:${date}`)
      expect(prop(bodies[0]!, 'dataPagefindSort')).toBe(`date:${date}`)
      const filters = elements(bodies[0]!, (node) => prop(node, 'dataPagefindFilter') === 'category')
      expect(filters, file).toHaveLength(1)
      expect(elements(bodies[0]!, byTag('h1')), `${file} has one title for its result`).toHaveLength(1)
    }
  })

  it('writes a search page that loads Pagefind and its script from the site only', async () => {
    const search = pages.get('search/index.html')
    expect(search).toBeDefined()
    const scripts = elements(search!.tree, byTag('script')).map((node) => prop(node, 'src'))
    // In this order: our script uses Pagefind's UI.
    expect(scripts).toEqual(['../pagefind/pagefind-ui.js', '../search/search.js'])
    for (const src of scripts) expect(existsSync(path.resolve(site, 'search', src!)), src).toBe(true)
    const styles = elements(search!.tree, (node) => node.tagName === 'link' && prop(node, 'rel') === 'stylesheet').map((node) => prop(node, 'href')!)
    for (const href of styles) expect(existsSync(path.resolve(site, 'search', href)), href).toBe(true)
    expect(styles.some((href) => href.endsWith('pagefind/pagefind-ui.css'))).toBe(true)

    // Pagefind runs WebAssembly and fetches its index: the search page's CSP
    // allows exactly that, from the site itself.
    const csp = elements(search!.tree, (node) => node.tagName === 'meta' && prop(node, 'httpEquiv') === 'Content-Security-Policy').map((node) => prop(node, 'content')!)
    expect(csp).toHaveLength(1)
    const directives = Object.fromEntries(csp[0]!.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]))
    expect(directives['script-src']).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]))
    expect(directives['script-src']).not.toContain("'unsafe-inline'")
    expect(directives['script-src']).not.toContain("'unsafe-eval'")
    expect(directives['connect-src']).toEqual(["'self'"])

    // The sort order the page offers.
    const options = elements(search!.tree, byTag('option')).map((node) => prop(node, 'value'))
    expect(options).toEqual(['relevance', 'newest', 'oldest'])
  })

  it('runs no inline script on any page', () => {
    for (const [file, page] of pages) {
      for (const script of elements(page.tree, byTag('script'))) {
        expect(prop(script, 'src'), `${file} has an inline script`).toBeTruthy()
        expect(script.children, file).toEqual([])
      }
    }
  })

  it('links the search page from the header of every page', () => {
    for (const [file, page] of pages) {
      const header = elements(page.tree, (node) => node.tagName === 'header' && String(node.properties.className ?? '').includes('site-header'))[0]
      expect(header, file).toBeDefined()
      const links = elements(header!, byTag('a')).map((node) => prop(node, 'href') ?? '')
      // Relative links resolve from the page; the 404 page's start from the
      // base path, `/` by default.
      const targets = links.map((href) => new URL(href, `http://site.test/${file}`).href)
      expect(targets, file).toContain('http://site.test/search/index.html')
    }
  })

  it('writes the same index on every build', async () => {
    const again = await buildSample()
    const pick = (hashes: Record<string, string>) => Object.fromEntries(Object.entries(hashes).filter(([file]) => file.startsWith('pagefind/')))
    const first = pick(await hashTree(site))
    expect(Object.keys(first).length).toBeGreaterThan(5)
    expect(pick(await hashTree(again))).toEqual(first)
  })

  it('--no-search writes the same pages without the index, and a later build with search adds it', async () => {
    const project = await tempDir(projectRoot + '/briefs')
    const out = path.join(project, '..', `${path.basename(project)}-quick`)
    const quick = await runCli(['build', '--src', '.', '--out', out, '--no-search'], project)
    expect(quick.code, quick.stderr).toBe(0)
    const withoutIndex = await hashTree(out)
    expect(Object.keys(withoutIndex).filter((file) => file.startsWith('pagefind/'))).toEqual([])
    const full = Object.fromEntries(Object.entries(await hashTree(site)).filter(([file]) => !file.startsWith('pagefind/')))
    expect(withoutIndex).toEqual(full)
    // Nothing changed in the briefs, but the index is missing: not "up to date".
    const again = await runCli(['build', '--src', '.', '--out', out], project)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).not.toMatch(/up to date/)
    expect(await hashTree(out)).toEqual(await hashTree(site))
  })

  it('leaves the previous site as it was when indexing fails', async () => {
    const project = await tempDir(projectRoot + '/briefs')
    const out = path.join(project, '..', `${path.basename(project)}-site`)
    const first = await runCli(['build', '--src', '.', '--out', out], project)
    expect(first.code, first.stderr).toBe(0)
    const before = await hashTree(out)
    // A changed brief, so the build has something to write.
    const brief = (await listFiles(project)).find((file) => file.endsWith('.md'))!
    await appendFile(path.join(project, brief), '\nOne more line.\n')
    pagefindFails.now = true
    const failed = await runCli(['build', '--src', '.', '--out', out], project)
    expect(failed.code).toBe(2)
    expect(failed.stderr).toMatch(/Pagefind could not build the search index: simulated failure/)
    expect(failed.stderr).toMatch(/previous site is unchanged/)
    expect(await hashTree(out)).toEqual(before)
    // No temporary folder is left beside the output.
    expect((await readdir(path.dirname(out))).filter((name) => name.startsWith(`.${path.basename(out)}`))).toEqual([])
  })
})

/**
 * Full-text search with Pagefind: static indexes written beside the pages
 * and a search page that loads Pagefind's default UI from the site itself.
 *
 * Pagefind reads the finished HTML, so the index is built from the new site
 * after every page is written and before the swap: a failed index leaves the
 * previous site exactly as it was. The day pages are indexed in tiers
 * (src/render/search-tiers.ts), each its own bundle, and a tier whose days
 * are unchanged is taken from the previous site instead of being indexed
 * again.
 */
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as pagefind from 'pagefind'
import type {SiteWriter} from '../write/atomic-site.js'
import {settleAll, Slots} from '../slots.js'
import {templateFile} from './template-files.js'
import {PAGEFIND_FOLDER, searchTierKey, searchTiers, type SearchTier} from './search-tiers.js'
import type {PageReuse, PublishedBrief} from './page-model.js'

export {PAGEFIND_FOLDER}
/** Site-relative folder of the search page. */
export const SEARCH_FOLDER = 'search/'
/** Site-relative path of the search page's script. */
export const SEARCH_SCRIPT = `${SEARCH_FOLDER}search.js`
/**
 * Site-relative path of the module Pagefind's UI loads as `pagefind.js`
 * (its `bundlePath` is the search folder): it searches every tier's bundle
 * and merges the results (templates/search-bundles.js).
 */
export const SEARCH_BUNDLES_SCRIPT = `${SEARCH_FOLDER}pagefind.js`

/**
 * Parts of a day page left out of the index: the key figures repeat the
 * body's numbers, and the sources list (URLs, back-link arrows) and the
 * footnote numbers would fill result excerpts with noise. The header (title,
 * date, category, tags) is the result's title, not its excerpt: indexed, a
 * word of the title made the title the excerpt. Pagefind still reads the
 * title, the date and the category filter from it, and finds title words.
 */
const NOT_SEARCHED = ['.key-figures', 'section[data-footnotes]', '.further-sources', 'a[data-footnote-ref]', '.brief-header']

// keepIndexUrl: result links name `index.html`, like every other link of
// the site, so they also resolve on servers without folder indexes.
const INDEX_OPTIONS = {keepIndexUrl: true, excludeSelectors: NOT_SEARCHED}

/** The installed Pagefind's version: a new one may write other bundles, so it is part of every tier's key. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as {version: string}).version

export interface SearchTierResult {
  name: string
  /** Site-relative folder of the tier's bundle. */
  folder: string
  /** Day pages the tier covers. */
  pages: number
  /** Indexed in this build (false: its bundle was taken from the previous site). */
  indexed: boolean
}

export interface SearchIndexResult {
  tiers: SearchTierResult[]
  /** Day pages Pagefind read in this build, over every tier indexed. */
  indexedPages: number
  /** Milliseconds spent indexing, writing and reusing bundles. */
  ms: number
}

/** A site writer that can say where the new site holds a file, so that Pagefind can read the finished pages. */
export type SearchWriter = SiteWriter & {sourcePath(relativePath: string): string}

export interface IndexSearchOptions {
  /** The previous site and its files' keys, to take unchanged tiers from. */
  previous?: PageReuse | undefined
  /** Filled with the key of every file of every keyed tier, for the next build. */
  keys?: Map<string, string> | undefined
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
  constructor(errors: readonly string[]) {
    super(`Pagefind could not build the search index: ${errors.join('; ')}`)
  }
}

/**
 * Indexes the day pages of `published` (oldest first) in tiers, each tier's
 * bundle under its folder of `pagefind/`, with Pagefind's UI files in the
 * primary one. A tier whose key is unchanged since the previous build is
 * linked from the previous site; the others are indexed from the pages the
 * writer holds, which must all be written already.
 */
export async function indexSearch(published: readonly PublishedBrief[], writer: SearchWriter, options: IndexSearchOptions = {}): Promise<SearchIndexResult> {
  const start = performance.now()
  const {previous, keys} = options
  // The previous build's files of each tier, by the tier's key.
  const previousTiers = new Map<string, string[]>()
  for (const [file, key] of previous?.keys ?? []) if (key.startsWith('search:')) previousTiers.set(key, [...(previousTiers.get(key) ?? []), file])
  let started = false
  // Tiers run side by side: an unchanged tier's files are linked while
  // Pagefind starts and indexes a changed one in its own process. At most
  // INDEXES_AT_ONCE indexes are built at a time: Pagefind holds each whole
  // in memory until its files are taken.
  const slots = new Slots(INDEXES_AT_ONCE)
  const work = searchTiers(published).map(async (tier): Promise<SearchTierResult> => {
    const key = searchTierKey(tier, [PAGEFIND_VERSION, INDEX_OPTIONS])
    const files = key && previous && writer.reuse ? previousTiers.get(key) : undefined
    const result = {name: tier.name, folder: tier.folder, pages: tier.items.length}
    if (files && (await writer.reuse!(files.map((file) => ({path: file, source: path.join(previous!.dir, file)}))))) {
      for (const file of files) keys?.set(file, key!)
      return {...result, indexed: false}
    }
    started = true
    const written = await slots.run(() => indexTier(tier, writer))
    for (const file of written) if (key) keys?.set(file, key)
    return {...result, indexed: true}
  })
  // Every tier settles before the build goes on (or the writer aborts): none writes after.
  let tiers: SearchTierResult[]
  try {
    tiers = await settleAll(work)
  } finally {
    // Pagefind runs as a child process; left open, it keeps Node alive.
    if (started) await pagefind.close()
  }
  return {tiers, indexedPages: tiers.reduce((sum, tier) => sum + (tier.indexed ? tier.pages : 0), 0), ms: performance.now() - start}
}

/** Pagefind indexes built at once: one per core on this kind of machine, each at most a year of pages. */
const INDEXES_AT_ONCE = 2

/**
 * Indexes one tier's day pages into its bundle; returns the files written.
 * Pages are sent one at a time, oldest first: Pagefind numbers pages in the
 * order they come, so the same days always give the same bundle.
 */
async function indexTier(tier: SearchTier, writer: SearchWriter): Promise<string[]> {
  const created = await pagefind.createIndex(INDEX_OPTIONS)
  if (!created.index) throw new SearchIndexError(created.errors)
  const {index} = created
  for (const item of tier.items) {
    const page = `${item.folder}index.html`
    const added = await index.addHTMLFile({url: `/${page}`, content: await readFile(writer.sourcePath(page), 'utf8')})
    if (added.errors.length > 0) throw new SearchIndexError(added.errors)
  }
  const built = await index.getFiles()
  if (built.errors.length > 0) throw new SearchIndexError(built.errors)
  await index.deleteIndex()
  const written: string[] = []
  for (const file of built.files) {
    // The older tiers' bundles hold their index only: a merged bundle is
    // searched with the primary one's scripts, styles and WebAssembly.
    if (tier.folder !== PAGEFIND_FOLDER && /\.(js|css)$|^wasm\./.test(file.path)) continue
    const target = `${tier.folder}${file.path}`
    await writer.write(target, file.content)
    written.push(target)
  }
  return written
}

/**
 * What the search page adds to the page shell, for a page at `search/`:
 * Pagefind's UI files and our script (files of the site: the CSP allows no
 * inline script), and the CSP sources Pagefind needs beyond the defaults.
 */
export function searchPageHead(root: string): {stylesheets: string[]; scripts: string[]; cspExtra: Record<string, string[]>} {
  return {
    stylesheets: [`${root}${PAGEFIND_FOLDER}pagefind-ui.css`],
    // Deferred scripts run in order: Pagefind's UI first, then ours, which uses it.
    scripts: [`${root}${PAGEFIND_FOLDER}pagefind-ui.js`, `${root}${SEARCH_SCRIPT}`],
    cspExtra: {
      // Pagefind searches in a web worker of the site, which fetches the
      // index itself. Where a worker cannot run, Pagefind searches on the
      // page: it then fetches the index (connect-src) and runs WebAssembly,
      // which needs 'wasm-unsafe-eval' (and not 'unsafe-eval').
      'worker-src': ["'self'"],
      'connect-src': ["'self'"],
      'script-src': ["'wasm-unsafe-eval'"]
    }
  }
}

/** The search page's scripts, as site files: `search/search.js` (templates/search.js) and the module merging the tiers' results. */
export async function searchScripts(): Promise<Array<{path: string; content: Buffer}>> {
  return [
    {path: SEARCH_SCRIPT, content: await templateFile('search.js')},
    {path: SEARCH_BUNDLES_SCRIPT, content: await templateFile('search-bundles.js')}
  ]
}

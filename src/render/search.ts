/**
 * Full-text search with Pagefind: a static index written beside the pages
 * and a search page that loads Pagefind's default UI from the site itself.
 *
 * Pagefind reads the finished HTML, so the index is built from the
 * temporary build folder after every page is written and before the swap:
 * a failed index leaves the previous site exactly as it was.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as pagefind from 'pagefind'

/** Site-relative folder of the search page. */
export const SEARCH_FOLDER = 'search/'
/** Site-relative folder Pagefind writes its index and UI into. */
export const PAGEFIND_FOLDER = 'pagefind/'
/** Site-relative path of the search page's script. */
export const SEARCH_SCRIPT = `${SEARCH_FOLDER}search.js`

/**
 * Parts of a day page left out of the index: the key figures repeat the
 * body's numbers, and the sources list (URLs, back-link arrows) and the
 * footnote numbers would fill result excerpts with noise.
 */
const NOT_SEARCHED = ['.key-figures', 'section[data-footnotes]', '.further-sources', 'a[data-footnote-ref]']

export interface SearchIndexResult {
  /** HTML files Pagefind read; it indexes only the day pages, the ones marked `data-pagefind-body`. */
  htmlFiles: number
  /** Milliseconds spent indexing and writing the index. */
  ms: number
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
  constructor(errors: readonly string[]) {
    super(`Pagefind could not build the search index: ${errors.join('; ')}`)
  }
}

/**
 * Indexes every HTML page under `siteDir` and writes the index, with
 * Pagefind's UI files, to `siteDir/pagefind/`.
 */
export async function indexSearch(siteDir: string): Promise<SearchIndexResult> {
  const start = performance.now()
  try {
    // keepIndexUrl: result links name `index.html`, like every other link of
    // the site, so they also resolve on servers without folder indexes.
    const created = await pagefind.createIndex({keepIndexUrl: true, excludeSelectors: NOT_SEARCHED})
    if (!created.index) throw new SearchIndexError(created.errors)
    const {index} = created
    const added = await index.addDirectory({path: siteDir})
    if (added.errors.length > 0) throw new SearchIndexError(added.errors)
    const written = await index.writeFiles({outputPath: path.join(siteDir, PAGEFIND_FOLDER)})
    if (written.errors.length > 0) throw new SearchIndexError(written.errors)
    return {htmlFiles: added.page_count, ms: performance.now() - start}
  } finally {
    // Pagefind runs as a child process; left open, it keeps Node alive.
    await pagefind.close()
  }
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

/** The search page's script, `search/search.js` (templates/search.js). */
export function searchScript(): Promise<Buffer> {
  return templateFile('search.js')
}

const cache = new Map<string, Promise<Buffer>>()

/**
 * A file of `templates/`, found by walking up from this module: the same
 * code runs from `src/` under the tests and from `dist/src/` when installed.
 */
function templateFile(name: string): Promise<Buffer> {
  let found = cache.get(name)
  if (!found) {
    found = (async () => {
      let folder = path.dirname(fileURLToPath(import.meta.url))
      for (;;) {
        const content = await readFile(path.join(folder, 'templates', name)).catch(() => undefined)
        if (content) return content
        const parent = path.dirname(folder)
        if (parent === folder) throw new Error(`Cannot find templates/${name} beside the Briefpress installation`)
        folder = parent
      }
    })()
    cache.set(name, found)
  }
  return found
}

import type {ElementContent} from 'hast'
import {h} from 'hastscript'

export interface SearchPageProps {
  /** Site-relative folders of the search index's older tiers, newest first, merged into the primary bundle's results. */
  merged: readonly string[]
}

/**
 * The search page's content. Pagefind's UI mounts into `#search`
 * (templates/search.js); the sort order is ours, since Pagefind's UI takes
 * its sort only when it is created.
 */
export function searchPage({merged}: SearchPageProps): ElementContent[] {
  return [
    h('section.search-page', [
      h('h1', 'Search the briefs'),
      h('p.search-sort', [
        h('label', {htmlFor: 'search-sort'}, 'Sort results by'),
        ' ',
        h('select#search-sort', [h('option', {value: 'relevance'}, 'best match'), h('option', {value: 'newest'}, 'date, newest first'), h('option', {value: 'oldest'}, 'date, oldest first')])
      ]),
      h('label.search-label', {htmlFor: 'search-input'}, 'Words to find'),
      h('div#search.search-ui', {role: 'search', ariaLabel: 'Briefs', dataBundles: merged.join(' ')}),
      h('noscript', [h('p', 'Search runs in your browser and needs JavaScript. Every brief is also listed on the home page.')])
    ])
  ]
}

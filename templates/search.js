// The search page's script: Pagefind's default UI with a sort order of our
// own. It is a file, not an inline script, because the site's
// Content-Security-Policy only runs scripts served by the site itself.
/* global PagefindUI */
;(() => {
  // Opened from the file system, the browser refuses the index's requests
  // and Pagefind would say "Searching…" forever: say why instead.
  if (location.protocol === 'file:') {
    const message = document.createElement('p')
    message.className = 'search-offline'
    message.setAttribute('role', 'status')
    message.textContent =
      'Search needs a web server: opened from a file, this page may not read the search index. Serve the site folder with any static web server (for example, run `python3 -m http.server` in it) and open the search page from there. Every brief is also listed by month and year from the home page.'
    document.getElementById('search').replaceChildren(message)
    document.getElementById('search-sort').disabled = true
    return
  }
  // This file is `search/search.js`: the site root is one folder up, which
  // keeps result links right when the site is served under a base path.
  const root = new URL('../', document.currentScript.src)
  // The index's older tiers (site-relative bundle folders, newest first),
  // searched with the primary bundle by search/pagefind.js.
  const merged = document.getElementById('search').dataset.bundles.split(' ').filter(Boolean)
  const select = document.getElementById('search-sort')
  const sorts = {relevance: undefined, newest: {date: 'desc'}, oldest: {date: 'asc'}}
  const params = new URLSearchParams(location.search)
  if (params.get('sort') in sorts) select.value = params.get('sort')
  let ui
  // What was typed: kept here, since a new UI shows it only after a moment.
  let query = params.get('q') ?? ''

  // Keeps the search in the address, so the back button from a result and a
  // shared link both come back to the same results.
  const remember = () => {
    const url = new URL(location.href)
    if (query) url.searchParams.set('q', query)
    else url.searchParams.delete('q')
    if (select.value === 'relevance') url.searchParams.delete('sort')
    else url.searchParams.set('sort', select.value)
    history.replaceState(null, '', url)
  }

  // Pagefind's UI takes its sort only when it is created, so a new order
  // means a new UI, searching again for what was typed.
  const mount = () => {
    ui?.destroy()
    ui = new PagefindUI({
      element: '#search',
      // Pagefind's UI loads `pagefind.js` from here: search/pagefind.js,
      // which searches every tier's bundle and merges the results.
      bundlePath: new URL('search/', root).pathname,
      mergeIndex: merged.map((folder) => ({bundlePath: new URL(folder, root).pathname})),
      baseUrl: root.pathname,
      showSubResults: true,
      showImages: false,
      sort: sorts[select.value],
      processResult(result) {
        // Every day page carries its date (data-pagefind-meta), written as
        // the lists write it (`17 Nov 2026`): shown before the title rather
        // than as tags below the excerpt.
        const day = result.meta.day ?? result.meta.date
        if (day) result.meta.title = `${day} · ${result.meta.title}`
        delete result.meta.date
        delete result.meta.day
        return result
      }
    })
    // Pagefind's input has a placeholder but no label: ours names it.
    document.querySelector('#search input').id = 'search-input'
    if (query) ui.triggerSearch(query)
  }

  select.addEventListener('change', () => {
    mount()
    remember()
  })
  document.getElementById('search').addEventListener('input', (event) => {
    if (event.target.id !== 'search-input') return
    query = event.target.value
    remember()
  })
  mount()
})()

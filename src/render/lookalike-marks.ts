/**
 * Marks, in a day's rendered body, the sources whose host
 * `lookalike-citation-host` found to imitate another site: the domain
 * shown beside the link (src/render/sources.ts) gets the class
 * `lookalike-host` and is followed by a visible warning naming the site it
 * reads as. Done on the rendered HTML when the page is written, since what
 * counts as a look-alike depends on the whole archive, not on the brief.
 */

/** `www.example.com` → `example.com`, as src/render/sources.ts shows a source's domain. */
const shown = (host: string) => host.replace(/^www\./, '')

/** Host names hold only letters, digits, dots and hyphens; anything else is escaped all the same. */
const escape = (text: string) => text.replace(/[&<>"]/g, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[char]!)

export function markLookalikes(html: string, lookalikes: Readonly<Record<string, string>> | undefined): string {
  if (!lookalikes) return html
  let marked = html
  for (const [host, reference] of Object.entries(lookalikes)) {
    const domain = escape(shown(host))
    const warning = `<strong class="lookalike-warning" title="${escape(`${shown(host)} is not ${reference}: its name only looks like it. Open with care.`)}">⚠ Look-alike of ${escape(shown(reference))}</strong>`
    marked = marked.replaceAll(`<span class="source-domain">${domain}</span>`, `<span class="source-domain lookalike-host">${domain}</span> ${warning}`)
  }
  return marked
}

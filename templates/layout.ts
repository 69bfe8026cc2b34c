import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'

export interface LayoutProps {
  siteTitle: string
  pageTitle: string
  /** For `<meta name="description">`; empty to leave it out. */
  description: string
  /** Path from this page to the site root, such as `../../../`. */
  root: string
  /** Links to the previous and next day, for `<link rel=prev/next>`. */
  previous?: string | undefined
  next?: string | undefined
  /** Links to the site's feeds, for `<link rel=alternate>`. */
  feeds?: {atom: string; rss: string; json: string}
  main: ElementContent[]
}

/**
 * The page shell shared by every page: one stylesheet, no scripts, nothing
 * from another host. Every text is a hast text node, so hast-util-to-html
 * escapes it (a title `</title><script>` stays text).
 */
export function layout(props: LayoutProps): Root {
  const title = props.pageTitle === props.siteTitle ? props.siteTitle : `${props.pageTitle} · ${props.siteTitle}`
  const html: Element = h('html', {lang: 'en'}, [
    h('head', [
      h('meta', {charset: 'utf-8'}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', title),
      props.description ? h('meta', {name: 'description', content: props.description}) : undefined,
      h('meta', {name: 'color-scheme', content: 'light dark'}),
      // Links to sources leave the site without telling them which brief sent the reader.
      h('meta', {name: 'referrer', content: 'no-referrer'}),
      h('meta', {name: 'generator', content: 'Briefpress'}),
      h('link', {rel: 'stylesheet', href: `${props.root}style.css`}),
      ...(props.feeds
        ? [
            h('link', {rel: 'alternate', type: 'application/atom+xml', title: `${props.siteTitle} (Atom)`, href: props.feeds.atom}),
            h('link', {rel: 'alternate', type: 'application/rss+xml', title: `${props.siteTitle} (RSS)`, href: props.feeds.rss}),
            h('link', {rel: 'alternate', type: 'application/feed+json', title: `${props.siteTitle} (JSON Feed)`, href: props.feeds.json})
          ]
        : []),
      props.previous ? h('link', {rel: 'prev', href: props.previous}) : undefined,
      props.next ? h('link', {rel: 'next', href: props.next}) : undefined
    ]),
    h('body', [
      h('a.skip-link', {href: '#main'}, 'Skip to content'),
      h('header.site-header', [h('a.site-title', {href: `${props.root}index.html`}, props.siteTitle)]),
      h('main#main', props.main),
      h('footer.site-footer', [h('p', ['Built with Briefpress. Sources link to other sites; this page loads nothing from them.'])])
    ])
  ])
  return {type: 'root', children: [{type: 'doctype'}, {type: 'text', value: '\n'}, html]}
}

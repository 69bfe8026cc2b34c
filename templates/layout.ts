import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {contentSecurityPolicy, type CspOptions} from '../src/render/csp.js'
import {FAVICON_PATH} from './favicon.js'

export interface NavLink {
  href: string
  label: string
  /** This page, or the section the page is in: `aria-current`. */
  current?: boolean
}

export interface SharedImage {
  url: string
  /** What the picture shows, for readers who cannot see it. */
  alt: string
  width: number
  height: number
  type: string
}

export interface Crumb {
  label: string
  /** Left out for the page itself (the last crumb). */
  href?: string
}

export interface LayoutProps {
  siteTitle: string
  pageTitle: string
  /** For `<meta name="description">`; empty to leave it out. */
  description: string
  /** Path from this page to the site root, such as `../../../`; the base path (`/briefs/`) on the 404 page. */
  root: string
  /** Absolute URL of this page under the configured base URL: `<link rel=canonical>` and `og:url`. */
  canonical?: string | undefined
  /** `og:type`: `article` for a day, `website` otherwise. */
  kind?: 'article' | 'website'
  /** The picture a shared link shows (`og:image`, `twitter:card`), by absolute URL; with `canonical` only. */
  image?: SharedImage | undefined
  /** Links to the previous and next page, for `<link rel=prev/next>`. */
  previous?: string | undefined
  next?: string | undefined
  /** Links to the site's feeds, for `<link rel=alternate>`. */
  feeds?: {atom: string; rss: string; json: string}
  /** Further Atom feeds of this page (a tag's, a category's, an asset's), for `<link rel=alternate>`. */
  alternates?: ReadonlyArray<{title: string; href: string}>
  /** The site's main sections, shown in the header on every page. */
  nav?: readonly NavLink[]
  /** Where the page sits: Home › 2026 › November › 20. */
  breadcrumbs?: readonly Crumb[]
  /** Script files of the site this page runs (the search page); allows `script-src 'self'`. */
  scripts?: readonly string[]
  /** Further stylesheets of the site, after `style.css`. */
  stylesheets?: readonly string[]
  /** What the CSP allows besides the defaults (image hosts, extra directives). */
  csp?: Omit<CspOptions, 'scripts'>
  main: ElementContent[]
}

/**
 * The page shell shared by every page: one stylesheet, no scripts unless a
 * page asks, nothing from another host, and a Content-Security-Policy that
 * says so. Every text is a hast text node, so hast-util-to-html escapes it
 * (a title `</title><script>` stays text).
 */
export function layout(props: LayoutProps): Root {
  const title = props.pageTitle === props.siteTitle ? props.siteTitle : `${props.pageTitle} · ${props.siteTitle}`
  const scripts = props.scripts ?? []
  const html: Element = h('html', {lang: 'en'}, [
    h('head', [
      h('meta', {charset: 'utf-8'}),
      // First after the charset, so it covers everything the head loads.
      h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy({...props.csp, scripts: scripts.length > 0})}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', title),
      props.description ? h('meta', {name: 'description', content: props.description}) : undefined,
      h('meta', {name: 'color-scheme', content: 'light dark'}),
      // Links to sources leave the site without telling them which brief sent the reader.
      h('meta', {name: 'referrer', content: 'no-referrer'}),
      h('meta', {name: 'generator', content: 'Briefpress'}),
      ...(props.canonical
        ? [
            h('link', {rel: 'canonical', href: props.canonical}),
            h('meta', {property: 'og:url', content: props.canonical}),
            h('meta', {property: 'og:type', content: props.kind ?? 'website'}),
            h('meta', {property: 'og:site_name', content: props.siteTitle}),
            // What a link to the page shows where it is shared: title, description, picture.
            h('meta', {property: 'og:title', content: props.pageTitle}),
            props.description ? h('meta', {property: 'og:description', content: props.description}) : undefined,
            ...(props.image
              ? [
                  h('meta', {property: 'og:image', content: props.image.url}),
                  h('meta', {property: 'og:image:type', content: props.image.type}),
                  h('meta', {property: 'og:image:width', content: String(props.image.width)}),
                  h('meta', {property: 'og:image:height', content: String(props.image.height)}),
                  h('meta', {property: 'og:image:alt', content: props.image.alt}),
                  h('meta', {name: 'twitter:card', content: 'summary_large_image'})
                ]
              : [h('meta', {name: 'twitter:card', content: 'summary'})])
          ]
        : []),
      h('link', {rel: 'icon', type: 'image/svg+xml', href: `${props.root}${FAVICON_PATH}`}),
      h('link', {rel: 'stylesheet', href: `${props.root}style.css`}),
      ...(props.stylesheets ?? []).map((href) => h('link', {rel: 'stylesheet', href})),
      ...(props.feeds
        ? [
            h('link', {rel: 'alternate', type: 'application/atom+xml', title: `${props.siteTitle} (Atom)`, href: props.feeds.atom}),
            h('link', {rel: 'alternate', type: 'application/rss+xml', title: `${props.siteTitle} (RSS)`, href: props.feeds.rss}),
            h('link', {rel: 'alternate', type: 'application/feed+json', title: `${props.siteTitle} (JSON Feed)`, href: props.feeds.json})
          ]
        : []),
      ...(props.alternates ?? []).map((feed) => h('link', {rel: 'alternate', type: 'application/atom+xml', title: feed.title, href: feed.href})),
      props.previous ? h('link', {rel: 'prev', href: props.previous}) : undefined,
      props.next ? h('link', {rel: 'next', href: props.next}) : undefined,
      ...scripts.map((src) => h('script', {src, defer: true}))
    ]),
    h('body', [
      h('a.skip-link', {href: '#main'}, 'Skip to content'),
      h('header.site-header', [
        h('a.site-title', {href: `${props.root}index.html`}, props.siteTitle),
        props.nav && props.nav.length > 0
          ? h('nav.site-nav', {ariaLabel: 'Site'}, [
              h(
                'ul',
                props.nav.map((link) => h('li', [h('a', {href: link.href, ariaCurrent: link.current ? 'page' : undefined}, link.label)]))
              )
            ])
          : undefined
      ]),
      props.breadcrumbs && props.breadcrumbs.length > 0 ? breadcrumbs(props.breadcrumbs) : undefined,
      h('main#main', props.main),
      h('footer.site-footer', [h('p', ['Built with Briefpress. Sources link to other sites; this page loads nothing from them.'])])
    ])
  ])
  return {type: 'root', children: [{type: 'doctype'}, {type: 'text', value: '\n'}, html]}
}

function breadcrumbs(crumbs: readonly Crumb[]): Element {
  return h('nav.breadcrumbs', {ariaLabel: 'Breadcrumb'}, [
    h(
      'ol',
      crumbs.map((crumb) => h('li', [crumb.href ? h('a', {href: crumb.href}, crumb.label) : h('span', {ariaCurrent: 'page'}, crumb.label)]))
    )
  ])
}

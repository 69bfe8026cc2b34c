import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {absoluteUrl} from '../src/render/absolute-url.js'
import {contentSecurityPolicy} from '../src/render/csp.js'
import {FEED_PATHS} from '../src/render/feeds.js'
import type {PageKind, SiteContext} from '../src/render/page-model.js'
import {ASSETS_FOLDER, SITE_CARD_PATH, rootFrom} from '../src/render/paths.js'
import {SEARCH_FOLDER} from '../src/render/search.js'
import {FAVICON_PATH} from './favicon.js'
import {CARD_HEIGHT, CARD_WIDTH} from './social-card.js'

export interface Crumb {
  label: string
  /** Left out for the page itself (the last crumb). */
  href?: string
}

export interface ShellProps {
  kind: PageKind
  /** Site-relative folder of the page. */
  folder: string
  title: string
  /** For `<meta name="description">` and `og:description`; left out when empty. */
  description?: string
  main: ElementContent[]
  /** Where the page sits: Home › 2026 › November › 20. */
  breadcrumbs?: Crumb[]
  /** Links to the previous and next page, for `<link rel=prev/next>`. */
  previous?: string | undefined
  next?: string | undefined
  /** The root links start from; relative (`../../`) unless given (the base path `/briefs/` on the 404 page). */
  root?: string
  /** Site-relative path of the page's picture for sharing; the site's card when not given. */
  image?: {path: string; alt: string}
  /** The page's own Atom feed (a category's, a tag's, an asset's), linked besides the site's. */
  feed?: {title: string; href: string} | undefined
  /** Script files and further stylesheets of the site (the search page), and what the CSP must allow for them. */
  scripts?: string[]
  stylesheets?: string[]
  cspExtra?: Record<string, string[]>
}

/**
 * The page shell shared by every page: the site's nav and feeds, the
 * canonical URL and sharing tags (absolute, from `baseUrl`), one stylesheet,
 * no scripts unless a page asks, nothing from another host, and a
 * Content-Security-Policy that says so. Every text is a hast text node, so
 * hast-util-to-html escapes it (a title `</title><script>` stays text).
 */
export function shell({config}: Pick<SiteContext, 'config'>, props: ShellProps): Root {
  const {siteTitle, baseUrl} = config
  const root = props.root ?? rootFrom(props.folder)
  const title = props.title === siteTitle ? siteTitle : `${props.title} · ${siteTitle}`
  const canonical = props.kind === 'not-found' ? undefined : absoluteUrl(baseUrl, props.folder)
  const scripts = props.scripts ?? []
  const nav = [
    {href: `${root}index.html`, label: 'Briefs', current: props.kind === 'index'},
    {href: `${root}${ASSETS_FOLDER}index.html`, label: 'Assets', current: props.kind === 'assets' || props.kind === 'asset'},
    {href: `${root}${SEARCH_FOLDER}index.html`, label: 'Search', current: props.kind === 'search'}
  ]
  const html: Element = h('html', {lang: 'en'}, [
    h('head', [
      h('meta', {charset: 'utf-8'}),
      // First after the charset, so it covers everything the head loads.
      h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy({allowedImageHosts: config.allowedImageHosts, ...(props.cspExtra && {extra: props.cspExtra}), scripts: scripts.length > 0})}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', title),
      props.description ? h('meta', {name: 'description', content: props.description}) : undefined,
      h('meta', {name: 'color-scheme', content: 'light dark'}),
      // Links to sources leave the site without telling them which brief sent the reader.
      h('meta', {name: 'referrer', content: 'no-referrer'}),
      h('meta', {name: 'generator', content: 'Briefpress'}),
      ...(canonical
        ? [
            h('link', {rel: 'canonical', href: canonical}),
            h('meta', {property: 'og:url', content: canonical}),
            h('meta', {property: 'og:type', content: props.kind === 'day' ? 'article' : 'website'}),
            h('meta', {property: 'og:site_name', content: siteTitle}),
            // What a link to the page shows where it is shared: title, description, picture.
            h('meta', {property: 'og:title', content: props.title}),
            props.description ? h('meta', {property: 'og:description', content: props.description}) : undefined,
            h('meta', {property: 'og:image', content: absoluteUrl(baseUrl, props.image?.path ?? SITE_CARD_PATH)}),
            h('meta', {property: 'og:image:type', content: 'image/svg+xml'}),
            h('meta', {property: 'og:image:width', content: String(CARD_WIDTH)}),
            h('meta', {property: 'og:image:height', content: String(CARD_HEIGHT)}),
            h('meta', {property: 'og:image:alt', content: props.image?.alt ?? `${siteTitle}: ${config.siteDescription}`}),
            h('meta', {name: 'twitter:card', content: 'summary_large_image'})
          ]
        : []),
      h('link', {rel: 'icon', type: 'image/svg+xml', href: `${root}${FAVICON_PATH}`}),
      h('link', {rel: 'stylesheet', href: `${root}style.css`}),
      ...(props.stylesheets ?? []).map((href) => h('link', {rel: 'stylesheet', href})),
      h('link', {rel: 'alternate', type: 'application/atom+xml', title: `${siteTitle} (Atom)`, href: `${root}${FEED_PATHS.atom}`}),
      h('link', {rel: 'alternate', type: 'application/rss+xml', title: `${siteTitle} (RSS)`, href: `${root}${FEED_PATHS.rss}`}),
      h('link', {rel: 'alternate', type: 'application/feed+json', title: `${siteTitle} (JSON Feed)`, href: `${root}${FEED_PATHS.json}`}),
      props.feed ? h('link', {rel: 'alternate', type: 'application/atom+xml', title: props.feed.title, href: props.feed.href}) : undefined,
      props.previous ? h('link', {rel: 'prev', href: props.previous}) : undefined,
      props.next ? h('link', {rel: 'next', href: props.next}) : undefined,
      ...scripts.map((src) => h('script', {src, defer: true}))
    ]),
    h('body', [
      h('a.skip-link', {href: '#main'}, 'Skip to content'),
      h('header.site-header', [
        h('a.site-title', {href: `${root}index.html`}, siteTitle),
        h('nav.site-nav', {ariaLabel: 'Site'}, [h('ul', nav.map((link) => h('li', [h('a', {href: link.href, ariaCurrent: link.current ? 'page' : undefined}, link.label)])))])
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

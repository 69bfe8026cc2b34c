import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'

export interface LayoutProps {
  siteTitle: string
  pageTitle: string
  /** Path from this page to the site root, such as `../../../`. */
  root: string
  main: ElementContent[]
}

/** The page shell shared by every page: one stylesheet, no scripts. */
export function layout(props: LayoutProps): Root {
  const title = props.pageTitle === props.siteTitle ? props.siteTitle : `${props.pageTitle} · ${props.siteTitle}`
  const html: Element = h('html', {lang: 'en'}, [
    h('head', [
      h('meta', {charset: 'utf-8'}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', title),
      h('link', {rel: 'stylesheet', href: `${props.root}style.css`})
    ]),
    h('body', [
      h('header.site-header', [h('a.site-title', {href: `${props.root}index.html`}, props.siteTitle)]),
      h('main', props.main)
    ])
  ])
  return {type: 'root', children: [{type: 'doctype'}, html]}
}

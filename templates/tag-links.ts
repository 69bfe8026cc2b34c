import type {ElementContent} from 'hast'
import {h} from 'hastscript'

/** The brief's tags, each linked to its page. */
export function tagLinks(tags: readonly string[], href: ((tag: string) => string | undefined) | undefined): ElementContent {
  return h(
    'span.tags',
    tags.flatMap((tag, index) => {
      const to = href?.(tag)
      return [...(index > 0 ? [', '] : []), to ? h('a.tag', {href: to, rel: 'tag'}, tag) : tag]
    })
  )
}

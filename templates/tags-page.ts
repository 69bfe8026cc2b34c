import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {BrowseLink} from './index-page.js'

/** `tag/index.html`: every tag with its count, most used first. */
export function tagsIndexPage({tags}: {tags: readonly BrowseLink[]}): ElementContent[] {
  return [
    h('h1', 'Tags'),
    h('p.count', `${tags.length} ${tags.length === 1 ? 'tag' : 'tags'}, most used first.`),
    h('ul.inline-list.tag-list', tags.map((tag) => h('li', [h('a', {href: tag.href}, tag.label), h('span.count-badge', ` (${tag.count})`)])))
  ]
}

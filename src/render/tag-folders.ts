import {createHash} from 'node:crypto'
import {compare} from './compare.js'
import {slug} from './paths.js'

/**
 * Where each tag's page lives: `tag/<slug>/`. A tag's folder depends on its
 * text alone (not on the other tags of the archive), so a day page or a card
 * that links its tags needs no other brief to be right. Tags that differ only
 * in case, accents, spacing or punctuation ("ETF flows", "etf-flows") slug
 * alike and share one page. Letters and digits outside ASCII ("日本", "ΔETH")
 * would be lost by the ASCII slug, so such a tag adds a short hash of its
 * text: "日本" and "中国" get pages of their own. No tag text ("../", "%2e",
 * one that slugs to nothing, or to a name Windows reserves such as `con`)
 * names a folder outside `tag/` or one a file system refuses.
 */
export const TAGS_FOLDER = 'tag/'

/** `tag/<slug>/` for a tag, or undefined for a tag with no text at all. */
export function tagFolder(tag: string): string | undefined {
  const text = tagIdentity(tag)
  if (text === '') return undefined
  const base = slug(text)
  const letters = text.normalize('NFKD').replace(/\p{M}+/gu, '')
  const lossy = base === '' || /[^\p{ASCII}]/u.test(letters.replace(/[^\p{L}\p{N}]+/gu, '')) || base.length < asciiSlugLength(letters) || RESERVED.test(base)
  return `${TAGS_FOLDER}${lossy ? `${base}_${createHash('sha256').update(text).digest('hex').slice(0, 8)}` : base}/`
}

/** Names Windows refuses as a file or folder, whatever follows a dot. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/

/** One tag page: its folder, the spelling it is shown in, and its briefs in the order given. */
export interface TagGroup<T> {
  folder: string
  label: string
  items: T[]
}

/**
 * The tags of `items` (in their order, newest first on the site) by folder,
 * folders in code-unit order. A brief tagged twice on one page ("BTC",
 * "btc") is listed once; the page is named by its most used spelling (ties:
 * the first in code-unit order).
 */
export function tagGroups<T extends {tags: readonly string[]}>(items: readonly T[]): Map<string, TagGroup<T>> {
  const groups = new Map<string, {items: T[]; spellings: Map<string, number>}>()
  for (const item of items) {
    const seen = new Set<string>()
    for (const tag of item.tags) {
      const folder = tagFolder(tag)
      if (!folder) continue
      let group = groups.get(folder)
      if (!group) groups.set(folder, (group = {items: [], spellings: new Map()}))
      const spelling = tag.trim().replace(/\s+/g, ' ')
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1)
      if (seen.has(folder)) continue
      seen.add(folder)
      group.items.push(item)
    }
  }
  const result = new Map<string, TagGroup<T>>()
  for (const folder of [...groups.keys()].sort(compare)) {
    const {items: tagged, spellings} = groups.get(folder)!
    const [label] = [...spellings].sort(([a, countA], [b, countB]) => countB - countA || compare(a, b))[0]!
    result.set(folder, {folder, label, items: tagged})
  }
  return result
}

/** What makes two tags the same: compatibility forms, case and runs of spaces ignored. */
function tagIdentity(tag: string): string {
  return tag.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The length the ASCII slug would have untruncated: longer than `slug` keeps, the tail is lost. */
function asciiSlugLength(letters: string): number {
  return letters.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').length
}

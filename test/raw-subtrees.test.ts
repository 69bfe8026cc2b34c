/**
 * What src/render/raw-subtrees.ts pays (README, "Speed"): rehype-raw sends the
 * whole tree through parse5; Briefpress sends only the top-level runs that
 * hold raw HTML. These tests fail when it stops taking effect (every node
 * re-made by parse5) or when its output departs from rehype-raw's.
 */
import type {Root} from 'hast'
import rehypeRaw from 'rehype-raw'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import rehypeRawSubtrees from '../src/render/raw-subtrees.js'

const tree = (): Root => ({
  type: 'root',
  children: [
    {type: 'element', tagName: 'p', properties: {dataFootnoteRef: true}, children: [{type: 'text', value: 'Plain'}]},
    {type: 'raw', value: '<div class="note">'},
    {type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: 'Inside'}]},
    {type: 'raw', value: '</div>'},
    {type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: 'After'}]}
  ]
})

const strip = (root: Root) => JSON.parse(JSON.stringify(root.children, (key, value: unknown) => (key === 'position' ? undefined : value))) as unknown

describe('rehype-raw only where there is raw HTML', () => {
  it('keeps top-level nodes without raw HTML as they are, and parses the rest as rehype-raw does', () => {
    const input = tree()
    const [first, , , , last] = input.children
    const output = rehypeRawSubtrees()(input, new VFile())
    expect(output.children[0]).toBe(first)
    expect(output.children.at(-1)).toBe(last)
    const library = (rehypeRaw() as unknown as (tree: Root, file: VFile) => Root)(tree(), new VFile())
    expect(strip(output)).toEqual(strip(library))
  })
})

import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {spliced} from '../templates/spliced.js'

describe('spliced', () => {
  it('writes what hast-util-to-html writes for the element with its children as raw nodes', () => {
    const cards = ['<li><a href="a.html">A &amp; B</a></li>', '<li>“two”</li>', '<li></li>']
    const element = h('ol.brief-list', {ariaLabel: 'Cards "quoted"', dataCount: 3})
    const expected = toHtml({...element, children: cards.map((value) => ({type: 'raw', value}))} as never, {allowDangerousHtml: true})
    const node = spliced(element, cards) as unknown as {type: string; value: string}
    expect(node.type).toBe('raw')
    expect(node.value).toBe(expected)
    expect(toHtml(h('section', [h('h2', 'Nov'), spliced(h('tbody'), [])]), {allowDangerousHtml: true})).toBe('<section><h2>Nov</h2><tbody></tbody></section>')
  })

  it('refuses a void element, which has no content to splice into', () => {
    expect(() => spliced(h('br'), ['x'])).toThrow(/Cannot splice/)
  })
})

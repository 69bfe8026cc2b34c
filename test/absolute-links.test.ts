import type {Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import rehypeRaw from 'rehype-raw'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/load.js'
import {runPipeline} from '../src/pipeline.js'
import {absoluteLinks} from '../src/render/absolute-links.js'
import {renderBrief, type RenderedBrief} from '../src/render/site.js'
import {visit} from '../src/visit.js'
import {corpusDir, hasShared, projectRoot} from './helpers.js'

const PAGE = 'https://example.org/briefs/2026/11/20/'

/** The HTML as a browser's parser reads it (parse5, through rehype-raw), without positions. */
function parsed(html: string): Root {
  const tree = unified().use(rehypeRaw).runSync({type: 'root', children: [{type: 'raw', value: html}]}) as Root
  visit(tree, (node) => {
    delete node.position
  })
  return tree
}

/** What the feeds did before: parse the body, resolve every element's href and src, write it again. */
function reference(html: string, pageUrl: string): string {
  const tree = parsed(html)
  visit(tree, 'element', (node) => {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name]
      if (typeof value !== 'string') continue
      try {
        node.properties[name] = new URL(value, pageUrl).href
      } catch {
        // Left alone.
      }
    }
  })
  return toHtml(tree)
}

/** Rendered bodies of the briefs under `paths`. */
async function bodies(paths: string[], cwd: string): Promise<string[]> {
  const {briefs} = await runPipeline({paths, cwd, config: defaultConfig(), render: renderBrief})
  return briefs.map((brief) => (brief.rendered as RenderedBrief | undefined)?.html).filter((html): html is string => typeof html === 'string' && html.length > 0)
}

describe('absoluteLinks', () => {
  it('resolves href and src against the page, and changes no other byte', () => {
    const html = '<p><a href="#user-content-fn-1">1</a> <img src="img-0a1b2c.png" alt="chart"> <a href="../19/">yesterday</a></p>'
    expect(absoluteLinks(html, PAGE)).toBe(
      `<p><a href="${PAGE}#user-content-fn-1">1</a> <img src="${PAGE}img-0a1b2c.png" alt="chart"> <a href="https://example.org/briefs/2026/11/19/">yesterday</a></p>`
    )
  })

  it('reads values as a parser does: character references, quotes of either kind, no quotes, upper case, blanks around =', () => {
    const cases: Array<[string, string]> = [
      ['<a href="a&#x26;b.png">x</a>', `<a href="${PAGE}a&#x26;b.png">x</a>`],
      ['<a href="q?x=1&amp;y=&quot;2&quot;">x</a>', `<a href="${PAGE}q?x=1&#x26;y=%222%22">x</a>`],
      ["<a href='#f'>x</a>", `<a href='${PAGE}#f'>x</a>`],
      ['<a href=#f>x</a>', `<a href="${PAGE}#f">x</a>`],
      ['<A HREF="#f">x</A>', `<A HREF="${PAGE}#f">x</A>`],
      ['<a href = "#f">x</a>', `<a href = "${PAGE}#f">x</a>`],
      ['<a href>x</a>', `<a href="${PAGE}">x</a>`]
    ]
    for (const [html, expected] of cases) {
      expect(absoluteLinks(html, PAGE)).toBe(expected)
      expect(parsed(absoluteLinks(html, PAGE))).toEqual(parsed(reference(html, PAGE)))
    }
  })

  it('leaves text, comments, raw text, other attributes and values that are not URLs alone', () => {
    const untouched = [
      '<p>Write <code>&#x3C;a href="#x"></code> to link.</p>',
      '<p>a href="#x" in text</p>',
      '<!-- <a href="#x"> -->',
      '<textarea><a href="#x"></textarea>',
      '<a title="#x" data-src="y.png">x</a>',
      '<a href="https://coindesk.com/x?a=1&#x26;b=2">a</a>',
      '<a href="mailto:desk@example.org">m</a>',
      '<a href="http://[not a host">x</a>'
    ]
    for (const html of untouched) expect(absoluteLinks(html, PAGE)).toBe(html)
  })

  it('reads every rendered body of the sample archive as the parse-and-write approach does', async () => {
    const rendered = await bodies(['briefs'], projectRoot)
    expect(rendered.length).toBeGreaterThan(3)
    let changed = 0
    for (const html of rendered) {
      const fast = absoluteLinks(html, PAGE)
      if (fast !== html) changed++
      expect(parsed(fast)).toEqual(parsed(reference(html, PAGE)))
    }
    // Footnote links are relative in every brief with citations.
    expect(changed).toBe(rendered.length)
  })

  it.skipIf(!hasShared)('reads every rendered body of the real corpus as the parse-and-write approach does', async () => {
    const rendered = await bodies([corpusDir], projectRoot)
    expect(rendered.length).toBeGreaterThan(50)
    for (const html of rendered) expect(parsed(absoluteLinks(html, PAGE))).toEqual(parsed(reference(html, PAGE)))
  }, 120_000)
})

/**
 * src/parse/autolink-prefilter.ts runs remark-gfm's autolink-literal
 * transform only where it could change something: the tree parseMarkdown
 * returns must stay exactly the one a plain remark-parse + remark-gfm parse
 * gives, positions and `position: undefined` included.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import type {Root} from 'mdast'
import type {Extension as FromMarkdownExtension, Transform} from 'mdast-util-from-markdown'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {autolinkPrefilter} from '../src/parse/autolink-prefilter.js'
import {markdownProcessor, parseMarkdown} from '../src/parse/markdown.js'
import {corpusDir, hasShared, projectRoot} from './helpers.js'

const plain = unified().use(remarkParse).use(remarkGfm).freeze()
// The same without the transform: micromark already links most literals, the
// transform the rest (text cut by escapes or character references).
const withoutTransform = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(function dropTransform(this: Processor) {
    const data = this.data() as {fromMarkdownExtensions: ExtensionList}
    const extension = autolinkExtension(this as unknown as Processor<Root>)
    data.fromMarkdownExtensions = [...data.fromMarkdownExtensions.flat().filter((item) => item !== extension), {...extension, transforms: []}]
  })
  .freeze()

function expectSameTree(text: string): void {
  const actual = parseMarkdown(text, 0)
  const expected = plain.parse(text)
  // Node's strict comparison (a `position: undefined` on one side only
  // counts) is much faster on big trees; vitest's shows the difference.
  if (!isDeepStrictEqual(actual, expected)) expect(actual, JSON.stringify(text.slice(0, 200))).toStrictEqual(expected)
}

type ExtensionList = Array<FromMarkdownExtension | ExtensionList>

function autolinkExtension(processor: Processor<Root>): FromMarkdownExtension {
  const find = (list: ExtensionList): FromMarkdownExtension | undefined => {
    for (const item of list) {
      const found = Array.isArray(item) ? find(item) : item.enter?.literalAutolinkEmail ? item : undefined
      if (found) return found
    }
    return undefined
  }
  const found = find((processor.data('fromMarkdownExtensions') ?? []) as ExtensionList)
  if (!found) throw new Error('no autolink-literal extension')
  return found
}

const cases = [
  '',
  'Visit www.example.com today.',
  'See https://example.com/path?q=1). Or http://example.com. Or https://example.com/?a=1&b=2;',
  '(see https://example.com/x) and https://example.com/a_(b) and https://example.com/p(with)parens))',
  '"https://example.com" \'www.example.com\' “www.example.com” —https://example.com',
  'Mail me@example.com, mailto:me@example.com or xmpp:me@example.com/res and xmpp:a@b.co/x@.',
  'Not emails: a@b.c- a@b.1 foo@bar user@ @example.com x_@y_.com',
  '@handle and (@BalancerLabs) and a @ b',
  'HTTP://EXAMPLE.COM and WWW.EXAMPLE.COM and Https://Example.com and MAILTO:ME@EXAMPLE.COM',
  'HTTP\\://EXAMPLE.COM and WWW\\.EXAMPLE.COM and ME\\@EXAMPLE.COM and Www&#46;example.com',
  'abcwww.example.com xhttps://example.com 1www.example.com www.ex_ample.com www.example.co_m www.',
  'Inside [a link www.example.com](https://example.com) and [ref me@example.com][r]\n\n[r]: https://example.com',
  'Collapsed [www.example.com][] and shortcut [www.example.com]\n\n[www.example.com]: https://example.com',
  'Unresolved [www.example.com][nope] and [https://example.com]',
  '![www.example.com](https://example.com/a.png) ![me@example.com][img]\n\n[img]: x.png',
  '*www.example.com* **https://example.com** ~~me@example.com~~ _x@y.com_ ***www.a.com***',
  '| a | b |\n|---|---|\n| www.example.com | me@example.com |\n| plain | https://example.com/x. |',
  'Text[^1] and more[^2].\n\n[^1]: Source https://example.com/a and www.example.org.\n[^2]: [Linked](https://example.com) me@example.com',
  '- www.example.com\n- me@example.com\n  - nested https://example.com\n- [ ] task www.example.com\n\n1. one mailto:a@b.com',
  '> www.example.com\n> > mailto:a@b.com\n>\n> - https://example.com',
  'Escaped www\\.example.com me\\@example.com me@example\\.com https\\://example.com x&amp;www.example.com &#119;ww.example.com',
  '*www\\.example.com* **m&#101;@example.com** ~~http&#58;//example.com~~ _xmpp:a@b&#46;com_',
  '| www\\.example.com | me&#64;example.com |\n|---|---|\n| https\\://example.com/x. | [www\\.in.link](https://x.y) |',
  'Note[^1].\n\n[^1]: Source www\\.example.com and me&#64;example.com, see [www\\.x.com][r].\n\n[r]: https://x.y',
  '- www\\.example.com\n  - me&#64;example.com\n\n> www\\.example.com\n> > m&#101;@example.com and [me\\@x.com]',
  'www.exa`code`mple.com and www.example<b>.com</b> and me@<i>example.com</i> and `www.example.com` a@b.co',
  'http<!-- c -->://example.com and <span>www.example.com</span> and text<br>www.example.com',
  '# Heading www.example.com\n\nSetext me@example.com\n---',
  '<div>\nwww.example.com\n</div>\n\n```\nwww.example.com\n```\n\n    indented me@example.com',
  'www.example.com\\\nme@example.com  \nnext https://example.com',
  'www.example&#46;com and me&#64;example.com and http&#58;//example.com and &#x40;',
  'www\\.example.com and me\\@example.com and https\\://example.com',
  '<https://example.com> and <me@example.com> and <www.example.com>',
  '---\ntitle: x@y.com\n---\n\nBody www.example.com',
  'www.example.com\r\nme@example.com\r\n\r\nhttps://example.com',
  'a.b-c+d@example.co.uk/path and xmpp:a@b.com/r/s.t and mailto:a@b.com/x',
  'https://example.com/foo.bar?x=1#frag, trailing: https://example.com/;:!?',
  'www.example.com/path<tag> and https://example.com&amp;x and www.example.com]'
]

// Each alone in its document, and each linked only by the transform: a
// prefilter that missed one of the expressions' forms would fail here.
const onlyTheTransformLinks = [
  'http&#58;//example.com',
  'https\\://example.com/a',
  'HTTP\\://EXAMPLE.COM',
  'hTtPs&#58;//example.com',
  'www\\.example.com',
  'WWW\\.EXAMPLE.COM',
  '&#87;WW.example.com',
  'me\\@example.com',
  'me&#64;example.com',
  'me\\@1x.example.com',
  'me+\\@example.com',
  'a.\\@-x.example.com',
  'a_&#64;_x.example.com',
  'xmpp:a@b&#46;com',
  'mailto:a@b&#46;com',
  'Note[^1].\n\n[^1]: www\\.example.com',
  '| a |\n|---|\n| www\\.example.com |',
  '> me&#64;example.com',
  '- https\\://example.com',
  '*www\\.example.com*',
  '# me\\@example.com',
  '[link](x) www\\.example.com'
]

describe('autolink literals after the prefilter', () => {
  it.each(onlyTheTransformLinks)('are linked by the transform where micromark does not: %j', (text) => {
    expect(isDeepStrictEqual(plain.parse(text), withoutTransform.parse(text))).toBe(false)
    expectSameTree(text)
  })

  it('are exercised by these cases: many would parse differently without the transform', () => {
    const needingTransform = cases.filter((text) => !isDeepStrictEqual(plain.parse(text), withoutTransform.parse(text)))
    expect(needingTransform.length).toBeGreaterThanOrEqual(8)
  })

  it.each(cases)('parse as remark-gfm does: %j', (text) => {
    expectSameTree(text)
  })

  it('parse every fixture and sample brief as remark-gfm does', () => {
    const files = ['fixtures', 'briefs'].flatMap((dir) =>
      readdirSync(path.join(projectRoot, dir), {recursive: true, encoding: 'utf8'})
        .filter((file) => file.endsWith('.md'))
        .map((file) => path.join(projectRoot, dir, file))
    )
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) expectSameTree(readFileSync(file, 'utf8'))
  })

  // One test per brief: they are big, and together slow on a loaded machine.
  const realBriefs = hasShared ? readdirSync(corpusDir).filter((file) => file.endsWith('.md')) : []
  it.skipIf(!hasShared)('find the real briefs', () => {
    expect(realBriefs.length).toBeGreaterThan(0)
  })
  it.skipIf(!hasShared).each(realBriefs)('parse the real brief %s as remark-gfm does', (file) => {
    expectSameTree(readFileSync(path.join(corpusDir, file), 'utf8'))
  })

  it('parse markdown-ish strings as remark-gfm does', () => {
    const piece = fc.constantFrom(
      'www.', 'WWW.', 'http://', 'https://', 'HTTP://', 'mailto:', 'xmpp:', '@', 'a', 'b.c', 'example', '.com', '.', '/', '-', '_', '+',
      '[', ']', '(', ')', '*', '**', '~~', '|', '|---|', '`', '<', '>', '<b>', '!', '?', ',', ':', ';', '"', '1', 'é', '#', ' ', '\t',
      '\n', '\n\n', '> ', '- ', '1. ', '[^1]', '[^1]: ', '[r]: ', '\\', '&#64;', '&#46;', '&#58;', '&#119;', '&amp;'
    )
    let linkedByTransform = 0
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        expectSameTree(text)
        if (!isDeepStrictEqual(plain.parse(text), withoutTransform.parse(text))) linkedByTransform++
      }),
      {numRuns: Number(process.env.FC_RUNS ?? 1000), seed: Number(process.env.FC_SEED ?? 20251121)}
    )
    // The alphabet does reach the transform (about one string in twelve).
    expect(linkedByTransform).toBeGreaterThan(0)
  })
})

describe('the prefilter plugin', () => {
  it('is what parseMarkdown uses: its autolink transform is not remark-gfm’s own', () => {
    const original = autolinkExtension(plain).transforms
    const installed = autolinkExtension(markdownProcessor as unknown as Processor<Root>).transforms
    expect(original).toHaveLength(1)
    expect(installed).toHaveLength(1)
    expect(installed![0]).not.toBe(original![0])
  })

  it('runs the original transform only on top-level children that could hold a literal', () => {
    const seen: string[] = []
    let before: FromMarkdownExtension | undefined
    // Stands in for remark-gfm's transform, recording what it is given, on a
    // copy of the extension (as the plugin itself does).
    function recordTransform(this: Processor) {
      const data = this.data() as {fromMarkdownExtensions: ExtensionList}
      before = autolinkExtension(this as unknown as Processor<Root>)
      const original = before.transforms![0]!
      const recorder: Transform = (tree) => {
        seen.push(tree.type)
        return original(tree)
      }
      data.fromMarkdownExtensions = [...data.fromMarkdownExtensions.flat().filter((item) => item !== before), {...before, transforms: [recorder]}]
    }
    const recorded = unified().use(remarkParse).use(remarkGfm).use(recordTransform).use(autolinkPrefilter).freeze()
    const text = [
      'Plain paragraph with @handle and www.example.com, which micromark links itself.',
      '- item www\\.example.com',
      '> quote [www\\.link.com](https://x.y) and <https://a.b>',
      '| a |\n|---|\n| m&#101;@example.com |',
      '```\nhttps://example.com\n```'
    ].join('\n\n')
    expect(recorded.parse(text)).toStrictEqual(plain.parse(text))
    expect(seen).toEqual(['list', 'table'])
    // The extension the plugin found was copied, not changed.
    expect(before!.transforms![0]).not.toBe(autolinkExtension(recorded).transforms![0])

    seen.length = 0
    expect(recorded.parse('No links here.\n\n> None *here* either.')).toStrictEqual(plain.parse('No links here.\n\n> None *here* either.'))
    expect(seen).toEqual([])
  })

  it('runs the original on the whole tree when a top-level child is a text node', () => {
    const wrapped = autolinkExtension(markdownProcessor as unknown as Processor<Root>).transforms![0]!
    const original = autolinkExtension(plain).transforms![0]!
    const tree = (): Root => ({
      type: 'root',
      children: [{type: 'text', value: 'bare www.example.com'} as never, {type: 'paragraph', children: [{type: 'text', value: 'me@example.com'}]}]
    })
    const expected = tree()
    original(expected)
    const actual = tree()
    wrapped(actual)
    expect(actual).toStrictEqual(expected)
    // It did link the top-level text, which a per-child call could not have.
    expect(actual.children.map((child) => child.type)).toContain('link')
  })
})

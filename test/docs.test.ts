import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Content, Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../src/config/load.js'
import {DOCS_URL, docsUrl} from '../src/diagnostics/rule.js'
import {allRules} from '../src/validate/catalog.js'
import {projectRoot, runCli, tempDir} from './helpers.js'

/**
 * The rules reference is what every message's `url` points to, so it must
 * follow the catalog: a new rule without a section (or a section for a rule
 * that does not exist) fails here rather than sending users to a dead anchor.
 */
const docsPath = path.join(projectRoot, 'docs', 'rules.md')
const tree = unified().use(remarkParse).use(remarkGfm).parse(await readFile(docsPath, 'utf8')) as Root

/** Each `##` section: its heading text and the nodes up to the next `##`. */
function sections(root: Root): Map<string, Content[]> {
  const result = new Map<string, Content[]>()
  let current: Content[] | undefined
  for (const node of root.children) {
    if (node.type === 'heading' && (node as Heading).depth <= 2) {
      current = node.depth === 2 ? [] : undefined
      if (current) result.set(toString(node), current)
      continue
    }
    current?.push(node)
  }
  return result
}

const byHeading = sections(tree)
const ruleSections = new Map([...byHeading].filter(([heading]) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(heading)))
const text = (nodes: Content[]) => nodes.map((node) => toString(node)).join('\n')

describe('docs/rules.md', () => {
  it('is the page every message links to', () => {
    expect(DOCS_URL.endsWith('/docs/rules.md')).toBe(true)
    expect(docsUrl('hidden-citation')).toBe(`${DOCS_URL}#hidden-citation`)
  })

  it('has a section for every rule in the catalog, and none for rules that do not exist', () => {
    // A `##` heading whose text is a rule id has exactly that id as its
    // GitHub anchor (lower case, hyphens), so `docsUrl(id)` lands on it.
    expect([...ruleSections.keys()].sort()).toEqual(allRules.map((rule) => rule.id).sort())
  })

  it('has one section per rule, never two', () => {
    const headings = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2).map((node) => toString(node))
    expect(headings.length).toBe(new Set(headings).size)
  })

  describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const body = ruleSections.get(id) ?? []

    it('states the default severity the code uses', () => {
      expect(text(body)).toMatch(new RegExp(`Default severity: ${rule.severity}\\b`))
    })

    it('explains what it checks, shows an invalid example and the fix', () => {
      const content = text(body)
      expect(content).toContain('What it checks.')
      expect(content).toContain('Invalid.')
      expect(content).toContain('Fix.')
    })

    it('shows how to turn it off in briefpress.config.json', () => {
      expect(text(body)).toContain(`{ "rules": { "${id}": "off" } }`)
    })

    it('is listed in the summary table with the same default', () => {
      const table = tree.children.find((node) => node.type === 'table')
      const row = table?.type === 'table' ? table.children.find((r) => toString(r.children[1]!) === id) : undefined
      expect(row, `no row for ${id}`).toBeDefined()
      expect(toString(row!.children[2]!)).toBe(rule.severity)
    })
  })

  it('links only to sections that exist', () => {
    const anchors = new Set([...byHeading.keys()].map((heading) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')))
    const links: string[] = []
    const walk = (node: {type: string; url?: string; children?: unknown[]}) => {
      if (node.type === 'link' && node.url?.startsWith('#')) links.push(node.url.slice(1))
      for (const child of (node.children ?? []) as Array<typeof node>) walk(child)
    }
    walk(tree)
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([])
  })

  it('shows only configuration that briefpress.config.json accepts', async () => {
    // Fenced ```json blocks and inline `{ "rules": … }` snippets alike: a
    // renamed key or rule id must not leave the docs teaching a broken config.
    const snippets: string[] = []
    const walk = (node: {type: string; lang?: string | null; value?: string; children?: unknown[]}) => {
      if (node.type === 'code' && node.lang === 'json') snippets.push(node.value!)
      if (node.type === 'inlineCode' && node.value!.startsWith('{ "')) snippets.push(node.value!)
      for (const child of (node.children ?? []) as Array<typeof node>) walk(child)
    }
    walk(tree)
    expect(snippets.length).toBeGreaterThan(allRules.length)
    const dir = await tempDir()
    for (const snippet of snippets) {
      await writeFile(path.join(dir, 'briefpress.config.json'), snippet)
      await expect(loadConfig(dir), snippet).resolves.toBeDefined()
    }
  })

  it('the documented way to turn a rule off works', async () => {
    // The seed brief's one error is its `crpyto` category: with the rule off
    // as the docs say, the same check passes.
    const dir = await tempDir()
    await writeFile(path.join(dir, 'brief.md'), '---\ntitle: "A day"\ndate: 2026-11-13\ncategory: crpyto\n---\n\nBody text.\n')
    expect((await runCli(['check', 'brief.md'], dir)).code).toBe(1)
    await writeFile(path.join(dir, 'briefpress.config.json'), '{ "rules": { "unknown-category": "off" } }\n')
    const result = await runCli(['check', 'brief.md', '--format', 'json'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('unknown-category')
  })
})

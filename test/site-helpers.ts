import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element, Root} from 'hast'
import rehypeRaw from 'rehype-raw'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

/** Parses a page the way a browser would (parse5, through rehype-raw). */
export function parseHtml(html: string): Root {
  return unified().use(rehypeRaw).runSync({type: 'root', children: [{type: 'raw', value: html}]}) as Root
}

/** Every element of `tree` that `test` accepts, in document order. */
export function elements(tree: Root | Element, test: (node: Element) => boolean = () => true): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node)
  })
  return found
}

export const byTag = (tagName: string) => (node: Element) => node.tagName === tagName
export const hasClass = (name: string) => (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes(name)
export const prop = (node: Element, name: string): string | undefined => {
  const value = node.properties[name]
  return value === undefined || value === null ? undefined : String(value)
}

/** Every file of a folder (dot-files included), as site-relative `/` paths. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** sha256 of every file under `root`, keyed by site-relative path. */
export async function hashTree(root: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  for (const file of await listFiles(root)) {
    hashes[file] = createHash('sha256').update(await readFile(path.join(root, file))).digest('hex')
  }
  return hashes
}

/** Every HTML page of a built site, parsed, keyed by site-relative path. */
export async function readPages(site: string): Promise<Map<string, {html: string; tree: Root}>> {
  const pages = new Map<string, {html: string; tree: Root}>()
  for (const file of await listFiles(site)) {
    if (!file.endsWith('.html')) continue
    const html = await readFile(path.join(site, file), 'utf8')
    pages.set(file, {html, tree: parseHtml(html)})
  }
  return pages
}

/** Every file and folder of a site, path → bytes (as base64, so that diffs stay readable in failures) or "folder". */
export async function snapshot(site: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(site, {recursive: true, withFileTypes: true})) {
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(site, file)] = entry.isDirectory() ? 'folder' : (await readFile(file)).toString('base64')
  }
  return files
}

#!/usr/bin/env node
// The floor that the design's parser sets: for every .md under DIR, split the
// front matter with gray-matter and run remark-parse + remark-gfm +
// remark-rehype + rehype-stringify, writing OUT/<name>/index.html and an index.
// Nothing else: no validation, extraction, sanitizing or templates. It uses
// the project's own installed versions, so the comparison is like for like.
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

const [dir, out] = process.argv.slice(2)
if (!dir || !out) {
  process.stderr.write('usage: node scripts/bench-floor.mjs DIR OUT\n')
  process.exit(2)
}
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeStringify, {allowDangerousHtml: true})
  .freeze()
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
const files = readdirSync(dir, {recursive: true}).filter((f) => f.endsWith('.md')).sort()
const entries = []
for (const name of files) {
  const parsed = matter(readFileSync(path.join(dir, name), 'utf8'), {})
  const html = String(processor.processSync(parsed.content))
  const slug = path.basename(name, '.md')
  mkdirSync(path.join(out, slug), {recursive: true})
  const title = escape(parsed.data.title ?? slug)
  writeFileSync(path.join(out, slug, 'index.html'), `<!doctype html><title>${title}</title><h1>${title}</h1>${html}`)
  entries.push({slug, title, date: String(parsed.data.date ?? '')})
}
entries.sort((a, b) => (a.date < b.date ? 1 : -1))
writeFileSync(path.join(out, 'index.html'), `<!doctype html><ul>${entries.map((e) => `<li><a href="${e.slug}/">${e.title}</a></li>`).join('')}</ul>`)
process.stdout.write(`floor: ${entries.length} pages + index -> ${out}\n`)

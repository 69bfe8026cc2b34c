import {createHash} from 'node:crypto'
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {SKIP, visitParents} from '../visit.js'
import type {VFile} from 'vfile'

/** An image embedded in a brief as a `data:` URL, written beside its page. */
export interface ImageAsset {
  /** File name beside the page, named by content so builds are reproducible. */
  name: string
  bytes: Uint8Array
}

declare module 'vfile' {
  interface DataMap {
    images: ImageAsset[]
  }
}

// Only raster formats whose bytes we can recognise: an SVG could carry
// scripts or load further resources when opened on its own.
const RASTER: Record<string, {ext: string; magic: (bytes: Buffer) => boolean}> = {
  'image/png': {ext: 'png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))},
  'image/jpeg': {ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff},
  'image/gif': {ext: 'gif', magic: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))},
  'image/webp': {ext: 'webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'}
}
RASTER['image/jpg'] = RASTER['image/jpeg']!

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)((?:;[\w.+-]+=[^;,]*)*);base64,([\s\S]*)$/i
// Resolving against a host no brief can name tells site-relative sources
// (`chart.png`, `/img/x.png`) from ones on another host (`//cdn…`, `https://…`).
const SITE = 'https://site.briefpress.invalid/'

/**
 * A page view loads nothing from another host: every `<img>` whose source is
 * not on the site becomes a plain link to the image (text: its alt text, or
 * the host), unless `allowedImageHosts` allows its host or a parent; a relative
 * source becomes its alt text, as no image files are copied from the source
 * folder. Raster images embedded as base64 `data:` URLs are written as files
 * beside the page (named by a hash of their bytes) so the HTML stays small;
 * any other `data:` URL is replaced by its alt text. Runs after the
 * sanitizer, on trusted output.
 */
export default function rehypeOffsiteImages(options: {allowedImageHosts: readonly string[]}) {
  const allowed = options.allowedImageHosts.map((host) => host.toLowerCase().replace(/^\*\./, ''))
  const isAllowed = (host: string) => allowed.some((entry) => host === entry || host.endsWith(`.${entry}`))

  return (tree: Root, file: VFile) => {
    const images: ImageAsset[] = (file.data.images ??= [])
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'img') return
      const parent = ancestors.at(-1)!
      const index = parent.children.indexOf(node)
      // Returns where the walk goes on: after a replacement, at a removed node's place.
      const replace = (replacement: ElementContent | undefined): [typeof SKIP, number] => {
        if (replacement) parent.children.splice(index, 1, replacement)
        else parent.children.splice(index, 1)
        return [SKIP, replacement ? index + 1 : index]
      }
      const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : ''
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : ''
      if (!src) return replace(alt ? h('span.image-omitted', alt) : undefined)

      if (/^data:/i.test(src)) {
        const asset = decodeImage(src)
        if (!asset) return replace(h('span.image-omitted', {title: 'Embedded image not published: not a PNG, JPEG, GIF or WebP image'}, alt || 'image omitted'))
        if (!images.some((image) => image.name === asset.name)) images.push(asset)
        node.properties.src = asset.name
        node.properties.loading = 'lazy'
        node.properties.decoding = 'async'
        return
      }

      let url: URL
      try {
        url = new URL(src, SITE)
      } catch {
        return replace(alt ? h('span.image-omitted', alt) : undefined)
      }
      // Briefpress publishes no image files from the source folder, so a
      // relative source would be a broken image: keep its text instead.
      if (url.href.startsWith(SITE)) return replace(h('span.image-omitted', {title: `Image file not published: ${src}`}, alt || src))
      const host = url.hostname.toLowerCase()
      if (isAllowed(host)) {
        node.properties.loading = 'lazy'
        node.properties.referrerPolicy = 'no-referrer'
        return
      }
      const text = alt || host
      const title = `Image on ${host}, not loaded`
      // A link inside a link is invalid HTML: inside one, keep the text only.
      const inLink = ancestors.some((ancestor) => ancestor.type === 'element' && (ancestor as Element).tagName === 'a')
      replace(inLink ? h('span.offsite-image', {title}, text) : h('a.offsite-image', {href: url.href, title}, text))
    })
  }
}

function decodeImage(src: string): ImageAsset | undefined {
  const match = DATA_URL.exec(src)
  if (!match) return undefined
  const format = RASTER[match[1]!.toLowerCase()]
  if (!format) return undefined
  const bytes = Buffer.from(match[3]!.replace(/\s+/g, ''), 'base64')
  if (bytes.length === 0 || !format.magic(bytes)) return undefined
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  return {name: `img-${hash}.${format.ext}`, bytes: new Uint8Array(bytes)}
}

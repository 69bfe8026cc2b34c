import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'

/** What a request path maps to in the served folder. */
export type Resolved =
  | {kind: 'file'; file: string}
  /** A folder asked for without its trailing slash: relative links in its index need it. */
  | {kind: 'redirect'; location: string}
  | {kind: 'error'; status: 400 | 403 | 404}

/**
 * Maps the raw request target to a file inside `root`, refusing anything
 * that could reach outside it: `..` segments (also percent-encoded, which
 * `new URL` would silently resolve instead of refusing), encoded slashes and
 * backslashes, NUL bytes, and symbolic links whose target lies outside.
 * `root` must already be a real path (no symbolic links in it).
 */
export async function resolveRequest(root: string, target: string): Promise<Resolved> {
  const rawPath = requestPath(target)
  if (rawPath === undefined) return {kind: 'error', status: 400}
  const segments: string[] = []
  for (const raw of rawPath.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return {kind: 'error', status: 400}
    }
    if (segment.includes('\0')) return {kind: 'error', status: 400}
    if (segment === '..' || segment === '.' || /[/\\]/.test(segment) || path.isAbsolute(segment)) return {kind: 'error', status: 403}
    if (segment !== '') segments.push(segment)
  }
  let file = path.join(root, ...segments)
  if (!inside(file, root)) return {kind: 'error', status: 403}

  let stats = await stat(file).catch(() => undefined)
  if (stats?.isDirectory()) {
    if (!rawPath.endsWith('/')) {
      // Rebuilt from the checked segments: `//host/x` must not become an off-site redirect.
      const query = target.includes('?') ? target.slice(target.indexOf('?')) : ''
      return {kind: 'redirect', location: `/${segments.map(encodeURIComponent).join('/')}/${query}`}
    }
    file = path.join(file, 'index.html')
    stats = await stat(file).catch(() => undefined)
  }
  if (!stats?.isFile()) return {kind: 'error', status: 404}
  // A link inside the site may point anywhere on disk: serve only what really lies inside.
  const real = await realpath(file).catch(() => undefined)
  if (!real || !inside(real, root)) return {kind: 'error', status: 403}
  return {kind: 'file', file: real}
}

/**
 * The path part of the request target, still percent-encoded. Browsers send
 * `/path?query`; a proxy-style absolute URL is accepted for its path.
 */
function requestPath(target: string): string | undefined {
  const withoutQuery = target.split(/[?#]/, 1)[0] ?? ''
  if (withoutQuery.startsWith('/')) return withoutQuery
  const absolute = /^https?:\/\/[^/]*(\/.*)?$/i.exec(withoutQuery)
  if (absolute) return absolute[1] ?? '/'
  return undefined
}

function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep)
}

const BY_NAME: Record<string, string> = {
  'feed.xml': 'application/atom+xml; charset=utf-8',
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8'
}

const BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff2': 'font/woff2',
  '.pagefind': 'application/octet-stream',
  '.wasm': 'application/wasm'
}

/** The Content-Type of a site file, by its name (the site's files are all ours). */
export function contentType(file: string): string {
  const name = path.basename(file).toLowerCase()
  return BY_NAME[name] ?? BY_EXTENSION[path.extname(name)] ?? 'application/octet-stream'
}

/**
 * What the browser tests need: Debian's Chromium through playwright-core, and
 * a small static server for the built site on 127.0.0.1.
 */
import {existsSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {chromium, type Browser, type BrowserContext} from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
/** CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip. */
export const inCi = Boolean(process.env.CI) && process.env.CI !== 'false'
export const runBrowserTests = hasChromium || inCi

if (!runBrowserTests) {
  console.warn(`Skipping the browser tests: ${CHROMIUM} is absent. Install it with \`apt-get install -y --no-install-recommends chromium\` (.ci/run does).`)
}

/** Headless Chromium that talks to nothing but the pages it is sent to. */
export async function launchChromium(): Promise<{browser: Browser; close: () => Promise<void>}> {
  if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium`)
  // launch() gives Chromium a fresh temporary profile (user-data-dir) and
  // deletes it on close; playwright refuses a --user-data-dir of our own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  return {browser, close: () => browser.close()}
}

/** What a page did that the tests forbid: console errors, uncaught errors, requests off 127.0.0.1. */
export interface Watch {
  errors: string[]
  foreignRequests: string[]
}

/**
 * Records console errors and uncaught exceptions of every page of `context`,
 * and blocks (and records) every request to a host other than 127.0.0.1.
 */
export async function watch(context: BrowserContext): Promise<Watch> {
  const seen: Watch = {errors: [], foreignRequests: []}
  const foreign = (url: string) => {
    const {protocol, hostname} = new URL(url)
    return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') && hostname !== '127.0.0.1'
  }
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (!foreign(url)) return route.continue()
    seen.foreignRequests.push(url)
    return route.abort()
  })
  // Routing may not see every request (workers); the request event does.
  context.on('request', (request) => {
    if (foreign(request.url()) && !seen.foreignRequests.includes(request.url())) seen.foreignRequests.push(request.url())
  })
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') seen.errors.push(`${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => seen.errors.push(`${page.url()}: ${error.message}`))
  })
  return seen
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm'
}

/**
 * Serves `root` on 127.0.0.1 (random port) under `basePath`, as a plain
 * static host would: folders answer with their index.html, anything else 404.
 */
export async function serveStatic(root: string, basePath = '/'): Promise<{origin: string; url: (sitePath?: string) => string; close: () => Promise<void>}> {
  const server: Server = createServer(async (request, response) => {
    const {pathname} = new URL(request.url ?? '/', 'http://127.0.0.1')
    let relative = decodeURIComponent(pathname)
    if (!relative.startsWith(basePath)) return notFound()
    relative = relative.slice(basePath.length)
    let file = path.resolve(root, relative)
    if (file !== root && !file.startsWith(root + path.sep)) return notFound()
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
      const body = await readFile(file)
      response.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'})
      response.end(body)
    } catch {
      notFound()
    }
    function notFound() {
      response.writeHead(404, {'content-type': 'text/plain'})
      response.end('Not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (sitePath = '') => `${origin}${basePath}${sitePath}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Keep-alive connections of the browser would hold close() open.
        server.closeAllConnections()
      })
  }
}

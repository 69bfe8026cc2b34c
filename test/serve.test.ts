import {spawn} from 'node:child_process'
import {existsSync, statSync} from 'node:fs'
import {cp, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {chromium} from 'playwright-core'
import {afterEach, describe, expect, it} from 'vitest'
import {runServe} from '../src/commands/serve.js'
import {allowPreviewAssets, injectPreview} from '../src/serve/inject.js'
import {renderOverlay} from '../src/serve/overlay.js'
import {startServer, type PreviewServer} from '../src/serve/server.js'
import {binPath, fixtures, projectRoot, runCli, tempDir} from './helpers.js'
import {byTag, elements, parseHtml, prop} from './site-helpers.js'

const archive = path.join(fixtures, 'build', 'archive')
const monday = '2025-01-06-monday.md'

/** A project folder with the fixture archive in `briefs/`. */
async function project(): Promise<string> {
  const dir = await tempDir()
  await cp(archive, path.join(dir, 'briefs'), {recursive: true})
  // These fixtures exercise the site, not the market sections.
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({requiredSections: []}))
  return dir
}

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A request sent exactly as written (fetch would normalise `..` away before sending). */
function request(port: number, method: string, target: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({host: '127.0.0.1', port, method, path: target, agent: false}, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body}))
    })
    req.on('error', reject)
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${method} ${target}`)))
    req.end()
  })
}

/** An open page's event stream: what the reload script listens to. */
function eventStream(port: number) {
  const events: Array<{event: string; data: string}> = []
  const waiters: Array<() => void> = []
  let buffer = ''
  const req = http.get({host: '127.0.0.1', port, path: '/__briefpress/events', agent: false}, (res) => {
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      buffer += chunk
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? ''
        if (event) events.push({event, data})
        for (const wake of waiters.splice(0)) wake()
      }
    })
  })
  req.on('error', () => undefined)
  return {
    events,
    /** Resolves with the first `name` event after the first `skip` of them. */
    async next(name: string, skip: number, timeoutMs = 15_000): Promise<{event: string; data: string}> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = events.filter((event) => event.event === name)[skip]
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no ${name} event within ${timeoutMs} ms; saw ${JSON.stringify(events)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    },
    close: () => req.destroy()
  }
}

/** Whether a Content-Security-Policy lets same-origin files of `directive`'s kind load. */
function allows(policy: string, directive: string): boolean {
  const directives = new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name = '', ...sources]) => [name.toLowerCase(), sources]))
  const sources = directives.get(directive) ?? directives.get('default-src')
  return sources === undefined || sources.includes("'self'")
}

const open: PreviewServer[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

async function serveProject(dir: string): Promise<PreviewServer & {logs: string[]}> {
  const logs: string[] = []
  const server = await startServer({cwd: dir, port: 0, debounceMs: 50, log: (text) => logs.push(text)})
  open.push(server)
  return Object.assign(server, {logs})
}

describe('briefpress serve', () => {
  it('serves the built site on 127.0.0.1 with content types, folder indexes and a 404 page, and injects the reload script only into served pages', async () => {
    const dir = await project()
    const server = await serveProject(dir)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.port).toBeGreaterThan(0)

    const index = await request(server.port, 'GET', '/')
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.headers['cache-control']).toBe('no-store')
    expect(index.body).toContain('Tuesday brief: liquidations and a risky page')
    const scripts = elements(parseHtml(index.body), byTag('script'))
    expect(scripts.map((node) => prop(node, 'src'))).toEqual([`/__briefpress/reload.js?build=${encodeURIComponent(server.buildId())}`])
    expect(index.body).not.toContain('briefpress-preview-problems')
    // Whatever policy the site's pages carry, it lets the preview's own files in.
    const policy = elements(parseHtml(index.body), (node) => String(prop(node, 'httpEquiv')).toLowerCase() === 'content-security-policy')
    for (const meta of policy) {
      for (const directive of ['script-src', 'style-src', 'connect-src']) expect(allows(prop(meta, 'content') ?? '', directive), directive).toBe(true)
    }

    // The built files themselves stay exactly as `build` writes them.
    const built = await readFile(path.join(server.root()!, 'index.html'), 'utf8')
    expect(built).not.toContain('__briefpress')
    expect(existsSync(path.join(dir, 'site'))).toBe(false)

    const day = await request(server.port, 'GET', '/2025/01/06/')
    expect(day.status).toBe(200)
    expect(day.body).toContain('<script src="/__briefpress/reload.js')
    const bare = await request(server.port, 'GET', '/2025/01/06?x=1')
    expect(bare.status).toBe(301)
    expect(bare.headers.location).toBe('/2025/01/06/?x=1')

    expect((await request(server.port, 'GET', '/style.css')).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await request(server.port, 'GET', '/2025/01/06/brief.json')).headers['content-type']).toBe('application/json; charset=utf-8')
    expect((await request(server.port, 'GET', '/feed.xml')).headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    const script = await request(server.port, 'GET', '/__briefpress/reload.js')
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.body).toContain("new EventSource(\"/__briefpress/events\")")

    const missing = await request(server.port, 'GET', '/2031/01/01/index.html')
    expect(missing.status).toBe(404)
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(missing.body).toMatch(/404|not found/i)
    expect(missing.body).toContain('/__briefpress/reload.js')
  })

  it('rebuilds on save, sends `reload` to open pages, and serves the new title', async () => {
    const dir = await project()
    const server = await serveProject(dir)
    const stream = eventStream(server.port)
    const hello = await stream.next('hello', 0)
    expect(hello.data).toBe(server.buildId())

    const file = path.join(dir, 'briefs', monday)
    const text = await readFile(file, 'utf8')
    const oldTitle = /^title: "?(.*?)"?$/m.exec(text)![1]!
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "Monday, retitled while the preview runs"'))
    const reload = await stream.next('reload', 0)
    expect(reload.data).toBe(server.buildId())
    expect(reload.data).not.toBe(hello.data)

    const day = await request(server.port, 'GET', '/2025/01/06/index.html')
    expect(day.body).toContain('Monday, retitled while the preview runs')
    expect(day.body).not.toContain(oldTitle)
    expect((await request(server.port, 'GET', '/')).body).toContain('Monday, retitled while the preview runs')
    expect(server.logs.join('')).toMatch(/Changed: briefs\/2025-01-06-monday\.md\n/)
    expect(server.logs.join('')).toMatch(/^Rebuilt \d+ pages \(4 briefs\) in \d+\.\d+ s/m)
    stream.close()
  })

  it('while a brief is broken, keeps serving the last good build with the errors (escaped) in the page; fixed, the panel goes', async () => {
    const dir = await project()
    const server = await serveProject(dir)
    const stream = eventStream(server.port)
    await stream.next('hello', 0)
    const goodRoot = server.root()

    const file = path.join(dir, 'briefs', monday)
    const good = await readFile(file, 'utf8')
    const broken = good
      .replace(/^title: .*$/m, 'title: "A title nobody should see yet"')
      .replace(/^category: .*$/m, 'category: "<img src=x onerror=alert(1)>"')
    await writeFile(file, broken)
    await stream.next('reload', 0)

    const page = await request(server.port, 'GET', '/2025/01/06/index.html')
    expect(page.status).toBe(200)
    expect(page.body).not.toContain('A title nobody should see yet')
    expect(server.root()).toBe(goodRoot)
    const tree = parseHtml(page.body)
    const [panel] = elements(tree, (node) => prop(node, 'id') === 'briefpress-preview-problems')
    expect(panel, page.body).toBeDefined()
    const panelHtml = page.body.slice(page.body.indexOf('<aside id="briefpress-preview-problems"'))
    const categoryLine = broken.split('\n').findIndex((line) => line.startsWith('category:')) + 1
    expect(panelHtml).toMatch(new RegExp(`briefs/2025-01-06-monday\\.md:${categoryLine}:\\d+`))
    expect(panelHtml).toMatch(/>unknown-category<\/a>/)
    expect(panelHtml).toContain('expected one of `crypto`')
    // The brief's own text is shown as text: no element from it reaches the page.
    expect(elements(tree, byTag('img'))).toEqual([])
    expect(panelHtml).toContain('&#x3C;img src=x onerror=alert(1)>')
    // The panel is on every page, the index and the 404 page too.
    expect((await request(server.port, 'GET', '/')).body).toContain('briefpress-preview-problems')
    expect((await request(server.port, 'GET', '/nope')).body).toContain('briefpress-preview-problems')
    const logs = server.logs.join('')
    expect(logs).toContain(`briefs/2025-01-06-monday.md`)
    expect(logs).toMatch(new RegExp(`${categoryLine}:\\d+(-\\d+:\\d+)?\\s+error`))
    expect(logs).toMatch(/still serving the last good build/)

    await writeFile(file, good.replace(/^title: .*$/m, 'title: "Monday, fixed"'))
    await stream.next('reload', 1)
    const fixed = await request(server.port, 'GET', '/2025/01/06/index.html')
    expect(fixed.body).toContain('Monday, fixed')
    expect(fixed.body).not.toContain('briefpress-preview-problems')
    expect(server.root()).not.toBe(goodRoot)
    stream.close()
  })

  it('starting with a broken brief, serves the valid ones and shows the errors', async () => {
    const dir = await project()
    await cp(path.join(fixtures, 'build', 'broken.md'), path.join(dir, 'briefs', 'broken.md'))
    const server = await serveProject(dir)
    const index = await request(server.port, 'GET', '/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('Tuesday brief')
    expect(index.body).toMatch(/briefs\/broken\.md:\d+:\d+/)
  })

  it('a broken config is shown in the page and the last good build stays', async () => {
    const dir = await project()
    const server = await serveProject(dir)
    const stream = eventStream(server.port)
    await stream.next('hello', 0)
    await writeFile(path.join(dir, 'briefpress.config.json'), '{"siteTitle": ')
    await stream.next('reload', 0)
    const index = await request(server.port, 'GET', '/')
    expect(index.body).toContain('Tuesday brief')
    expect(index.body).toContain('invalid JSON')
    stream.close()
  })

  it('refuses paths that leave the site: .., encoded .., encoded slashes, absolute paths, NUL, and symbolic links out of it', async () => {
    const dir = await project()
    const secret = path.join(dir, 'secret.txt')
    await writeFile(secret, 'TOP-SECRET-CONTENT\n')
    const server = await serveProject(dir)
    const root = server.root()!
    await symlink(secret, path.join(root, 'linked.txt'))
    await symlink(dir, path.join(root, 'linked-folder'))
    const depth = path.relative(root, dir).split(path.sep).length
    const up = '../'.repeat(depth)
    const attempts = [
      `/${up}secret.txt`,
      `/${up.replaceAll('..', '%2e%2e')}secret.txt`,
      `/${up.replaceAll('..', '%2E%2E')}secret.txt`,
      `/${up.replaceAll('/', '%2f')}secret.txt`,
      `/..%5c..%5csecret.txt`,
      `/${encodeURIComponent(secret)}`,
      `/%2f${secret.slice(1)}`,
      `/${secret.slice(1)}`,
      `//${secret.slice(1)}`,
      `http://127.0.0.1/${up}secret.txt`,
      '/linked.txt',
      '/linked-folder/secret.txt',
      '/2025/%00/index.html',
      '/%E0%A4%A'
    ]
    for (const target of attempts) {
      const reply = await request(server.port, 'GET', target)
      expect([400, 403, 404], target).toContain(reply.status)
      expect(reply.body, target).not.toContain('TOP-SECRET-CONTENT')
    }
    expect((await request(server.port, 'GET', `/${up}secret.txt`)).status).toBe(403)
    expect((await request(server.port, 'GET', '/linked.txt')).status).toBe(403)
    expect((await request(server.port, 'GET', '/%E0%A4%A')).status).toBe(400)
    // Dots inside a name are fine.
    expect((await request(server.port, 'GET', '/2025/01/06/..index.html')).status).toBe(404)
  })

  it('answers HEAD like GET without a body, and refuses other methods with 405', async () => {
    const dir = await project()
    const server = await serveProject(dir)
    const get = await request(server.port, 'GET', '/style.css')
    const head = await request(server.port, 'HEAD', '/style.css')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-type']).toBe(get.headers['content-type'])
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)))
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const reply = await request(server.port, method, '/index.html')
      expect(reply.status, method).toBe(405)
      expect(reply.headers.allow).toBe('GET, HEAD')
    }
  })

  it('removes preview folders that a killed preview left behind, and only those', async () => {
    const dead = await mkdtemp(path.join(os.tmpdir(), 'briefpress-preview-2147483646-'))
    await writeFile(path.join(dead, 'left-over.html'), 'x')
    const alive = await mkdtemp(path.join(os.tmpdir(), `briefpress-preview-${process.pid}-`))
    const server = await serveProject(await project())
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(alive)).toBe(true)
    expect(existsSync(server.root()!)).toBe(true)
    await rm(alive, {recursive: true})
  })

  it('close() ends open event streams, stops the server and removes the preview folder', async () => {
    const dir = await project()
    const server = await startServer({cwd: dir, port: 0})
    const root = server.root()!
    const stream = eventStream(server.port)
    await stream.next('hello', 0)
    await server.close()
    expect(existsSync(root)).toBe(false)
    await expect(request(server.port, 'GET', '/')).rejects.toThrow()
    // Edits after closing start no build (the watcher is gone) and leave nothing behind.
    await writeFile(path.join(dir, 'briefs', monday), 'x', {flag: 'a'})
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Only the shared analysis cache stays in the project (`build` uses it too); no site/.
    expect((await readdir(dir)).sort()).toEqual(['.briefpress-cache', 'briefpress.config.json', 'briefs'])
  })
})

describe('briefpress serve (command line)', () => {
  const io = (dir: string) => {
    const out = {stdout: '', stderr: ''}
    return {out, io: {cwd: dir, color: false, stdout: (text: string) => void (out.stdout += text), stderr: (text: string | Buffer) => void (out.stderr += String(text))}}
  }

  it('prints the address of a free port with --port 0 and stops cleanly', async () => {
    const dir = await project()
    const {out, io: cliIo} = io(dir)
    let url = ''
    const code = await runServe(['--port', '0'], cliIo, async (server) => {
      url = server.url
      expect((await request(server.port, 'GET', '/')).status).toBe(200)
      return 'test'
    })
    expect(code).toBe(0)
    expect(out.stdout).toContain(`Serving a preview of briefs/ at ${url}`)
    expect(out.stderr).toContain('Stopped (test).')
  })

  it('exits 2 with a clear message when the port is taken, the port is not a number, or the folder is missing', async () => {
    const dir = await project()
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const taken = (blocker.address() as net.AddressInfo).port
    try {
      const result = await runCli(['serve', '--port', String(taken)], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`Port ${taken} on 127.0.0.1 is already in use`)
    } finally {
      blocker.close()
    }
    const word = await runCli(['serve', '--port', 'abc'], dir)
    expect(word.code).toBe(2)
    expect(word.stderr).toContain('Unexpected --port abc')
    const missing = await runCli(['serve', '--port', '0', '--src', 'nowhere'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Cannot find nowhere')
  })

  // The bin (the bundle), signalled as a terminal would: only when it is up to date with src/serve.
  const cli = binPath
  const fresh = existsSync(cli) && statSync(cli).mtimeMs >= statSync(path.join(projectRoot, 'src', 'serve', 'server.ts')).mtimeMs
  it.skipIf(!fresh)('stops on SIGTERM and SIGINT with exit 0', async () => {
    const dir = await project()
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      let gone = false
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((gone = true), resolve(code))))
      const deadline = Date.now() + 30_000
      while (!/at http:\/\/127\.0\.0\.1:(\d+)\//.test(stdout) && !gone && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
      const port = Number(/at http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[1])
      if (!(port > 0)) child.kill('SIGKILL')
      expect(port, `stdout: ${stdout}\nstderr: ${stderr}`).toBeGreaterThan(0)
      const stream = eventStream(port)
      await stream.next('hello', 0)
      child.kill(signal)
      expect(await exited, stderr).toBe(0)
      expect(stderr).toContain(`Stopped (${signal}).`)
    }
  })
})

// Debian's Chromium, as the site's browser tests use it; skipped where it is absent.
const CHROMIUM = '/usr/bin/chromium'

describe.skipIf(!existsSync(CHROMIUM))('briefpress serve in a browser', () => {
  it('the open page reloads by itself on save, shows the errors of a broken brief, and drops them once fixed, with no CSP violation', async () => {
    const dir = await project()
    const server = await serveProject(dir)
    const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']})
    try {
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`)
      })
      await page.goto(`${server.url}2025/01/06/index.html`)
      // No waiting for the event stream to open: should the rebuild finish
      // first, the stream's `hello` names a newer build and the page reloads.

      const file = path.join(dir, 'briefs', monday)
      const good = await readFile(file, 'utf8')
      await writeFile(file, good.replace(/^title: .*$/m, 'title: "Seen in the browser"'))
      await page.waitForFunction(() => document.title.startsWith('Seen in the browser'), undefined, {timeout: 15_000})

      await writeFile(file, good.replace(/^category: .*$/m, 'category: "<b>bold</b>"'))
      const panel = page.locator('#briefpress-preview-problems')
      await panel.waitFor({state: 'visible', timeout: 15_000})
      expect(await panel.textContent()).toContain('Unexpected category `<b>bold</b>`')
      expect(await page.locator('#briefpress-preview-problems b').count()).toBe(0)
      expect(await page.title()).toMatch(/^Seen in the browser/)

      await writeFile(file, good)
      await panel.waitFor({state: 'detached', timeout: 15_000})
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

describe('preview injection', () => {
  it('lets the preview script, stylesheet and event stream through the site\'s Content-Security-Policy, changing nothing else', () => {
    const policyOf = (html: string) => elements(parseHtml(html), byTag('meta')).map((node) => prop(node, 'content'))
    // Written as the build writes it: quotes as character references.
    const page = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; img-src &#x27;self&#x27; data:; style-src &#x27;self&#x27;; base-uri &#x27;none&#x27;"></head><body></body></html>`
    expect(policyOf(allowPreviewAssets(page))).toEqual([
      "default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; script-src 'self'; connect-src 'self'"
    ])
    const scriptNone = `<meta http-equiv='content-security-policy' content="script-src 'none'; object-src 'none'">`
    expect(policyOf(allowPreviewAssets(scriptNone))).toEqual(["script-src 'self'; object-src 'none'"])
    expect(allowPreviewAssets('<p>no policy</p>')).toBe('<p>no policy</p>')
  })

  it('adds the script to the head and the panel to the end of the body', () => {
    const page = injectPreview('<html><head><title>t</title></head><body><p>x</p></body></html>', 'abc-1', '<aside>panel</aside>')
    expect(page).toBe(
      '<html><head><title>t</title><link rel="stylesheet" href="/__briefpress/overlay.css"><script src="/__briefpress/reload.js?build=abc-1" defer></script></head><body><p>x</p><aside>panel</aside></body></html>'
    )
  })

  it('renders every message as text', () => {
    const html = renderOverlay(
      [{file: 'briefs/a.md', line: 3, column: 7, severity: 'error', ruleId: 'some-rule', message: 'Unexpected `</aside><script>alert(1)</script>`', url: 'https://example.com/rules#some-rule'}],
      '12:00:00'
    )
    const tree = parseHtml(html)
    expect(elements(tree, byTag('script'))).toEqual([])
    expect(html).toContain('briefs/a.md:3:7')
    expect(html).toContain('1 error')
    expect(html).toContain('last good build (12:00:00)')
  })
})

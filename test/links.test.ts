import {existsSync} from 'node:fs'
import {readFile, writeFile, mkdir} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {checkJson, runCli, tempDir} from './helpers.js'

/**
 * `check --links` against a local HTTP server started here, on 127.0.0.1
 * only: never the internet. Each route shows one behaviour of real servers.
 */
interface Seen {
  method: string
  path: string
  at: number
}

let server: http.Server
let base = ''
let seen: Seen[] = []
let inFlight = 0
let maxInFlight = 0
let busyAnswered = 0
/** Responses never sent (the "server that never answers"), ended when the test ends. */
const hanging = new Set<http.ServerResponse>()

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const pathname = new URL(req.url ?? '/', 'http://x').pathname
  seen.push({method: req.method ?? '', path: pathname, at: Date.now()})
  inFlight++
  maxInFlight = Math.max(maxInFlight, inFlight)
  res.on('close', () => inFlight--)
  const send = (status: number, headers: Record<string, string> = {}) => {
    // A little latency, so overlapping requests would be seen by maxInFlight.
    setTimeout(() => {
      res.writeHead(status, headers)
      res.end(req.method === 'HEAD' ? undefined : 'body')
    }, 20)
  }
  switch (pathname) {
    case '/ok':
    case '/ok-2':
    case '/ok-3':
    case '/final':
      return send(200)
    case '/gone':
      return send(404)
    case '/removed':
      return send(410)
    case '/r1':
      return send(301, {location: '/r2'})
    case '/r2':
      return send(302, {location: `${base}/final`})
    case '/to-gone':
      return send(301, {location: '/gone'})
    case '/loop':
      return send(302, {location: '/loop'})
    case '/slow':
      hanging.add(res)
      return
    case '/busy':
      // Rate-limited once, then fine.
      return busyAnswered++ === 0 ? send(429, {'retry-after': '1'}) : send(200)
    case '/busy-date':
      // Retry-After as an HTTP date (whole seconds) about 2.5 s ahead.
      return busyAnswered++ === 0 ? send(503, {'retry-after': new Date(Date.now() + 2500).toUTCString()}) : send(200)
    case '/busy-long':
      return send(429, {'retry-after': '3600'})
    case '/head-refused':
      return req.method === 'HEAD' ? send(405, {allow: 'GET'}) : send(200)
    case '/broken':
      return send(503)
    default:
      return send(404)
  }
}

beforeAll(async () => {
  server = http.createServer(route)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The server stops by itself even if afterAll never runs.
  setTimeout(() => server.close(), 120_000).unref()
})

afterAll(async () => {
  for (const res of hanging) res.destroy()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  seen = []
  maxInFlight = 0
  busyAnswered = 0
})

/** A valid brief citing each of `paths` on the local server, one definition per line. */
async function project(paths: string[], config?: object): Promise<string> {
  const dir = await tempDir()
  await mkdir(path.join(dir, 'briefs'))
  const references = paths.map((_, index) => `[^${index + 1}]`).join('')
  const definitions = paths.map((p, index) => `[^${index + 1}]: ${p.startsWith('http') ? p : base + p}`).join('\n')
  const text = `---\ntitle: "Links test"\ndate: 2025-11-04\ncategory: crypto\n---\n\n## Market Overview\n\nBitcoin held steady today.${references}\n\n${definitions}\n`
  await writeFile(path.join(dir, 'briefs', '2025-11-04.md'), text)
  if (config) await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify(config))
  return dir
}

/** Line of definition `[^n]` in the brief written by `project` (front matter, heading, paragraph, then definitions). */
const definitionLine = (n: number) => 10 + n

async function linkMessages(dir: string, extra: string[] = []) {
  const result = await checkJson(['--links', ...extra], dir)
  const messages = result.report.messages.filter((m) => m.ruleId?.endsWith('citation-link'))
  return {...result, messages}
}

describe('check --links', () => {
  it('is off by default: no request without --links', async () => {
    const dir = await project(['/gone'])
    const result = await checkJson([], dir)
    expect(seen).toEqual([])
    expect(result.report.messages.filter((m) => m.ruleId === 'dead-citation-link')).toEqual([])
  })

  it('reports a 404 and a 410 as dead-citation-link at the definition’s URL, and passes a 200', async () => {
    const dir = await project(['/ok', '/gone', '/removed'])
    const {messages, stderr, code} = await linkMessages(dir)
    expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
      ['dead-citation-link', 'warning', definitionLine(2), 7],
      ['dead-citation-link', 'warning', definitionLine(3), 7]
    ])
    expect(messages[0]!.message).toContain(`${base}/gone`)
    expect(messages[0]!.message).toContain('HTTP 404')
    expect(messages[1]!.message).toContain('HTTP 410')
    expect(stderr).toMatch(/Checked 3 citation links \(0 from cache, 0 excluded\): 2 dead, 0 redirected, 0 unverified/)
    expect(code).toBe(0) // warnings only
    // HEAD is enough when the server answers it.
    expect(new Set(seen.map((s) => s.method))).toEqual(new Set(['HEAD']))
  })

  it('follows a redirect chain (301 → 302 → 200) and names the final URL', async () => {
    const dir = await project(['/r1'])
    const {messages} = await linkMessages(dir)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ruleId: 'redirected-citation-link', severity: 'warning', line: definitionLine(1), column: 7})
    expect(messages[0]!.message).toContain(`\`${base}/final\``)
    expect(seen.map((s) => s.path)).toEqual(['/r1', '/r2', '/final'])
  })

  it('reports a redirect to a dead page as dead, with the page it ended at', async () => {
    const dir = await project(['/to-gone'])
    const {messages} = await linkMessages(dir)
    expect(messages.map((m) => m.ruleId)).toEqual(['dead-citation-link'])
    expect(messages[0]!.message).toContain(`redirected to \`${base}/gone\``)
  })

  it('stops at a redirect loop', async () => {
    const dir = await project(['/loop'])
    const {messages} = await linkMessages(dir)
    expect(messages.map((m) => m.ruleId)).toEqual(['unreachable-citation-link'])
    expect(messages[0]!.message).toContain('redirect loop')
    expect(seen.length).toBeLessThanOrEqual(2)
  })

  it('gives up on a server that never answers after the timeout and the retries', async () => {
    const dir = await project(['/slow'])
    const start = Date.now()
    const {messages} = await linkMessages(dir, ['--links-timeout', '200ms', '--links-retries', '1'])
    const elapsed = Date.now() - start
    expect(messages.map((m) => m.ruleId)).toEqual(['unreachable-citation-link'])
    expect(messages[0]!.message).toContain('no answer within 200 ms after 2 tries')
    expect(seen.filter((s) => s.path === '/slow')).toHaveLength(2)
    // Two timeouts plus one backoff: well under the default 10 s timeout.
    expect(elapsed).toBeGreaterThanOrEqual(400)
    expect(elapsed).toBeLessThan(5000)
  })

  it('waits as long as Retry-After asks after a 429, then succeeds', async () => {
    const dir = await project(['/busy'])
    const {messages} = await linkMessages(dir)
    expect(messages).toEqual([])
    const busy = seen.filter((s) => s.path === '/busy')
    expect(busy).toHaveLength(2)
    expect(busy[1]!.at - busy[0]!.at).toBeGreaterThanOrEqual(950)
  })

  it('pauses the whole host after a Retry-After, not only the URL that got it', async () => {
    const dir = await project(['/busy', '/ok'])
    const {messages} = await linkMessages(dir)
    expect(messages).toEqual([])
    const [first, ...later] = seen
    expect(first!.path).toBe('/busy')
    expect(later.map((s) => s.path).sort()).toEqual(['/busy', '/ok'])
    for (const request of later) expect(request.at - first!.at).toBeGreaterThanOrEqual(950)
  })

  it('honours Retry-After given as an HTTP date', async () => {
    const dir = await project(['/busy-date'])
    const {messages} = await linkMessages(dir)
    expect(messages).toEqual([])
    const busy = seen.filter((s) => s.path === '/busy-date')
    expect(busy).toHaveLength(2)
    // The date has whole seconds, so the wait is 1.5 to 2.5 s; the default backoff would be 0.5 s.
    expect(busy[1]!.at - busy[0]!.at).toBeGreaterThanOrEqual(1400)
  })

  it('gives up at once when Retry-After asks for longer than a minute', async () => {
    const dir = await project(['/busy-long'])
    const {messages} = await linkMessages(dir)
    expect(messages.map((m) => m.ruleId)).toEqual(['unreachable-citation-link'])
    expect(messages[0]!.message).toContain('HTTP 429 asking to wait 3600 s (Retry-After)')
    expect(seen).toHaveLength(1)
  })

  it('asks again with GET where HEAD is refused (405)', async () => {
    const dir = await project(['/head-refused'])
    const {messages} = await linkMessages(dir)
    expect(messages).toEqual([])
    expect(seen.map((s) => s.method)).toEqual(['HEAD', 'GET'])
  })

  it('retries a 503 with backoff and then reports it as unverified, not dead', async () => {
    const dir = await project(['/broken'])
    const {messages} = await linkMessages(dir, ['--links-retries', '2'])
    expect(messages.map((m) => m.ruleId)).toEqual(['unreachable-citation-link'])
    expect(messages[0]!.message).toContain('HTTP 503 after 3 tries')
    const tries = seen.filter((s) => s.path === '/broken')
    expect(tries).toHaveLength(3)
    // Exponential: the second wait is about twice the first.
    const first = tries[1]!.at - tries[0]!.at
    const second = tries[2]!.at - tries[1]!.at
    expect(second).toBeGreaterThan(first * 1.5)
  })

  it('reports connection refused as dead', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const dir = await project([`http://127.0.0.1:${port}/nothing`])
    const {messages} = await linkMessages(dir)
    expect(messages.map((m) => m.ruleId)).toEqual(['dead-citation-link'])
    expect(messages[0]!.message).toContain('connection refused (ECONNREFUSED)')
  })

  it('asks one host one request at a time, whatever the concurrency', async () => {
    const dir = await project(['/ok', '/ok-2', '/ok-3', '/final', '/gone'])
    await linkMessages(dir, ['--links-concurrency', '8'])
    expect(seen).toHaveLength(5)
    expect(maxInFlight).toBe(1)
  })

  it('asks each distinct URL once, and reports it at every definition citing it', async () => {
    const dir = await project(['/gone', '/gone#section', '/ok'])
    const {messages} = await linkMessages(dir)
    expect(seen.map((s) => s.path).sort()).toEqual(['/gone', '/ok'])
    expect(messages.map((m) => m.line)).toEqual([definitionLine(1), definitionLine(2)])
  })

  it('answers from the cache on a second run (no request), until --links-max-age says it is too old', async () => {
    const dir = await project(['/gone', '/r1', '/ok'])
    const first = await linkMessages(dir)
    expect(seen.length).toBeGreaterThan(0)
    expect(existsSync(path.join(dir, '.briefpress-cache', 'links.json'))).toBe(true)

    seen = []
    const second = await linkMessages(dir)
    expect(seen).toEqual([])
    expect(second.messages).toEqual(first.messages)
    expect(second.stderr).toContain('(3 from cache, 0 excluded)')

    const cache = JSON.parse(await readFile(path.join(dir, '.briefpress-cache', 'links.json'), 'utf8')) as {entries: Record<string, {outcome: {kind: string}}>}
    expect(cache.entries[`${base}/gone`]!.outcome.kind).toBe('dead')

    seen = []
    await linkMessages(dir, ['--links-max-age', '0'])
    expect(seen.map((s) => s.path)).toContain('/gone')
  })

  it('does not cache an unverified outcome: the next run asks again', async () => {
    const dir = await project(['/broken'])
    await linkMessages(dir, ['--links-retries', '0'])
    seen = []
    await linkMessages(dir, ['--links-retries', '0'])
    expect(seen.map((s) => s.path)).toEqual(['/broken'])
  })

  it('never asks excluded URLs: a host name, or a regular expression', async () => {
    const byHost = await project(['/gone', '/r1'], {linkCheck: {exclude: ['127.0.0.1']}})
    const hostResult = await linkMessages(byHost)
    expect(seen).toEqual([])
    expect(hostResult.messages).toEqual([])
    expect(hostResult.stderr).toContain('(0 from cache, 2 excluded)')

    const byPattern = await project(['/gone', '/r1'], {linkCheck: {exclude: ['/gone$']}})
    const patternResult = await linkMessages(byPattern)
    expect(seen.map((s) => s.path)).not.toContain('/gone')
    expect(patternResult.messages.map((m) => m.ruleId)).toEqual(['redirected-citation-link'])
  })

  it('lets the config set the severity of the link rules', async () => {
    const dir = await project(['/gone', '/r1'], {rules: {'dead-citation-link': 'error', 'redirected-citation-link': 'off'}})
    const {messages, code} = await linkMessages(dir)
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['dead-citation-link', 'error']])
    expect(code).toBe(1)
  })

  it('rejects bad options and config with exit 2', async () => {
    const dir = await project(['/ok'])
    expect((await runCli(['check', '--links-timeout', '1s'], dir)).code).toBe(2)
    const badDuration = await runCli(['check', '--links', '--links-timeout', 'soon'], dir)
    expect(badDuration.code).toBe(2)
    expect(badDuration.stderr).toContain('--links-timeout soon')
    expect((await runCli(['check', '--links', '--links-concurrency', '0'], dir)).code).toBe(2)
    const badConfig = await project(['/ok'], {linkCheck: {exclude: ['(unclosed']}})
    const result = await runCli(['check', '--links'], badConfig)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('linkCheck.exclude.0')
    expect(seen).toEqual([])
  })

  it('documents the options in check --help', async () => {
    const {stdout} = await runCli(['check', '--help'])
    for (const option of ['--links ', '--links-max-age', '--links-timeout', '--links-concurrency', '--links-retries']) expect(stdout).toContain(option)
  })
})

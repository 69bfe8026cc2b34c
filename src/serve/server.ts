import {once} from 'node:events'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {mkdtemp, readFile, realpath, rm, stat} from 'node:fs/promises'
import {setTimeout as sleep} from 'node:timers/promises'
import os from 'node:os'
import path from 'node:path'
import {removeFoldersOfDeadProcesses} from '../write/stale-folders.js'
import {loadConfig} from '../config/load.js'
import {CONFIG_PLACES} from '../config/schema.js'
import {MissingPathError} from '../load/find-briefs.js'
import {formatPretty, plural} from '../report/format.js'
import {EventHub} from './events.js'
import {EVENTS_PATH, injectPreview, OVERLAY_CSS_PATH, PREVIEW_PREFIX, RELOAD_SCRIPT, RELOAD_SCRIPT_PATH} from './inject.js'
import {OVERLAY_CSS, renderOverlay, type Problem} from './overlay.js'
import {buildPreview, failure, type PreviewBuild} from './preview-build.js'
import {contentType, resolveRequest} from './static-files.js'
import {watchSources} from './watch.js'

export interface ServeOptions {
  /** The project folder: briefs, config and the preview's paths are relative to it. */
  cwd: string
  /** Folder of briefs (default briefs). */
  src?: string
  /** Config file (default: found from `cwd` upward, src/config/load.ts). */
  config?: string | undefined
  /** Port on `host`; 0 picks a free one (default 4000). */
  port?: number
  host?: string
  /** Quiet time after the last change before rebuilding (default 100 ms). */
  debounceMs?: number
  /** Where progress and diagnostics go (the terminal's stderr). */
  log?: (text: string) => void
  color?: boolean
  /** Columns to wrap the terminal report to (src/report/pretty.ts). */
  width?: number | undefined
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  url: string
  port: number
  /** The folder being served: the last good build, or undefined before the first one. */
  root(): string | undefined
  /** Id of the newest build, good or broken (sent to pages as `hello` and `reload`). */
  buildId(): string
  /** Stops watching, ends the event streams, closes the server and removes the preview's files. */
  close(): Promise<void>
}

interface State {
  /** Real path of the last good build. */
  root: string | undefined
  /** When the last good build finished, for the problems panel. */
  goodAt: string | undefined
  problems: Problem[]
  buildId: string
}

/**
 * `briefpress serve`: builds the site into a private temporary folder, serves
 * it on 127.0.0.1, and on every save rebuilds and tells open pages to reload.
 * A build with errors is not swapped in: pages keep showing the last good
 * build with a panel listing the errors.
 */
export async function startServer(options: ServeOptions): Promise<PreviewServer> {
  const cwd = path.resolve(options.cwd)
  const src = options.src ?? 'briefs'
  const log = options.log ?? (() => undefined)
  // Folders of previews whose process is gone (killed without a chance to clean up).
  await removeFoldersOfDeadProcesses(os.tmpdir(), PREVIEW_DIR_PREFIX)
  // Each build goes to a fresh folder, and the server switches to it only
  // once complete, so a request never sees a half-written or half-swapped site.
  const base = await mkdtemp(path.join(os.tmpdir(), `${PREVIEW_DIR_PREFIX}${process.pid}-`))
  const hub = new EventHub()
  const session = Date.now().toString(36)
  let count = 0
  const state: State = {root: undefined, goodAt: undefined, problems: [], buildId: `${session}-0`}

  const rebuild = async (): Promise<void> => {
    count++
    const start = process.hrtime.bigint()
    const outDir = path.join(base, `build-${count}`)
    let result: PreviewBuild
    try {
      result = await buildPreview({cwd, src, config: options.config, outDir, keepGoing: state.root === undefined})
    } catch (error) {
      // A bug in the pipeline must not stop the preview: show it like any other problem.
      result = failure(src, `internal error: ${error instanceof Error ? error.message : String(error)}`)
    }
    const report = formatPretty(result.files, {color: options.color ?? false, width: options.width})
    const elapsed = `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`
    const summary = `${plural(result.counts.errors, 'error')}, ${plural(result.counts.warnings, 'warning')}`
    const previous = state.root
    if (result.written) {
      state.root = await realpath(outDir)
      state.goodAt = new Date().toTimeString().slice(0, 8)
      if (previous) void removeLater(previous)
    }
    state.problems = result.problems
    state.buildId = `${session}-${count}`
    const unlocated = result.problems.filter((problem) => problem.line === null).map((problem) => `${problem.file}: ${problem.message}\n`)
    log(report + unlocated.join(''))
    if (result.written && result.problems.length === 0) {
      log(`${count === 1 ? 'Built' : 'Rebuilt'} ${plural(result.written.pages, 'page')} (${plural(result.written.briefs, 'brief')}) in ${elapsed} with ${summary}\n`)
    } else if (result.written) {
      log(`Built the valid briefs (${plural(result.written.pages, 'page')}) in ${elapsed} with ${summary}; the others are left out until fixed\n`)
    } else {
      log(`${summary}: ${state.root ? `still serving the last good build (${state.goodAt})` : 'nothing to serve yet'}; the page shows the errors\n`)
    }
    hub.reload(state.buildId)
  }

  // Changes during a build are not lost: one more build runs after it.
  let running: Promise<void> | undefined
  let pending = false
  let closed = false
  const schedule = (): void => {
    if (closed) return
    if (running) {
      pending = true
      return
    }
    running = rebuild().finally(() => {
      running = undefined
      if (pending) {
        pending = false
        schedule()
      }
    })
  }

  // It listens once the first build is done.
  const server = createServer((request, response) => {
    handle(request, response, state, hub).catch((error: unknown) => {
      if (!response.headersSent) send(response, request, 500, 'text/plain; charset=utf-8', `Internal error: ${String(error)}\n`)
      else response.destroy()
    })
  })
  let watcher: {close(): void} | undefined
  try {
    const srcDir = path.resolve(cwd, src)
    if (!(await stat(srcDir).catch(() => undefined))?.isDirectory()) throw new MissingPathError(src)
    // Watching starts before the first build, so a save during it is not missed.
    watcher = watchSources({
      src: srcDir,
      files: await configFiles(cwd, options.config),
      debounceMs: options.debounceMs ?? 100,
      onChange: (changed) => {
        log(`Changed: ${changed.map((file) => path.relative(cwd, file) || file).join(', ')}\n`)
        schedule()
      },
      onError: (error) => log(`briefpress serve: watching stopped: ${error.message}\n`)
    })
    schedule()
    await running
    const host = options.host ?? '127.0.0.1'
    server.listen(options.port ?? 4000, host)
    await once(server, 'listening')
    const port = (server.address() as AddressInfo).port
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
    let closing: Promise<void> | undefined
    const openWatcher = watcher
    return {
      url,
      port,
      root: () => state.root,
      buildId: () => state.buildId,
      close: () =>
        (closing ??= (async () => {
          closed = true
          openWatcher.close()
          hub.close()
          await new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          })
          await running
          await rm(base, {recursive: true, force: true})
        })())
    }
  } catch (error) {
    closed = true
    watcher?.close()
    server.close()
    await running?.catch(() => undefined)
    await rm(base, {recursive: true, force: true})
    throw error
  }
}

async function handle(request: IncomingMessage, response: ServerResponse, state: State, hub: EventHub): Promise<void> {
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return send(response, request, 405, 'text/plain; charset=utf-8', `Method ${method} not allowed: the preview only serves GET and HEAD\n`)
  }
  const target = request.url ?? '/'
  const pathname = target.split('?', 1)[0] ?? ''
  if (pathname.startsWith(PREVIEW_PREFIX)) {
    if (pathname === EVENTS_PATH && method === 'GET') return hub.connect(request, response, state.buildId)
    if (pathname === RELOAD_SCRIPT_PATH) return send(response, request, 200, 'text/javascript; charset=utf-8', RELOAD_SCRIPT)
    if (pathname === OVERLAY_CSS_PATH) return send(response, request, 200, 'text/css; charset=utf-8', OVERLAY_CSS)
  }

  const overlay = state.problems.some((problem) => problem.severity === 'error') ? renderOverlay(state.problems, state.goodAt) : ''
  const resolved = state.root ? await resolveRequest(state.root, target) : ({kind: 'error', status: 404} as const)
  if (resolved.kind === 'redirect') {
    response.setHeader('Location', resolved.location)
    return send(response, request, 301, 'text/plain; charset=utf-8', `Moved to ${resolved.location}\n`)
  }
  if (resolved.kind === 'error' && resolved.status === 404 && pathname === '/favicon.ico') {
    // Browsers ask for it on every page; a site without one should not fill the console with 404s.
    response.writeHead(204, {'Cache-Control': 'no-store'})
    return void response.end()
  }
  if (resolved.kind === 'error') {
    // The site's own 404 page when it has one, as a static host would show it.
    const own = resolved.status === 404 && state.root ? await readFile(path.join(state.root, '404.html'), 'utf8').catch(() => undefined) : undefined
    const page = own ?? errorPage(resolved.status, state.root === undefined)
    return send(response, request, resolved.status, 'text/html; charset=utf-8', injectPreview(page, state.buildId, overlay))
  }
  const type = contentType(resolved.file)
  const content = await readFile(resolved.file)
  if (type.startsWith('text/html')) {
    return send(response, request, 200, type, injectPreview(content.toString('utf8'), state.buildId, overlay))
  }
  return send(response, request, 200, type, content)
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    // A preview is always the newest build: never let the browser reuse an old page.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(request.method === 'HEAD' ? undefined : bytes)
}

const REASONS: Record<number, string> = {400: 'Bad request', 403: 'Forbidden', 404: 'Not found'}

function errorPage(status: 400 | 403 | 404, nothingBuilt: boolean): string {
  const reason = REASONS[status] ?? 'Error'
  const text = nothingBuilt
    ? 'No site has been built yet: fix the errors listed below and save.'
    : status === 404
      ? 'There is no page here in the preview. Go to the <a href="/index.html">index</a>.'
      : 'The preview serves only the files of the built site.'
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${status} ${reason} · Briefpress preview</title></head><body><h1>${status} ${reason}</h1><p>${text}</p></body></html>\n`
}

/** Pages of the previous build may still be being read; they go a little later. */
function removeLater(folder: string): Promise<void> {
  return sleep(2000, undefined, {ref: false}).then(() => rm(folder, {recursive: true, force: true})).catch(() => undefined)
}

const PREVIEW_DIR_PREFIX = 'briefpress-preview-'

/**
 * The config files whose save rebuilds: the explicit one, or each place in
 * the working folder (so that a new config is seen) and the one found above.
 */
async function configFiles(cwd: string, file: string | undefined): Promise<string[]> {
  if (file) return [path.resolve(cwd, file)]
  // A broken config is reported by the first build; here it only has no place to add.
  const found = await loadConfig(cwd).then((result) => result.path, () => undefined)
  return [...new Set([...CONFIG_PLACES.map((place) => path.resolve(cwd, place)), ...(found ? [found] : [])])]
}

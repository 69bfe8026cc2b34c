import {startServer, type PreviewServer} from '../serve/server.js'
import {EXIT, onSignals, parse, prettyOptions, UsageError, type Io} from './shared.js'

export const serveHelp = `Usage: briefpress serve [options]

Builds the site into a private temporary folder (never your site/ folder),
serves it on 127.0.0.1 and rebuilds on every save of a brief or the config;
open pages reload by themselves. Drafts are included. While a brief has
errors the preview keeps serving the last good build, shows the errors at
the bottom of every page, and prints them here. Ctrl+C stops it.

Options:
  --src <folder>     Folder of briefs (default briefs)
  --port <number>    Port (default 4000; 0 picks a free one)
  --host <address>   Address to listen on (default 127.0.0.1, this computer only)
  --config <file>    Config file (default: the nearest
                     briefpress.config.json, .mjs, .js or
                     package.json \`briefpress\` key, from here up)
  -h, --help         Show this help

Exit codes: 0 stopped, 2 usage or configuration error, or the port is taken.
`

/** `briefpress serve`: runs until SIGINT or SIGTERM. */
export async function serve(argv: string[], io: Io): Promise<number> {
  return runServe(argv, io, untilSignal)
}

/**
 * The command with its stop condition passed in, so tests can stop it
 * without signalling the test runner's own process.
 */
export async function runServe(argv: string[], io: Io, stopped: (server: PreviewServer) => Promise<string>): Promise<number> {
  const {values} = parse(argv, {
    options: {
      src: {type: 'string', default: 'briefs'},
      port: {type: 'string', default: '4000'},
      host: {type: 'string', default: '127.0.0.1'},
      config: {type: 'string'},
      help: {type: 'boolean', short: 'h', default: false}
    },
    allowPositionals: false
  })
  if (values.help) {
    io.stdout(serveHelp)
    return EXIT.ok
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`Unexpected --port ${values.port}, expected a number from 0 to 65535`)
  if (!isLoopback(values.host)) {
    io.stderr(`briefpress serve: listening on ${values.host} makes the preview reachable from other computers\n`)
  }
  let server: PreviewServer
  try {
    server = await startServer({cwd: io.cwd, src: values.src, config: values.config, port, host: values.host, log: io.stderr, ...prettyOptions(io, false)})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${port} on ${values.host} is already in use; pass another --port, or --port 0 to pick a free one`)
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError(`Cannot listen on ${values.host}:${port} (${code})`)
    throw error
  }
  io.stdout(`Serving a preview of ${values.src}/ at ${server.url} (port ${server.port}); rebuilds on save, Ctrl+C to stop\n`)
  const reason = await stopped(server)
  await server.close()
  io.stderr(`Stopped (${reason}).\n`)
  return EXIT.ok
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = onSignals((signal) => {
      stop()
      resolve(signal)
    }, ['SIGINT', 'SIGTERM'])
  })
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

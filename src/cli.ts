#!/usr/bin/env node
import type {Io} from './commands/shared.js'

// Commands load on demand: a relaunch (src/workers/young-generation.ts) and
// `--help` then never pay for loading the whole parser and renderer.
const help = `Usage: briefpress <command> [options]

Commands:
  check [paths…]   Check briefs and report every problem; writes nothing
  build            Check briefs, then render the static site
  new [date]       Write a new brief for the day from templates/brief.md
  serve            Preview the site on 127.0.0.1, rebuilt and reloaded on save

Run \`briefpress <command> --help\` for a command's options.
`

const commands: Record<string, () => Promise<(argv: string[], io: Io) => Promise<number>>> = {
  check: async () => (await import('./commands/check.js')).check,
  build: async () => (await import('./commands/build.js')).build,
  new: async () => (await import('./commands/new.js')).newBrief,
  serve: async () => (await import('./commands/serve.js')).serve
}

/** The CLI as a function, so tests drive it without spawning a process. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  const {EXIT, UsageError} = await import('./commands/shared.js')
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help)
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${(await import('./package-root.js')).packageVersion()}\n`)
    return EXIT.ok
  }
  const load = commands[name]
  if (!load) {
    const {closest} = await import('./validate/front-matter.js')
    const guess = closest(name, Object.keys(commands))
    io.stderr(`briefpress: unknown command \`${name}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}, expected one of ${Object.keys(commands).join(', ')}\n\n${help}`)
    return EXIT.usage
  }
  try {
    return await (await load())(rest, io)
  } catch (error) {
    const {ConfigError} = await import('./config/load.js')
    const {MissingPathError} = await import('./load/find-briefs.js')
    if (error instanceof UsageError || error instanceof MissingPathError) {
      io.stderr(`briefpress ${name}: ${error.message}\nRun \`briefpress ${name} --help\` for usage.\n`)
      return EXIT.usage
    }
    if (error instanceof ConfigError) {
      io.stderr(`briefpress ${name}: ${error.message}\n`)
      return EXIT.usage
    }
    io.stderr(`briefpress ${name}: internal error: ${error instanceof Error ? (process.env.BRIEFPRESS_DEBUG ? error.stack : error.message) : String(error)}\nPlease report this with the brief that caused it (set BRIEFPRESS_DEBUG=1 for a stack trace).\n`)
    return EXIT.usage
  }
}

// Run when executed (bin, `node dist/src/cli.js`), not when imported by tests.
const invoked = process.argv[1] ? (await import('node:fs')).realpathSync(process.argv[1]) : ''
if (invoked === (await import('node:url')).fileURLToPath(import.meta.url)) {
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    // The pretty report goes to stderr.
    columns: process.stderr.isTTY ? process.stderr.columns : undefined
  }
  const {allowRelaunch} = await import('./workers/young-generation.js')
  allowRelaunch(invoked, process.argv.slice(2))
  process.exitCode = await main(process.argv.slice(2), io)
}

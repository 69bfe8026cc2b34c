#!/usr/bin/env node
import {build, buildHelp} from './commands/build.js'
import {check, checkHelp} from './commands/check.js'
import {newBrief, newHelp} from './commands/new.js'
import {serve, serveHelp} from './commands/serve.js'
import {EXIT, UsageError, type Io} from './commands/shared.js'
import {ConfigError} from './config/load.js'
import {MissingPathError} from './load/find-briefs.js'

const help = `Usage: briefpress <command> [options]

Commands:
  check [paths…]   Check briefs and report every problem; writes nothing
  build            Check briefs, then render the static site
  new [date]       Write a new brief for the day from templates/brief.md
  serve            Preview the site on 127.0.0.1, rebuilt and reloaded on save

Run \`briefpress <command> --help\` for a command's options.
`

const commands: Record<string, {run: (argv: string[], io: Io) => Promise<number>; help: string}> = {
  check: {run: check, help: checkHelp},
  build: {run: build, help: buildHelp},
  new: {run: newBrief, help: newHelp},
  serve: {run: serve, help: serveHelp}
}

/** The CLI as a function, so tests drive it without spawning a process. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help)
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${await version()}\n`)
    return EXIT.ok
  }
  const command = commands[name]
  if (!command) {
    io.stderr(`briefpress: unknown command \`${name}\`, expected one of ${Object.keys(commands).join(', ')}\n\n${help}`)
    return EXIT.usage
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
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

async function version(): Promise<string> {
  const {readFile} = await import('node:fs/promises')
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

// Run when executed (bin, `node dist/src/cli.js`), not when imported by tests.
const invoked = process.argv[1] ? (await import('node:fs')).realpathSync(process.argv[1]) : ''
if (invoked === (await import('node:url')).fileURLToPath(import.meta.url)) {
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
  }
  process.exitCode = await main(process.argv.slice(2), io)
}

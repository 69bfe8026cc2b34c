import {runPipeline} from '../pipeline.js'
import {publishable, renderBrief, writeSite} from '../render/site.js'
import {countMessages, formatReport, plural} from '../report/format.js'
import {AtomicSiteWriter, assertSafeOutDir, UnsafeOutDirError} from '../write/atomic-site.js'
import {commonOptions, EXIT, parse, readConfig, readFormat, seconds, UsageError, type Io} from './shared.js'

export const buildHelp = `Usage: briefpress build [options]

Checks every brief, then renders the static site. With errors it writes
nothing and leaves the previous site exactly as it was.

Options:
  --src <folder>                 Folder of briefs (default briefs)
  --out <folder>                 Output folder (default site)
  --drafts                       Include briefs with \`draft: true\`
  --keep-going                   Build the valid briefs, skip broken ones (still exits 1)
  --format <pretty|json|github>  How to print diagnostics (default pretty)
  --frail                        Exit 1 on warnings too
  --config <file>                Config file (default briefpress.config.json)
  -h, --help                     Show this help

Exit codes: 0 built cleanly, 1 content errors (or warnings with --frail),
2 usage, configuration or internal error.
`

export async function build(argv: string[], io: Io): Promise<number> {
  const {values} = parse(argv, {
    options: {
      ...commonOptions,
      src: {type: 'string', default: 'briefs'},
      out: {type: 'string', default: 'site'},
      drafts: {type: 'boolean', default: false},
      'keep-going': {type: 'boolean', default: false}
    },
    allowPositionals: false
  })
  if (values.help) {
    io.stdout(buildHelp)
    return EXIT.ok
  }
  const format = readFormat(values.format)
  const config = readConfig(io.cwd, values.config)
  try {
    assertSafeOutDir(values.out, io.cwd, [values.src])
  } catch (error) {
    if (error instanceof UnsafeOutDirError) throw new UsageError(error.message)
    throw error
  }
  const start = process.hrtime.bigint()
  const {briefs} = await runPipeline({paths: [values.src], cwd: io.cwd, config, render: renderBrief})
  const files = briefs.map((brief) => brief.file)
  const report = formatReport(format, files, {color: io.color})
  if (format === 'pretty') io.stderr(report)
  else io.stdout(report)

  const counts = countMessages(files)
  const failed = counts.errors > 0 || (values.frail && counts.warnings > 0)
  const summary = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`
  if (failed && !values['keep-going']) {
    io.stderr(`Not writing ${values.out}/: ${summary} in ${plural(briefs.length, 'brief')}; the previous site is unchanged (use --keep-going to build the valid briefs)\n`)
    return EXIT.content
  }

  const published = publishable(briefs, values.drafts)
  const writer = await AtomicSiteWriter.open(`${io.cwd}/${values.out}`)
  let pages: number
  try {
    pages = await writeSite(published, config, writer)
    await writer.commit()
  } catch (error) {
    await writer.abort()
    throw error
  }
  const skipped = briefs.length - published.length
  io.stderr(
    `Wrote ${plural(pages, 'page')} (${plural(published.length, 'brief')}${skipped ? `, ${skipped} skipped` : ''}) to ${values.out}/ in ${seconds(start)}: ${summary}\n` +
      `Open ${values.out}/index.html in a browser.\n`
  )
  return failed ? EXIT.content : EXIT.ok
}

import {afterRun} from '../cache/prune.js'
import {changedCliOptions, changedHelp, readChangedFiles} from './changed-files.js'
import {linkCheckHelp, linkCliOptions, runLinkCheck} from './link-options.js'
import {countMessages, formatReport, plural} from '../report/format.js'
import {coverage, formatCoverage} from '../report/summary.js'
import {relaunchWithYoungGeneration} from '../workers/young-generation.js'
import {readSpeedOptions, speedCliOptions, speedHelp} from '../workers/cli-options.js'
import {commonOptions, EXIT, parse, prettyOptions, readConfig, readFormat, seconds, type Io} from './shared.js'

export const checkHelp = `Usage: briefpress check [paths…] [options]

Reads briefs (every *.md under each path; default briefs/), reports every
problem, and writes nothing.

Options:
  --format <pretty|json|github|sarif>
                                 How to print diagnostics (default pretty)
  --frail                        Exit 1 on warnings too
  --verbose                      List every message (pretty prints a rule that
                                 fires in 10 or more files once, with a count)
  --config <file>                Config file (default: the nearest
                                 briefpress.config.json, .mjs, .js or
                                 package.json \`briefpress\` key, from here up)
  --summary                      Also print how many briefs yielded each kind of
                                 market data (BTC price, 24h change, liquidations…)
${changedHelp}${linkCheckHelp}${speedHelp}  -h, --help                     Show this help

Exit codes: 0 clean, 1 content errors (or warnings with --frail),
2 usage, configuration or internal error.
`

export async function check(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv, {options: {...commonOptions, ...changedCliOptions, ...linkCliOptions, ...speedCliOptions, summary: {type: 'boolean', default: false}}, allowPositionals: true})
  if (values.help) {
    io.stdout(checkHelp)
    return EXIT.ok
  }
  const format = readFormat(values.format)
  const config = await readConfig(io.cwd, values.config)
  const changed = await readChangedFiles(values, format, io.cwd)
  const speed = readSpeedOptions(values)
  // Options are valid: parse with a larger young generation (src/workers/young-generation.ts).
  const relaunched = await relaunchWithYoungGeneration(speed.jobs)
  if (relaunched !== undefined) return relaunched
  const start = process.hrtime.bigint()
  const paths = positionals.length > 0 ? positionals : ['briefs']
  const {runPipeline} = await import('../pipeline.js')
  const {briefs, reporter} = await runPipeline({paths, cwd: io.cwd, config, ...speed})
  // Cache pruning (src/cache/prune.ts): records this run's entries, sweeps stale ones once a day.
  await afterRun({paths, cwd: io.cwd, config, ...speed, configFile: values.config}, briefs)
  await runLinkCheck(values, briefs, reporter, config, io)
  const files = briefs.map((brief) => brief.file)

  const report = formatReport(format, files, {...prettyOptions(io, values.verbose), cwd: io.cwd, changed})
  if (format === 'pretty') io.stderr(report)
  else io.stdout(report)

  if (values.summary) io.stderr(formatCoverage(coverage(briefs)))
  const counts = countMessages(files)
  io.stderr(`Checked ${plural(briefs.length, 'brief')}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${seconds(start)}\n`)
  return counts.errors > 0 || (values.frail && counts.warnings > 0) ? EXIT.content : EXIT.ok
}

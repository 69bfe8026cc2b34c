import {afterRun} from '../cache/prune.js'
import {changedCliOptions, changedHelp, readChangedFiles} from './changed-files.js'
import {linkCheckHelp, linkCliOptions, runLinkCheck} from './link-options.js'
import {plural} from '../report/format.js'
import {coverage, formatCoverage} from '../report/summary.js'
import {relaunchWithYoungGeneration} from '../workers/young-generation.js'
import {readSpeedOptions, speedCliOptions, speedHelp} from '../workers/cli-options.js'
import {commonOptions, EXIT, parse, printReport, readConfig, readFormat, reportHelp, seconds, type Io} from './shared.js'

export const checkHelp = `Usage: briefpress check [paths…] [options]

Reads briefs (every *.md under each path; default briefs/), reports every
problem, and writes nothing.

Options:
${reportHelp}  --summary                      Also print how many briefs yielded each kind of
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

  const {failed, summary} = printReport(files, format, io, {...values, changed})
  if (values.summary) io.stderr(formatCoverage(coverage(briefs)))
  io.stderr(`Checked ${plural(briefs.length, 'brief')}: ${summary} in ${seconds(start)}\n`)
  return failed ? EXIT.content : EXIT.ok
}

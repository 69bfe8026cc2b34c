/**
 * Briefpress as a library (the package's `exports`): the pipeline behind
 * `check` and `build`, the config, and the report formats. The command line
 * is the `bin` (`dist/bundle/cli.js`); `main` runs it in-process.
 */
export {runPipeline, type PipelineOptions, type PipelineResult} from './pipeline.js'
export {defaultConfig, loadConfig, ConfigError} from './config/load.js'
export type {Config} from './config/schema.js'
export {hasErrors, type Brief} from './brief.js'
export {countMessages, formatJson, formatPretty, formatReport, FORMATS, type Format, type JsonMessage} from './report/format.js'
export {formatGithub} from './report/github.js'
export {formatSarif} from './report/sarif.js'
export {main} from './cli.js'

import {UsageError} from '../commands/shared.js'
import {defaultJobs} from './pool.js'

/** `--jobs` and `--no-cache`, shared by `check` and `build`. */
export const speedCliOptions = {
  jobs: {type: 'string'},
  'no-cache': {type: 'boolean', default: false}
} as const

export const speedHelp = `  --jobs <n>                     Worker threads for parsing and rendering (default:
                                 one per core; 1 runs everything on one thread)
  --no-cache                     Analyse every brief again instead of reusing
                                 results from .briefpress-cache/
`

export function readSpeedOptions(values: {jobs?: string | undefined; 'no-cache'?: boolean | undefined}): {jobs: number; cache: boolean} {
  let jobs = defaultJobs()
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs)
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`Unexpected --jobs ${values.jobs}, expected a whole number from 1 to 256`)
  }
  return {jobs, cache: values['no-cache'] !== true}
}

import {execFile, execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {cp, mkdir, readFile, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {Evaluator, Lexer, Parser, data} from '@actions/expressions'
import {convertWorkflowTemplate, isBasicExpression, isMapping, isString, NoOperationTraceWriter, parseWorkflow} from '@actions/workflow-parser'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {CACHE_FILE} from '../src/links/cache.js'
import {CACHE_DIR} from '../src/cache/store.js'
import {binPath, projectRoot, tempDir} from './helpers.js'

/**
 * The example workflow (.github/workflows/briefs.yml) as GitHub reads it:
 * parsed and checked against GitHub's own workflow schema by
 * @actions/workflow-parser (what the Actions extension for VS Code uses),
 * then each `run:` step executed in order, with its `if:` and `env:`
 * evaluated by @actions/expressions, on a copy of the sample archive in a
 * git repository: as a pull request, a push and the daily schedule would
 * run them. `npm ci` and the `uses:` steps (GitHub's own actions) are not run.
 */
const workflowFile = path.join(projectRoot, '.github', 'workflows', 'briefs.yml')
const text = readFileSync(workflowFile, 'utf8')
const run = promisify(execFile)

type TemplateToken = Parameters<typeof isString>[0]

interface Step {
  id: string
  name?: TemplateToken
  if: {expression: string}
  run?: TemplateToken
  uses?: {value: string}
  env?: TemplateToken
}
interface Job {
  id: {value: string}
  if?: {expression: string}
  steps: Step[]
}

async function parse(content: string): Promise<{errors: string[]; jobs: Job[]; events: Record<string, unknown>}> {
  const result = parseWorkflow({name: 'briefs.yml', content}, new NoOperationTraceWriter())
  const template = result.value ? await convertWorkflowTemplate(result.context, result.value) : undefined
  return {
    errors: result.context.errors.getErrors().map((error) => error.message),
    jobs: (template?.jobs ?? []) as unknown as Job[],
    events: (template?.events ?? {}) as Record<string, unknown>
  }
}

/** GitHub's expression language over `context`; `always()` and `success()` as a step of a job that has not failed sees them. */
/** An `if:` condition, which this workflow writes as a comparison or a status function: a boolean. */
function condition(expression: string, context: Record<string, unknown>, failed = false): boolean {
  const value = evaluate(expression, context, failed)
  if (!(value instanceof data.BooleanData)) throw new Error(`Unexpected condition \`${expression}\`, expected one that gives true or false`)
  return value.value
}

function evaluate(expression: string, context: Record<string, unknown>, failed = false): data.ExpressionData {
  const {tokens} = new Lexer(expression).lex()
  const status = (name: string, value: boolean) => ({name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value)})
  const functions = [status('always', true), status('success', !failed), status('failure', failed), status('cancelled', false)]
  const tree = new Parser(tokens, Object.keys(context), functions).parse()
  const dictionary = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary
  return new Evaluator(tree, dictionary, new Map(functions.map((fn) => [fn.name, fn]))).evaluate()
}

function tokenText(token: TemplateToken | undefined, context: Record<string, unknown>): string {
  if (!token) return ''
  if (isString(token)) return token.value
  if (isBasicExpression(token)) return evaluate(token.expression, context).coerceString()
  throw new Error(`Unexpected ${token.constructor.name} in a step`)
}

function tokenMap(token: TemplateToken | undefined, context: Record<string, unknown>): Record<string, string> {
  const map: Record<string, string> = {}
  if (token && isMapping(token)) for (const pair of token) map[tokenText(pair.key, context)] = tokenText(pair.value, context)
  return map
}

function jobNamed(jobs: Job[], id: string): Job {
  const job = jobs.find((candidate) => candidate.id.value === id)
  if (!job) throw new Error(`No job ${id}`)
  return job
}

interface StepRun {
  name: string
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs a job's `run:` steps as the runner does (`bash -e`, GITHUB_OUTPUT,
 * `if:` on the job's status), for `event`; `uses:` steps are passed over.
 */
async function runJob(job: Job, cwd: string, github: Record<string, string>): Promise<StepRun[]> {
  const context: Record<string, unknown> = {github, runner: {os: 'Linux'}, steps: {}, env: {}}
  if (job.if && !condition(job.if.expression, context)) return []
  const runs: StepRun[] = []
  let failed = false
  for (const step of job.steps) {
    if (!condition(step.if.expression, context, failed) || !step.run) continue
    const script = tokenText(step.run, context)
    if (script === 'npm ci') continue
    const output = path.join(cwd, '..', `${path.basename(cwd)}-output-${runs.length}`)
    await writeFile(output, '')
    const env = {...process.env, ...tokenMap(step.env, context), GITHUB_OUTPUT: output, RUNNER_OS: 'Linux', CI: 'true', npm_config_offline: 'true', npm_config_yes: 'false'}
    const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {cwd, env, maxBuffer: 64 * 1024 * 1024}).then(
      ({stdout, stderr}) => ({code: 0, stdout, stderr}),
      (error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr})
    )
    runs.push({name: tokenText(step.name, context) || script, ...result})
    const outputs = Object.fromEntries(
      (await readFile(output, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    ;(context.steps as Record<string, unknown>)[step.id] = {outputs, outcome: result.code === 0 ? 'success' : 'failure'}
    if (result.code !== 0) failed = true
  }
  return runs
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.org', '-c', 'user.name=ci', ...args], {cwd, stdio: 'pipe'}).toString()

/**
 * The sample archive in a repository whose main branch has a brief with a
 * warning, and a pull request (branch `topic`, `origin/main` its base)
 * that gives another brief a warning; `npx briefpress` is this checkout's bin.
 */
async function repository(): Promise<string> {
  const dir = await tempDir()
  await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({name: 'desk', private: true}))
  await writeFile(path.join(dir, '.gitignore'), 'node_modules/\n.briefpress-cache/\nsite/\n')
  // No request leaves the machine: every citation URL is excluded from the link check.
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({linkCheck: {exclude: ['.*']}}))
  await mkdir(path.join(dir, 'node_modules', '.bin'), {recursive: true})
  await symlink(binPath, path.join(dir, 'node_modules', '.bin', 'briefpress'))
  const addKey = async (day: string) => {
    const file = path.join(dir, 'briefs', '2026', '11', `${day}-daily-brief.md`)
    await writeFile(file, (await readFile(file, 'utf8')).replace('category: crypto\n', 'category: crypto\nautor: desk\n'))
  }
  await addKey('2026-11-13')
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '.')
  git(dir, 'commit', '-q', '-m', 'archive')
  git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD')
  git(dir, 'checkout', '-q', '-b', 'topic')
  await addKey('2026-11-17')
  git(dir, 'commit', '-q', '-am', 'a brief with a typo')
  return dir
}

describe('the example workflow (.github/workflows/briefs.yml)', () => {
  it('is a valid workflow by GitHub’s schema, and the validator catches a broken one', async () => {
    const {errors, jobs, events} = await parse(text)
    expect(errors).toEqual([])
    expect(jobs.map((job) => job.id.value)).toEqual(['check-and-build', 'link-check'])
    expect(Object.keys(events)).toEqual(expect.arrayContaining(['pull_request', 'push', 'schedule']))
    for (const [from, to, error] of [
      ['runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest', /Unexpected value 'runs-onn'/],
      ["cron: '17 5 * * *'", "cron: '99 5 * * *'", /cron/i],
      ['timeout-minutes: 15', 'timeout-minutes: soon', /timeout-minutes|Unexpected value 'soon'/]
    ] as const) {
      expect(text).toContain(from)
      expect((await parse(text.replace(from, to))).errors.join('\n')).toMatch(error)
    }
  })

  it('restores and saves .briefpress-cache under a key of V8’s and Briefpress’s versions, and the link results under their own', async () => {
    const context = {github: {run_id: '7', run_attempt: '1'}, steps: {'cache-key': {outputs: {prefix: 'P-'}}}}
    // The parser's model leaves out `with:`: read from the YAML, expressions evaluated.
    const raw = YAML.parse(text) as {jobs: Record<string, {steps: Array<{uses?: string; with?: Record<string, string>}>}>}
    const expand = (value: string) => value.replace(/\$\{\{(.*?)\}\}/g, (_match, expression: string) => evaluate(expression.trim(), context).coerceString())
    const caches = (job: Job) =>
      job.steps.flatMap((step, index) => {
        if (!step.uses?.value.startsWith('actions/cache/')) return []
        const inputs = raw.jobs[job.id.value]!.steps[index]!.with ?? {}
        return [{uses: step.uses.value, if: step.if.expression, ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, expand(value)]))}]
      })
    const {jobs} = await parse(text)
    expect(caches(jobNamed(jobs, 'check-and-build'))).toEqual([
      {uses: 'actions/cache/restore@v4', if: 'success()', path: CACHE_DIR, key: 'P-7-1', 'restore-keys': 'P-'},
      {uses: 'actions/cache/save@v4', if: "always() && steps.cache-key.outputs.prefix != ''", path: CACHE_DIR, key: 'P-7-1'}
    ])
    expect(caches(jobNamed(jobs, 'link-check'))).toEqual([
      {uses: 'actions/cache/restore@v4', if: 'success()', path: CACHE_FILE, key: 'briefpress-links-7-1', 'restore-keys': 'briefpress-links-'},
      {uses: 'actions/cache/save@v4', if: 'always()', path: CACHE_FILE, key: 'briefpress-links-7-1'}
    ])
  })

  it('runs its steps for a pull request: annotations on the changed brief only, the site built, the cache written', async () => {
    const dir = await repository()
    const runs = await runJob(jobNamed((await parse(text)).jobs, 'check-and-build'), dir, {event_name: 'pull_request', base_ref: 'main', run_id: '1', run_attempt: '1'})
    expect(runs.map((step) => [step.name, step.code])).toEqual([
      ['Key the Briefpress cache', 0],
      ['Check the briefs this pull request changes', 0],
      ['Build the site', 0]
    ])
    const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {version: string}).version
    const key = readFileSync(path.join(dir, '..', `${path.basename(dir)}-output-0`), 'utf8')
    expect(key).toBe(`prefix=briefpress-Linux-v8-${process.versions.v8}-briefpress-${version}-\n`)
    const check = runs[1]!.stdout.trim().split('\n')
    expect(check).toEqual([
      expect.stringMatching(/^::warning file=briefs\/2026\/11\/2026-11-17-daily-brief\.md,line=\d+,col=1,.*title=unknown-front-matter-key::Unexpected front-matter key `autor`/),
      '::notice title=briefpress::1 more message in 1 unchanged file'
    ])
    expect(existsSync(path.join(dir, 'site', 'index.html'))).toBe(true)
    expect(existsSync(path.join(dir, CACHE_DIR))).toBe(true)
  })

  it('runs its steps for a push to main: every brief checked, and a SARIF report for code scanning', async () => {
    const dir = await repository()
    const runs = await runJob(jobNamed((await parse(text)).jobs, 'check-and-build'), dir, {event_name: 'push', ref: 'refs/heads/main', run_id: '2', run_attempt: '1'})
    expect(runs.map((step) => [step.name, step.code])).toEqual([
      ['Key the Briefpress cache', 0],
      ['Check every brief', 0],
      ['Build the site', 0],
      ['Report to code scanning', 0]
    ])
    expect(runs[1]!.stdout.match(/^::warning /gm)).toHaveLength(2)
    const sarif = JSON.parse(readFileSync(path.join(dir, 'briefpress.sarif'), 'utf8')) as {version: string; runs: Array<{results: unknown[]}>}
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]!.results).toHaveLength(2)
  })

  it('runs the link check on the schedule only, and the pull-request job not then', async () => {
    const dir = await repository()
    const {jobs} = await parse(text)
    expect(await runJob(jobNamed(jobs, 'link-check'), dir, {event_name: 'pull_request', base_ref: 'main'})).toEqual([])
    expect(await runJob(jobNamed(jobs, 'check-and-build'), dir, {event_name: 'schedule'})).toEqual([])
    const runs = await runJob(jobNamed(jobs, 'link-check'), dir, {event_name: 'schedule', run_id: '3', run_attempt: '1'})
    expect(runs.map((step) => [step.name, step.code])).toEqual([['Check citation links', 0]])
    // Every URL excluded by the test's config: counted, never fetched.
    expect(runs[0]!.stderr).toMatch(/Checked \d+ citation links \(0 from cache, [1-9]\d* excluded\): 0 dead/)
  })
})

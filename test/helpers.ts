import {existsSync, readFileSync} from 'node:fs'
import {cp, mkdtemp} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {main} from '../src/cli.js'
import type {JsonMessage} from '../src/report/format.js'

// The pretty report wraps to COLUMNS when it is set (src/commands/shared.ts): tests,
// and the CLI processes they start, read it as a log gets it, one line per message.
delete process.env.COLUMNS

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** The `bin` of package.json (the bundle, scripts/bundle.mjs): what users run and tests that spawn the CLI run. */
export const binPath = path.join(projectRoot, (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {bin: {briefpress: string}}).bin.briefpress)
export const fixtures = path.join(projectRoot, 'fixtures')

/** `../shared` beside the project: present for developers and CI, absent in a user's clone. */
export const sharedDir = path.resolve(projectRoot, '..', 'shared')
export const hasShared = existsSync(path.join(sharedDir, 'corpus', 'real'))
export const corpusDir = path.join(sharedDir, 'corpus', 'real')
export const seedBrief = path.join(sharedDir, 'seeds', '000_c7b9ecf49311319f.txt')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process, as `briefpress ...argv` run in `cwd`. */
export async function runCli(argv: string[], cwd: string = projectRoot): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += String(text)),
    color: false
  })
  return {code, stdout, stderr}
}

/** Runs `check --format json` and returns the messages. */
export async function checkJson(argv: string[], cwd: string = projectRoot) {
  const result = await runCli(['check', '--format', 'json', ...argv], cwd)
  // The json format's own types: a test reads what users' tools read.
  const report = JSON.parse(result.stdout) as {files: number; counts: {errors: number; warnings: number; infos: number}; messages: JsonMessage[]}
  return {...result, report}
}

/** Folders `tempDir()` handed out in this test file; test/cleanup-temp.ts removes them after the file's last test. */
export const handedOut: string[] = []

/** A fresh temporary folder, optionally seeded with a copy of `from`. */
export async function tempDir(from?: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-test-'))
  handedOut.push(dir)
  if (from) await cp(from, dir, {recursive: true})
  return dir
}

/** Tests that run the bin need the bundle (and worker threads the compiled worker): they fail (not skip) without it, so that a missing build cannot pass for green. */
export function requireBin(): void {
  for (const file of [binPath, path.join(projectRoot, 'dist', 'src', 'workers', 'worker.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:ts\` first (\`npm test\` does)`)
  }
}

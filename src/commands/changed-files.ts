import {execFile} from 'node:child_process'
import {readFile, realpath} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {UsageError} from './shared.js'

/** `check`'s options that narrow the github format's annotations to some files (parseArgs shape). */
export const changedCliOptions = {
  'changed-since': {type: 'string'},
  files: {type: 'string'},
  'files-from': {type: 'string'}
} as const

export const changedHelp = `  --changed-since <ref>          With --format github: annotate only files changed
                                 since git <ref> (from its merge base with HEAD,
                                 uncommitted and untracked files included)
  --files <a.md,b.md>            With --format github: annotate only these files
  --files-from <file>            The same, one path a line, read from <file>
`

type ChangedValues = {[K in keyof typeof changedCliOptions]?: string | undefined}

/**
 * The files to annotate, as absolute paths, when one of the options was
 * given; undefined (annotate every file) otherwise. Other files' messages
 * are still checked and counted, in one summary line.
 */
export async function readChangedFiles(values: ChangedValues, format: string, cwd: string): Promise<Set<string> | undefined> {
  const given = (Object.keys(changedCliOptions) as Array<keyof typeof changedCliOptions>).filter((key) => values[key] !== undefined)
  if (given.length === 0) return undefined
  if (format !== 'github') throw new UsageError(`Unexpected --${given[0]} with --format ${format}, expected --format github (the other formats report every file)`)
  const files = new Set<string>()
  if (values['changed-since'] !== undefined) for (const file of await changedSince(values['changed-since'], cwd)) files.add(file)
  if (values.files !== undefined) for (const file of values.files.split(',')) addPath(files, file, cwd)
  if (values['files-from'] !== undefined) {
    const list = await readFile(path.resolve(cwd, values['files-from']), 'utf8').catch(() => {
      throw new UsageError(`Cannot read --files-from ${values['files-from']}, expected a file listing one path a line`)
    })
    for (const line of list.split(/\r?\n/)) addPath(files, line, cwd)
  }
  return files
}

function addPath(files: Set<string>, file: string, cwd: string): void {
  const trimmed = file.trim()
  if (trimmed !== '') files.add(path.resolve(cwd, trimmed))
}

const run = promisify(execFile)

async function git(args: string[], cwd: string, ref: string): Promise<string> {
  try {
    return (await run('git', args, {cwd, maxBuffer: 64 * 1024 * 1024})).stdout
  } catch (error) {
    const said = String((error as {stderr?: string}).stderr ?? (error as Error).message).trim()
    throw new UsageError(
      `Cannot list the files changed since \`${ref}\`: git ${args[0]} said: ${said || 'nothing'}; expected a git work tree ` +
        `in which \`${ref}\` names a commit (in GitHub Actions, check out with fetch-depth: 0 so that the base branch is there)`
    )
  }
}

/** Files changed since the merge base of `ref` and HEAD, as a pull request's diff shows them, plus the work tree's own changes. */
async function changedSince(ref: string, cwd: string): Promise<string[]> {
  const root = (await git(['rev-parse', '--show-toplevel'], cwd, ref)).trim()
  const base = (await git(['merge-base', ref, 'HEAD'], cwd, ref)).trim()
  // Paths from diff and `ls-files --full-name` are relative to the top of the work tree.
  const changed = await git(['diff', '--name-only', '--no-renames', '-z', base], cwd, ref)
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], cwd, ref)
  // Git names files under the real path of the work tree; the briefs are named under `cwd` as given.
  const real = await realpath(cwd)
  return `${changed}${untracked}`
    .split('\0')
    .filter(Boolean)
    .map((file) => path.resolve(cwd, path.relative(real, path.resolve(root, file))))
}

import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers.js'

const run = promisify(execFile)

/**
 * `npx briefpress` executes the bin file itself (through its shebang), so it
 * must be executable after `npm ci` (the prepare script compiles and marks it).
 */
describe('the briefpress bin', () => {
  it('runs as an executable file and prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {version: string; bin: Record<string, string>}
    const bin = path.join(projectRoot, pkg.bin.briefpress!)
    const {stdout} = await run(bin, ['--version'], {cwd: projectRoot})
    expect(stdout.trim()).toBe(pkg.version)
  })
})

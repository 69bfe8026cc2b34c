import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers.js'

/** What `import 'briefpress'` loads: the compiled entry that package.json exports (npm run build:ts). */
async function library() {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {exports: {'.': string}}
  return (await import(pathToFileURL(path.join(projectRoot, pkg.exports['.'])).href)) as typeof import('../src/index.js')
}

describe('the library entry', () => {
  it('exists where package.json exports it, and checks briefs with the same pipeline and formats as the CLI', async () => {
    const {runPipeline, defaultConfig, formatJson, hasErrors} = await library()
    const result = await runPipeline({paths: ['fixtures/front-matter/invalid.md'], cwd: projectRoot, config: defaultConfig(), cache: false})
    expect(result.briefs).toHaveLength(1)
    expect(hasErrors(result.briefs[0]!)).toBe(true)
    const report = JSON.parse(formatJson(result.briefs.map((brief) => brief.file))) as {messages: Array<{ruleId: string; line: number}>}
    expect(report.messages).toContainEqual(expect.objectContaining({ruleId: 'unknown-category', line: 4}))
  })
})

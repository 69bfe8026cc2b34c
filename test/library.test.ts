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

describe('the library entry with the cache', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('gives the same messages in file.messages on a cold and a warm run, as check and as build run it', async () => {
    const {runPipeline, defaultConfig, formatJson, countMessages} = await library()
    const {cp, readdir, readFile, writeFile, mkdtemp} = await import('node:fs/promises')
    const os = await import('node:os')
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefpress-library-'))
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    const month = path.join(dir, 'briefs', '2026', '11')
    const first = path.join(month, (await readdir(month)).sort()[0]!)
    // One warning: a citation nothing references.
    await writeFile(first, (await readFile(first, 'utf8')) + '\n[^never]: https://example.com/never-cited\n')
    // Files changed within 2 s of a run are read again rather than trusted by their stats.
    await sleep(2_100)
    const config = defaultConfig()
    const runs = [
      {paths: ['briefs'], cwd: dir, config, cache: true},
      {paths: ['briefs'], cwd: dir, config, cache: true, renderStage: {id: 'site' as const}, lean: true, deferRendered: true}
    ]
    for (const options of runs) {
      const shown = (result: Awaited<ReturnType<typeof runPipeline>>) => ({
        counts: countMessages(result.briefs.map((brief) => brief.file)),
        json: formatJson(result.briefs.map((brief) => brief.file)),
        messages: result.briefs.flatMap((brief) => brief.file.messages.map((message) => `${brief.file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
      })
      const cold = await runPipeline(options)
      const warm = await runPipeline(options)
      expect(warm.stats.analysed, JSON.stringify(options)).toBe(0)
      expect(shown(cold).counts.warnings).toBeGreaterThanOrEqual(1)
      expect(shown(warm)).toEqual(shown(cold))
      for (const brief of warm.briefs) for (const message of brief.file.messages) expect(message.constructor.name).toBe('VFileMessage')
    }
  })
})

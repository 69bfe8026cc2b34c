import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers.js'

/**
 * What a build holds of every brief until it ends (the lean pipeline the
 * build runs). Peak memory at 10,000 briefs is measured by `npm run bench`,
 * which takes minutes; this checks the cause of its regression instead: the
 * build held each brief's cited-host places (citation positions) and its
 * figures' evidence, about 14 KB a brief, to the end.
 *
 * The library entry (package.json's export, npm run build:ts) runs in a child
 * process with --expose-gc: the render stage keeps a WeakRef to what it was
 * given, the pipeline's result is held, and after a full collection nothing
 * but what the build needs may be left.
 */
const entry = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {exports: {'.': string}}).exports['.']

const child = `
const {runPipeline, defaultConfig} = await import(process.env.ENTRY)
const refs = new Map()
const track = (name, value) => { if (value) refs.set(name, [...(refs.get(name) ?? []), new WeakRef(value)]) }
const result = await runPipeline({
  paths: ['briefs'], cwd: process.env.ROOT, config: defaultConfig(), cache: false, jobs: 1, lean: true,
  render(context) {
    track('parse tree', context.tree)
    track('citations', context.citations)
    for (const definition of context.citations.definitions) track('citation place', definition.targetPosition)
    track('extracted market', context.extracted.market)
    track('figure evidence', context.data?.evidence)
    return {html: ''}
  }
})
// A WeakRef keeps its target to the end of the current job: collect after it, twice.
for (let round = 0; round < 2; round++) {
  await new Promise((resolve) => setTimeout(resolve, 0))
  globalThis.gc()
}
const kept = Object.fromEntries([...refs].map(([name, list]) => [name, list.filter((ref) => ref.deref() !== undefined).length]))
const tracked = Object.fromEntries([...refs].map(([name, list]) => [name, list.length]))
console.log(JSON.stringify({briefs: result.briefs.length, published: result.briefs.filter((brief) => brief.rendered).length, tracked, kept}))
`

describe('what a build holds of each brief', () => {
  it('keeps no parse tree, citations, citation places, extracted market or figure evidence once a brief is analysed', async () => {
    const {stdout} = await promisify(execFile)(process.execPath, ['--expose-gc', '--input-type=module', '-e', child], {
      cwd: projectRoot,
      env: {...process.env, ENTRY: pathToFileURL(path.join(projectRoot, entry)).href, ROOT: projectRoot}
    })
    const {briefs, published, tracked, kept} = JSON.parse(stdout) as {briefs: number; published: number; tracked: Record<string, number>; kept: Record<string, number>}
    // The sample archive, rendered: every kind of object was seen many times.
    expect(briefs).toBeGreaterThanOrEqual(8)
    expect(published).toBeGreaterThanOrEqual(8)
    for (const name of ['parse tree', 'citations', 'citation place', 'extracted market', 'figure evidence']) expect(tracked[name], name).toBeGreaterThanOrEqual(8)
    expect(kept).toEqual({'parse tree': 0, citations: 0, 'citation place': 0, 'extracted market': 0, 'figure evidence': 0})
  })
})

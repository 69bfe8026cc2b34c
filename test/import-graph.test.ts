import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers.js'

/**
 * The stages of one brief's path, in order: a module may import its own
 * stage and earlier ones, never a later one. `cache`, `workers`, `commands`,
 * `serve` and the pipeline orchestrate the stages: no stage imports them.
 * Type-only imports are left out: they are the contracts between stages
 * (the day's data schema, the writer's interface) and vanish at run time.
 */
const STAGES = ['load', 'parse', 'extract', 'validate', 'data', 'render', 'write', 'report'] as const
/** Folders that belong to a stage under another name. */
const ALIASES: Record<string, (typeof STAGES)[number]> = {diagnostics: 'load', links: 'validate', templates: 'render'}
const ORCHESTRATION = new Set(['cache', 'workers', 'commands', 'serve', 'pipeline.ts', 'cli.ts', 'index.ts'])

/** Every module of src/ and templates/ with the modules it imports at run time (relative imports only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const folder of ['src', 'templates']) {
    for (const name of readdirSync(path.join(projectRoot, folder), {recursive: true, encoding: 'utf8'})) {
      if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue
      const file = path.posix.join(folder, name.split(path.sep).join('/'))
      const text = readFileSync(path.join(projectRoot, file), 'utf8')
      const imports: string[] = []
      for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/gm)) {
        if (match[1]) continue
        imports.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[2] ?? match[3]!)).replace(/\.js$/, '.ts'))
      }
      graph.set(file, imports)
    }
  }
  return graph
}

/** The stage of a module, or 'orchestration', or undefined for shared helpers at the top of src/. */
function stageOf(file: string): string | undefined {
  const [top, second] = file.split('/')
  const name = top === 'src' ? second! : top!
  if (ORCHESTRATION.has(name)) return 'orchestration'
  const stage = ALIASES[name] ?? name
  return (STAGES as readonly string[]).includes(stage) ? stage : undefined
}

describe('the import graph of src/', () => {
  const graph = importGraph()

  it('has no cycles', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '))
        return
      }
      state.set(file, 'open')
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of graph.keys()) visit(file, [])
    expect(graph.size).toBeGreaterThan(100)
    expect(cycles).toEqual([])
  })

  it('flows one way: no stage imports a later stage or the orchestration', () => {
    const backward: string[] = []
    for (const [file, imports] of graph) {
      const from = stageOf(file)
      if (from === undefined || from === 'orchestration') continue
      for (const target of imports) {
        const to = stageOf(target)
        if (to === 'orchestration' || (to !== undefined && STAGES.indexOf(to as never) > STAGES.indexOf(from as never))) backward.push(`${file} → ${target}`)
      }
    }
    expect(backward).toEqual([])
  })
})

describe('the packages the code imports', () => {
  it('are declared in package.json: run-time imports as dependencies, type-only ones at least as devDependencies', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {dependencies: Record<string, string>; devDependencies: Record<string, string>}
    const undeclared: string[] = []
    for (const folder of ['src', 'templates', 'scripts']) {
      for (const name of readdirSync(path.join(projectRoot, folder), {recursive: true, encoding: 'utf8'})) {
        if (!/\.(?:ts|js|mjs)$/.test(name) || name.endsWith('.d.ts')) continue
        const text = readFileSync(path.join(projectRoot, folder, name), 'utf8')
        for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^.'][^']*)'|(?:import|require)\('([^.'][^']*)'\)/gm)) {
          const specifier = match[2] ?? match[3]!
          if (specifier.startsWith('node:')) continue
          const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
          // scripts/ run at build time (the bundle, the bench): dev tools are enough there.
          const runTime = !match[1] && folder !== 'scripts'
          const declared = runTime ? manifest.dependencies[pkg] : (manifest.dependencies[pkg] ?? manifest.devDependencies[pkg] ?? manifest.devDependencies[`@types/${pkg}`])
          if (!declared) undeclared.push(`${folder}/${name}: ${pkg}`)
        }
      }
    }
    expect(undeclared).toEqual([])
  })
})

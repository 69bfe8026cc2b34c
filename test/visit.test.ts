/**
 * src/visit.ts stands in for unist-util-visit(-parents) on the render path:
 * it must call the same visitors with the same arguments in the same order,
 * and honour SKIP, EXIT and returned indexes after splices exactly as the
 * library does.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Nodes, Parents} from 'mdast'
import {visit as libraryVisit, SKIP as LIB_SKIP, EXIT as LIB_EXIT} from 'unist-util-visit'
import {visitParents as libraryVisitParents} from 'unist-util-visit-parents'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../src/parse/markdown.js'
import {EXIT, SKIP, visit, visitParents} from '../src/visit.js'
import {fixtures, projectRoot} from './helpers.js'

const text = readFileSync(path.join(fixtures, 'seed-brief.md'), 'utf8')
const fresh = () => parseMarkdown(text, 0)

type Walker = typeof libraryVisit
function trace(walk: Walker, skip: typeof SKIP, exit: typeof EXIT, stopAfter = Infinity): string[] {
  const tree = fresh()
  const seen: string[] = []
  walk(tree, (node: Nodes, index: number | undefined, parent: Parents | undefined) => {
    seen.push(`${node.type}@${index}<${parent?.type}:${node.position?.start.offset}`)
    if (seen.length >= stopAfter) return exit
    // Remove every `strong`, going on at the same index, and skip lists.
    if (node.type === 'strong' && parent && index !== undefined) {
      parent.children.splice(index, 1)
      return [skip, index]
    }
    if (node.type === 'list') return skip
    return undefined
  })
  seen.push(JSON.stringify(tree).length.toString())
  return seen
}

describe('visit', () => {
  it('visits, skips and splices exactly as unist-util-visit does', () => {
    const ours = trace(visit as Walker, SKIP, EXIT)
    expect(ours.length).toBeGreaterThan(300)
    expect(ours).toEqual(trace(libraryVisit, LIB_SKIP, LIB_EXIT))
  })

  it('stops on EXIT', () => {
    expect(trace(visit as Walker, SKIP, EXIT, 40)).toEqual(trace(libraryVisit, LIB_SKIP, LIB_EXIT, 40))
  })

  it('filters by type and passes the same ancestors as unist-util-visit-parents', () => {
    const collect = (walk: typeof libraryVisitParents) => {
      const out: string[] = []
      walk(fresh(), 'strong', (node, ancestors) => {
        out.push(`${node.position?.start.offset}:${ancestors.map((ancestor) => ancestor.type).join('/')}`)
      })
      return out
    }
    const ours = collect(visitParents as typeof libraryVisitParents)
    expect(ours.length).toBeGreaterThan(10)
    expect(ours).toEqual(collect(libraryVisitParents))
  })

  // What it pays (README, "Speed"): a cold one-thread build of 300 briefs took
  // 18.3 s of CPU with it, 24.6 s with the library's walkers.
  it('is the walker of every module: none imports the library\'s', () => {
    const sources = ['src', 'templates'].flatMap((folder) =>
      readdirSync(path.join(projectRoot, folder), {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.ts')).map((file) => path.join(folder, file))
    )
    expect(sources.length).toBeGreaterThan(50)
    const importing = sources.filter((file) => file !== path.join('src', 'visit.ts') && /from 'unist-util-visit(?:-parents)?'/.test(readFileSync(path.join(projectRoot, file), 'utf8')))
    expect(importing).toEqual([])
  })
})

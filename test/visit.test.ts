/**
 * src/visit.ts stands in for unist-util-visit(-parents) on the render path:
 * it must call the same visitors with the same arguments in the same order,
 * and honour SKIP, EXIT and returned indexes after splices exactly as the
 * library does.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Nodes, Parents} from 'mdast'
import {visit as libraryVisit, SKIP as LIB_SKIP, EXIT as LIB_EXIT} from 'unist-util-visit'
import {visitParents as libraryVisitParents} from 'unist-util-visit-parents'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../src/parse/markdown.js'
import {EXIT, SKIP, visit, visitParents} from '../src/visit.js'
import {fixtures} from './helpers.js'

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
})

/**
 * `visit` and `visitParents` of unist-util-visit(-parents), for the two
 * forms Briefpress uses: a node type (or no test) and a visitor, preorder.
 * Same semantics: the visitor may return SKIP (do not enter the node), EXIT
 * (stop), or `[action, index]` to go on at another sibling; children are
 * read live, so a visitor may splice its parent. Written out because the
 * library's walker allocates a closure and a parents array per node: with
 * a dozen walks per page it cost about a sixth of a cold build (profiled on
 * the bench corpus), while this loop allocates nothing.
 */
import {CONTINUE, EXIT, SKIP} from 'unist-util-visit'

export {CONTINUE, EXIT, SKIP}

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP | boolean | undefined | void
type Result = Action | number | readonly [Action?, number?]

interface AnyNode {
  type: string
  children?: AnyNode[]
}

type Visitor = (node: AnyNode, index: number | undefined, parent: AnyNode | undefined) => Result

/** Typed as the library's own, for which it stands in. */
export const visit = function visit(tree: AnyNode, test: string | Visitor | null | undefined, visitor?: Visitor): void {
  const type = typeof test === 'string' ? test : undefined
  const call = typeof test === 'function' ? test : visitor!
  walk(tree, undefined, undefined, type, call)
} as unknown as typeof import('unist-util-visit').visit

export const visitParents = function visitParents(tree: AnyNode, test: string, visitor: (node: AnyNode, ancestors: AnyNode[]) => Result): void {
  const ancestors: AnyNode[] = []
  walk(tree, undefined, undefined, test, (node) => visitor(node, ancestors.slice()), ancestors)
} as unknown as typeof import('unist-util-visit-parents').visitParents

/** Visits `node` and its descendants; returns [action, next index] as the library's walker does. */
function walk(
  node: AnyNode,
  index: number | undefined,
  parent: AnyNode | undefined,
  type: string | undefined,
  visitor: (node: AnyNode, index: number | undefined, parent: AnyNode | undefined) => Result,
  ancestors?: AnyNode[]
): [Action, number | undefined] {
  let action: Action
  let next: number | undefined
  if (type === undefined || node.type === type) {
    const result = visitor(node, index, parent)
    if (Array.isArray(result)) {
      action = result[0] as Action
      next = result[1] as number | undefined
    } else if (typeof result === 'number') {
      action = CONTINUE
      next = result
    } else {
      action = result as Action
    }
    if (action === EXIT) return [EXIT, next]
  }
  if (action !== SKIP && node.children) {
    ancestors?.push(node)
    let offset = 0
    // `node.children` read on every step: a visitor may replace the array.
    while (offset > -1 && offset < node.children.length) {
      const [childAction, childNext] = walk(node.children[offset]!, offset, node, type, visitor, ancestors)
      if (childAction === EXIT) return [EXIT, childNext]
      offset = typeof childNext === 'number' ? childNext : offset + 1
    }
    ancestors?.pop()
  }
  return [action, next]
}

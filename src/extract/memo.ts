/**
 * Remembers the results of pure functions of one argument while one brief is
 * extracted, then forgets them: the recognisers ask about the same lines and
 * blocks many times over (each headline line is checked for a severity about
 * twice, each overview line searched for assets by two recognisers). Outside
 * `remembering` a memoised function simply runs. Results are shared between
 * callers, so they must not be changed.
 */
const caches: Array<Map<unknown, unknown>> = []
let depth = 0

export function memoised<A, R>(fn: (arg: A) => R): (arg: A) => R {
  const cache = new Map<A, R>()
  caches.push(cache as Map<unknown, unknown>)
  return (arg) => {
    if (depth === 0) return fn(arg)
    if (cache.has(arg)) return cache.get(arg)!
    const result = fn(arg)
    cache.set(arg, result)
    return result
  }
}

/** Runs `work` (one brief's extraction) with memoised functions remembering. */
export function remembering<T>(work: () => T): T {
  depth++
  try {
    return work()
  } finally {
    if (--depth === 0) for (const cache of caches) cache.clear()
  }
}

/**
 * Bounded concurrency for the build's own I/O: pages written a few at a
 * time (src/render/site.ts), Pagefind indexes built two at a time
 * (src/render/search.ts).
 */

/** Runs tasks with at most `size` of them under way, in the order they ask. */
export class Slots {
  #free: number
  readonly #waiting: Array<() => void> = []

  constructor(size: number) {
    this.#free = Math.max(1, size)
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--
    else await new Promise<void>((resolve) => this.#waiting.push(resolve))
    try {
      return await task()
    } finally {
      const next = this.#waiting.shift()
      if (next) next()
      else this.#free++
    }
  }
}

/**
 * Waits for every promise, then returns their values or throws the first
 * failure: nothing is left running when the caller goes on (or aborts).
 */
export async function settleAll<T>(promises: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(promises)
  const failed = results.find((result) => result.status === 'rejected')
  if (failed) throw failed.reason
  return results.map((result) => (result as PromiseFulfilledResult<T>).value)
}

import {setTimeout as sleep} from 'node:timers/promises'
import {Slots} from '../slots.js'

/**
 * Runs requests with a global concurrency bound and per-host politeness: one
 * request at a time per host, a small delay between two requests to the same
 * host, and a pause on a host that asked for one (`Retry-After`).
 */
export class PoliteScheduler {
  readonly #slots: Slots
  readonly #hostDelay: number
  /** Per host: the tail of its queue, and when it may be asked again. */
  readonly #hosts = new Map<string, {tail: Promise<void>; notBefore: number}>()

  constructor(options: {concurrency: number; hostDelay: number}) {
    this.#slots = new Slots(options.concurrency)
    this.#hostDelay = Math.max(0, options.hostDelay)
  }

  /**
   * Runs `task` in `host`'s turn. `pauseAfter` may read the result and ask for
   * a longer pause (`Retry-After`), applied before the next request to the
   * host can start.
   */
  async run<T>(host: string, task: () => Promise<T>, pauseAfter?: (result: T) => number | undefined): Promise<T> {
    const state = this.#hosts.get(host) ?? {tail: Promise.resolve(), notBefore: 0}
    this.#hosts.set(host, state)
    let release!: () => void
    const previous = state.tail
    state.tail = new Promise<void>((resolve) => (release = resolve))
    // The host slot comes first: a task waiting for its host holds no global slot.
    await previous
    try {
      const wait = state.notBefore - Date.now()
      if (wait > 0) await sleep(wait)
      let pause = 0
      try {
        const result = await this.#slots.run(task)
        pause = pauseAfter?.(result) ?? 0
        return result
      } finally {
        state.notBefore = Math.max(state.notBefore, Date.now() + Math.max(pause, this.#hostDelay))
      }
    } finally {
      release()
    }
  }
}

/**
 * A rendered body left in the cache (`deferRendered`): what a brief holds in
 * its place, so that a build never keeps every body in memory at once. Each
 * `load()` reads it again; the caller drops it when done.
 */
export class DeferredBody {
  readonly load: () => Promise<unknown>
  constructor(load: () => Promise<unknown>) {
    this.load = load
  }
}

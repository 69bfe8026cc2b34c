// Setup file (vitest.config.ts): runs in each test file's own module graph, so
// `handedOut` lists only that file's folders. Registered before the file's own
// hooks, this afterAll runs after them, when no test reads the folders any more.
import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {afterAll} from 'vitest'
import {handedOut} from './helpers.js'

/** `dir` itself and what tests write beside it: `<dir>-site`, `<dir>-quick`, the writer's `.<dir>-site-build-*`. */
function besides(dir: string, entry: string): boolean {
  const name = path.basename(dir)
  return entry === name || entry.startsWith(`${name}-`) || entry.startsWith(`.${name}-`)
}

afterAll(async () => {
  const dirs = handedOut.splice(0)
  for (const parent of new Set(dirs.map((dir) => path.dirname(dir)))) {
    const mine = dirs.filter((dir) => path.dirname(dir) === parent)
    const entries = await readdir(parent).catch(() => [] as string[])
    const owned = entries.filter((entry) => mine.some((dir) => besides(dir, entry)))
    await Promise.all(owned.map((entry) => rm(path.join(parent, entry), {recursive: true, force: true})))
  }
})

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers.js'

/**
 * `npm ci` refuses a lock file that lacks any optional platform package
 * (pagefind ships one per OS). The registry this project is built against
 * serves only the Linux ones, so a plain `npm install` here drops the others
 * from the lock and breaks `npm ci` on every fresh clone. This guards it.
 */
describe('package-lock.json', () => {
  it('lists every optional dependency of every locked package, so npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, {optionalDependencies?: Record<string, string>}>
    }
    const missing: string[] = []
    for (const [location, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${location}/node_modules/${name}`
        if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) missing.push(`${name} (of ${location || 'the project'})`)
      }
    }
    expect(missing).toEqual([])
  })
})

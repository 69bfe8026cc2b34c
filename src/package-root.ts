import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Replaced by `true` when the CLI is bundled (scripts/bundle.mjs); not defined in src/ or dist/src/. */
declare const BRIEFPRESS_BUNDLED: boolean | undefined

/**
 * Whether this code runs from the CLI's bundle (dist/bundle/: the commands,
 * the worker and their dependencies in one flat folder) rather than from
 * src/ (the tests) or dist/src/ (the library).
 */
export const bundled: boolean = typeof BRIEFPRESS_BUNDLED !== 'undefined' && BRIEFPRESS_BUNDLED === true

let root: string | undefined
let version: string | undefined

/**
 * The folder of Briefpress's package.json (which holds `templates/`), found
 * by walking up from this module: the same code runs from src/, dist/src/
 * and dist/bundle/, at different depths.
 */
export function packageRoot(): string {
  if (root) return root
  const here = fileURLToPath(import.meta.url)
  for (let folder = path.dirname(here); ; ) {
    if (readPackage(folder)?.name === 'briefpress') return (root = folder)
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error(`Cannot find the package.json of Briefpress above ${here}`)
    folder = parent
  }
}

/** Briefpress's version, from its package.json (`--version`, the SARIF report). */
export function packageVersion(): string {
  return (version ??= readPackage(packageRoot())!.version!)
}

function readPackage(folder: string): {name?: string; version?: string} | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {name?: string; version?: string}
  } catch {
    return undefined
  }
}

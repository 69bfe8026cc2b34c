import {randomBytes} from 'node:crypto'
import {constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {removeFoldersOfDeadProcesses} from './stale-folders.js'

/**
 * Marks a folder as a site Briefpress built. The build replaces the output
 * folder whole, so it refuses to replace a folder without this file: a typo
 * in `--out` must not wipe someone's documents.
 */
export const SITE_MARKER = '.briefpress-site'
const MARKER_TEXT = 'This folder was built by `briefpress build`, which replaces it whole on every build.\n'

/** Where pages go: the atomic writer, or anything with its `write`. */
export interface SiteWriter {
  /** Writes `relativePath` (with `/` separators) inside the new site. */
  write(relativePath: string, content: string | Uint8Array): Promise<void>
  /**
   * Puts the files of the previous site (`source`: absolute path) at their
   * `path`s instead of writing them again: all of them, or, returning false,
   * none (the caller then writes them).
   */
  reuse?(files: ReadonlyArray<{path: string; source: string}>): Promise<boolean>
  /** Absolute path of `relativePath` as the new site holds it (written or reused): the search index reads the finished pages. */
  sourcePath?(relativePath: string): string
}

/**
 * Writes a site into a temporary folder beside the output and swaps it in
 * only when every page is written, so a failed build never leaves a
 * half-written site and the previous one stays exactly as it was.
 */
export class AtomicSiteWriter implements SiteWriter {
  readonly outDir: string
  readonly tempDir: string
  #closed = false
  /** Folders `reuse` made, so that a thousand files in one folder cost one mkdir. */
  readonly #folders = new Set<string>()

  private constructor(outDir: string) {
    this.outDir = outDir
    // Beside the output, so the final rename stays on one filesystem; the
    // process id lets a later build clear what a crashed one left behind.
    this.tempDir = path.join(path.dirname(outDir), `${tempPrefix(outDir)}${process.pid}-${randomBytes(4).toString('hex')}`)
  }

  static async open(outDir: string): Promise<AtomicSiteWriter> {
    const writer = new AtomicSiteWriter(path.resolve(outDir))
    await removeStaleTempDirs(writer.outDir)
    await mkdir(writer.tempDir, {recursive: true})
    return writer
  }

  /** Writes `relativePath` (with `/` separators) inside the new site. */
  async write(relativePath: string, content: string | Uint8Array): Promise<void> {
    if (this.#closed) throw new Error('The site was already committed or aborted')
    const target = this.#target(relativePath)
    await mkdir(path.dirname(target), {recursive: true})
    // `wx`: two pages claiming one path is a bug, not something to overwrite silently.
    await writeFile(target, content, {flag: 'wx'})
  }

  /**
   * Hard links to the previous site's files (the old folder is deleted after
   * the swap, so the new site keeps the only link), else copies. Synchronous
   * on purpose: a build reuses thousands of files, and awaiting a mkdir and a
   * link for each spent most of the time waiting on the thread pool (8,000
   * files: ~1-1.5 s awaited, ~0.3 s in a tight loop).
   */
  async reuse(files: ReadonlyArray<{path: string; source: string}>): Promise<boolean> {
    if (this.#closed) throw new Error('The site was already committed or aborted')
    const done: string[] = []
    for (const file of files) {
      const target = this.#target(file.path)
      const folder = path.dirname(target)
      if (!this.#folders.has(folder)) {
        mkdirSync(folder, {recursive: true})
        this.#folders.add(folder)
      }
      if (!linkOrCopy(file.source, target)) {
        for (const made of done) rmSync(made, {force: true})
        return false
      }
      done.push(target)
    }
    return true
  }

  sourcePath(relativePath: string): string {
    return this.#target(relativePath)
  }

  #target(relativePath: string): string {
    const target = path.resolve(this.tempDir, relativePath)
    // Output paths come from dates and hashes, but never trust them to stay inside.
    if (!target.startsWith(this.tempDir + path.sep)) {
      throw new Error(`Refusing to write outside the site: ${relativePath}`)
    }
    return target
  }

  /** Swaps the new site in place of the old one. */
  async commit(): Promise<void> {
    if (this.#closed) throw new Error('The site was already committed or aborted')
    await writeFile(path.join(this.tempDir, SITE_MARKER), MARKER_TEXT)
    this.#closed = true
    const old = `${this.tempDir}-old`
    const hadOld = existsSync(this.outDir)
    if (hadOld) await rename(this.outDir, old)
    try {
      await rename(this.tempDir, this.outDir)
    } catch (error) {
      if (hadOld) await rename(old, this.outDir)
      await rm(this.tempDir, {recursive: true, force: true})
      throw error
    }
    // Left behind if this fails; the next build clears it.
    if (hadOld) await rm(old, {recursive: true, force: true}).catch(() => undefined)
  }

  /** Throws the new site away; the old one was never touched. */
  async abort(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await rm(this.tempDir, {recursive: true, force: true})
  }
}

/**
 * Runs `write` against a new site and swaps it in when it resolves; when it
 * throws (or the swap fails) the temporary folder is removed, the previous
 * site is left as it was, and the error is rethrown.
 */
export async function writeAtomically<T>(outDir: string, write: (writer: AtomicSiteWriter) => Promise<T>): Promise<T> {
  const writer = await AtomicSiteWriter.open(outDir)
  try {
    const result = await write(writer)
    await writer.commit()
    return result
  } catch (error) {
    await writer.abort()
    throw error
  }
}

function linkOrCopy(source: string, target: string): boolean {
  try {
    linkSync(source, target)
    return true
  } catch {
    try {
      copyFileSync(source, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE)
      return true
    } catch {
      return false
    }
  }
}

function tempPrefix(outDir: string): string {
  // `.site-…`: matched by the `.site-*/` line of .gitignore.
  return `.${path.basename(outDir)}-build-`
}

/** Removes temporary folders of builds whose process is gone (a crash, a kill -9). */
function removeStaleTempDirs(outDir: string): Promise<void> {
  return removeFoldersOfDeadProcesses(path.dirname(outDir), tempPrefix(outDir))
}

/**
 * Refuses output folders whose replacement would destroy something else:
 * the working folder, a parent of it, the filesystem root, the source, a
 * file, or a folder with content that Briefpress did not build.
 */
export function assertSafeOutDir(outDir: string, cwd: string, srcDirs: readonly string[]): void {
  const out = path.resolve(cwd, outDir)
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep)
  if (out === path.parse(out).root) throw new UnsafeOutDirError(outDir, 'it is the filesystem root')
  if (inside(path.resolve(cwd), out)) throw new UnsafeOutDirError(outDir, 'it contains the working folder')
  for (const src of srcDirs) {
    const source = path.resolve(cwd, src)
    if (inside(source, out) || inside(out, source)) throw new UnsafeOutDirError(outDir, `it overlaps the source ${src}`)
  }
  if (!existsSync(out)) return
  if (!statSync(out).isDirectory()) throw new UnsafeOutDirError(outDir, 'it is a file')
  const entries = readdirSync(out)
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new UnsafeOutDirError(outDir, `it holds files that Briefpress did not build (no ${SITE_MARKER} file in it); delete it first or choose another --out`)
  }
}

export class UnsafeOutDirError extends Error {
  override name = 'UnsafeOutDirError'
  constructor(outDir: string, why: string) {
    super(`Refusing to write the site to ${outDir}: ${why}. The build replaces its output folder whole.`)
  }
}

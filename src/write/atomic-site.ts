import {randomBytes} from 'node:crypto'
import {existsSync, readdirSync, renameSync, rmSync, statSync} from 'node:fs'
import {mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {cleanMarkup, cleanText} from '../control-characters.js'
import {commit, completeInterruptedCommit, journalFile} from './commit-journal.js'
import {removeFoldersOfDeadProcesses} from './stale-folders.js'

/**
 * Marks a folder as a site Briefpress built. The build replaces the output
 * folder whole, so it refuses to replace a folder without this file: a typo
 * in `--out` must not wipe someone's documents.
 */
export const SITE_MARKER = '.briefpress-site'
const MARKER_TEXT = 'This folder was built by `briefpress build`, which replaces it whole on every build.\n'

/** Markup files: whatever a brief holds, they never carry a character XML forbids. */
const MARKUP = /\.(?:html|xml|svg)$/

/**
 * Pages, feeds and the sitemap as written: without the control characters
 * and lone surrogates XML 1.0 forbids (src/control-characters.ts), the last
 * guard after every renderer's own, so that no brief can make a feed
 * unreadable. Data files (`.json`) lose the controls JSON leaves raw (DEL
 * and C1; it escapes the others). Every other file is written as given.
 */
export function wellFormed(relativePath: string, content: string | Uint8Array): string | Uint8Array {
  if (typeof content !== 'string') return content
  return MARKUP.test(relativePath) ? cleanMarkup(content) : relativePath.endsWith('.json') ? cleanText(content) : content
}

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

  /**
   * Patch mode: the files of the previous site, which the caller verified
   * are exactly what the last build wrote. Reused files then stay where
   * they are, and the commit moves only new and changed files in.
   */
  readonly #previous: ReadonlySet<string> | undefined
  /** Patch mode: files of the previous site that stay as they are. */
  readonly #kept = new Set<string>()
  /**
   * Patch mode: new and changed files, site path → where they wait. They
   * wait side by side in the temporary folder, not in a copy of the site's
   * folders: removing a folder costs about 2 ms on a filesystem mounted with
   * `discard` (more than writing the page), and a rebuild writes into
   * hundreds of folders.
   */
  readonly #staged = new Map<string, string>()
  #count = 0
  #changes: {written: string[]; removed: string[]} | undefined

  private constructor(outDir: string, previous: ReadonlySet<string> | undefined) {
    this.outDir = outDir
    this.#previous = previous
    // Beside the output, so the final rename stays on one filesystem; the
    // process id lets a later build clear what a crashed one left behind.
    this.tempDir = path.join(path.dirname(outDir), `${tempPrefix(outDir)}${process.pid}-${randomBytes(4).toString('hex')}`)
  }

  /**
   * A writer for a new site in `outDir`. Given `previousFiles` (the
   * site-relative paths of every file in `outDir`, known to be exactly what
   * the previous build wrote), it patches that site instead of replacing it.
   */
  static async open(outDir: string, previousFiles?: readonly string[]): Promise<AtomicSiteWriter> {
    const resolved = path.resolve(outDir)
    // First a commit a killed build left half-way (its staged files are in a folder about to be cleared).
    completeInterruptedCommit(resolved)
    const writer = new AtomicSiteWriter(resolved, previousFiles && existsSync(resolved) ? new Set(previousFiles) : undefined)
    // Temporary folders of builds whose process is gone (a crash, a kill -9).
    await removeFoldersOfDeadProcesses(path.dirname(resolved), tempPrefix(resolved))
    await mkdir(writer.tempDir, {recursive: true})
    return writer
  }

  /** True when this writer patches the previous site rather than replacing it. */
  get patching(): boolean {
    return this.#previous !== undefined
  }

  /** After a patch: the files it moved in and the ones it removed, site-relative. */
  get changes(): {written: readonly string[]; removed: readonly string[]} | undefined {
    return this.#changes
  }

  /**
   * The folder where a tool may write files of the new site directly, under
   * their site-relative paths (Pagefind writes its index there): the new
   * site itself, or, when patching, a folder of files to move in.
   */
  get treeDir(): string {
    return this.#previous ? path.join(this.tempDir, 'tree') : this.tempDir
  }

  async write(relativePath: string, content: string | Uint8Array): Promise<void> {
    if (this.#closed) throw new Error('The site was already committed or aborted')
    const target = this.#place(relativePath)
    if (!this.#previous) await mkdir(path.dirname(target), {recursive: true})
    // `wx`: two pages claiming one path is a bug, not something to overwrite silently.
    await writeFile(target, wellFormed(relativePath, content), {flag: 'wx'})
  }

  /**
   * Where `relativePath` is while the site is being written: in the
   * temporary folder, or, when patching, in the output folder for a file
   * kept from the previous site.
   */
  sourcePath(relativePath: string): string {
    const target = this.#target(relativePath)
    if (!this.#previous) return target
    return this.#staged.get(relativePath) ?? (this.#kept.has(relativePath) ? path.join(this.outDir, relativePath) : target)
  }

  /** Where a new file of the site goes while the site is being written. */
  #place(relativePath: string): string {
    const target = this.#target(relativePath)
    if (!this.#previous) return target
    if (this.#kept.has(relativePath)) throw new Error(`${relativePath} was already taken from the previous site`)
    if (this.#staged.has(relativePath)) throw new Error(`${relativePath} was already written`)
    const staged = path.join(this.tempDir, String(this.#count++))
    this.#staged.set(relativePath, staged)
    return staged
  }

  /** Patching only: a file from elsewhere, or any file when replacing the site, is written by the caller. */
  async reuse(files: ReadonlyArray<{path: string; source: string}>): Promise<boolean> {
    if (this.#closed) throw new Error('The site was already committed or aborted')
    // (Listed from the output folder itself, such a file cannot lie outside it.)
    if (!this.#previous || !files.every((file) => this.#previous!.has(file.path) && this.#isInPlace(file))) return false
    for (const file of files) this.#kept.add(file.path)
    return true
  }

  /** True when `source` is the file at `path` in the output folder; compared as text first, as 8,000 kept files ask. */
  #isInPlace(file: {path: string; source: string}): boolean {
    if (file.source.length === this.outDir.length + 1 + file.path.length && file.source.startsWith(this.outDir) && file.source.endsWith(file.path) && file.source[this.outDir.length] === path.sep) return true
    return path.resolve(file.source) === path.join(this.outDir, file.path)
  }

  #target(relativePath: string): string {
    const root = this.treeDir
    const target = path.resolve(root, relativePath)
    // Output paths come from dates and hashes, but never trust them to stay inside.
    if (!target.startsWith(root + path.sep)) {
      throw new Error(`Refusing to write outside the site: ${relativePath}`)
    }
    return target
  }

  /**
   * Swaps the new site in place of the old one, or patches the old one,
   * through a commit plan (src/write/commit-journal.ts) that the next build
   * completes should this one be killed half-way.
   */
  async commit(): Promise<void> {
    if (this.#closed) throw new Error('The site was already committed or aborted')
    if (this.#previous) return this.#patch(this.#previous)
    await writeFile(path.join(this.tempDir, SITE_MARKER), MARKER_TEXT)
    this.#closed = true
    const old = `${this.tempDir}-old`
    try {
      commit({kind: 'swap', pid: process.pid, outDir: this.outDir, tempDir: this.tempDir, old})
    } catch (error) {
      // Back to the old site, as before the commit.
      if (!existsSync(this.outDir) && existsSync(old)) renameSync(old, this.outDir)
      rmSync(journalFile(this.outDir), {force: true})
      await rm(this.tempDir, {recursive: true, force: true})
      throw error
    }
  }

  /**
   * Brings the previous site to the new one in place: removes the files the
   * new site lacks, then renames each new or changed file over its old
   * version (each rename is atomic, so a reader sees the old page or the
   * new one, never a partial file). Everything was written before this
   * starts, so it takes milliseconds rather than the seconds that linking
   * thousands of unchanged files into a new folder, and deleting the old
   * one, cost.
   */
  #patch(previous: ReadonlySet<string>): void {
    // What moves where, before anything moves: a mistake here leaves the site untouched.
    const tree = existsSync(this.treeDir) ? listTree(this.treeDir) : {files: [], folders: []}
    const moves = new Map(this.#staged)
    for (const file of tree.files) {
      if (moves.has(file) || this.#kept.has(file)) throw new Error(`${file} was written twice`)
      moves.set(file, path.join(this.treeDir, file))
    }
    this.#closed = true
    const written = [...moves.keys()]
    const next = new Set([...this.#kept, ...written])
    const removed = [...previous].filter((file) => file !== SITE_MARKER && !next.has(file))
    this.#changes = {written, removed}
    try {
      commit({kind: 'patch', pid: process.pid, outDir: this.outDir, tempDir: this.tempDir, removed, moves: [...moves].map(([to, from]) => [from, to]), emptyFolders: tree.folders})
    } catch (error) {
      // The next build sees the site differ from its manifest and rebuilds it whole.
      rmSync(journalFile(this.outDir), {force: true})
      throw new PartlyWrittenSiteError(error)
    }
  }

  /** Throws the new site away (also from a signal handler); the old one was never touched, and a commit already under way is left to finish. */
  abort(): void {
    if (this.#closed) return
    this.#closed = true
    rmSync(this.tempDir, {recursive: true, force: true})
  }
}

/**
 * Runs `write` against a new site and swaps it in when it resolves; when it
 * throws (or the swap fails) the temporary folder is removed, the previous
 * site is left as it was, and the error is rethrown.
 */
export async function writeAtomically<T>(outDir: string, write: (writer: AtomicSiteWriter) => Promise<T>, previousFiles?: readonly string[]): Promise<T> {
  const writer = await AtomicSiteWriter.open(outDir, previousFiles)
  try {
    const result = await write(writer)
    await writer.commit()
    return result
  } catch (error) {
    writer.abort()
    throw error
  }
}

/** Site-relative paths (with `/`) of the files and of the folders under `dir`. */
export function listTree(dir: string): {files: string[]; folders: string[]} {
  const files: string[] = []
  const folders: string[] = []
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    // Sliced rather than path.relative: a site has thousands of files.
    const relative = path.join(entry.parentPath, entry.name).slice(dir.length + 1).split(path.sep).join('/')
    ;(entry.isDirectory() ? folders : files).push(relative)
  }
  return {files, folders}
}

/** The prefix of the temporary folders beside the output (`.site-build-`, which .gitignore's `.site-*` line matches). */
export function tempPrefix(outDir: string): string {
  return `.${path.basename(outDir)}-build-`
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

/** A patch that failed half-way: the site holds some new files and some old ones until the next build. */
export class PartlyWrittenSiteError extends Error {
  override name = 'PartlyWrittenSiteError'
  constructor(cause: unknown) {
    super(`${cause instanceof Error ? cause.message : String(cause)}; the site was partly updated, and the next build rewrites it whole`, {cause})
  }
}

export class UnsafeOutDirError extends Error {
  override name = 'UnsafeOutDirError'
  constructor(outDir: string, why: string) {
    super(`Refusing to write the site to ${outDir}: ${why}. The build replaces its output folder whole.`)
  }
}

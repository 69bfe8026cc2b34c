import {randomBytes} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a site into a temporary folder beside the output and swaps it in
 * only when every page is written, so a failed build never leaves a
 * half-written site and the previous one stays exactly as it was.
 */
export class AtomicSiteWriter {
  readonly outDir: string
  readonly tempDir: string
  #count = 0
  #closed = false

  private constructor(outDir: string) {
    this.outDir = outDir
    this.tempDir = path.join(path.dirname(outDir), `.${path.basename(outDir)}.tmp-${randomBytes(4).toString('hex')}`)
  }

  static async open(outDir: string): Promise<AtomicSiteWriter> {
    const writer = new AtomicSiteWriter(path.resolve(outDir))
    await mkdir(writer.tempDir, {recursive: true})
    return writer
  }

  get count(): number {
    return this.#count
  }

  /** Writes `relativePath` (with `/` separators) inside the new site. */
  async write(relativePath: string, content: string | Uint8Array): Promise<void> {
    const target = path.resolve(this.tempDir, relativePath)
    // Output paths come from dates and slugs, but never trust them to stay inside.
    if (!target.startsWith(this.tempDir + path.sep)) {
      throw new Error(`Refusing to write outside the site: ${relativePath}`)
    }
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(target, content)
    this.#count++
  }

  /** Swaps the new site in place of the old one. */
  async commit(): Promise<void> {
    this.#closed = true
    const old = `${this.tempDir}.old`
    const hadOld = existsSync(this.outDir)
    if (hadOld) await rename(this.outDir, old)
    try {
      await rename(this.tempDir, this.outDir)
    } catch (error) {
      if (hadOld) await rename(old, this.outDir)
      throw error
    }
    if (hadOld) await rm(old, {recursive: true, force: true})
  }

  /** Throws the new site away; the old one was never touched. */
  async abort(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await rm(this.tempDir, {recursive: true, force: true})
  }
}

/**
 * Refuses output folders whose replacement would destroy something else:
 * the working folder, a parent of it, the filesystem root, or the source.
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
}

export class UnsafeOutDirError extends Error {
  override name = 'UnsafeOutDirError'
  constructor(outDir: string, why: string) {
    super(`Refusing to write the site to ${outDir}: ${why}, and the build replaces that folder whole`)
  }
}

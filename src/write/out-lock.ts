import {randomBytes} from 'node:crypto'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {isAlive} from './stale-folders.js'

/**
 * One build at a time per output folder, so that two builds never interleave
 * their writes: a build holds `.<out>.lock` beside the folder (never inside:
 * the folder is replaced whole) from before it reads the previous site until
 * its manifest is written, and a second build waits for it. The file holds
 * the holder's process id: a lock whose process is gone is taken over.
 */

export class OutDirLockedError extends Error {
  constructor(outName: string, lockFile: string, holder: string, waitedMs: number) {
    super(
      `another build (process ${holder}) has been writing ${outName} for over ${Math.round(waitedMs / 1000)} s; not writing. ` +
        `If no build is running, delete ${lockFile} and build again.`
    )
  }
}

export interface LockOptions {
  /** How long to wait for another build before giving up (default 10 minutes). */
  timeoutMs?: number
  /** Called once, when another build holds the lock: its process id. */
  onWait?: (holder: string) => void
  /** The folder as messages name it (`site/`). */
  outName?: string
  pollMs?: number
}

export const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60_000

/** Where the lock of `outDir` lives. */
export function lockFileOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`)
}

/**
 * Takes the lock of `outDir`, waiting while another live build holds it;
 * resolves to its release. Where the lock cannot be written at all (a
 * read-only parent), the build goes on without it and fails on writing
 * with its own message.
 */
export async function lockOutDir(outDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = lockFileOf(outDir)
  const token = `${process.pid} ${randomBytes(8).toString('hex')}`
  const timeout = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS
  const started = Date.now()
  let told = false
  await mkdir(path.dirname(file), {recursive: true}).catch(() => undefined)
  for (;;) {
    try {
      await writeFile(file, `${token}\n`, {flag: 'wx'})
      return async () => {
        // Only our own lock: never one taken over after ours was judged stale.
        if ((await readFile(file, 'utf8').catch(() => '')).trim() === token) await rm(file, {force: true})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return async () => undefined
    }
    const holding = (await readFile(file, 'utf8').catch(() => '')).trim()
    const holder = holding.split(' ')[0] ?? ''
    // An empty file is a lock being written this instant: its holder is alive.
    if (holding !== '' && !isAlive(Number(holder))) {
      await rm(file, {force: true})
      continue
    }
    if (!told) {
      told = true
      options.onWait?.(holder || 'unknown')
    }
    if (Date.now() - started >= timeout) throw new OutDirLockedError(options.outName ?? outDir, file, holder || 'unknown', Date.now() - started)
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100))
  }
}

import {existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {isAlive} from './stale-folders.js'

/**
 * The last step of a build, as a plan written before it starts: swap a new
 * folder in (`swap`), or patch the old site in place (`patch`: remove some
 * files, rename staged ones over others). Every file of the new site is
 * complete before the plan is written, so once it exists the build is
 * committed: a build killed while carrying it out (SIGKILL, a power cut)
 * leaves old and new files mixed, and the next build into the folder
 * carries the plan out before anything else. Each step can be run twice.
 */
export type CommitPlan =
  | {kind: 'swap'; pid: number; outDir: string; tempDir: string; old: string}
  | {kind: 'patch'; pid: number; outDir: string; tempDir: string; removed: string[]; moves: Array<[from: string, to: string]>; emptyFolders: string[]}

/** `.<out>-commit.json` beside the output folder (never matched by the temporary folders' prefix). */
export function journalFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-commit.json`)
}

/** Writes the plan (the commit point), carries it out, then deletes it. */
export function commit(plan: CommitPlan): void {
  const file = journalFile(plan.outDir)
  writeFileSync(`${file}.tmp`, JSON.stringify(plan))
  renameSync(`${file}.tmp`, file)
  carryOut(plan, pauseForTest)
  unlinkSync(file)
}

/**
 * Completes the commit of a build that was killed while carrying it out,
 * so the folder holds that build's site whole. True when there was one.
 * A plan of a live process (a build still running) is left to it.
 */
export function completeInterruptedCommit(outDir: string): boolean {
  const file = journalFile(path.resolve(outDir))
  let plan: CommitPlan
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as CommitPlan
  } catch {
    // No plan, or one cut short before its rename: nothing was moved. (When the output path cannot
    // hold a folder at all, a file in its way, the build's own write says so in words.)
    try {
      rmSync(`${file}.tmp`, {force: true})
    } catch {}
    return false
  }
  if (plan.pid !== process.pid && isAlive(plan.pid)) return false
  try {
    carryOut(plan, () => undefined)
    return true
  } catch {
    // Cannot be completed (a folder made read-only since): the site no longer matches its manifest, so the build rewrites it whole.
    return false
  } finally {
    rmSync(file, {force: true})
  }
}

function carryOut(plan: CommitPlan, pause: () => void): void {
  if (plan.kind === 'swap') {
    // Rename the old site away, then the new one in (unless a first run got that far).
    if (existsSync(plan.tempDir)) {
      if (existsSync(plan.outDir)) renameSync(plan.outDir, plan.old)
      pause()
      renameSync(plan.tempDir, plan.outDir)
    }
    rmSync(plan.old, {recursive: true, force: true})
    return
  }
  // Removals first: a removed file may be where a new folder goes.
  const emptied = new Set<string>()
  for (const file of plan.removed) {
    try {
      unlinkSync(path.join(plan.outDir, file))
    } catch {
      // Already removed (a run cut short), or a folder of the new site by now.
    }
    emptied.add(path.dirname(file))
  }
  removeEmptyFolders(plan.outDir, emptied)
  const folders = new Set<string>()
  plan.moves.forEach(([from, to], index) => {
    if (index === Math.floor(plan.moves.length / 2)) pause()
    // A file no longer staged was moved in by the run cut short.
    if (!existsSync(from)) return
    const target = path.join(plan.outDir, to)
    const folder = path.dirname(target)
    if (!folders.has(folder)) {
      mkdirSync(folder, {recursive: true})
      folders.add(folder)
    }
    renameSync(from, target)
  })
  // Only the few empty folders a tool wrote into are left.
  removeEmptyFolders(plan.tempDir, new Set(plan.emptyFolders))
  rmSync(plan.tempDir, {recursive: true, force: true})
}

/** Removes each of `folders` (relative to `root`) and its parents that are left empty, up to `root`. */
function removeEmptyFolders(root: string, folders: ReadonlySet<string>): void {
  const candidates = new Set<string>()
  for (const folder of folders) {
    for (let current = folder; current !== '.' && current !== '' && !candidates.has(current); current = path.dirname(current)) candidates.add(current)
  }
  // Deepest first, so that a folder is tried after all of its subfolders.
  const depth = (folder: string) => folder.split('/').length
  for (const folder of [...candidates].sort((a, b) => depth(b) - depth(a))) {
    try {
      rmdirSync(path.join(root, folder))
    } catch {
      // Not empty: it holds files of the new site.
    }
  }
}

/**
 * For tests only: with BRIEFPRESS_TEST_PAUSE_IN_COMMIT set to a file path,
 * the commit writes that file half-way (old and new files mixed on disk) and
 * sleeps a few seconds, so that a test can kill the build at that moment.
 */
function pauseForTest(): void {
  const marker = process.env.BRIEFPRESS_TEST_PAUSE_IN_COMMIT
  if (!marker) return
  // Written whole, then moved in: a test that polls for the file never reads it empty.
  writeFileSync(`${marker}.tmp`, String(process.pid))
  renameSync(`${marker}.tmp`, marker)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.BRIEFPRESS_TEST_PAUSE_MS ?? 3000))
}

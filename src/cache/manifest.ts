import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {writeAtomic} from './atomic-write.js'
import {CACHE_FORMAT, sha256} from './digest.js'
import {seal, unseal} from './sealed.js'
import {toPlainMessage, type PlainMessage} from './messages.js'
import type {InputStat} from './brief-keys.js'
import {CACHE_DIR} from './store.js'

/**
 * The record of the last build into one output folder, written last, once
 * the site is in place: the commit point of an incremental build. A build
 * that finds the same inputs, options and site prints the recorded report
 * and writes nothing; one with changes takes from the previous site the
 * files whose keys are unchanged. A build that fails before the end leaves
 * the previous manifest, which no longer matches the site, so nothing of
 * that build is trusted.
 */
export interface Manifest {
  /** What the briefs' keys depend on besides their text (src/cache/digest.ts: config, code, render stage). */
  environment: string
  /** The build's options (drafts, keep-going, search). */
  options: string
  /** Each brief's stats and key when it was read (src/cache/brief-keys.ts), by absolute path. */
  inputs: Map<string, InputStat>
  /** The digest of every brief's path and key (`inputDigest` in src/cache/digest.ts). */
  inputDigest: string
  /** The output folder as the build left it (`siteIdentity` in src/write/site-files.ts). */
  site: string
  /** Site-relative file → the key of what it was made from (src/render/site.ts). */
  outputs: Map<string, string>
  /** Briefs published, of those read (the rest were broken, drafts or duplicates). */
  published?: number
  /** The report: each file's display path and messages, in the order printed. */
  report: Array<[string, PlainMessage[]]>
}

/** Where the manifest of `outDir` is kept; cache pruning keeps it while a run record names it. */
export function manifestFile(cwd: string, outDir: string): string {
  return path.join(cwd, CACHE_DIR, CACHE_FORMAT, 'sites', sha256([path.resolve(cwd, outDir)]).slice(0, 32))
}

export async function readManifest(cwd: string, outDir: string): Promise<Manifest | undefined> {
  // Unreadable or damaged: a full build.
  const manifest = unseal<Manifest>(await readFile(manifestFile(cwd, outDir)).catch(() => undefined))
  return manifest && manifest.inputs instanceof Map && manifest.outputs instanceof Map && Array.isArray(manifest.report) ? manifest : undefined
}

export async function writeManifest(cwd: string, outDir: string, manifest: Manifest): Promise<void> {
  await writeAtomic(manifestFile(cwd, outDir), seal(manifest))
}

/** The report as a manifest keeps it. */
export function recordedReport(files: readonly VFile[]): Manifest['report'] {
  return files.map((file) => [file.path, file.messages.map(toPlainMessage)])
}

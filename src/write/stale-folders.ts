import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'

/**
 * Removes folders in `parent` named `<prefix><pid>-…` whose process is gone
 * (a crash or a kill -9 gave it no chance to clean up). Folders of live
 * processes are left alone, so concurrent builds and previews are safe.
 */
export async function removeFoldersOfDeadProcesses(parent: string, prefix: string): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[])
  for (const name of entries) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    if (pid > 0 && !isAlive(pid)) await rm(path.join(parent, name), {recursive: true, force: true}).catch(() => undefined)
  }
}

/** True while process `pid` runs (false for anything but a positive whole number). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

import {watch, type FSWatcher} from 'node:fs'
import path from 'node:path'

export interface WatchOptions {
  /** Folder of briefs, watched with its subfolders. */
  src: string
  /** Single files (the config), watched through their folder so an editor's save-by-rename is seen. */
  files: readonly string[]
  /** Quiet time after the last change before `onChange` runs. */
  debounceMs: number
  onChange: (changed: string[]) => void
  onError: (error: Error) => void
}

/**
 * Watches the sources and calls `onChange` once per burst of changes (an
 * editor's save is often several events: write a temporary file, rename,
 * change the mode). Recursive `fs.watch` works on Linux, macOS and Windows
 * from Node 20.
 */
export function watchSources(options: WatchOptions): {close(): void} {
  const watchers: FSWatcher[] = []
  let timer: NodeJS.Timeout | undefined
  let changed = new Set<string>()
  const touch = (file: string) => {
    changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const batch = [...changed].sort()
      changed = new Set()
      options.onChange(batch)
    }, options.debounceMs)
  }

  const source = watch(options.src, {recursive: true}, (_event, name) => {
    if (name === null) return touch(options.src)
    if (!isScratchFile(name.toString())) touch(path.join(options.src, name.toString()))
  })
  source.on('error', options.onError)
  watchers.push(source)

  const byFolder = new Map<string, Set<string>>()
  for (const file of options.files) {
    const folder = path.dirname(file)
    byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(path.basename(file)))
  }
  for (const [folder, names] of byFolder) {
    const watcher = watch(folder, (_event, name) => {
      if (name !== null && names.has(name.toString())) touch(path.join(folder, name.toString()))
    })
    watcher.on('error', options.onError)
    watchers.push(watcher)
  }

  return {
    close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
    }
  }
}

/** Editors' swap and backup files, which change on every keystroke or save without being briefs. */
function isScratchFile(name: string): boolean {
  const base = path.basename(name)
  return base.startsWith('.') || base.startsWith('#') || base.endsWith('~') || /\.(swp|swx|tmp)$/i.test(base) || /^4913$/.test(base)
}

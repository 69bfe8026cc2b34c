/**
 * The sample archive spread over the search index's three tiers
 * (src/render/search-tiers.ts): its eight November 2026 briefs, four kept in
 * the newest month, two moved to March 2026 and two to June 2025.
 */
import {cp, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {projectRoot, tempDir} from './helpers.js'

/** Old day → new day, by the sample's dates. */
export const MOVED: Record<string, string> = {
  '2026-11-13': '2025-06-13',
  '2026-11-14': '2025-06-14',
  '2026-11-15': '2026-03-15',
  '2026-11-16': '2026-03-16'
}

/** The days of each tier once moved, oldest first. */
export const TIER_DAYS = {
  month: ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'],
  year: ['2026-03-15', '2026-03-16'],
  older: ['2025-06-13', '2025-06-14']
}

/** A project folder with the moved sample in `briefs/` (a brief's day is its front matter's date). */
export async function tieredProject(): Promise<string> {
  const dir = await tempDir()
  const briefs = path.join(dir, 'briefs')
  await cp(path.join(projectRoot, 'briefs'), briefs, {recursive: true})
  for (const entry of await readdir(briefs, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue
    const file = path.join(entry.parentPath, entry.name)
    const text = await readFile(file, 'utf8')
    const day = /^date: (\S+)$/m.exec(text)?.[1]
    if (day && MOVED[day]) await writeFile(file, text.replace(/^date: \S+$/m, `date: ${MOVED[day]}`))
  }
  return dir
}

/** Adds the day after the newest brief, made from it with a new date and title. */
export async function addNextDay(dir: string): Promise<string> {
  const source = path.join(dir, 'briefs', '2026', '11', '2026-11-20-daily-brief.md')
  const target = path.join(dir, 'briefs', '2026', '11', '2026-11-21-daily-brief.md')
  const text = await readFile(source, 'utf8')
  await writeFile(target, text.replace(/^date: \S+$/m, 'date: 2026-11-21').replace(/^title: .*$/m, 'title: "Daily Crypto Market Brief - The Day After"'))
  return '2026-11-21'
}

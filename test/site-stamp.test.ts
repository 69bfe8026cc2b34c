import {mkdir, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {CarriedMemo} from '../src/cache/carried-memo.js'
import {previousMemos, previousSite, readSiteReport, recordReport, recordSite, siteIsCurrent, stampFile} from '../src/cache/site-stamp.js'
import {SITE_MARKER} from '../src/write/atomic-site.js'
import {tempDir} from './helpers.js'

/** A built site (its marker and one page) in `site/`, and a file with one warning. */
async function setUp() {
  const cwd = await tempDir()
  await mkdir(path.join(cwd, 'site'), {recursive: true})
  await writeFile(path.join(cwd, 'site', SITE_MARKER), 'built\n')
  await writeFile(path.join(cwd, 'site', 'index.html'), '<!doctype html>\n')
  const file = new VFile({path: 'briefs/2026-11-20.md'})
  const message = file.message('Unexpected headline without a severity, expected a tag such as `[HIGH]`', {line: 3, column: 1}, 'briefpress:headline-severity')
  message.fatal = false
  const cards = new CarriedMemo()
  cards.set('card-key', '<li>card</li>')
  return {cwd, files: [file], keys: new Map([['index.html', 'page-key']]), cards: cards.next}
}

// src/cache/site-stamp.ts: a build records its report as soon as it is
// printed (`<stamp>.report`), and its keys and memos (`<stamp>.memos`) and
// the stamp once the site is written.
describe('the record of a build', () => {
  it('is read back: the report for its stamp, the keys while the site is as built, the memos', async () => {
    const {cwd, files, keys, cards} = await setUp()
    await recordSite(cwd, 'site', 'stamp-1', {report: recordReport(cwd, 'site', 'stamp-1', {files}), keys, cards})
    expect(await siteIsCurrent(cwd, 'site', 'stamp-1')).toBe(true)
    expect(await siteIsCurrent(cwd, 'site', 'stamp-2')).toBe(false)
    const report = await readSiteReport(cwd, 'site', 'stamp-1')
    expect(report?.entries.map((entry) => [entry.path, entry.counts])).toEqual([['briefs/2026-11-20.md', {total: 1, errors: 0, warnings: 1}]])
    expect(report?.entries[0]!.file().messages[0]?.reason).toMatch(/^Unexpected headline/)
    expect((await previousSite(cwd, 'site'))?.keys).toEqual(keys)
    expect((await previousMemos(cwd, 'site')).cards?.get('card-key')).toBe('<li>card</li>')
    // A page changed by hand since: its keys are not trusted.
    await writeFile(path.join(cwd, 'site', 'index.html'), '<!doctype html>\n<p>edited</p>\n')
    expect(await previousSite(cwd, 'site')).toBeUndefined()
  })

  it('writes no stamp when the report could not be recorded', async () => {
    const {cwd, files, keys} = await setUp()
    await recordSite(cwd, 'site', 'stamp-1', {report: Promise.resolve(false), keys})
    expect(await siteIsCurrent(cwd, 'site', 'stamp-1')).toBe(false)
    await recordSite(cwd, 'site', 'stamp-1', {report: recordReport(cwd, 'site', 'stamp-1', {files}), keys})
    expect(await siteIsCurrent(cwd, 'site', 'stamp-1')).toBe(true)
    expect((await readdir(path.dirname(stampFile(cwd, 'site')))).sort()).toEqual([path.basename(stampFile(cwd, 'site')), `${path.basename(stampFile(cwd, 'site'))}.memos`, `${path.basename(stampFile(cwd, 'site'))}.report`].sort())
  })

  it('replays no report of other inputs after a build that recorded its report but could not write its site', async () => {
    const {cwd, files, keys} = await setUp()
    await recordSite(cwd, 'site', 'stamp-1', {report: recordReport(cwd, 'site', 'stamp-1', {files}), keys})
    // The next build (other inputs) records its report, then fails to write the site: no recordSite.
    expect(await recordReport(cwd, 'site', 'stamp-2', {files: []})).toBe(true)
    // The site is still the one of stamp-1, but its report is gone: the build analyses again rather than print stamp-2's.
    expect(await siteIsCurrent(cwd, 'site', 'stamp-1')).toBe(true)
    expect(await readSiteReport(cwd, 'site', 'stamp-1')).toBeUndefined()
    expect(await readSiteReport(cwd, 'site', 'stamp-2')).toBeDefined()
    expect(await siteIsCurrent(cwd, 'site', 'stamp-2')).toBe(false)
  })
})

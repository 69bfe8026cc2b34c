import {mkdir, rm, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {listSite, listSiteAside} from '../src/cache/site-listing.js'
import {tempDir} from './helpers.js'

async function site(): Promise<string> {
  const dir = path.join(await tempDir(), 'site')
  await mkdir(path.join(dir, '2026', '11', '20'), {recursive: true})
  await writeFile(path.join(dir, '.marker'), 'x')
  await writeFile(path.join(dir, 'index.html'), '<p>home</p>')
  await writeFile(path.join(dir, '2026', '11', '20', 'index.html'), '<p>day</p>')
  await utimes(path.join(dir, 'index.html'), 1_700_000_000, 1_700_000_000)
  return dir
}

describe('listing an output folder', () => {
  it('gives every file, site-relative and sorted, with its size and mtime, and the marker', async () => {
    const dir = await site()
    const listing = listSite(dir, '.marker')!
    expect(listing.files).toEqual(['.marker', '2026/11/20/index.html', 'index.html'])
    expect(listing.stats.get('index.html')).toBe('11:1700000000000')
    expect(listing.marker).toMatch(/^\d+:\d+:[\d.]+:1$/)
  })

  it('is the same on a worker thread, which runs the listing from its source text', async () => {
    const dir = await site()
    // Without the fallback, a worker that cannot run the listing fails the test.
    expect(await listSiteAside(dir, '.marker', {fallback: false})).toEqual(listSite(dir, '.marker'))
  })

  it('is undefined for a folder without the marker, on either thread', async () => {
    const dir = await site()
    await rm(path.join(dir, '.marker'))
    expect(listSite(dir, '.marker')).toBeUndefined()
    expect(await listSiteAside(dir, '.marker', {fallback: false})).toBeUndefined()
    expect(await listSiteAside(path.join(dir, 'missing'), '.marker', {fallback: false})).toBeUndefined()
  })
})

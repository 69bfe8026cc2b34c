import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {toDisplayPath} from '../src/load/display-path.js'

describe('display paths', () => {
  it('are relative to the working folder, however it is written, and absolute outside it', () => {
    for (const cwd of ['/work/site', '/work/site/', '/work/./site', '/work/other/../site']) {
      expect(toDisplayPath('/work/site/briefs/2026/11/a.md', cwd)).toBe('briefs/2026/11/a.md')
      expect(toDisplayPath('/work/site/a.md', cwd)).toBe('a.md')
      expect(toDisplayPath('/work/elsewhere/a.md', cwd)).toBe('/work/elsewhere/a.md')
      expect(toDisplayPath('/work/sites/a.md', cwd)).toBe('/work/sites/a.md')
    }
    expect(toDisplayPath('/a.md', '/')).toBe('a.md')
    // A relative folder, against the process's folder.
    const here = process.cwd()
    expect(toDisplayPath(path.join(here, 'briefs', 'a.md'), '.')).toBe('briefs/a.md')
    expect(toDisplayPath(path.join(path.dirname(here), 'a.md'), '.')).toBe(path.join(path.dirname(here), 'a.md'))
  })

  it('match path.relative for paths that are not resolved or start with dots', () => {
    const cwd = '/work/site'
    for (const file of ['/work/site/briefs/./a.md', '/work/site/briefs/../a.md', '/work/site//a.md', '/work/site/.hidden/a.md', '/work/site/..a.md', '/work/site/briefs/', '/work/site']) {
      const relative = path.relative(cwd, file)
      expect(toDisplayPath(file, cwd), file).toBe(relative.startsWith('..') ? file : relative)
    }
  })
})

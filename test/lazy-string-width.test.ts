import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {cp, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import stringWidth from 'string-width'
import {beforeAll, describe, expect, it} from 'vitest'
import {NARROW, plainWidth} from '../scripts/lazy-string-width.js'
import {binPath, projectRoot, requireBin, tempDir} from './helpers.js'

// The bundle measures report columns with scripts/lazy-string-width.js, which
// answers plain text itself and loads the string-width package otherwise: it
// must give the package's width for everything it answers.
describe('the bundle’s string-width', () => {
  const narrow = [...NARROW.source.matchAll(/\\u([0-9A-F]{4})(?!-)/g)].map((match) => String.fromCodePoint(Number.parseInt(match[1]!, 16)))
  const ascii = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCodePoint(0x20 + index))

  it('measures each character it answers as the package does', () => {
    expect(narrow).toContain('“')
    for (const character of [...ascii, ...narrow]) {
      expect(plainWidth(character), character).toBe(stringWidth(character))
    }
  })

  it('measures messages as the package does', () => {
    const texts = [
      '',
      'Unexpected 46 citations (34–79) referenced only inside hidden HTML',
      'Unexpected headline “Whales move…” without a severity, expected a tag such as `[HIGH]`',
      'ETH $3,885 is −13.18% from $4,475 (±0.5%, ≈ $4,611 expected → see ‘day-over-day’ · 2 × 3 — done)'
    ]
    for (const text of texts) expect(plainWidth(text), text).toBe(stringWidth(text))
  })

  it('leaves to the package what it does not answer', () => {
    for (const text of ['比特币', 'rocket 🚀', 'e\u0301', '\u001B[31mred\u001B[39m', 'soft\u00ADhyphen', 'zero\u200Bwidth']) {
      expect(plainWidth(text), text).toBeUndefined()
    }
    // Ambiguous characters are two columns when the caller asks so.
    expect(plainWidth('“quoted”', {ambiguousIsNarrow: false})).toBeUndefined()
    expect(plainWidth('plain', {ambiguousIsNarrow: false})).toBe(5)
  })
})

// What it saves (README, "Speed"): the package measures each cell at ~50 µs
// (a 4,000-brief no-change rebuild printing 9,000 warnings took 2.95 s of
// CPU with it, 0.73 s without). The bundle must not load it for a plain
// report: no Intl.Segmenter is built by its code (wrap-ansi builds its own).
/**
 * The packages whose code built each Segmenter in the log: a bundle frame
 * (`…/dist/bundle/chunk-X.js:347:17`) is traced to the `// node_modules/<package>/`
 * comment esbuild writes above each module.
 */
function bundledModules(log: string): string[] {
  const found: string[] = []
  for (const [, file, line] of log.matchAll(/(\/[^\s():]+\/dist\/bundle\/[^\s():]+\.js):(\d+):\d+/g)) {
    const lines = readFileSync(file!, 'utf8').split('\n').slice(0, Number(line))
    // The nearest module comment above the frame: `// node_modules/wrap-ansi/index.js`, `// src/report/pretty.ts`.
    const header = lines.findLast((text) => /^\/\/ [\w@.-]+\/\S+\.[cm]?[jt]s$/.test(text))
    const module = header && /^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(header)
    if (module) found.push(module[1]!)
  }
  return found
}

describe('the bundle', () => {
  beforeAll(requireBin)
  it('prints a report of plain-text messages without loading the string-width package', async () => {
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    const log = path.join(dir, 'segmenters.log')
    const probe = path.join(dir, 'probe.mjs')
    await writeFile(
      probe,
      `import {appendFileSync} from 'node:fs'\nconst Original = Intl.Segmenter\nIntl.Segmenter = class extends Original {\n  constructor(...args) {\n    appendFileSync(${JSON.stringify(log)}, new Error().stack + '\\n')\n    super(...args)\n  }\n}\n`
    )
    const run = (cli: string) => spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, cli, 'check', '--no-cache', '--frail', 'briefs'], {cwd: dir, encoding: 'utf8'})
    const bundled = run(binPath)
    // A report with columns to measure.
    expect(bundled.stderr).toMatch(/warning|info/)
    // wrap-ansi builds one Segmenter of its own when it loads; none may come from the string-width package.
    expect(bundledModules(existsSync(log) ? readFileSync(log, 'utf8') : '')).not.toContain('string-width')
    // The probe sees the package when it is loaded: the compiled modules, without the bundle's swap, load it.
    run(path.join(projectRoot, 'dist', 'src', 'cli.js'))
    expect(readFileSync(log, 'utf8')).toMatch(/string-width/)
  }, 60_000)
})

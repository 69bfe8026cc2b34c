import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {checkJson, fixtures, runCli, tempDir} from './helpers.js'

// Binary and huge inputs are generated here rather than committed.
const head = (date: string, extra = '') => `---\ntitle: Brief of ${date}\ndate: ${date}\ncategory: crypto${extra}\n---\n\n`
const body = '## Market Overview\n\nPrices were steady.[^1]\n\n[^1]: https://example.com/a\n'

type Report = Awaited<ReturnType<typeof checkJson>>['report']
let cwd: string
let report: Report
let code: number
let footnoteMessages: Report['messages'] = []
const timings: Record<string, number> = {}
const wallTimes: Record<string, number> = {}

const files: Record<string, string | Buffer> = {
  'invalid-utf8.md': Buffer.concat([Buffer.from(head('2025-05-01') + 'Caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
  'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(head('2025-05-02').replace('crypto', 'crpyto') + body)]),
  'crlf.md': (head('2025-05-03') + body).replace(/\n/g, '\r\n'),
  'crlf-typo.md': (head('2025-05-04').replace('crypto', 'crpyto') + body).replace(/\n/g, '\r\n'),
  'empty.md': '',
  'blank.md': '\n  \n',
  'binary.md': Buffer.from(Array.from({length: 4096}, (_, index) => (index * 7919 + 13) % 256)),
  'alias-bomb.md':
    '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
    ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((key, index, keys) => `${key}: &${key} [${Array(9).fill(`*${index === 0 ? 'a' : keys[index - 1]}`).join(',')}]`).join('\n') +
    '\ntitle: Bomb\ndate: 2025-05-05\ncategory: crypto\n---\n\nBody.\n',
  'deep-quotes.md': head('2025-05-06') + '>'.repeat(100_000) + ' deep\n',
  'deep-lists.md': head('2025-05-07') + '- '.repeat(100_000) + 'deep\n',
  'deep-indented-lists.md': head('2025-05-08') + Array.from({length: 400}, (_, level) => ' '.repeat(level * 2) + '- item').join('\n') + '\n',
  'deep-brackets.md': head('2025-05-09') + '['.repeat(100_000) + 'x' + ']'.repeat(100_000) + '\n',
  'deep-links.md': head('2025-05-10') + '[a]('.repeat(50_000) + '\n',
  'deep-emphasis.md': head('2025-05-11') + '*'.repeat(50_000) + 'a' + '*'.repeat(50_000) + '\n',
  // 3,000 citations as a long bulleted list, ten to a bullet (the real corpus's most is 843).
  'footnotes.md':
    head('2025-05-12') +
    '## Market Overview\n\n' +
    Array.from({length: 300}, (_, item) => `- Point ${item}: ` + Array.from({length: 10}, (_, index) => `[^${item * 10 + index}]`).join('')).join('\n') +
    '\n\n' +
    Array.from({length: 3_000}, (_, index) => `[^${index}]: https://example.com/source/${index}`).join('\n') +
    '\n',
  // 30,000 footnote references: more inline marks than a brief may hold.
  'many-footnotes.md': head('2025-05-13') + Array.from({length: 3_000}, (_, item) => `- Point ${item}: ` + Array.from({length: 10}, (_, index) => `[^${item * 10 + index}]`).join('')).join('\n') + '\n'
}

function of(name: string) {
  return report.messages.filter((message) => message.file === name)
}

// Only this suite's rules: content rules (sections, citations) are tested elsewhere.
const INPUT_RULES = /^(file-too-large|invalid-encoding|empty-file|byte-order-mark|line-endings|missing-front-matter|front-matter-syntax|front-matter-schema|unknown-category|unknown-front-matter-key|parse-error)$/

function rules(name: string) {
  return of(name).filter((message) => INPUT_RULES.test(message.ruleId ?? '')).map((message) => `${message.line}:${message.column} ${message.ruleId}`)
}

beforeAll(async () => {
  cwd = await tempDir()
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(cwd, name), content)
  await copyFile(path.join(fixtures, 'bad-input', 'good.md'), path.join(cwd, 'good.md'))
  await copyFile(path.join(fixtures, 'bad-input', 'script-title.md'), path.join(cwd, 'script-title.md'))
  // Each pathological file alone, to measure it; then all together.
  for (const name of ['deep-quotes.md', 'deep-lists.md', 'deep-indented-lists.md', 'deep-brackets.md', 'deep-links.md', 'deep-emphasis.md', 'footnotes.md']) {
    // CPU time rather than wall time: the bound must hold on a busy CI machine.
    const start = process.cpuUsage()
    const wall = performance.now()
    const single = await checkJson([name], cwd)
    if (name === 'footnotes.md') footnoteMessages = single.report.messages
    const used = process.cpuUsage(start)
    timings[name] = Math.round((used.user + used.system) / 1000)
    wallTimes[name] = Math.round(performance.now() - wall)
  }
  console.log('bad-input CPU time (ms):', timings, 'wall time (ms):', wallTimes)
  // All the others in one run (footnotes.md, the slow one, was checked above).
  const others = [...Object.keys(files), 'good.md', 'script-title.md'].filter((name) => name !== 'footnotes.md')
  ;({report, code} = await checkJson(others, cwd))
}, 180_000)

describe('bad input', () => {
  it('ends as diagnostics, exit 1, with every file checked and the clean one clean', () => {
    expect(code).toBe(1)
    expect(report.files).toBe(Object.keys(files).length + 1)
    expect(of('good.md').filter((message) => message.severity === 'error')).toEqual([])
  })

  it('locates invalid UTF-8 at the bad byte', () => {
    expect(rules('invalid-utf8.md')).toEqual(['7:4 invalid-encoding'])
    expect(of('invalid-utf8.md')[0]!.message).toContain('0xe9')
  })

  it('warns about a byte-order mark and keeps columns on line 1 as an editor shows them', () => {
    expect(rules('bom.md')).toContain('1:1 byte-order-mark')
    expect(of('bom.md').find((message) => message.ruleId === 'unknown-category')).toMatchObject({line: 4, column: 11, endLine: 4, endColumn: 17})
  })

  it('reads CRLF files, warns once, and keeps positions right', () => {
    expect(rules('crlf.md')).toEqual(['1:4 line-endings'])
    expect(of('crlf-typo.md').find((message) => message.ruleId === 'unknown-category')).toMatchObject({line: 4, column: 11, endLine: 4, endColumn: 17})
  })

  it('reports empty, blank and binary files', () => {
    expect(rules('empty.md')).toEqual(['1:1 empty-file'])
    expect(rules('blank.md')).toEqual(['1:1 empty-file'])
    const [binary, ...rest] = of('binary.md')
    expect(rest).toEqual([])
    expect(binary).toMatchObject({ruleId: 'invalid-encoding', severity: 'error'})
    expect(binary!.line).toBeGreaterThanOrEqual(1)
  })

  it('refuses a YAML alias bomb quickly', () => {
    expect(rules('alias-bomb.md')).toEqual(['2:1 front-matter-syntax'])
    expect(of('alias-bomb.md')[0]!.message).toMatch(/alias/i)
  })

  it('refuses extremely deep nesting at the line that goes too deep, in seconds', () => {
    expect(rules('deep-quotes.md')).toEqual(['7:33 parse-error'])
    expect(rules('deep-lists.md')).toEqual(['7:65 parse-error'])
    expect(rules('deep-indented-lists.md')).toEqual(['39:65 parse-error'])
    expect(rules('deep-brackets.md')).toEqual(['7:33 parse-error'])
    expect(of('deep-links.md').map((message) => message.ruleId)).toEqual(['parse-error'])
    expect(of('deep-emphasis.md').map((message) => message.ruleId)).toEqual(['parse-error'])
    expect(of('deep-quotes.md')[0]!.message).toContain('nested block quotes or lists')
    for (const name of ['deep-quotes.md', 'deep-lists.md', 'deep-indented-lists.md', 'deep-brackets.md', 'deep-links.md', 'deep-emphasis.md']) {
      expect(timings[name], name).toBeLessThan(5_000)
    }
  })

  it('checks 3,000 footnotes without errors in seconds, and refuses 30,000 at the one over the limit', () => {
    expect(footnoteMessages.filter((message) => message.severity === 'error')).toEqual([])
    expect(timings['footnotes.md']).toBeLessThan(5_000)
    // The 10,001st `[`: bullet n (from 0), on line 7 + n, holds marks 10n + 1 to 10n + 10.
    expect(rules('many-footnotes.md')).toEqual([`1007:${'- Point 1000: '.length + 1} parse-error`])
    expect(of('many-footnotes.md')[0]!.message).toMatch(/^Unexpected more than 10,000 links, footnote references/)
  })

  it('keeps a `</title><script>` title as text, and the built pages escape it', async () => {
    expect(of('script-title.md').filter((message) => message.severity === 'error')).toEqual([])
    const site = await tempDir()
    await mkdir(path.join(site, 'briefs'))
    await copyFile(path.join(fixtures, 'bad-input', 'script-title.md'), path.join(site, 'briefs', 'script-title.md'))
    const result = await runCli(['build', '--src', 'briefs', '--out', 'out', '--keep-going'], site)
    expect(result.code, result.stderr).toBeLessThan(2)
    const page = await readFile(path.join(site, 'out', '2025', '04', '02', 'index.html'), 'utf8')
    expect(page).not.toContain("<script>alert('x')")
    expect(page).toContain('&#x3C;/title>')
  })
})

describe('maxFileSize', () => {
  it('reports a file over the configured limit without reading it, and the default limit too', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'big.md'), head('2025-06-01') + 'x'.repeat(2_000) + '\n')
    await writeFile(path.join(dir, 'huge.md'), head('2025-06-02') + 'word '.repeat(1_100_000))
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({maxFileSize: 1_000}))
    const limited = await checkJson(['.'], dir)
    expect(limited.report.messages.filter((message) => message.ruleId === 'file-too-large').map((message) => `${message.file} ${message.line}:${message.column}`)).toEqual([
      'big.md 1:1',
      'huge.md 1:1'
    ])
    await writeFile(path.join(dir, 'briefpress.config.json'), '{}')
    const defaults = await checkJson(['.'], dir)
    expect(defaults.report.messages.filter((message) => message.ruleId === 'file-too-large').map((message) => message.file)).toEqual(['huge.md'])
    expect(defaults.report.messages.find((message) => message.ruleId === 'file-too-large')!.message).toContain('5.2 MB')
  })
})

import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {domainToASCII} from 'node:url'
import {describe, expect, it} from 'vitest'
import {findLookalikes, skeleton} from '../src/validate/lookalike-hosts.js'
import {checkJson, corpusDir, hasShared, runCli, tempDir} from './helpers.js'
import {hashTree} from './site-helpers.js'

/** `n` briefs citing `host` each. */
const times = (host: string, n: number) => Array.from({length: n}, () => [host])

describe('findLookalikes', () => {
  const often = [...times('www.coinglass.com', 5), ...times('coinmarketcap.com', 5), ...times('www.binance.com', 5), ...times('www.mexc.com', 5)]
  const found = (hosts: string[], trusted: string[] = []) => [...findLookalikes([...often, hosts], trusted).keys()]

  it('finds a doubled or dropped letter, swapped letters and look-alike characters, in any label', () => {
    const cyrillic = domainToASCII('coinglаss.com') // Cyrillic а
    expect(cyrillic.startsWith('xn--')).toBe(true)
    const hosts = ['app-coingllass.walletuser.com', 'coinglas.io', 'www.coingalss.com', 'c0inglass.net', cyrillic, 'coinglass.rn.example', 'coimarketcap.org', 'rnexc-coinbase.example.org', 'app.c1nbase.example', 'blnance.example.org']
    expect(found(hosts).sort()).toEqual(['app-coingllass.walletuser.com', 'c0inglass.net', 'coinglas.io', cyrillic, 'www.coingalss.com'].sort())
    const lookalike = findLookalikes([...often, ['app-coingllass.walletuser.com']]).get('app-coingllass.walletuser.com')
    expect(lookalike).toMatchObject({domain: 'coinglass.com', reference: 'www.coinglass.com', referenceBriefs: 5, trusted: false, how: 'a doubled or dropped letter'})
    expect(findLookalikes([...often, [cyrillic]]).get(cyrillic)?.how).toMatch(/look-alike characters/)
    expect(findLookalikes([...often, ['www.coingalss.com']]).get('www.coingalss.com')?.how).toBe('two letters swapped')
  })

  it('leaves genuine neighbours alone: other suffixes, the same name elsewhere, other letters, short names, the site itself', () => {
    // coinmarketcal.com is a real events calendar; binance.us and the subdomains hold the very name.
    expect(found(['coinmarketcal.com', 'www.binance.us', 'binance.zendesk.com', 'coinglass.com', 'api.coinglass.com', 'www.mexc.co', 'mecx.com', 'coinglasses.com', 'finance.yahoo.com', '1.2.3.4'])).toEqual([])
  })

  it('needs the imitated site cited in at least three briefs, and more often than the look-alike', () => {
    expect([...findLookalikes([...times('www.coinglass.com', 2), ['coingllass.io']]).keys()]).toEqual([])
    expect([...findLookalikes([...times('www.coinglass.com', 3), ['coingllass.io']]).keys()]).toEqual(['coingllass.io'])
    // Cited as often as the site it reads as: neither is taken for the other.
    expect([...findLookalikes([...times('www.coinglass.com', 4), ...times('coingllass.io', 4)]).keys()]).toEqual([])
  })

  it('takes trustedHosts as imitated whatever their count, and never reports them', () => {
    expect([...findLookalikes([['coingllass.io']], ['www.coinglass.com']).entries()]).toEqual([
      ['coingllass.io', {host: 'coingllass.io', domain: 'coinglass.com', reference: 'www.coinglass.com', referenceBriefs: 0, trusted: true, how: 'a doubled or dropped letter'}]
    ])
    // Trusted to silence it: neither it nor the site cited often is reported.
    expect([...findLookalikes([...times('www.coinglass.com', 5), ['coingllass.io']], ['coingllass.io']).keys()]).toEqual([])
    expect([...findLookalikes([...times('www.coinglass.com', 5), ['coingllass.io']], ['coingllass.io', 'www.coinglass.com']).keys()]).toEqual([])
  })

  it('reads names as a reader sees them', () => {
    expect(skeleton('coingllass')).toBe(skeleton('coinglass'))
    expect(skeleton('rnexc')).toBe(skeleton('mexc'))
    expect(skeleton('ｃoinglass')).toBe(skeleton('coinglass'))
    expect(skeleton('cоinglass')).toBe(skeleton('coinglass')) // Cyrillic о
    expect(skeleton('coinglass')).not.toBe(skeleton('coinglasz'))
  })

  it('stays fast on a large archive: 4,000 briefs of 100 hosts each', () => {
    const briefs = Array.from({length: 4000}, (_, brief) => Array.from({length: 100}, (_, index) => `www.site${(brief * 7 + index * 13) % 3000}-news.com`))
    const started = performance.now()
    findLookalikes(briefs)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

const brief = (day: number, hosts: string[]) =>
  [
    '---',
    `title: "Day ${day}"`,
    `date: 2026-11-${String(day).padStart(2, '0')}`,
    'category: crypto',
    '---',
    '',
    '## Market Overview',
    '',
    `Markets moved.${hosts.map((_, index) => `[^${index + 1}]`).join('')}`,
    '',
    '## Top Headlines',
    '',
    '**1. Nothing much [LOW]**',
    '',
    ...hosts.map((host, index) => `[^${index + 1}]: https://${host}/page-${index}`),
    ''
  ].join('\n')

async function archive(dir: string, days: Array<[number, string[]]>): Promise<void> {
  await mkdir(path.join(dir, 'briefs'), {recursive: true})
  for (const [day, hosts] of days) await writeFile(path.join(dir, 'briefs', `2026-11-${String(day).padStart(2, '0')}.md`), brief(day, hosts))
}

describe('the lookalike-citation-host rule', () => {
  it('reports every brief citing the look-alike at its citation, naming both hosts and every such brief', async () => {
    const dir = await tempDir()
    await archive(dir, [
      [1, ['www.coinglass.com']],
      [2, ['www.coinglass.com', 'news.example.com']],
      [3, ['www.coinglass.com']],
      [4, ['news.example.com', 'app-coingllass.walletuser.com']],
      [5, ['app-coingllass.walletuser.com']]
    ])
    const {report} = await checkJson(['briefs'], dir)
    const found = report.messages.filter((message) => message.ruleId === 'lookalike-citation-host')
    expect(found.map((message) => [message.file, message.line, message.column, message.severity])).toEqual([
      ['briefs/2026-11-04.md', 16, 7, 'warning'],
      ['briefs/2026-11-05.md', 15, 7, 'warning']
    ])
    expect(found[0]!.message).toBe(
      'Unexpected citation host `app-coingllass.walletuser.com`, which reads as `www.coinglass.com` (cited by 3 briefs) without being it (a doubled or dropped letter), expected the real site; cited by 2 briefs: briefs/2026-11-04.md, briefs/2026-11-05.md'
    )
    expect(found[0]!.actual).toBe('app-coingllass.walletuser.com')
    expect(found[0]!.expected).toEqual(['www.coinglass.com'])

    // Configurable as every rule; trustedHosts are host names.
    await writeFile(path.join(dir, 'briefpress.config.json'), '{ "rules": { "lookalike-citation-host": "error" } }\n')
    const strict = await checkJson(['briefs'], dir)
    expect(strict.code).toBe(1)
    expect(strict.report.messages.filter((message) => message.ruleId === 'lookalike-citation-host').map((message) => message.severity)).toEqual(['error', 'error'])
    await writeFile(path.join(dir, 'briefpress.config.json'), '{ "rules": { "lookalike-citation-host": "off" } }\n')
    expect((await checkJson(['briefs'], dir)).report.messages.filter((message) => message.ruleId === 'lookalike-citation-host')).toEqual([])
    await writeFile(path.join(dir, 'briefpress.config.json'), '{ "trustedHosts": ["app-coingllass.walletuser.com"] }\n')
    expect((await checkJson(['briefs'], dir)).report.messages.filter((message) => message.ruleId === 'lookalike-citation-host')).toEqual([])
    await writeFile(path.join(dir, 'briefpress.config.json'), '{ "trustedHosts": ["evil.example; script-src *"] }\n')
    const bad = await runCli(['check', 'briefs'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('trustedHosts')
  })

  it('marks the look-alike link on the day page, and an incremental build marks it as a clean build does', async () => {
    const dir = await tempDir()
    await archive(dir, [
      [1, ['www.coinglass.com']],
      [2, ['www.coinglass.com']],
      [4, ['news.example.com', 'app-coingllass.walletuser.com']],
      [6, ['news.example.com']],
      [8, ['news.example.com']]
    ])
    const build = (out: string, ...flags: string[]) => runCli(['build', '--out', out, '--no-search', ...flags], dir)
    expect((await build('site')).code).toBe(0)
    const page = () => readFile(path.join(dir, 'site', '2026', '11', '04', 'index.html'), 'utf8')
    // coinglass.com is cited by two briefs only: not yet a site the archive cites often.
    expect(await page()).not.toContain('lookalike')

    // A third brief, not a neighbour of the 4th, now cites it: the 4th's page, its brief
    // and its neighbours unchanged, marks its link.
    await archive(dir, [[8, ['news.example.com', 'www.coinglass.com']]])
    const built = await build('site')
    expect(built.code).toBe(0)
    const html = await page()
    expect(html).toContain('<span class="source-domain lookalike-host">app-coingllass.walletuser.com</span> <strong class="lookalike-warning"')
    expect(html).toContain('⚠ Look-alike of coinglass.com</strong>')
    expect(html.match(/lookalike-warning/g)).toHaveLength(1)
    expect(html).toContain('<span class="source-domain">news.example.com</span>')
    expect(await readFile(path.join(dir, 'site', '2026', '11', '01', 'index.html'), 'utf8')).not.toContain('lookalike')
    expect(await readFile(path.join(dir, 'site', 'style.css'), 'utf8')).toContain('.lookalike-warning')

    await rm(path.join(dir, 'clean'), {recursive: true, force: true})
    expect((await build('clean', '--no-cache')).code).toBe(0)
    expect(await hashTree(path.join(dir, 'site'))).toEqual(await hashTree(path.join(dir, 'clean')))
  })
})

describe.skipIf(!hasShared)('lookalike-citation-host on the real corpus', () => {
  it('reports the coinglass look-alike on each of its 14 briefs, and nothing else', async () => {
    const {report} = await checkJson([corpusDir])
    const found = report.messages.filter((message) => message.ruleId === 'lookalike-citation-host')
    expect(new Set(found.map((message) => message.actual))).toEqual(new Set(['app-coingllass.walletuser.com']))
    expect(found).toHaveLength(14)
    expect(new Set(found.map((message) => message.file)).size).toBe(14)
    for (const message of found) {
      expect(message.message).toContain('reads as `www.coinglass.com`')
      for (const other of found) expect(message.message).toContain(other.file)
    }
  }, 120_000)
})

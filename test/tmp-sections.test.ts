import {readdirSync} from 'node:fs'
import {it} from 'vitest'
import {extractCorpusBrief} from './market-helpers.js'
it('sections', () => {
  const dir = process.env.DIR ?? 'fixtures/authors/design'
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && n.includes(process.env.ONLY ?? ''))) {
    const {sections, data} = extractCorpusBrief(name, dir)
    process.stdout.write(`${name} ${sections.map((s) => `${s.line}:${s.kind}:${(s as any).title ?? ''}`).join(' | ')}\n`)
    if (process.env.ONLY) process.stdout.write(JSON.stringify({...data, evidence: undefined}, null, 1) + '\n')
  }
})

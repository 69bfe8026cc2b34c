import {it} from 'vitest'
import {extractMarketData} from '../src/extract/market/index.js'
import {parseBrief} from './market-helpers.js'
it('one', () => {
  for (const line of (process.env.LINES ?? '').split('\n')) {
    const {text, tree} = parseBrief(`---\ntitle: t\ndate: ${process.env.DATE}\n---\n## Market Overview\n\n${line}\n`)
    const d = extractMarketData(tree, text, undefined, {date: process.env.DATE})
    process.stdout.write(JSON.stringify({p: d.prices, l: d.liquidations, e: d.etfFlows, c: d.marketCap, f: d.fearGreed}) + '\n')
  }
})

import {it} from 'vitest'
import {extractDated} from './market-helpers.js'
it('dbg', () => {
  const body = (process.env.BODY ?? '').split('\\n')
  const d = extractDated(process.env.DATE ?? '2033-04-05', ...body)
  console.log(JSON.stringify({prices: d.prices.map((p) => [p.symbol, p.price, p.range, p.change24hPct, p.change24hRange]), cap: d.marketCap, fg: d.fearGreed, liq: d.liquidations.map((l) => [l.amountUsd, l.long, l.short]), etf: d.etfFlows.map((f) => [f.asset, f.direction, f.amountUsd, f.date]), withheld: d.withheld}))
})

import {cleanText} from './numbers.js'
import type {Evidence, MarketData} from './types.js'

/** At most this much of a line is kept as a figure's evidence. */
const MAX_TEXT = 240

/**
 * Where each shown figure was read: its line, the column where the words it
 * was read from begin, and those words (the clause when the reader knows it,
 * else the line, cleaned of markup). Keys name the figure as brief.json does:
 * `prices.BTC`, `marketCap`, `fearGreed`, `liquidations.0`, `etfFlows.1`.
 */
export function evidenceOf(data: MarketData, lines: readonly string[], fearGreedLine: number | undefined): Record<string, Evidence> {
  const evidence: Record<string, Evidence> = {}
  const at = (key: string, line: number, clause?: string) => {
    const raw = lines[line - 1] ?? ''
    const text = (clause ?? cleanText(raw)).trim().replace(/\s+/g, ' ')
    // The clause's first word as written in the line; the line's first character otherwise.
    const word = /[\p{L}\p{N}$]+/u.exec(text)?.[0]
    const found = word ? raw.indexOf(word) : -1
    evidence[key] = {line, column: (found === -1 ? Math.max(0, raw.search(/\S/)) : found) + 1, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text}
  }
  for (const quote of data.prices) at(`prices.${quote.symbol}`, quote.line)
  if (data.marketCap) at('marketCap', data.marketCap.line)
  if (fearGreedLine !== undefined && (data.fearGreed !== undefined || data.fearGreedRange)) at('fearGreed', fearGreedLine)
  data.liquidations.forEach((item, index) => at(`liquidations.${index}`, item.line, item.evidence))
  data.etfFlows.forEach((flow, index) => at(`etfFlows.${index}`, flow.line, flow.evidence))
  return evidence
}

import {cleanText, findMoney} from './numbers.js'
import {isTitleLine} from './figure-first.js'
import {sentenceAt} from './topics.js'
import type {LineContext, MarketData, Unread} from './types.js'

/**
 * A topic a brief may state a figure for, and how to tell that a line tried.
 * When the brief yields no figure of the topic, the first line that names it
 * next to a number is reported (`unread-figure`), so that the author learns
 * what the panel leaves out, and why, instead of meeting a silent dash.
 */
interface Topic {
  field: string
  /** The line names the topic. */
  names: RegExp
  /** The line holds a number that could be the figure. */
  hasFigure: (text: string) => boolean
  shown: (data: MarketData) => boolean
  example: string
}

const largeMoney = (text: string) => findMoney(text, {bare: true}).some((money) => money.unit !== undefined && /^(m|mn|mm|million|b|bn|billion|t|tn|trillion)$/.test(money.unit))

const TOPICS: readonly Topic[] = [
  {field: '24h liquidations', names: /liquidat/i, hasFigure: largeMoney, shown: (data) => data.liquidations.length > 0, example: '`24h liquidations: $412M (longs $300M, shorts $112M)`'},
  {field: 'spot ETF flow', names: /\bETFs?\b/, hasFigure: (text) => /flow|net/i.test(text) && largeMoney(text), shown: (data) => data.etfFlows.length > 0, example: '`Spot Bitcoin ETFs: -$145.7M net outflow (Feb 2)`'},
  {field: 'total market cap', names: /\b(total|global|crypto)\b[\w\s]{0,20}market\s+cap/i, hasFigure: largeMoney, shown: (data) => data.marketCap !== undefined, example: '`Total crypto market cap: $2.77T (−1.9% in 24h)`'},
  {field: 'Fear & Greed', names: /fear\s*(?:&|and)\s*greed/i, hasFigure: (text) => /\b\d{1,3}\b/.test(text.replace(/fear\s*(?:&|and)\s*greed/i, '')), shown: (data) => data.fearGreed !== undefined || data.fearGreedRange !== undefined, example: '`Fear & Greed: 14 (Extreme Fear)`'}
]

export function findUnread(data: MarketData, contexts: readonly LineContext[]): Unread[] {
  const unread: Unread[] = []
  for (const topic of TOPICS) {
    if (topic.shown(data)) continue
    // A title ("**Derivatives Flashpoint: $2B Liquidation Cascade**") announces a story; it states no figure.
    const context = contexts.find((line) => topic.names.test(line.text) && topic.hasFigure(line.text) && !isTitleLine(line.raw))
    // A figure read there but withheld as implausible is reported once, by `implausible-value`.
    if (!context || data.withheld.some((item) => item.line === context.line)) continue
    const column = Math.max(0, context.raw.search(topic.names)) + 1
    // The sentence that names the topic, as the author wrote it, not the line's first one.
    const words = cleanText(context.raw).replace(/\s+/g, ' ').trim()
    unread.push({field: topic.field, line: context.line, column, text: sentenceAt(words, Math.max(0, words.search(topic.names))), example: topic.example})
  }
  return unread.sort((a, b) => a.line - b.line)
}

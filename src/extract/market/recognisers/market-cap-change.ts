import {findPercents, parsePercent} from '../numbers.js'
import type {LineContext, MarketCap, Recogniser} from '../types.js'

/** A label naming the whole market's cap and its day's change: "Total cap 24h", "Market cap 24h", "tot mcap chg 24h", "24h change in total market cap". */
const CAP = /\b(?:total|tot|global|crypto|market|mkt)\b[\w\s.]{0,16}?\b(?:cap|mcap|m-cap|capitali[sz]ation)\b|\bmcap\b/i
const DAY_CHANGE = /\b(?:24\s?-?h\w*|1d|daily|d\/d|change|chg)\b/i
const OTHER_CAP = /\b(?:bitcoin|btc|ether\w*|eth|solana|sol|stablecoins?|usdt|usdc|altcoins?|alts|defi|sector|meme\w*|dominance)\b/i
const OTHER_PERIOD = /\b(?:7\s?d|week\w*|month\w*|30\s?d|ytd|yoy|year\w*|w\/w|m\/m)\b/i

/**
 * The cap's change on a line or row of its own, beside the line that gives the cap:
 * "| Total cap 24h | -1.1% |", "tot_mcap_chg_24h: +0.96%", "- 24h change in total market cap: +0.6%".
 * It gives no cap; the extractor joins it to the cap read next to it.
 */
export const marketCapChange: Recogniser<MarketCap> = {
  name: 'market-cap-change',
  match(context: LineContext) {
    const [label, value] = context.table ? [context.table.cells[0] ?? '', context.table.cells.slice(1).join(' | ')] : splitLabel(context.text)
    if (value === undefined || !CAP.test(label) || !DAY_CHANGE.test(label) || OTHER_CAP.test(label) || OTHER_PERIOD.test(label)) return []
    // The value is the percentage alone (a source's name may follow it): no amount beside it.
    // ("| Mkt cap 24h % | -0.32 |": a label in percent gives its bare value in percent.)
    const bare = /(?:%|\bpct\b|\(%\))\s*$/i.test(label) ? /^\s*([+−–-]?\d+(?:\.\d+)?)\s*$/.exec(value) : null
    if (bare) return [{change24hPct: parsePercent(`${bare[1]}%`)!, line: context.line}]
    const [percent] = findPercents(value)
    if (!percent || percent.bound || /\d/.test(value.slice(0, percent.index).replace(/[^\d]/g, '')) || /\d/.test(value.slice(percent.end).split('|')[0]!)) return []
    return [percent.value !== undefined ? {change24hPct: percent.value, line: context.line} : {change24hRange: percent.range!, line: context.line}]
  }
}

/** "Total cap 24h: -1.1%" → the label and what follows its colon. */
function splitLabel(text: string): [string, string | undefined] {
  const match = /^\W*([^:]{2,50}):\s*(.+)$/.exec(text)
  return match ? [match[1]!, match[2]!] : [text, undefined]
}

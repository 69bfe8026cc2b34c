import {findPercents} from '../numbers.js'
import {signFromWords} from './sign-words.js'

const NOT_CHANGE_AFTER = /^\s*\)?\s*(?:\w+\s+)?(week|wk|7-?d|month|yoy|ytd|year|dominance|share|of\b|below|above|(?:from|off) (?:its |the |a )?(?:[\w$.,'’-]+ ){0,3}(?:high|peak|lows?|bottom|trough|ath|top|record))/i

/** The first 24h change (a percentage or range) in `text[from, end)`, signed by its verb. */
export function readChange(text: string, from: number, end: number): {change24hPct?: number; change24hRange?: [number, number]} {
  const segment = text.slice(0, end)
  for (const percent of findPercents(segment)) {
    if (percent.index < from || NOT_CHANGE_AFTER.test(segment.slice(percent.end, percent.end + 30))) continue
    const signed = signFromWords(percent, segment, from)
    return signed.value !== undefined ? {change24hPct: signed.value} : {change24hRange: signed.range!}
  }
  return {}
}

import {findPercents} from '../numbers.js'
import {signFromWords} from './sign-words.js'

const NOT_CHANGE_AFTER = /^\s*\)?\s*(?:\w+\s+)?(week|wk|7-?d|month|yoy|ytd|year|dominance|share|of\b|below|above|(?:from|off) (?:its |the |a )?(?:[\w$.,'’-]+ ){0,3}(?:high|peak|lows?|bottom|trough|ath|top|record))/i

/** "in 48 hours", "over two sessions", "across three days", "on the week": a move over another span than the day. */
export const OTHER_SPAN_AFTER = /^\s*\)?\s*(?:on|over|in|for|during) the (?:week|month|year)\b|^\s*\)?\s*(?:in|over|during|within) the (?:first |last |past |following |next )?hour\b|^\s*\)?\s*(?:\w+\s+)?(?:in|over|during|across|within|for)\s+(?:the\s+)?(?:past\s+|last\s+|prior\s+)?(?!24\s)(?:\d+|two|three|four|five|six|seven|several|few)\s+(?:hours|sessions|trading days|days)\b/i
/** "a 48-hour slide of", "two-day drop": a span other than the day named before the figure. */
export const OTHER_SPAN_BEFORE = /\b(?:(?!24\s?-?h)\d+\s?-?(?:h|hrs?|hours?)|(?:two|three|four|five|six|seven|multi)[- ](?:day|session|hour)|fortnight\w*)\b[^%]{0,40}$/i

/** A share named right before the figure ("dominance at 59.7%", "a 58% share"). */
const SHARE_BEFORE = /\b(?:dominance|share|weight(?:ing)?)\s*(?:\w+\s+){0,2}?(?:at|of|is|was|to|near|around|reads?|:)?\s*[~≈]?\s*$/i

/** Sets a quote's or a cap's 24h change to a percentage or range ("-1.2%", "+1–2%"). */
export function setChange(figures: {change24hPct?: number; change24hRange?: [number, number]}, percent: {value?: number; range?: [number, number]} | undefined): void {
  if (percent?.value !== undefined) figures.change24hPct = percent.value
  else if (percent?.range) figures.change24hRange = percent.range
}

/** The first 24h change (a percentage or range) in `text[from, end)`, signed by its verb. */
export function readChange(text: string, from: number, end: number): {change24hPct?: number; change24hRange?: [number, number]} {
  const segment = text.slice(0, end)
  for (const percent of findPercents(segment)) {
    if (percent.index < from || NOT_CHANGE_AFTER.test(segment.slice(percent.end, percent.end + 30)) || OTHER_SPAN_AFTER.test(segment.slice(percent.end, percent.end + 40))) continue
    if (OTHER_SPAN_BEFORE.test(segment.slice(from, percent.index))) continue
    // "with BTC's own market cap at $2.32tn and dominance at 59.7%": a share, not a move.
    if (SHARE_BEFORE.test(segment.slice(Math.max(from, percent.index - 40), percent.index))) continue
    // "sub-1%", "±2%": the brief gives a bound, not the change.
    if (percent.bound) return {}
    const signed = signFromWords(percent, segment, from)
    return signed.value !== undefined ? {change24hPct: signed.value} : {change24hRange: signed.range!}
  }
  return {}
}

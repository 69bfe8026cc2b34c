import {findAssetMentions, inPriceBand} from './assets.js'
import {cleanText, englishNotation, findMoney, findPercents} from './numbers.js'
import type {EtfFlow, PriceQuote} from './types.js'

/**
 * A line that corrects the brief: "**Correction, 10:15 UTC:** the ETH row above should read $3,398.20, +2.27%, not
 * $3,389.20, +2.00%", "*Correction (08:40 UTC): …", "**Correction.** …" (not "Correction is continuing for a second day").
 */
export const CORRECTION = /^[\s>*_-]*correction\b(?:\*\*|__)?\s*[:,.(—–-]/i
/** A clause that gives the wrong figure: "not $3,389.20", "An earlier version … put bitcoin's gain at 2.7 percent". */
const WRONG_CLAUSE = /\b(?:not|instead of|rather than|earlier version|originally|first version|misstated|previously)\b/i
/** A clause that gives the right figure: "The correct figure is $55.0M", "should read …". */
const RIGHT_CLAUSE = /\b(?:correct(?:ed)? (?:figure|number|amount|reading)|should (?:read|be|have been)|the right (?:figure|number))\b/i

/**
 * The clause of a correction that holds the place `at`. Clauses end at ". ", "; " and before ", not": each is
 * wholly the wrong figure's or the right one's. ("2.7 percent. The correct figure" reads "2.7% The correct figure":
 * a capital after a figure starts a sentence too.)
 */
function correctionClauses(text: string): (at: number) => string {
  const ends = [...text.matchAll(/[.;]\s|(?<=%)\s+(?=[A-Z])|,\s(?=not\b|instead of\b|rather than\b)/g)].map((match) => match.index)
  return (at) => text.slice(Math.max(-1, ...ends.filter((end) => end < at)) + 1, Math.min(text.length, ...ends.filter((end) => end >= at)))
}

/**
 * A figure the brief itself corrects is not shown as it was first written: when a correction names an
 * asset and the figure read is the one it calls wrong, the one it gives instead is shown, or, when it
 * gives no single other figure, none (the reader sees a dash, not the misprint).
 */
export function applyCorrections(prices: PriceQuote[], lines: readonly string[]): void {
  for (const raw of lines) {
    if (!CORRECTION.test(raw)) continue
    const text = englishNotation(cleanText(raw))
    const symbols = new Set(findAssetMentions(text).map((mention) => mention.symbol))
    const clauseOf = correctionClauses(text)
    const wrong = (at: number) => WRONG_CLAUSE.test(clauseOf(at))
    const money = findMoney(text).filter((item) => !item.range)
    const percents = findPercents(text).filter((percent) => percent.value !== undefined)
    for (const quote of prices) {
      if (!symbols.has(quote.symbol)) continue
      const amounts = money.filter((item) => inPriceBand(quote.symbol, item.value))
      if (quote.price !== undefined && amounts.some((item) => item.value === quote.price && wrong(item.index))) {
        const right = amounts.filter((item) => !wrong(item.index))
        if (right.length === 1) quote.price = right[0]!.value
        else delete quote.price
      }
      if (quote.change24hPct !== undefined && percents.some((percent) => percent.value === quote.change24hPct && wrong(percent.index))) {
        const right = percents.filter((percent) => !wrong(percent.index))
        if (right.length === 1) quote.change24hPct = right[0]!.value!
        else delete quote.change24hPct
      }
    }
  }
}

/**
 * An ETF flow the brief corrects ("*Correction: the 07:30 entry gave Wednesday's net inflow into spot ether ETFs as
 * $65.0M. The correct figure is $55.0M.*"): the amount a correction names for the flow's asset, in a clause that
 * is not the right one, gives way to the right clause's single amount, or to none.
 */
export function applyFlowCorrections(flows: readonly EtfFlow[], lines: readonly string[]): EtfFlow[] {
  let result = [...flows]
  for (const raw of lines) {
    if (!CORRECTION.test(raw) || !/\bETFs?\b|\bflows?\b/i.test(raw)) continue
    const text = englishNotation(cleanText(raw))
    const symbols = new Set(findAssetMentions(text).map((mention) => mention.symbol))
    const clauseOf = correctionClauses(text)
    const amounts = findMoney(text).filter((item) => !item.range && item.value >= 1e5)
    const right = amounts.filter((item) => RIGHT_CLAUSE.test(clauseOf(item.index)))
    if (right.length === 0 && !amounts.some((item) => WRONG_CLAUSE.test(clauseOf(item.index)))) continue
    const wrong = amounts.filter((item) => !right.includes(item))
    result = result.flatMap((flow) => {
      if (!symbols.has(flow.asset) || !wrong.some((item) => item.value === flow.amountUsd)) return [flow]
      return right.length === 1 ? [{...flow, amountUsd: right[0]!.value}] : []
    })
  }
  return result
}

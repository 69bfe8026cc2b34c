import {findMoney, findPercents} from '../numbers.js'
import type {Liquidation, Recogniser} from '../types.js'

const LIQUIDATION = /liquidat/i
const WINDOWS: ReadonlyArray<[RegExp, string]> = [
  [/\b(1|one)[- ]?(h|hr|hour)\b/i, '1h'],
  [/\b(4|four)[- ]?(h|hr|hours?)\b/i, '4h'],
  [/\b(12|twelve)[- ]?(h|hr|hours?)\b/i, '12h'],
  [/\b(48|forty-eight)[- ]?(h|hr|hours?)\b|\btwo days\b/i, '48h'],
  [/\b(7|seven)[- ]?(d|day)s?\b|\bweek(ly|end)?\b/i, '7d'],
  [/\bmonth|\bOctober|\bNovember|\bDecember|\bJanuary\b/i, 'month']
]

/**
 * "\$627 million in liquidations (70% longs)", "24h liquidations: ~\$182.8M",
 * "Liquidations totaled \$344M over 24 hours": the amount nearest the word
 * (M/B units only), the window stated in the same clause, and the long/short
 * split as amounts or as shares of the total.
 */
export const liquidations: Recogniser<Liquidation> = {
  name: 'liquidations',
  match(context) {
    const {text} = context
    const word = LIQUIDATION.exec(text)
    if (!word) return []
    if (/largest single|single (?:position|liquidation)/i.test(text.slice(Math.max(0, word.index - 30), word.index + 30))) return []
    const clauseStart = Math.max(text.lastIndexOf('. ', word.index) + 1, text.lastIndexOf(';', word.index) + 1, 0)
    const clauseEndAt = text.slice(word.index).search(/[.;](?=\s|$)/)
    const clauseEnd = clauseEndAt === -1 ? text.length : word.index + clauseEndAt
    const clause = text.slice(clauseStart, clauseEnd)
    const amounts = findMoney(clause).filter((money) => money.unit !== undefined && /^(m|mn|mm|million|b|bn|billion)$/.test(money.unit) && !money.negative)
    if (amounts.length === 0) return []
    const at = word.index - clauseStart
    const total = amounts.reduce((best, money) => (Math.abs(money.index - at) < Math.abs(best.index - at) ? money : best))
    const result: Liquidation = {amountUsd: total.range ? total.range[0] : total.value, window: windowOf(clause), line: context.line}
    if (total.range) result.amountUsdRange = total.range
    for (const money of amounts) {
      if (money === total || money.range) continue
      const after = clause.slice(money.end, money.end + 30)
      // "…: longs \$128M, shorts \$184M" names the side before the amount.
      const before = clause.slice(Math.max(0, money.index - 12), money.index)
      const side = /\b(long|short)s?\W{0,3}$/i.exec(before)?.[1] ?? /^\W*(?:\w+\s+){0,2}(long|short)s?\b/i.exec(after)?.[1]
      if (side?.toLowerCase() === 'long') result.long ??= money.value
      else if (side?.toLowerCase() === 'short') result.short ??= money.value
    }
    for (const percent of findPercents(clause)) {
      if (percent.value === undefined || percent.value <= 0 || percent.value > 100 || total.range) continue
      const after = clause.slice(percent.end, percent.end + 24)
      if (/^\W*(?:\w+\s+){0,2}longs?\b/i.test(after)) result.long ??= round(total.value * percent.value / 100)
      else if (/^\W*(?:\w+\s+){0,2}shorts?\b/i.test(after)) result.short ??= round(total.value * percent.value / 100)
    }
    return [result]
  }
}

function windowOf(clause: string): string {
  if (/\b24\s?-?h|\b24 hours|\bpast day|\bone day\b/i.test(clause)) return '24h'
  for (const [pattern, window] of WINDOWS) if (pattern.test(clause)) return window
  return '24h'
}

function round(value: number): number {
  return Math.round(value)
}

import {findMoney} from '../numbers.js'
import type {EtfFlow, Recogniser} from '../types.js'

const ETF = /\bETFs?\b|\bETPs?\b|\bIBIT\b|\bFBTC\b|\bETHA\b/
const OUTFLOW = /outflow|redemption|withdrew|withdrawals|bled|net (?:selling|negative)|negative/i
const INFLOW = /inflow|net (?:buying|positive|creation)|attracted|added|positive/i
// "do not trade at weekends" is not a weekly total.
const MULTI_DAY = /\b(week(?!ends?\b)|weekly|month|monthly|ytd|year|cumulative|since launch|streak|over (?:the )?(?:past |last )?(?:two|three|four|five|several|\d+) (?:trading )?days|in (?:october|november|december|january|2025))/i
const ISSUER = /\b(IBIT|FBTC|GBTC|ARKB|BITB|HODL|BTCO|EZBC|BRRR|BTCW|ETHA|FETH|ETHE|ETHW|BlackRock|Fidelity|Grayscale|ARK(?: 21Shares)?|Bitwise|VanEck|Invesco|Franklin)\b(?:'s)?\W{0,4}?(?:\w+\W+){0,2}?([-–−+]?\s?\$[\d,.]+\s?(?:[mMbB]|million|billion))/g
const DAY = /\b(?:on\s+)?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|yesterday)\b/

/**
 * "U.S. spot Bitcoin ETFs saw net inflows of \$457 million on December 17",
 * "Bitcoin ETFs saw -\$55.6M net outflows (IBIT -\$3.8M, …)": one flow per
 * asset and clause, with the issuer breakdown when given. Weekly, monthly
 * and cumulative figures are not a day's flow and are skipped.
 */
export const etfFlows: Recogniser<EtfFlow> = {
  name: 'etf-flows',
  match(context) {
    const flows: EtfFlow[] = []
    for (const clause of context.text.split(/(?<=[.;])\s+(?=[A-Z*])/)) {
      if (!ETF.test(clause) || !/flow|net|redemption|withdrew|attracted|bled/i.test(clause) || MULTI_DAY.test(clause)) continue
      const asset = assetOf(clause)
      if (!asset) continue
      const issuers = [...clause.matchAll(ISSUER)].map((match) => ({name: match[1]!, amount: findMoney(match[2]!)[0]})).filter((issuer) => issuer.amount)
      const issuerSpans = [...clause.matchAll(ISSUER)].map((match) => [match.index, match.index + match[0].length] as const)
      const amounts = findMoney(clause).filter((money) => money.unit !== undefined && /^(m|mn|million|b|bn|billion|k)$/.test(money.unit))
      const total = amounts.find((money) => !issuerSpans.some(([from, to]) => money.index >= from && money.index < to))
      if (!total) continue
      const words = clause.slice(0, Math.min(clause.length, total.end + 30))
      const direction: EtfFlow['direction'] = total.negative || (OUTFLOW.test(words) && !(INFLOW.test(words) && words.search(INFLOW) < words.search(OUTFLOW))) ? 'outflow' : 'inflow'
      const flow: EtfFlow = {asset, direction, amountUsd: total.range ? total.range[0] : total.value, line: context.line}
      if (total.range) flow.amountUsdRange = total.range
      const day = DAY.exec(clause)
      if (day) flow.day = day[1]!
      if (issuers.length > 0) flow.issuers = issuers.map((issuer) => ({name: issuer.name, amountUsd: issuer.amount!.negative ? -issuer.amount!.value : issuer.amount!.value}))
      if (!flows.some((other) => other.asset === asset)) flows.push(flow)
    }
    return flows
  }
}

function assetOf(clause: string): string | undefined {
  const at = (pattern: RegExp) => clause.search(pattern)
  const candidates: Array<[string, number]> = [
    ['BTC', at(/\b(bitcoin|btc|IBIT|FBTC|GBTC|ARKB)\b/i)],
    ['ETH', at(/\b(ethereum|ether|eth|ETHA)\b/i)],
    ['SOL', at(/\b(solana|sol)\b/i)],
    ['XRP', at(/\bxrp\b/i)]
  ]
  const found = candidates.filter(([, index]) => index >= 0).sort((a, b) => a[1] - b[1])
  return found[0]?.[0]
}

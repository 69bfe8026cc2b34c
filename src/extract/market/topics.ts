/**
 * What a sentence or line is about, when that makes its figures something
 * other than today's spot price. Shared by the price recognisers and by
 * `findUnparsed`, so that a line the extractor rightly skips is not then
 * reported as a price it failed to read.
 */

/** Topics whose figures are never a coin's spot price. */
export const NON_PRICE_TOPIC =
  /\b(derivatives?|futures|open interest|OI|funding|perps?|perpetuals?|basis|liquidat\w*|options?|max pain|strikes?|put[-/]call|expir\w*|calls?|puts?|ETF[s’']*|ETP[s’']*|inflows?|outflows?|flows?|market cap\w*|mcap|cap\b|supply|stablecoins?|USDT|USDC|dominance|volumes?|treasur\w*|holdings?|reserves?|whales?|mint\w*|transfers?|balances?|addresses|hash\s?rate|fees?|TVL|staked|staking|unlocks?)\b/i

/** A sentence that opens on such a topic: "Funding rates remain bullish: Bitcoin at +0.51%". */
const OPENS_ON_TOPIC =
  /^[\W\d]*(?:[\w'’.-]+\s+){0,3}?(derivatives?|futures|open interest|OI|funding|perps?|perpetuals?|liquidations?|options|max pain|stablecoins?|USDT|USDC|(?:spot )?ETF[s’']*|flows?)\b/i

export function opensOnNonPriceTopic(sentence: string): boolean {
  return OPENS_ON_TOPIC.test(sentence)
}

/** A line that says its figures are older than the brief: "an earlier Jan 7 snapshot had ETH ~3,230 USD". */
const EARLIER_SNAPSHOT = /\b(earlier|previous|prior|older|last week['’]s|yesterday['’]s)\s+(?:[\w-]+\s+){0,3}?(snapshot|reading|data|quotes?|prices?)\b/i

/** "yesterday's close \$3.40T → now \$3.42T": the amount after these words is another moment's. */
export const EARLIER_FIGURE_BEFORE = /\b(?:yesterday['’]?s?|yday['’]?s?|prev(?:ious)?|prior|last week['’]s|the day before['’]?s?)\s+(?:close|closing|open|opening|reading|level|figure|value|print)\s*(?:of|at|was|:|=)?\s*[~≈]?\s*$/i

/** Aggregators that publish prices and the total market cap; briefs quote two of them when they disagree. */
export const PRICE_AGGREGATORS = String.raw`(?:CoinMarketCap|CoinGecko|CMC|TradingView|Messari|CoinPaprika)`

/** "3.55T → 3.47T", "100.9k -> 99.8k": the value before the arrow is the old one. */
export const OLD_VALUE_AFTER = /^\s*(?:→|->|⇒|⟶)/

/** Another currency than the dollar ("24h (KRW market)", "₹9,714,000 (INR change 24h: +0.8%)"): the figures shown are in dollars. */
export const OTHER_CURRENCY = /\b(?:KRW|INR|EUR|GBP|JPY|BRL|ARS|MXN|COP|NGN|TRY|CNY|local|kimchi)\b|[₩₹€£¥₦]/i

export function quotesEarlierSnapshot(text: string): boolean {
  return EARLIER_SNAPSHOT.test(text)
}

/** "just over \$3,970", "a shade over \$3.72T": the figure itself, give or take (unlike "north of \$112,000", a bound). */
export const NEARLY_BEFORE = /\b(?:just|a little|a shade|a touch|slightly|marginally)\s+(?:over|under|above|below|shy of)\s*[~≈]?\s*$/i

/** How far back a sentence is looked for: a longer one starts there, so that a long paragraph is read in linear time. */
const LONGEST_SENTENCE = 2000

/** Start of the sentence that contains `index` (after the last ". ", "; ", "! " or "? "). */
export function sentenceStart(text: string, index: number): number {
  const from = Math.max(0, index - LONGEST_SENTENCE)
  let start = from
  for (const match of text.slice(from, index + 2).matchAll(/[.;!?]\s+(?=[A-Z(*\d$])/g)) {
    if (from + match.index + match[0].length > index) break
    start = from + match.index + match[0].length
  }
  return start
}

/** The sentence of `text` that holds `index`, for a message that quotes what the author wrote there. */
export function sentenceAt(text: string, index: number): string {
  const start = sentenceStart(text, index)
  // ("… with U.S. spot Bitcoin ETFs …": an abbreviation's dot ends nothing.)
  const end = [...text.slice(index).matchAll(/[.;!?](?=\s|$)/g)].find((match) => !/\b(?:approx|U\.S|vs|e\.g|i\.e|etc|Inc|No)$/.test(text.slice(0, index + match.index)))
  return text.slice(start, end ? index + end.index + 1 : text.length).trim()
}

import {memoised} from '../memo.js'

/** Assets a brief's market overview names, by symbol, with the names authors use. */
export const assets: ReadonlyArray<{symbol: string; name: string; pattern: RegExp}> = [
  // A currency glyph names the asset only at the head of a ticker strip's item ("₿ 106.25k (+1.4%) · Ξ 2.74k"):
  // elsewhere "₿2,500" is an amount in bitcoin.
  {symbol: 'BTC', name: 'Bitcoin', pattern: /\b(bitcoin|btc|bitcion|bitocin|bticoin)\b|(?<=^\W{0,4}|[·|│┃•]\s*)₿(?=\s+[\d~≈$])/gi},
  {symbol: 'ETH', name: 'Ethereum', pattern: /\b(ethereum|ether|eth)\b|(?<=^\W{0,4}|[·|│┃•]\s*)Ξ(?=\s+[\d~≈$])/gi},
  {symbol: 'SOL', name: 'Solana', pattern: /\b(solana|sol)\b|(?<=^\W{0,4}|[·|│┃•]\s*)◎(?=\s+[\d~≈$])/gi},
  {symbol: 'XRP', name: 'XRP', pattern: /\b(xrp|ripple)\b/gi},
  {symbol: 'BNB', name: 'BNB', pattern: /\b(bnb|binance coin)\b/gi},
  {symbol: 'DOGE', name: 'Dogecoin', pattern: /\b(dogecoin|doge)\b/gi},
  {symbol: 'ADA', name: 'Cardano', pattern: /\b(cardano|ada)\b/gi},
  {symbol: 'TON', name: 'Toncoin', pattern: /\b([Tt]oncoin|TON)\b/g},
  {symbol: 'AVAX', name: 'Avalanche', pattern: /\b(avalanche|avax)\b/gi},
  {symbol: 'SUI', name: 'Sui', pattern: /\b(sui)\b/gi},
  {symbol: 'TRX', name: 'Tron', pattern: /\b(tron|trx)\b/gi},
  {symbol: 'LINK', name: 'Chainlink', pattern: /\b([Cc]hainlink|LINK)\b/g},
  {symbol: 'HYPE', name: 'Hyperliquid', pattern: /\b(HYPE)\b/g},
  // Smaller assets briefs quote next to the majors: without them, "XRP (…),
  // and Arbitrum (\$0.1891, −1.71%)" would hand Arbitrum's price to XRP.
  // Tickers that are English words are matched in upper case only.
  {symbol: 'ARB', name: 'Arbitrum', pattern: /\b([Aa]rbitrum|ARB)\b/g},
  {symbol: 'OP', name: 'Optimism', pattern: /\b(Optimism|OP)\b/g},
  {symbol: 'HBAR', name: 'Hedera', pattern: /\b(hedera|hbar)\b/gi},
  {symbol: 'LTC', name: 'Litecoin', pattern: /\b(litecoin|ltc)\b/gi},
  {symbol: 'DOT', name: 'Polkadot', pattern: /\b([Pp]olkadot|DOT)\b/g},
  {symbol: 'SHIB', name: 'Shiba Inu', pattern: /\b(shiba inu|shib)\b/gi},
  {symbol: 'PEPE', name: 'Pepe', pattern: /\bPEPE\b/g},
  {symbol: 'XLM', name: 'Stellar', pattern: /\b(Stellar|XLM)\b/g},
  {symbol: 'ZEC', name: 'Zcash', pattern: /\b(zcash|zec)\b/gi},
  {symbol: 'TAO', name: 'Bittensor', pattern: /\b([Bb]ittensor|TAO)\b/g}
]

export interface AssetMention {
  symbol: string
  name: string
  index: number
  end: number
  /** False when the words around it show it is not the asset's price ("BTC dominance", "ETH/BTC", "in BTC"). */
  quote: boolean
  /** True for the asset an other one is compared with ("outpaced BTC"): it does not end that one's figures. */
  comparison: boolean
}

/** Words after an asset's name that make the figures that follow about something else. */
const NOT_A_QUOTE_AFTER = /^\.D\b|^\W{0,3}(?:\w+\s+)?(dominance|dom\b|etfs?\b|spot etfs?|futures|options|open interest|oi\b|perps?\b|perpetual|funding|treasur|holdings|network|miners?|hash|market cap|mcap|supply|whales?|liquidation|ecosystem|chain\b|staking|reserves?|flows?|\/(?!\s?USDT?\b)|-denominated|-margined|pairs?\b|long|short)/i
// "outpaced BTC gains", "strength against BTC": a comparison, the figures that follow are the other asset's.
const COMPARISON_BEFORE = /(\bvs\.?|\bversus|\bthan|\bagainst|\brelative to|\bout(?:pac|perform)\w*|\bunderperform\w*|\btrail\w*|\blagg\w*)\s+\(?$/i
// "ETH/BTC" is a pair; "BTC $105,100 (-1.1%) / ETH $2,690" separates two quotes; "10,000 BTC" is a quantity
// ("At $20,000, Bitcoin …" is not).
const NOT_A_QUOTE_BEFORE = /(\bin|\bof|\bfor|\bper|\bvs\.?|\bversus|\bthan|\bagainst|\brelative to|\bout(?:pac|perform)\w*|\bunderperform\w*|\btrail\w*|\blagg\w*|\bmillion|\bbillion|\d(?:[\d,]*\d)?(?:\.\d+)?[kKmM]?)\s+\(?$|\/$/i

/** Every asset name or symbol in the (cleaned) text, in order (shared while remembering: do not change the array). */
export const findAssetMentions: (text: string) => AssetMention[] = memoised(assetMentions)

function assetMentions(text: string): AssetMention[] {
  const mentions: AssetMention[] = []
  for (const asset of assets) {
    for (const match of text.matchAll(asset.pattern)) {
      const end = match.index + match[0].length
      const after = text.slice(end, end + 30)
      const before = text.slice(Math.max(0, match.index - 20), match.index)
      const quote = !NOT_A_QUOTE_AFTER.test(after) && !NOT_A_QUOTE_BEFORE.test(before)
      mentions.push({symbol: asset.symbol, name: asset.name, index: match.index, end, quote, comparison: COMPARISON_BEFORE.test(before)})
    }
  }
  return mentions.sort((a, b) => a.index - b.index)
}

/** The symbol of a table cell or label naming one asset ("Bitcoin (BTC)", "**SOL**"). */
export function assetOfLabel(label: string): {symbol: string; name: string} | undefined {
  const mentions = findAssetMentions(label)
  // "BTC dominance", "ETH funding (8h)", "BTC spot ETFs": a row about something else than the asset's price.
  if (mentions.some((mention) => !mention.quote)) return undefined
  const symbols = new Set(mentions.map((mention) => mention.symbol))
  // "Funding (BTC, 8h)", "Wrapped Bitcoin": other words make the row about something else.
  let rest = label
  for (const mention of [...mentions].reverse()) rest = rest.slice(0, mention.index) + rest.slice(mention.end)
  if (mentions.length > 0 && /\p{L}{3,}/u.test(rest.replace(/\b(?:usd[tc]?|price|spot|the|coin|token|network)\b/gi, ''))) return undefined
  if (symbols.size === 1) return {symbol: mentions[0]!.symbol, name: mentions[0]!.name}
  // Any other ticker in a prices table ("TAO", "Hyperliquid (HYPE)").
  const ticker = /\(([A-Z0-9]{2,6})\)|^\s*([A-Z0-9]{2,6})\s*$/.exec(label)
  const symbol = ticker?.[1] ?? ticker?.[2]
  // ("MARKET OVERVIEW (24H)", "| 7D |": a period, not a ticker.)
  if (symbol && !/^\d+(?:H|HR|HRS|D|W|M|Y)$|^\d+$/.test(symbol)) return {symbol, name: label.replace(/\([^)]*\)/, '').trim() || symbol}
  return undefined
}

/**
 * Prices a major asset can plausibly trade at. A number written with no
 * currency ("SOL ~89.6") is read as a price only next to the ticker and
 * inside its band; assets without a band need a currency.
 */
export const PRICE_BANDS: Readonly<Record<string, readonly [number, number]>> = {
  BTC: [1_000, 1_000_000],
  ETH: [50, 50_000],
  SOL: [1, 5_000],
  XRP: [0.05, 50],
  BNB: [10, 10_000],
  DOGE: [0.005, 5],
  ADA: [0.05, 20]
}

export function inPriceBand(symbol: string, value: number): boolean {
  const band = PRICE_BANDS[symbol]
  return band !== undefined && value >= band[0] && value <= band[1]
}

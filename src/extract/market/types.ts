import type {Section} from '../sections.js'

export interface PriceQuote {
  /** The asset's usual name ("Bitcoin"). */
  asset: string
  /** Upper-case ticker ("BTC"). */
  symbol: string
  price?: number
  range?: [number, number]
  change24hPct?: number
  change24hRange?: [number, number]
  /** Line of the figures in the file (1-based). */
  line: number
}

export interface MarketCap {
  usd?: number
  usdRange?: [number, number]
  change24hPct?: number
  change24hRange?: [number, number]
  line: number
}

export interface Liquidation {
  amountUsd: number
  amountUsdRange?: [number, number]
  /** "24h" unless the brief states another window ("1h", "48h", "7d"). */
  window: string
  long?: number
  short?: number
  line: number
  /** The clause the figure was read from, cleaned of markup. */
  evidence?: string
}

export interface EtfFlow {
  asset: string
  direction: 'inflow' | 'outflow'
  amountUsd: number
  amountUsdRange?: [number, number]
  /** The day as written ("Dec 17", "Friday"), when stated. */
  day?: string
  /** The day resolved against the brief's date (YYYY-MM-DD), when it can be. */
  date?: string
  issuers?: Array<{name: string; amountUsd: number}>
  line: number
  evidence?: string
}

/** A market-overview line naming an asset and a figure from which no price was read. */
export interface UnparsedPrice {
  symbol: string
  line: number
  column: number
  /** The line, cleaned of markup, for the message. */
  text: string
}

/** A figure the extractor read but does not show: out of bounds, or contradicted elsewhere in the brief. */
export interface Withheld {
  /** What it would have been ("BTC 24h change", "24h liquidations"). */
  field: string
  /** As read ("64%", "$62.3B"). */
  value: string
  line: number
  reason: 'implausible' | 'conflict'
  /** What a plausible figure looks like, for the message. */
  expected: string
}

/** A line that names a figure the brief then yields none of: what the author is told. */
export interface Unread {
  field: string
  line: number
  column: number
  text: string
  /** A way of writing it that is read. */
  example: string
}

/** Where a figure was read: a reader can check it against the brief. */
export interface Evidence {
  line: number
  column: number
  /** The words it was read from, cleaned of markup. */
  text: string
}

export interface MarketData {
  prices: PriceQuote[]
  marketCap?: MarketCap
  fearGreed?: number
  fearGreedRange?: [number, number]
  liquidations: Liquidation[]
  etfFlows: EtfFlow[]
  unparsed: UnparsedPrice[]
  /** Figures kept off the panel and the data (see `plausible.ts`). */
  withheld: Withheld[]
  /** Topics the brief names with a number but yields no figure for (see `unread.ts`). */
  unread: Unread[]
  /** Evidence of every shown figure, by key (`prices.BTC`, `liquidations.0`; see `evidence.ts`). */
  evidence: Record<string, Evidence>
}

/** One line (or one table row) of a section, as recognisers see it. */
export interface LineContext {
  line: number
  /** The line as written. */
  raw: string
  /** The line without markup or escapes (see `cleanText`). */
  text: string
  section: Section
  /** The asset whose own heading the line sits under ("## Bitcoin (BTC)"). */
  asset?: {symbol: string; name: string}
  /** The brief's own day (YYYY-MM-DD), to resolve "Friday" or "Feb 2". */
  date?: string
  /** Set for a GFM table row: its cells, cleaned, the header's, and the one-line title above the table. */
  /** `snapshot`: the latest row of a grid of intraday snapshots, which gives prices only. */
  table?: {header: string[]; cells: string[]; caption?: string; snapshot?: boolean; millions?: boolean}
  /** The first line of the table or code block the line belongs to: its lines are one statement. */
  block?: number
}

/** A small matcher for one way of writing a figure. */
export interface Recogniser<T> {
  name: string
  match(context: LineContext): T[]
}

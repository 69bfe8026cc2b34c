import {z} from 'zod'
import {calendarDay} from '../validate/front-matter.js'

/**
 * The data contract of one day: what `site/YYYY/MM/DD/brief.json` holds and
 * `site/schema/brief.schema.json` describes. Every figure is a plain number
 * (USD; percent as -3.2 for "-3.2%"), never a string. `line` is the 1-based
 * line in the brief where the figure was read, so a reader can find it.
 */
const usd = z.number().finite().describe('Amount in US dollars')
const pct = z.number().finite().describe('Percent, e.g. -3.2 for "-3.2%"')
const line = z.number().int().positive().describe('1-based line in the brief where this was read')
const pair = (item: z.ZodNumber) => z.tuple([item, item])

export const priceSchema = z
  .object({
    asset: z.string().min(1).describe('Asset name as the brief writes it, e.g. "Bitcoin"'),
    symbol: z.string().regex(/^[A-Z0-9]{2,10}$/).describe('Ticker, upper case, e.g. "BTC"'),
    price: usd.positive().optional().describe('Stated price in USD'),
    range: pair(usd).optional().describe('Stated price range [low, high] in USD'),
    change24hPct: pct.optional().describe('Stated 24h change in percent'),
    change24hRange: pair(pct).optional().describe('Stated 24h change range [low, high] in percent'),
    line
  })
  .describe('A price quote from the market overview')

export const liquidationSchema = z.object({
  amountUsd: usd.nonnegative(),
  amountUsdRange: pair(usd).optional().describe('Stated amount range [low, high], when a range is given'),
  window: z.string().min(1).describe('Time window, "24h" unless stated'),
  longUsd: usd.nonnegative().optional().describe('Long positions liquidated, when split'),
  shortUsd: usd.nonnegative().optional().describe('Short positions liquidated, when split'),
  line
})

export const etfFlowSchema = z.object({
  asset: z.string().regex(/^[A-Z0-9]{2,10}$/).describe('Underlying asset, e.g. "BTC"'),
  direction: z.enum(['inflow', 'outflow']),
  amountUsd: usd.nonnegative(),
  amountUsdRange: pair(usd).optional().describe('Stated amount range [low, high], when a range is given'),
  day: z.string().optional().describe('The day the flow refers to, as written'),
  date: calendarDay.optional().describe('The day the flow refers to, resolved against the brief\'s date (YYYY-MM-DD)'),
  issuers: z.array(z.object({name: z.string().min(1), amountUsd: usd})).optional().describe('Issuer breakdown, signed (outflows negative)'),
  line
})

export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info'])

export const headlineSchema = z.object({
  title: z.string().min(1),
  severity: severitySchema.optional().describe('Normalised severity'),
  severityLabel: z.string().optional().describe('Severity as written, e.g. "LOW/CONTEXT"'),
  whyItMatters: z.string().optional(),
  citations: z.array(z.string()).describe('Labels of the footnotes the headline cites'),
  line
})

export const citationSchema = z.object({
  label: z.string().min(1),
  url: z.string().describe('Target URL as written (empty when missing)'),
  referenced: z.boolean().describe('Referenced anywhere in the brief (visible or hidden)'),
  hiddenOnly: z.boolean().describe('Referenced only inside hidden raw HTML')
})

export const briefDataSchema = z
  .object({
    date: calendarDay.describe('The calendar day of the brief, YYYY-MM-DD'),
    title: z.string().min(1),
    category: z.string().min(1),
    url: z.string().describe('Site-relative URL of the day page'),
    prices: z.array(priceSchema),
    marketCap: z
      .object({
        usd: usd.positive().optional().describe('Total crypto market cap in USD'),
        usdRange: pair(usd).optional().describe('Stated market-cap range [low, high]'),
        change24hPct: pct.optional(),
        change24hRange: pair(pct).optional()
      })
      .optional(),
    fearGreed: z.number().min(0).max(100).optional().describe('Fear & Greed index, 0-100'),
    fearGreedRange: pair(z.number().min(0).max(100)).optional().describe('Stated Fear & Greed range [low, high]'),
    liquidations: z.array(liquidationSchema),
    etfFlows: z.array(etfFlowSchema),
    headlines: z.array(headlineSchema),
    evidence: z
      .record(
        z.string(),
        z.object({line, column: z.number().int().positive(), text: z.string().describe('The words the figure was read from, cleaned of markup')})
      )
      .describe('Where each figure was read, by key: "prices.BTC", "marketCap", "fearGreed", "liquidations.0", "etfFlows.0"'),
    citations: z.array(citationSchema)
  })
  .describe('One daily brief as structured data')

export type BriefData = z.infer<typeof briefDataSchema>
export type PriceQuote = z.infer<typeof priceSchema>
export type Headline = z.infer<typeof headlineSchema>
export type Severity = z.infer<typeof severitySchema>

/** The JSON Schema written to `site/schema/brief.schema.json`. */
export function briefJsonSchema(): object {
  return z.toJSONSchema(briefDataSchema, {target: 'draft-2020-12'})
}

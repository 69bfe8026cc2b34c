import {daySummarySchema, type DaySummary} from '../data/day-summary.js'
import {schemaOrder} from '../data/schema-order.js'
import {compare} from './compare.js'
import type {SiteFile} from './feeds.js'

/**
 * The archive as data: `data/prices.csv` for spreadsheets and `data/briefs.json`
 * for programs: every day's figures, with a link to the day's own
 * `brief.json` for its headlines and citations (all of them in one file
 * would be 60 MB for 4,000 days, rewritten whenever one day is added).
 * Both are sorted and formatted without locale, so the same archive always
 * gives the same bytes.
 */

/** A summary with the schema's keys only, in the schema's order. */
const inSummaryOrder = schemaOrder(daySummarySchema)

export const DOWNLOAD_PATHS = {prices: 'data/prices.csv', briefs: 'data/briefs.json'} as const

export const PRICE_COLUMNS = ['date', 'symbol', 'asset', 'price', 'range_low', 'range_high', 'change24h_pct', 'change24h_low', 'change24h_high'] as const

/** Both downloads as site files. */
export function downloadFiles(briefs: readonly DaySummary[]): SiteFile[] {
  return [
    {path: DOWNLOAD_PATHS.prices, content: pricesCsv(briefs)},
    {path: DOWNLOAD_PATHS.briefs, content: briefsJson(briefs)}
  ]
}

/**
 * One row per brief and quoted asset, by date, then symbol, then the line it
 * was read from. A figure the brief does not state is an empty cell, never 0.
 * RFC 4180: CRLF line ends, a header row, fields quoted only when they must be.
 */
export function pricesCsv(briefs: readonly Pick<DaySummary, 'date' | 'url' | 'prices'>[]): string {
  // One string appended to, rather than an array per row and per cell.
  let csv = `${PRICE_COLUMNS.map(csvField).join(',')}\r\n`
  for (const brief of byDate(briefs)) {
    const date = csvField(brief.date)
    for (const quote of [...brief.prices].sort((a, b) => compare(a.symbol, b.symbol) || a.line - b.line)) {
      csv +=
        `${date},${csvField(quote.symbol)},${csvField(quote.asset)},${csvField(quote.price)},${csvField(quote.range?.[0])},${csvField(quote.range?.[1])},` +
        `${csvField(quote.change24hPct)},${csvField(quote.change24hRange?.[0])},${csvField(quote.change24hRange?.[1])}\r\n`
    }
  }
  return csv
}

/**
 * Every day's summary, oldest first. Each was checked against the published
 * schema when it was made (`summarize`), so the file always matches
 * `schema/day-summary.schema.json`; here its keys are put in the schema's
 * order whatever built the object, as parsing it again would.
 */
export function briefsJson(briefs: readonly DaySummary[]): string {
  return `${JSON.stringify(byDate(briefs).map(inSummaryOrder), null, 2)}\n`
}

function byDate<T extends Pick<DaySummary, 'date' | 'url'>>(briefs: readonly T[]): T[] {
  return [...briefs].sort((a, b) => compare(a.date, b.date) || compare(a.url, b.url))
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return ''
  // A plain number is digits, a sign and a point: never quoted.
  if (typeof value === 'number') return plainNumber(value)
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * A number as digits, without exponent or grouping: `String` writes
 * 0.00000012 as `1.2e-7`, which some spreadsheets read as text. The digits are
 * exactly those `String` chose, only the decimal point moves.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`)
  const text = String(value)
  // Most figures have no exponent: no pattern to run (a third of the CSV's time).
  if (!text.includes('e')) return text
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign, lead, fraction = '', exponentText] = match as unknown as [string, string, string, string | undefined, string]
  const digits = lead + fraction
  const exponent = Number(exponentText)
  // `String` uses an exponent only below 1e-6 or from 1e21, where at most 17
  // significant digits never reach the decimal point.
  return exponent < 0 ? `${sign}0.${'0'.repeat(-exponent - 1)}${digits}` : `${sign}${digits.padEnd(exponent + 1, '0')}`
}

import {daySummarySchema, type DaySummary} from '../data/day-summary.js'
import {schemaOrder} from '../data/schema-order.js'
import type {SiteFile} from './feeds.js'

/**
 * The archive as data: `data/prices.csv` for spreadsheets and `data/briefs.json`
 * for programs: every day's figures, with a link to the day's own
 * `brief.json` for its headlines and citations (all of them in one file
 * would be 60 MB for 4,000 days, rewritten whenever one day is added).
 * Both are sorted and formatted without locale, so the same archive always
 * gives the same bytes.
 */

export const DOWNLOAD_PATHS = {prices: 'data/prices.csv', briefs: 'data/briefs.json'} as const

export const PRICE_COLUMNS = ['date', 'symbol', 'asset', 'price', 'range_low', 'range_high', 'change24h_pct', 'change24h_low', 'change24h_high'] as const

/** Both downloads as site files, their bytes joined from the days' parts. */
export function downloadFiles(briefs: readonly DaySummary[]): SiteFile[] {
  return [
    {path: DOWNLOAD_PATHS.prices, content: Buffer.concat(pricesCsvParts(briefs))},
    {path: DOWNLOAD_PATHS.briefs, content: Buffer.concat(briefsJsonParts(briefs))}
  ]
}

/**
 * One day's share of both files, as text: its rows of `prices.csv` and its
 * entry of `briefs.json`, indented as it sits in the array. The pipeline
 * keeps them with the day's analysis (src/cache/analysis-pack.ts) and hands
 * them back through `keepDownloadParts`, so that a build of 4,000 days
 * formats only the days it analysed: formatting both files took 0.8 of the
 * 7.9 billion instructions (cachegrind) of the fixed work of adding a brief.
 */
export interface DownloadParts {
  /** UTF-8 bytes: read back from the pack, views of its buffer, never strings the collector copies. */
  csv: Uint8Array
  json: Uint8Array
}

/** A summary with the schema's keys only, in the schema's order. */
const inSummaryOrder = schemaOrder(daySummarySchema)

/** Parts kept for summaries seen in this process, by the summary itself. */
const kept = new WeakMap<object, DownloadParts>()

/** Hands over the parts of a summary, made earlier by `downloadParts` from an equal one. */
export function keepDownloadParts(summary: DaySummary, parts: DownloadParts): void {
  kept.set(summary, parts)
}

/** The parts of one day's summary, for `keepDownloadParts` in a later build. */
export function downloadParts(summary: DaySummary): DownloadParts {
  return {csv: Buffer.from(priceRows(summary), 'utf8'), json: Buffer.from(briefsJsonEntry(summary), 'utf8')}
}

/**
 * One row per brief and quoted asset, by date, then symbol, then the line it
 * was read from. A figure the brief does not state is an empty cell, never 0.
 * RFC 4180: CRLF line ends, a header row, fields quoted only when they must be.
 */
export function pricesCsv(briefs: readonly Pick<DaySummary, 'date' | 'url' | 'prices'>[]): string {
  return Buffer.concat(pricesCsvParts(briefs)).toString('utf8')
}

function pricesCsvParts(briefs: readonly Pick<DaySummary, 'date' | 'url' | 'prices'>[]): Uint8Array[] {
  const parts: Uint8Array[] = [Buffer.from(`${PRICE_COLUMNS.map(csvField).join(',')}\r\n`)]
  for (const brief of byDate(briefs)) parts.push(kept.get(brief)?.csv ?? Buffer.from(priceRows(brief), 'utf8'))
  return parts
}

/** A day's rows of prices.csv: one string appended to, rather than an array per row and per cell. */
function priceRows(brief: Pick<DaySummary, 'date' | 'prices'>): string {
  let rows = ''
  const date = csvField(brief.date)
  for (const quote of [...brief.prices].sort((a, b) => compare(a.symbol, b.symbol) || a.line - b.line)) {
    rows +=
      `${date},${csvField(quote.symbol)},${csvField(quote.asset)},${csvField(quote.price)},${csvField(quote.range?.[0])},${csvField(quote.range?.[1])},` +
      `${csvField(quote.change24hPct)},${csvField(quote.change24hRange?.[0])},${csvField(quote.change24hRange?.[1])}\r\n`
  }
  return rows
}

/**
 * Every day's summary, oldest first. Each was checked against the published
 * schema when it was made (`summarize`), so the file always matches
 * `schema/day-summary.schema.json`; here its keys are put in the schema's
 * order whatever built the object, as parsing it again would. From the
 * kept entries when every day has one, written as JSON.stringify(days,
 * null, 2) would write them.
 */
export function briefsJson(briefs: readonly DaySummary[]): string {
  return Buffer.concat(briefsJsonParts(briefs)).toString('utf8')
}

function briefsJsonParts(briefs: readonly DaySummary[]): Uint8Array[] {
  const days = byDate(briefs)
  // Without kept entries, one JSON.stringify is faster than one per day.
  if (days.length === 0 || !days.every((day) => kept.has(day))) return [Buffer.from(`${JSON.stringify(days.map(inSummaryOrder), null, 2)}\n`, 'utf8')]
  const between = Buffer.from(',\n  ')
  const parts: Uint8Array[] = [Buffer.from('[\n  ')]
  for (const [index, day] of days.entries()) {
    if (index > 0) parts.push(between)
    parts.push(kept.get(day)!.json)
  }
  parts.push(Buffer.from('\n]\n'))
  return parts
}

/** A day's entry of briefs.json, indented one level as in the array. */
function briefsJsonEntry(summary: DaySummary): string {
  return JSON.stringify(inSummaryOrder(summary), null, 2).replaceAll('\n', '\n  ')
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

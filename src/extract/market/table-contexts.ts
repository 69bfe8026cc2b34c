import type {Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Section} from '../sections.js'
import {assetOfLabel} from './assets.js'
import {htmlTableRows} from './html.js'
import {cleanText, englishNotation} from './numbers.js'
import type {LineContext} from './types.js'

const PRICE_ROW = /^(?:price|prices|last|spot|close|current(?: price)?|usd|price \(usd\)|last \(usd\)|spot \(usd\))$/i

interface Row {
  line: number
  cells: string[]
}

/** One context per data row of a GFM table. */
export function tableContexts(table: Table, section: Section, lines: readonly string[], date?: string): LineContext[] {
  const [head, ...rows] = table.children
  const header = head ? head.children.map((cell) => cleanText(toString(cell))) : []
  const read = rows.flatMap((row) => (row.position ? [{line: row.position.start.line, cells: row.children.map((cell) => englishNotation(cleanText(toString(cell))))}] : []))
  return contextsOf(header, read, section, lines, date)
}

/** An HTML `<table>` read as a GFM one: a context per data row, at the row's line, under the last header row. */
export function htmlTableContexts(html: string, startLine: number, section: Section, lines: readonly string[], date?: string): LineContext[] {
  let header: string[] = []
  const rows: Row[] = []
  for (const row of htmlTableRows(html)) {
    const cells = row.cells.map((cell) => englishNotation(cleanText(cell)))
    if (row.header) header = cells
    else rows.push({line: startLine + (html.slice(0, row.offset).match(/\n/g)?.length ?? 0), cells})
  }
  return contextsOf(header, rows, section, lines, date)
}

function contextsOf(header: string[], rows: readonly Row[], section: Section, lines: readonly string[], date?: string): LineContext[] {
  const turned = byAsset(header, rows)
  return (turned ? turned.rows : rows).map(({line, cells}) => ({line, raw: lines[line - 1] ?? '', text: cells.join(' | '), section, table: {header: turned?.header ?? header, cells}, block: rows[0]!.line, ...(date && {date})}))
}

/**
 * A table with a column per asset and a row per figure ("| | BTC | ETH |" then "| Price | … |",
 * "| 24h | … |") turned into a row per asset, so that it reads like any prices table. Each
 * asset's row sits at the line of the first figure row.
 */
function byAsset(header: string[], rows: readonly Row[]): {header: string[]; rows: Row[]} | undefined {
  const assets = header.slice(1).map((name) => assetOfLabel(name))
  if (rows.length === 0 || assets.length < 2 || assets.some((asset) => !asset) || rows.some((row) => assetOfLabel(row.cells[0] ?? ''))) return undefined
  // Only a table of prices: a table of funds with an asset per column ("| AUM (US$ bn) | 128.6 | 19.4 | 2.9 |") is not one.
  if (!rows.some((row) => PRICE_ROW.test((row.cells[0] ?? '').trim()))) return undefined
  return {
    header: ['Asset', ...rows.map((row) => row.cells[0] ?? '')],
    rows: assets.map((_, index) => ({line: rows[0]!.line, cells: [header[index + 1]!, ...rows.map((row) => row.cells[index + 1] ?? '')]}))
  }
}

import type {Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Section} from '../sections.js'
import {assetOfLabel} from './assets.js'
import {htmlTableRows} from './html.js'
import {minutesOf} from './moments.js'
import {cleanText, englishNotation} from './numbers.js'
import type {LineContext} from './types.js'

const PRICE_ROW = /^(?:price|prices|last|spot|close|current(?: price)?|usd|price \(usd\)|last \(usd\)|spot \(usd\))$/i

interface Row {
  line: number
  cells: string[]
}

/** A cell's text; a cell that is one number with spaces between its thousands ("104 860", "1 137,5") is that number. */
function cellText(cell: string): string {
  const text = englishNotation(cleanText(cell))
  return /^\s*[+−–-]?\s?[~≈]?\s?\$?\d{1,3}(?: \d{3})+(?:\.\d+)?\s*$/.test(text) ? text.replace(/(?<=\d) (?=\d{3}\b)/g, ',') : text
}

/** One context per data row of a GFM table. */
export function tableContexts(table: Table, section: Section, lines: readonly string[], date?: string, caption?: string, millions?: boolean): LineContext[] {
  const [head, ...rows] = table.children
  const header = head ? head.children.map((cell) => cleanText(toString(cell))) : []
  const read = rows.flatMap((row) => (row.position ? [{line: row.position.start.line, cells: row.children.map((cell) => cellText(toString(cell)))}] : []))
  return contextsOf(header, read, section, lines, date, caption, millions)
}

/** An HTML `<table>` read as a GFM one: a context per data row, at the row's line, under the last header row. */
export function htmlTableContexts(html: string, startLine: number, section: Section, lines: readonly string[], date?: string): LineContext[] {
  let header: string[] = []
  const rows: Row[] = []
  for (const row of htmlTableRows(html)) {
    const cells = row.cells.map(cellText)
    if (row.header) header = cells
    else rows.push({line: startLine + (html.slice(0, row.offset).match(/\n/g)?.length ?? 0), cells})
  }
  return contextsOf(header, rows, section, lines, date)
}

/**
 * A table set in a code block, its columns aligned with spaces ("ASSET  PREV CLOSE   NOW   24H"
 * then "BTC    97,410       95,180   -2.3%"), as bots and terminals print them; undefined when
 * the block's lines do not split into as many cells as the header.
 */
export function fixedWidthTable(code: string, startLine: number): {header: string[]; rows: Row[]} | undefined {
  const [first, ...rest] = code.split('\n')
  // (A CSV export, "symbol,priceUsd,chg24hPct,…", is the same table with commas between its cells.)
  const csv = /^[\w ()%$/.-]+(?:,[\w ()%$/.-]+){2,}$/.test(first?.trim() ?? '')
  const split = (line: string) => line.trim().split(csv ? /\s*,\s*/ : /\s{2,}|\t+/)
  // (A header set over the figures only, "                 PREV NOTE (Thu 07:00 UTC)   NOW (Fri 07:00 UTC)   24H", leaves the labels' column unnamed.)
  const unnamed = !csv && /^\s{4,}\S/.test(first ?? '')
  const header = [...(unnamed ? [''] : []), ...split(first ?? '').map(keyWords)]
  if (header.length < 3 || header.some((name) => /\d/.test(name) && !/\b\d{1,3}\s?(?:h|hr|d|w|m)\b/i.test(name) && !CLOCK.test(name) && !/\(\s*(?:\w+\s+)?\d{1,2}:\d{2}\b[^)]*\)/.test(name))) return undefined
  const rows = rest.flatMap((line, index) => (line.trim() === '' ? [] : [{line: startLine + 2 + index, cells: split(line).map(cellText)}]))
  // (Under such a header a row may leave its last columns empty: "BTC DOMINANCE    58.5%    58.4%" under a 24H column.
  // A row with a note of its own, "Liquidations 24h   $356M  (long $261M / short $95M)", is not the table's: it is read as a line.)
  const fits = (row: Row) => row.cells.length === header.length || (unnamed && row.cells.length >= 2 && row.cells.length < header.length && !row.cells.some((cell) => /^\(/.test(cell)))
  const table = rows.filter(fits)
  const loose = rows.filter((row) => !fits(row))
  if (table.length === 0 || (!unnamed && loose.length > 0) || table.every((row) => row.cells.length !== header.length)) return undefined
  return {header: header.map((name) => cleanText(name)), rows: table}
}

/**
 * A YAML or JSON map of an asset's figures, read as a table row under its keys: on one line ("BTC: {last: 103012,
 * chg_1h_pct: -0.34, chg_24h_pct: -2.10}") or as a block ("BTC:" then one indented "last: 93674" per line). A value
 * under a key in percent is a percentage. `number` is the line's (from 1); gives the row and how many lines it took.
 */
export function assetMap(lines: readonly string[], number: number): {header: string[]; rows: Row[]; taken: number} | undefined {
  const at = number - 1
  const line = lines[at] ?? ''
  const inline = /^\s*["']?([A-Za-z]{2,6})["']?\s*:\s*\{([^{}]+)\}\s*,?\s*(?:#.*)?$/.exec(line)
  const block = inline ? undefined : /^(\s*)["']?([A-Za-z]{2,6})["']?\s*:\s*(?:#.*)?$/.exec(line)
  const asset = inline?.[1] ?? block?.[2]
  if (!asset || !assetOfLabel(asset)) return undefined
  let written = inline ? inline[2]!.split(',') : []
  if (block) {
    const below = lines.slice(at + 1)
    const indent = /^(\s*)/.exec(below[0] ?? '')![1]!.length
    const end = below.findIndex((next) => /^(\s*)/.exec(next)![1]!.length !== indent || indent <= block[1]!.length || next.trim() === '')
    written = below.slice(0, end < 0 ? below.length : end).map((next) => next.replace(/\s*#.*$/, ''))
  }
  const pairs = written.map((pair) => /^\s*["']?([\w ()%]+?)["']?\s*:\s*["']?([^"']*?)["']?\s*$/.exec(pair))
  if (pairs.length < 2 || pairs.some((pair) => !pair)) return undefined
  const header = ['asset', ...pairs.map((pair) => cleanText(keyWords(pair![1]!)))]
  const cells = [asset, ...pairs.map((pair) => (/\b(?:pct|percent)\b/i.test(keyWords(pair![1]!)) && /^[+−-]?\d+(?:\.\d+)?$/.test(pair![2]!) ? `${pair![2]}%` : cellText(pair![2]!)))]
  return {header, rows: [{line: number, cells}], taken: block ? written.length + 1 : 1}
}

/**
 * A code block that lists funds with one signed amount each ("IBIT   +318.4" … "-----" … "NET    +561.2"), read as a
 * table of funds (its title is the paragraph above it).
 */
export function fundList(code: string, startLine: number): {header: string[]; rows: Row[]} | undefined {
  const rows: Row[] = []
  for (const [index, line] of code.split('\n').entries()) {
    if (line.trim() === '' || /^\s*[-=_─]{3,}\s*$/.test(line)) continue
    const match = /^\s*([A-Za-z][\w .&'-]{0,24}?)\s{2,}([+−–-]?\s?\(?\d[\d,.]*\)?)\s*$/.exec(line)
    if (!match) return undefined
    rows.push({line: startLine + 1 + index, cells: [match[1]!, cellText(match[2]!)]})
  }
  return rows.length >= 2 ? {header: ['Fund', 'Net flow'], rows} : undefined
}

/** "btc_usd : 102,344.18" in a data snapshot: the key's words are read as words. */
export const SNAKE_CASE = /(?<=[a-z0-9])_(?=[a-z0-9])/gi

/** A data key read as words: "chg24hPct" → "chg 24h Pct", "btc_price_usd" → "btc price usd". */
export function keyWords(key: string): string {
  return key.replace(SNAKE_CASE, ' ').replace(/(?<=[a-z])(?=[A-Z0-9])|(?<=\d)(?=[A-Z])/g, ' ')
}

/** The header of the column a table row's text ("cell | cell | …") holds at `at`. */
export function columnHeader(table: {header: readonly string[]} | undefined, text: string, at: number): string | undefined {
  return table?.header[text.slice(0, at).split(' | ').length - 1]
}

export function contextsOf(header: string[], rows: readonly Row[], section: Section, lines: readonly string[], date?: string, caption?: string, millions?: boolean): LineContext[] {
  rows = rows.map(withStatedUnit)
  const byColumn = byAsset(header, rows)
  const snapshot = byColumn ? undefined : latestSnapshot(header, rows)
  const turned = byColumn ?? snapshot
  const shown = withoutEarlierColumns(turned?.header ?? header, turned ? turned.rows : rows)
  return shown.rows.map(({line, cells}) => ({line, raw: lines[line - 1] ?? '', text: cells.join(' | '), section, table: {header: shown.header, cells, ...(caption && {caption}), ...(snapshot && {snapshot: true}), ...(millions && {millions})}, block: rows[0]!.line, ...(date && {date})}))
}

/** A title or header that gives the unit of bare cells: "Net Flows (US$ M)", "(\$m)", "(million USD)", "(USD m)", "spot BTC ETFs, net, million USD:". */
export const MILLIONS = /\(\s*(?:USD\s?|US\$\s?|\$\s?)?(?:m|mn|mm|millions?)(?:\s*(?:USD|US\$|\$))?\s*\)|(?:^|[,:;]\s*)millions? (?:of )?(?:USD|US\$|dollars)\b|\bUS\$\s?m\b|\$m\b|\bin millions\b|\b(?:USD|US\$)\s?(?:m|mn|millions?)\b/i

/** "286.4", "-96.3", "(96.3)" in a column of millions. */
export function bareAmount(cell: string): {value: number; negative: boolean; range?: undefined; unit?: string} | undefined {
  const match = /^\s*(\()?\s*([+−–-])?\s?(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s*\)?\s*$/.exec(cell)
  if (!match) return undefined
  return {value: Math.round(Number(match[3]!.replace(/,/g, '')) * 1e6), negative: match[1] !== undefined || (match[2] !== undefined && match[2] !== '+')}
}

/** "| Liquidations ($M) | 96.3 | 248.6 |" read as "| Liquidations ($M) | $96.3M | $248.6M |": the cells carry the unit their row's label states. (Tables with a unit per column are the ETF tables' own to read.) */
function withStatedUnit(row: Row): Row {
  // (Or in billions or trillions: "| Mkt cap ($T) | 3.41 |", "| Stablecoins (US$ bn) | 241 |".)
  const label = row.cells[0] ?? ''
  const suffix = MILLIONS.test(label) ? 'M' : /\(\s*(?:USD\s?|US\$\s?|\$\s?)?(?:tn|trillions?|T)\s*\)/.test(label) ? 'T' : /\(\s*(?:USD\s?|US\$\s?|\$\s?)?(?:bn|billions?|B)\s*\)/.test(label) ? 'B' : undefined
  if (!suffix) return row
  const cells = row.cells.map((cell, column) => {
    const amount = column === 0 ? undefined : bareAmount(cell)
    return amount ? `${amount.negative ? '-' : ''}$${Number((amount.value / 1e6).toPrecision(8))}${suffix}` : cell
  })
  return {...row, cells}
}

/** A column of another moment ("Yesterday's close", "Prev", "Open", "24h ago"): not the brief's figure. */
const EARLIER_COLUMN = /\b(?:yesterday|yday|prev(?:ious)?|prior|open(?!\s+interest)|ago|last week)\b/i

const CURRENT_COLUMN = /\b(?:now|current|today|latest|live)\b|\b(?:last|past)\s+24\s?-?h(?:ours?)?\b/i

/** "| Asset | Yesterday's close | Now | 24h |" read as "| Asset | Now | 24h |". */
function withoutEarlierColumns(header: string[], rows: readonly Row[]): {header: string[]; rows: readonly Row[]} {
  // Columns of snapshots at several hours ("| 08:00 | 12:00 | 16:00 | 24H |"): the latest is where it trades now.
  const hours = header.map((name, column) => (column > 0 ? clockOf(name) : undefined))
  const latest = Math.max(...hours.map((hour) => hour ?? -1))
  if (hours.filter((hour) => hour !== undefined).length >= 2) {
    const keep = hours.map((hour) => hour === undefined || hour === latest)
    const named = header.map((name, column) => (hours[column] !== undefined ? `Price at ${name.trim()}` : name))
    return {header: named.filter((_, column) => keep[column]), rows: rows.map((row) => ({...row, cells: row.cells.filter((_, column) => keep[column] ?? true)}))}
  }
  const keep = header.map((name, column) => column === 0 || !EARLIER_COLUMN.test(name))
  // Only when a column of the brief's own moment takes its place.
  if (keep.every(Boolean) || !header.some((name, column) => column > 0 && keep[column] && CURRENT_COLUMN.test(name))) return {header, rows}
  return {header: header.filter((_, column) => keep[column]), rows: rows.map((row) => ({...row, cells: row.cells.filter((_, column) => keep[column] ?? true)}))}
}

/** A header or cell that is only a clock time ("16:00", "08:00 UTC"). */
const CLOCK = /^\s*\d{1,2}:\d{2}\s*(?:UTC|GMT|Z|ET|CET|CEST|BST|KST|JST|SGT|HKT)?\s*$/i
const clockOf = (cell: string): number | undefined => (CLOCK.test(cell) ? minutesOf(cell, true) : undefined)

/**
 * A grid of intraday snapshots, a row per time and a column per asset ("| UTC | BTC | ETH | Total crypto cap |"
 * then "| 08:00 | $114,610 | … |", "| 16:00 | $116,035 | … |"): the latest row is where each trades now,
 * turned into a row per column.
 */
function latestSnapshot(header: string[], rows: readonly Row[]): {header: string[]; rows: Row[]} | undefined {
  if (rows.length === 0 || !header.slice(1).some((name) => assetOfLabel(name)) || !rows.every((row) => clockOf(row.cells[0] ?? '') !== undefined)) return undefined
  const latest = rows.reduce((best, row) => (clockOf(row.cells[0]!)! >= clockOf(best.cells[0]!)! ? row : best))
  return {header: ['Asset', `Price at ${latest.cells[0]!.trim()}`], rows: header.slice(1).map((name, index) => ({line: latest.line, cells: [name, latest.cells[index + 1] ?? '']}))}
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

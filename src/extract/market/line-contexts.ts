/**
 * How a section reads as statements: one context per line (a hard-wrapped sentence joined to the line it
 * starts on, a value joined to its bold label or question) and one per table row.
 */
import type {RootContent} from 'mdast'
import type {Section} from '../sections.js'
import {CORRECTION} from './corrections.js'
import {labelBeforeFigure} from './figure-first.js'
import {withoutHtml} from './html.js'
import {cleanText, englishNotation, percentWords} from './numbers.js'
import {assetMap, contextsOf, fixedWidthTable, fundList, htmlTableContexts, MILLIONS, keyWords, SNAKE_CASE, tableContexts} from './table-contexts.js'
import type {LineContext} from './types.js'

const BOLD_QUESTION = /^\s*(?:\*\*|__)[^*_]+\?(?:\*\*|__)\s*$/
/** A line that opens a list item, a title, a table row or a bold label: a new statement, not an answer. */
const OPENS_ITEM = /^\s*(?:[-*+]\s|\d+[.)]\s|#|\||\*\*)/

/** A line that is only a bold label: "**Fear & Greed**", "**Total crypto market cap:**". */
const BOLD_LABEL = /^\s*(?:\*\*|__)[^*_\d]{2,40}(?:\*\*|__)\s*:?\s*$/

/** A camelCase key before its value ("`liqTotal24h`: US$318.7M", "etfBtcNet[2031-11-11]: +US$189.2M"). */
const CAMEL_KEY = /[`"]?\b([a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)(\[[^\]]*\])?[`"]?(?=\s*[:=])/g
/** A value in scientific notation, or a whole number of seven digits or more, after a key ("liq_24h_total: 6.842e8", "total_mcap_usd: 3.57e12", "liquidations24hUsd": 141300000). */
const SCIENTIFIC = /([:=]\s*)([+-]?(?:\d+(?:\.\d+)?e\+?\d{1,2}|\d{7,}))(?![\w.])/gi
const SUFFIXES: ReadonlyArray<[number, string]> = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M']]
/** A line that opens on a data key: "btc_price:: 118,900", "eth_24h: -1.14%". */
const DATA_KEY = /^\s*[A-Za-z]\w*::?\s/
const INLINE_FIELD = /\[([a-z][\w ]*?)::\s*([^\]]+)\]/gi
/** A snake_case key that ends in its value's unit: "total_cap_tn", "liq_24h_musd", "btc_perp_oi_bn". */
const UNIT_KEY = /\b([a-z][a-z0-9_]*?)_(tn|bn|musd|usd_?m|mn|usd_?bn|usd_?tn)(\s*[:=]\s*)([+−-]?)(\d+(?:\.\d+)?)(?![\w.%])/gi
const UNIT_SUFFIX: Record<string, string> = {tn: 'T', usdtn: 'T', usd_tn: 'T', bn: 'B', usdbn: 'B', usd_bn: 'B', musd: 'M', usdm: 'M', usd_m: 'M', mn: 'M'}

/**
 * A data snapshot's "key: value" read as a sentence: the key's words as words, a value in scientific
 * notation as an amount ("6.842e8" → "$684.2M": in a market snapshot such values are dollars; a net flow's
 * without a sign is an inflow), and a bare value under a key in percent as a percentage
 * ("btc_chg_24h_pct: -1.68" → "-1.68%").
 */
function dataKeys(text: string): string {
  // ("total_cap_tn: 3.254", "liquidations_24h_musd: 340.0": the key's last word is the value's unit.)
  // (A note-taking app's inline field, "btc_price:: 118,900", is a key and its value; in a sentence, "[[Bitcoin]] sat at
  // [btc_price:: 110,210]", the sentence names the figure and the field gives its value.)
  const scaled = text.replace(INLINE_FIELD, '$2').replace(/(?<=\w)::(?=\s)/g, ':').replace(UNIT_KEY, (_match, key: string, unit: string, lead: string, sign: string, value: string) => `${key}${lead}${sign === '' || sign === '+' ? sign : '-'}$${value}${UNIT_SUFFIX[unit.toLowerCase()]}`)
  // ("etf_btc_cum_net_usd": a feed's short word for cumulative.)
  const words = scaled.replace(CAMEL_KEY, (_match, key: string, bracket?: string) => `${keyWords(key)}${bracket ? ` ${bracket}` : ''}`).replace(SNAKE_CASE, ' ').replace(/\bcum\b(?=[^:=]*[:=])/i, 'cumulative')
  return words
    .replace(SCIENTIFIC, (_match, lead: string, written: string, offset: number) => {
      const value = Number(written)
      const [scale, suffix] = SUFFIXES.find(([size]) => Math.abs(value) >= size) ?? [1, '']
      // (A data feed writes a net flow's sign only when it is negative: "etf_btc_net_flow_usd: 1.186e8" is an inflow.)
      const sign = value < 0 ? '-' : /\b(?:net|flows?)\b[^:=]*[:=]\s*$/i.test(words.slice(0, offset) + lead) ? '+' : ''
      return `${lead}${sign}$${Number((Math.abs(value) / scale).toPrecision(6))}${suffix}`
    })
    .replace(/(\b(?:pct|percent)\s*[:=]\s*[+−-]?\d+(?:\.\d+)?)(?=\s*(?:#.*)?$)/i, '$1%')
}

/** One context per non-blank line of the section, and one per data row of each table in it. */
export function lineContexts(section: Section, lines: readonly string[], date?: string): LineContext[] {
  const contexts: LineContext[] = []
  const tableLines = new Set<number>()
  // Each line of a code block ("btc_usd : 102,344.18") is its own statement: none goes on into the next.
  const codeStart = new Map<number, number>()
  for (const node of section.nodes) {
    if (node.type === 'code' && node.position) for (let line = node.position.start.line; line <= node.position.end.line; line++) codeStart.set(line, node.position.start.line)
  }
  for (const node of section.nodes) {
    const fence = node.type === 'code' && node.position ? node.position.start.line - (/^\s*(?:```|~~~)/.test(lines[node.position.start.line - 1] ?? '') ? 0 : 1) : undefined
    const aligned = node.type === 'code' && fence !== undefined ? fixedWidthTable(node.value, fence) : undefined
    const funds = node.type === 'code' && fence !== undefined && !aligned ? fundList(node.value, fence) : undefined
    if (aligned ?? funds) {
      // (The block's header and rows are the table's; a loose line in it is read as a line.)
      const rowLines = new Set((aligned ?? funds)!.rows.map((row) => row.line))
      for (let line = node.position!.start.line; line <= node.position!.end.line; line++) if (line <= fence! + 1 || rowLines.has(line) || line === node.position!.end.line) tableLines.add(line)
      contexts.push(...(aligned ? contextsOf(aligned.header, aligned.rows, section, lines, date) : contextsOf(funds!.header, funds!.rows, section, lines, date, captionOf(section, node, lines))))
      continue
    }
    if ((node.type !== 'table' && !(node.type === 'html' && /<table\b/i.test(node.value))) || !node.position) continue
    for (let line = node.position.start.line; line <= node.position.end.line; line++) tableLines.add(line)
    contexts.push(...(node.type === 'table' ? tableContexts(node, section, lines, date, captionOf(section, node, lines), declaresMillions(lines, node.position.start.line, node.position.end.line)) : htmlTableContexts(node.value, node.position.start.line, section, lines, date)))
  }
  for (let line = section.line; line <= section.endLine; line++) {
    const raw = lines[line - 1] ?? ''
    // Footnote and link definitions are sources, not the brief's statements; a quoted remark
    // ('> "This ends with a 2B liquidation cascade" — a reader') is someone's opinion.
    // A correction restates the wrong figure it corrects ("An earlier version put Solana at US$197.50").
    if (tableLines.has(line) || raw.trim() === '' || /^\s{0,3}\[\^?[^\]]+\]:/.test(raw) || /^\s{0,3}>\s*["“]/.test(raw) || CORRECTION.test(raw)) continue
    // A sentence hard-wrapped over several lines is read as one ("Bitcoin climbed 2.7% over / the last
    // 24 hours to around 68,900 dollars"), at the line where it starts.
    const previous = contexts.at(-1)
    const previousLines = previous?.raw.split('\n') ?? []
    // A definition-list value ("BTC" then ": $94,380 · +1.4%") goes with its term, and so does a value
    // under a bold label of its own ("**Total crypto market cap**" then "$3.35 trillion, +1.2% on the day").
    const labelAbove = previous && previousLines.length === 1 && BOLD_LABEL.test(previous.raw) && /^\s*[~≈$€£\d+−–-]/.test(raw)
    // A bold question is answered in the next paragraph too ("**Were there liquidations?**", a blank line, "Yes, $530M …").
    const questionAbove = previous && previousLines.length === 1 && BOLD_QUESTION.test(previous.raw) && previous.line + 2 === line && (lines[line - 2] ?? '').trim() === '' && !OPENS_ITEM.test(raw)
    if (questionAbove || (previous && previous.line + previousLines.length === line && !codeStart.has(line) && (wrapsOnto(previousLines.at(-1)!, raw) || /^\s*:\s/.test(raw) || labelAbove))) {
      previous!.raw += `${questionAbove ? '\n' : ''}\n${raw}`
      // (Lines of data keys, "btc_price:: 118,900" then "btc_24h:: +0.68%", are items of one list.)
      const separator = DATA_KEY.test(raw) && DATA_KEY.test(previousLines.at(-1)!) ? ' ·' : ''
      previous!.text += `${labelAbove && !previous.text.trimEnd().endsWith(':') ? ':' : ''}${separator} ${dataKeys(englishNotation(cleanText(withoutHtml(raw.trim()))))}`
      // ("up about 3.5 per" / "cent on the day": each line was cleaned alone.)
      previous!.text = percentWords(previous!.text)
      continue
    }
    const block = codeStart.get(line)
    const mapped = block !== undefined ? assetMap(lines, line) : undefined
    if (mapped) {
      contexts.push(...contextsOf(mapped.header, mapped.rows, section, lines, date))
      for (let taken = line; taken < line + mapped.taken; taken++) tableLines.add(taken)
      continue
    }
    contexts.push({line, raw, text: labelBeforeFigure(raw, dataKeys(englishNotation(cleanText(withoutHtml(raw))))), section, ...(block !== undefined && {block}), ...(date && {date})})
  }
  return contexts.sort((a, b) => a.line - b.line)
}

/**
 * The next line goes on with the sentence of this one: this one stops mid-sentence (no closing
 * punctuation, footnote or bracket) and the next opens no list item, title, label or table row.
 */
function wrapsOnto(line: string, next: string): boolean {
  // A bold question is answered on the next line ("**Where is Bitcoin trading?**" / "Around $102,080.").
  if (BOLD_QUESTION.test(line) && !OPENS_ITEM.test(next)) return true
  if (/^\s{0,3}(?:#|\*\*[^*]+\*\*\s*:?\s*$|__)/.test(line) || /[.!?:;)\]|*_]\s*$/.test(line)) return false
  // "… the Fear &" / "Greed Index at 58", "… slipped to" / "68,900": a line that stops on "&" or a preposition goes on, whatever comes next.
  // (So does one that stops on a conjunction: "… at 3.1%, while" / "CoinMarketCap has it at 3.6%".)
  if (/(?:&|\b(?:of|at|to|by|from|near|around|about|while|whereas|and|but|or|than|with))\s*$/i.test(line) && !/^\s*(?:[-*+]\s|\d+[.)]\s|#|\|)/.test(next)) return true
  // A numbered item ("6. **54** — Fear & Greed") starts a new statement.
  if (/^\s*\d+[.)]\s/.test(next)) return false
  // (A signed figure goes on too: "SOL (~$202," / "+2.5%) came along".)
  return /^\s*(?:[\p{Ll}\d$(~≈&]|[+−–-]\d)/u.test(next) || /^\s*\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(next) && !/^\s*[\w\s()/&-]{1,40}:\s/u.test(next)
}

/** A note of the brief's units before a table ("All figures US$ millions", "Amounts in USD m") or under it ("*US$ m, net.*"): its bare cells are millions. */
const DECLARED_MILLIONS = /\b(?:all\s+)?(?:figures|amounts|numbers|values|flows)\b[^.|]{0,30}?\b(?:US\$|USD|\$)\s?(?:m|mn|millions?)\b/i

function declaresMillions(lines: readonly string[], start: number, end: number): boolean {
  // (Or a short note right under the table: "*US$ m, net.*".)
  const note = lines.slice(end, end + 2).find((line) => line.trim() !== '')
  return lines.slice(0, start - 1).some((line) => !line.trimStart().startsWith('|') && DECLARED_MILLIONS.test(line)) || (note !== undefined && note.length <= 60 && MILLIONS.test(note))
}

/**
 * The paragraph right above a table, when it is one line that titles it ("**US spot ETF net flows,
 * Wednesday 26 May 2027 (US$ millions)**", "Net flows by issuer (USD m):"): it may give the table's day and unit.
 */
function captionOf(section: Section, table: RootContent, lines: readonly string[]): string | undefined {
  const index = section.nodes.indexOf(table)
  const above = section.nodes[index - 1]
  // (A toggle's summary, "<summary>US spot ETF flows</summary>", titles the table inside it.)
  const summary = above?.type === 'html' ? /<summary>([^<]{2,120})<\/summary>/i.exec(above.value)?.[1] : undefined
  if (summary) return englishNotation(cleanText(summary))
  if (above?.type !== 'paragraph' || !above.position || !table.position || above.position.start.line !== above.position.end.line || table.position.start.line - above.position.end.line > 2) return undefined
  // (A footnote after it, "… (USD):[^4]", still ends it.)
  const raw = (lines[above.position.start.line - 1] ?? '').replace(/\[\^[^\]\s]*\]/g, '')
  return /^\s*(?:\*\*|__).*(?:\*\*|__)\s*:?\s*$|:\s*$/.test(raw) ? englishNotation(cleanText(withoutHtml(raw))) : undefined
}

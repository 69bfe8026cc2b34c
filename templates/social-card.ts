import stringWidth from 'string-width'
import type {Element as XElement, Root as XRoot} from 'xast'
import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'
import {cleanText} from '../src/control-characters.js'
import type {BriefData} from '../src/data/brief-data-schema.js'
import {firstQuotesOf} from '../src/render/chart-data.js'
import {longDate} from '../src/render/dates.js'
import {percent, trendOf, usd, usdCompact} from '../src/render/figures.js'

/**
 * The picture a link to a day shows where it is shared (`og:image`): a
 * 1200 × 630 SVG drawn at build time with the day, the title and the key
 * figures. No web font, no image, nothing from another host. Written as XML
 * through xast, which escapes the texts; they lose the characters XML
 * forbids (src/control-characters.ts), so any brief gives a well-formed card.
 */

export const CARD_WIDTH = 1200
export const CARD_HEIGHT = 630

export interface CardProps {
  siteTitle: string
  /** The day, `YYYY-MM-DD`; none on the site's own card. */
  date?: string | undefined
  /** The brief's title, or the site's description on the site's card. */
  title: string
  figures?: Pick<BriefData, 'prices' | 'marketCap' | 'fearGreed' | 'fearGreedRange'> | undefined
}

const PAD = 72
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif'
const COLOURS = {bg: '#0d1117', fg: '#e6edf3', muted: '#9da7b3', accent: '#6cb6ff', rule: '#30363d', up: '#3fb950', down: '#ff7b72', flat: '#9da7b3'}
/** Width of a column of text (string-width's unit) in ems: a wide estimate for a sans-serif, so that lines fit. */
const EM_PER_COLUMN = 0.58
const TITLE = {size: 54, leading: 66, lines: 3, top: 250}
const MAIN = ['BTC', 'ETH', 'SOL']

/** The card as an SVG document. */
export function socialCard(props: CardProps): string {
  const siteTitle = cleanText(props.siteTitle)
  const title = cleanText(props.title)
  const date = props.date ? longDate(props.date) : undefined
  const lines = wrap(title, CARD_WIDTH - 2 * PAD, TITLE.size, TITLE.lines)
  const tiles = figureTiles(props.figures)
  const tileWidth = tiles.length > 0 ? (CARD_WIDTH - 2 * PAD - (tiles.length - 1) * 24) / tiles.length : 0
  const text = (attributes: Record<string, string | number>, value: string) => x('text', attributes, value)
  const svg: XElement = x(
    'svg',
    {xmlns: 'http://www.w3.org/2000/svg', width: CARD_WIDTH, height: CARD_HEIGHT, viewBox: `0 0 ${CARD_WIDTH} ${CARD_HEIGHT}`, role: 'img', 'aria-labelledby': 'card-title', 'font-family': FONT},
    [
      x('title', {id: 'card-title'}, [date ? `${title} (${date})` : title, ` · ${siteTitle}`].join('')),
      x('rect', {width: CARD_WIDTH, height: CARD_HEIGHT, fill: COLOURS.bg}),
      x('rect', {y: CARD_HEIGHT - 12, width: CARD_WIDTH, height: 12, fill: COLOURS.accent}),
      text({x: PAD, y: 104, 'font-size': 30, 'font-weight': 700, fill: COLOURS.muted}, clip(siteTitle, CARD_WIDTH - 2 * PAD, 30)),
      ...(date ? [text({x: PAD, y: 162, 'font-size': 34, fill: COLOURS.accent}, date)] : []),
      ...lines.map((line, index) => text({x: PAD, y: TITLE.top + index * TITLE.leading, 'font-size': TITLE.size, 'font-weight': 700, fill: COLOURS.fg}, line)),
      ...tiles.flatMap((tile, index) => {
        const left = PAD + index * (tileWidth + 24)
        const valueSize = Math.min(42, fitSize(tile.value, tileWidth - 8))
        return [
          x('rect', {x: left, y: 452, width: tileWidth, height: 2, fill: COLOURS.rule}),
          text({x: left, y: 496, 'font-size': 26, 'font-weight': 700, fill: COLOURS.muted}, tile.label),
          text({x: left, y: 546, 'font-size': valueSize, 'font-weight': 700, fill: COLOURS.fg}, tile.value),
          ...(tile.change ? [text({x: left, y: 588, 'font-size': 26, fill: COLOURS[tile.change.trend]}, tile.change.text)] : [])
        ]
      })
    ]
  )
  const root: XRoot = x(null, [{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'}, {type: 'text', value: '\n'}, svg, {type: 'text', value: '\n'}])
  // xast escapes `&` and `<` but leaves `]]>`, which XML forbids in text: its `>` is escaped here (the card has no CDATA of its own).
  return toXml(root).replaceAll(']]>', ']]&gt;')
}

interface Tile {
  label: string
  value: string
  change?: {text: string; trend: 'up' | 'down' | 'flat'} | undefined
}

/** BTC, ETH and SOL (those the brief quotes), then the market cap and Fear & Greed: four at most. */
function figureTiles(figures: CardProps['figures']): Tile[] {
  if (!figures) return []
  const tiles: Tile[] = []
  const quotes = firstQuotesOf(figures.prices)
  for (const symbol of MAIN) {
    const quote = quotes.get(symbol)
    if (!quote) continue
    const value = quote.price !== undefined ? usd(quote.price) : quote.range ? `${usdCompact(quote.range[0])}–${usdCompact(quote.range[1])}` : undefined
    if (value !== undefined) tiles.push({label: symbol, value, change: changeOf(quote.change24hPct, quote.change24hRange)})
  }
  const cap = figures.marketCap
  if (cap && (cap.usd !== undefined || cap.usdRange)) {
    tiles.push({label: 'Market cap', value: cap.usd !== undefined ? usdCompact(cap.usd) : `${usdCompact(cap.usdRange![0])}–${usdCompact(cap.usdRange![1])}`, change: changeOf(cap.change24hPct, cap.change24hRange)})
  }
  const fear = figures.fearGreed !== undefined ? String(figures.fearGreed) : figures.fearGreedRange ? `${figures.fearGreedRange[0]}–${figures.fearGreedRange[1]}` : undefined
  if (fear !== undefined) tiles.push({label: 'Fear & Greed', value: `${fear} / 100`})
  return tiles.slice(0, 4)
}

/** A 24h change (a range, else a single figure) with its arrow, so that its direction is not told by colour alone. */
function changeOf(pct: number | undefined, range: readonly [number, number] | undefined): Tile['change'] {
  const [low, high] = range ?? [pct, pct]
  if (low === undefined || high === undefined) return undefined
  const trend = trendOf(low, high)
  const arrow = {up: '▲', down: '▼', flat: '◆'}[trend]
  return {trend, text: `${arrow} ${low === high ? percent(low) : `${percent(low)} to ${percent(high)}`}`}
}

const widthOf = (text: string, size: number) => stringWidth(text) * EM_PER_COLUMN * size

/** The largest size (px) at which `text` fits `width`. */
function fitSize(text: string, width: number): number {
  return Math.floor(width / Math.max(1, stringWidth(text) * EM_PER_COLUMN))
}

/** `text` cut with an ellipsis to fit `width` at `size`. */
function clip(text: string, width: number, size: number): string {
  if (widthOf(text, size) <= width) return text
  const characters = [...text]
  while (characters.length > 0 && widthOf(`${characters.join('')}…`, size) > width) characters.pop()
  return `${characters.join('').trimEnd()}…`
}

/** Lines of whole words that fit `width` at `size`, `max` of them, the last clipped with an ellipsis if the text runs on. */
export function wrap(text: string, width: number, size: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  const words = text.split(/\s+/).filter(Boolean)
  for (const [index, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word
    if (widthOf(candidate, size) <= width) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = word
    if (lines.length === max) {
      // The text runs on past the last line: that line ends with an ellipsis.
      lines[max - 1] = clip(`${lines[max - 1]} ${words.slice(index).join(' ')}`, width, size)
      return lines
    }
  }
  if (line) lines.push(line)
  // A word longer than a line is clipped rather than left to overflow.
  return lines.map((each) => clip(each, width, size))
}

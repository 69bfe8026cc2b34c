import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {price} from '../../templates/key-figures.js'
import type {DayFigures} from '../../templates/key-figures.js'
import {percent, usdCompact} from './figures.js'

/**
 * A day's key figures as a feed item carries them: one line of plain text
 * each, in a list, since a feed reader has no stylesheet (the day page's
 * panel hides words and draws arrows with it). Empty when the brief states
 * no figure.
 */
export function feedFigures(data: DayFigures): string {
  const lines: string[] = []
  for (const quote of data.prices) {
    const change = changeText(quote.change24hPct, quote.change24hRange)
    lines.push(`${quote.symbol} ${price(quote)}${change ? ` (${change} in 24h)` : ''}`)
  }
  const cap = data.marketCap
  if (cap && (cap.usd !== undefined || cap.usdRange)) {
    const change = changeText(cap.change24hPct, cap.change24hRange)
    lines.push(`Total market cap ${cap.usd !== undefined ? usdCompact(cap.usd) : `${usdCompact(cap.usdRange![0])}–${usdCompact(cap.usdRange![1])}`}${change ? ` (${change})` : ''}`)
  }
  if (data.fearGreed !== undefined) lines.push(`Fear & Greed ${data.fearGreed} / 100`)
  else if (data.fearGreedRange) lines.push(`Fear & Greed ${data.fearGreedRange[0]}–${data.fearGreedRange[1]} / 100`)
  for (const item of data.liquidations) lines.push(`Liquidations (${item.window}) ${usdCompact(item.amountUsd)}`)
  for (const flow of data.etfFlows) lines.push(`${flow.asset} ETFs${flow.day ? ` (${flow.day})` : ''}: ${usdCompact(flow.amountUsd)} ${flow.direction}`)
  if (lines.length === 0) return ''
  return toHtml(h('ul', {ariaLabel: 'Key figures'}, lines.map((line) => h('li', line))))
}

function changeText(single: number | undefined, range: readonly [number, number] | undefined): string | undefined {
  return range ? `${percent(range[0])} to ${percent(range[1])}` : single !== undefined ? percent(single) : undefined
}

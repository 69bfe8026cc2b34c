import type {Element, ElementContent} from 'hast'
import {scaleLinear, scaleUtc} from 'd3-scale'
import {line} from 'd3-shape'
import {s} from 'hastscript'
import {summaryText, type ChartPoint} from '../src/render/chart-data.js'
import {utcMidnight} from '../src/render/dates.js'

/**
 * A price chart drawn at build time as inline SVG: no script is needed to see
 * it, and d3-scale and d3-shape do the scales, ticks and path. Colours come
 * from `currentColor` and classes (`chart-line`, `chart-grid`, `chart-tick`,
 * `chart-dot`), so the page's CSS, dark mode included, decides them. Sizes are
 * presentation attributes, not `style`, which a strict CSP would block.
 *
 * The SVG has a fixed viewBox; the page's CSS should let it shrink
 * (`svg.chart { max-width: 100%; height: auto }`). Shrunk to a phone's
 * width, its labels shrink too (11 units are 6 px at 360 px), so the CSS
 * sets them larger there: the value labels sit inside the plot, above their
 * grid lines, where a larger size needs no wider margin, and every other
 * day label (`chart-tick-minor`) can be hidden to make room.
 */

export interface PriceChartOptions {
  /** Short name, the SVG's `<title>`: "Bitcoin price (USD)". */
  title: string
  /** What the chart shows; the summary (low, high, last, gaps) is appended for `<desc>`. */
  description: string
  /** One point per calendar day from first to last, `value: undefined` where there is none (see `dailySeries`). */
  points: readonly ChartPoint[]
  width: number
  height: number
  /** A sparkline: no axes, no grid, only the line and its last point. */
  small?: boolean
  /** Unique on the page; the ids of `<title>` and `<desc>` derive from it. Defaults to a slug of the title. */
  id?: string
}

/** Room at the top for the highest value's label, at the bottom for the day labels. */
const FULL_MARGIN = {top: 28, right: 16, bottom: 34, left: 8}
/** Distance from a label's end to the chart's edge under which it is anchored to that edge rather than centred. */
const EDGE = 48
const SMALL_MARGIN = {top: 4, right: 4, bottom: 4, left: 4}
const DAY_MS = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function priceChart(options: PriceChartOptions): Element {
  const {title, points, width, height, small = false} = options
  const id = options.id ?? `chart-${slug(title)}`
  const summary = summaryText(points)
  const head = [s('title', {id: `${id}-title`}, title), s('desc', {id: `${id}-desc`}, `${options.description} ${summary}`.trim())]
  const svg = (children: ElementContent[]) =>
    s(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        className: small ? ['chart', 'chart-small'] : ['chart'],
        viewBox: `0 0 ${r(width)} ${r(height)}`,
        width: r(width),
        height: r(height),
        role: 'img',
        'aria-labelledby': `${id}-title ${id}-desc`
      },
      [...head, ...children]
    )

  const known = points.filter((point) => isNumber(point.value)).map((point) => point.value as number)
  if (known.length === 0) {
    return svg([s('text', {className: ['chart-tick'], x: r(width / 2), y: r(height / 2), 'text-anchor': 'middle', fill: 'currentColor'}, 'No figures in this period')])
  }

  const margin = small ? SMALL_MARGIN : FULL_MARGIN
  const left = margin.left
  const right = Math.max(left + 1, width - margin.right)
  const top = margin.top
  const bottom = Math.max(top + 1, height - margin.bottom)

  const first = utcMidnight(points[0]!.date)
  const last = utcMidnight(points.at(-1)!.date)
  // A single day has no extent; d3 then maps it to the middle of the range.
  const x = scaleUtc().domain([first, last]).range([left, right])

  let low = Math.min(...known)
  let high = Math.max(...known)
  if (low === high) {
    // A flat series: open a band around it so the line sits mid-chart.
    const pad = Math.abs(low) * 0.05 || 1
    low -= pad
    high += pad
  }
  const y = scaleLinear().domain([low, high]).range([bottom, top])
  if (!small) y.nice(5)

  // One point a day from first to last (as dailySeries gives them): the
  // index is the day, and parsing thousands of dates again costs more than
  // drawing them.
  const daily = points.length === (last.getTime() - first.getTime()) / DAY_MS + 1
  const dayOf = (point: ChartPoint, index: number) => (daily ? first.getTime() + index * DAY_MS : utcMidnight(point.date).getTime())
  const path = line<ChartPoint>()
    .defined((point) => isNumber(point.value))
    .x((point, index) => x(dayOf(point, index)))
    .y((point) => y(point.value as number))
    .digits(2)(points as ChartPoint[])

  const children: ElementContent[] = []
  const values = small ? undefined : yAxis(y, left, right)
  if (values) children.push(...values.grid, ...xAxis(x, first, last, bottom, width))
  children.push(
    s('path', {
      className: ['chart-line'],
      d: path ?? '',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': small ? 1.5 : 2,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round'
    })
  )
  // A day with no neighbour is a segment of one point, which a stroke cannot show.
  const dots = points.flatMap((point, index) => (isNumber(point.value) && ((small && index === points.length - 1) || (!isNumber(points[index - 1]?.value) && !isNumber(points[index + 1]?.value))) ? [{point, index}] : []))
  for (const {point, index} of dots) {
    children.push(s('circle', {className: ['chart-dot'], cx: r(x(dayOf(point, index))), cy: r(y(point.value as number)), r: small ? 2 : 2.5, fill: 'currentColor'}))
  }
  // Over the line, so that the line never hides a value.
  if (values) children.push(...values.labels)
  return svg(children)
}

type Linear = ReturnType<typeof scaleLinear<number>>
type Utc = ReturnType<typeof scaleUtc<number>>

/** Horizontal grid lines, each with its value at the left just above it. */
function yAxis(y: Linear, left: number, right: number): {grid: Element[]; labels: Element[]} {
  const label = y.tickFormat(5, '$,~f')
  const ticks = y.ticks(5)
  return {
    grid: ticks.map((tick) => s('line', {className: ['chart-grid'], x1: r(left), x2: r(right), y1: r(y(tick)), y2: r(y(tick)), stroke: 'currentColor', 'stroke-opacity': 0.15})),
    // Every other value from the lowest is `minor`: a phone's larger labels would overlap with all of them.
    labels: ticks.map((tick, index) =>
      s('text', {className: index % 2 === 1 ? ['chart-tick', 'chart-tick-value', 'chart-tick-minor'] : ['chart-tick', 'chart-tick-value'], x: r(left), y: r(y(tick) - 4), 'text-anchor': 'start', fill: 'currentColor', 'font-size': 11}, label(tick))
    )
  }
}

/** A baseline and day ticks; only midnights, as a brief is a day and d3 would offer hours on a short span. */
function xAxis(x: Utc, first: Date, last: Date, bottom: number, width: number): Element[] {
  const [left, right] = x.range() as [number, number]
  const count = Math.max(2, Math.floor(width / 90))
  const ticks = first.getTime() === last.getTime() ? [first] : x.ticks(count).filter((tick) => tick.getTime() % 86_400_000 === 0)
  return [
    s('line', {className: ['chart-axis'], x1: r(left), x2: r(right), y1: r(bottom), y2: r(bottom), stroke: 'currentColor', 'stroke-opacity': 0.4}),
    ...ticks.map((tick, index) => {
      // A label near an edge is anchored to it, so that no size of type pushes it out of the chart.
      const at = x(tick)
      const anchor = at - left < EDGE ? 'start' : right - at < EDGE ? 'end' : 'middle'
      const className = index % 2 === 1 ? ['chart-tick', 'chart-tick-minor'] : ['chart-tick']
      // `dy` in em: the label hangs below the axis whatever its size.
      return s('text', {className, x: r(at), y: r(bottom + 6), dy: '0.85em', 'text-anchor': anchor, fill: 'currentColor', 'font-size': 11}, dayLabel(tick))
    })
  ]
}

/** `4 Nov`, or `Nov 2026` on the first of a month; UTC methods only, so any time zone gives the same labels. */
function dayLabel(day: Date): string {
  const month = MONTHS[day.getUTCMonth()]!
  return day.getUTCDate() === 1 ? `${month} ${day.getUTCFullYear()}` : `${day.getUTCDate()} ${month}`
}

function isNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value)
}

/** Two decimals are finer than any screen pixel and keep the SVG small and stable. */
function r(value: number): number {
  return Math.round(value * 100) / 100
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'price'
}

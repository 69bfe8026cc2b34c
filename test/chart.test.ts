import {readdirSync} from 'node:fs'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import type {BriefData} from '../src/data/brief-data-schema.js'
import {assetSeries, dailySeries, formatUsd, summarize, summaryText, type ChartPoint} from '../src/render/chart-data.js'
import {priceChart} from '../templates/chart.js'
import {corpusDir, hasShared} from './helpers.js'
import {extractCorpusBrief} from './market-helpers.js'

/** `values[i]` on the i-th day from 2026-11-01; `undefined` is a day without a figure. */
function series(values: Array<number | undefined>, start = Date.UTC(2026, 10, 1)): ChartPoint[] {
  return values.map((value, i) => ({date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), value}))
}

const chart = (points: ChartPoint[], extra: {small?: boolean; id?: string} = {}) =>
  priceChart({title: 'Bitcoin price (USD)', description: 'Daily BTC price stated in the briefs.', points, width: 640, height: 240, ...extra})

function all(tree: Element, tagName: string): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (node) => {
    if (node.tagName === tagName) found.push(node)
  })
  return found
}

/** The line's path data, split into its segments (each starts with `M`). */
function segments(svg: Element): string[] {
  const [path] = all(svg, 'path').filter((node) => (node.properties.className as string[]).includes('chart-line'))
  return String(path!.properties.d).split(/(?=M)/).filter(Boolean)
}

/** The points of one segment, as [x, y]. */
function coordinates(segment: string): Array<[number, number]> {
  return [...segment.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])])
}

describe('priceChart', () => {
  it('places each point at its own day, whether or not the points are one a day', () => {
    const daily = chart(series([100, 110, 120, 130, 140, 150, 160, 170, 180, 190]))
    const xs = coordinates(segments(daily)[0]!).map(([x]) => x)
    // Evenly spaced from the left margin to the right one.
    expect(xs[0]).toBe(8)
    expect(xs.at(-1)).toBe(624)
    expect(xs[3]! - xs[2]!).toBeCloseTo((624 - 8) / 9, 1)
    // The same span with days left out: the remaining points keep their days' places.
    const sparse = chart(series([100, 110, 120, 130, 140, 150, 160, 170, 180, 190]).filter((_, index) => index === 0 || index === 1 || index === 9))
    expect(coordinates(segments(sparse)[0]!).map(([x]) => x)).toEqual([xs[0], xs[1], xs[9]])
  })

  it('draws missing days as gaps: one path segment per run of days with figures', () => {
    const svg = chart(series([100, 110, undefined, undefined, 120, 130, 125, undefined, 90, 95]))
    const parts = segments(svg)
    expect(parts).toHaveLength(3)
    expect(parts.map((part) => coordinates(part).length)).toEqual([2, 3, 2])
    // The lowest figure is 90, so nothing may be drawn below its y (as a zero would be).
    const lowest = Math.max(...parts.flatMap(coordinates).map(([, y]) => y))
    const [y90] = coordinates(parts[2]!)[0]!.slice(1)
    expect(lowest).toBe(y90)
  })

  it('places days by date: x grows evenly with the calendar, across the gap', () => {
    const parts = segments(chart(series([100, undefined, undefined, 130])))
    const [[x0], [x3]] = [coordinates(parts[0]!)[0]!, coordinates(parts[1]!)[0]!]
    // Four days over the plot width: day 3 is at the right end, day 0 at the left.
    expect(x3! - x0!).toBeGreaterThan(500)
  })

  it('shows a day with no neighbour as a dot, since a one-point segment has no length', () => {
    const svg = chart(series([100, 110, undefined, 105, undefined, 120, 125]))
    const dots = all(svg, 'circle')
    expect(dots).toHaveLength(1)
    const isolated = coordinates(segments(svg)[1]!)[0]!
    expect([dots[0]!.properties.cx, dots[0]!.properties.cy]).toEqual(isolated)
  })

  it('draws a constant series as a flat line inside the plot, without dividing by zero', () => {
    const html = toHtml(chart(series([50_000, 50_000, 50_000, 50_000])))
    expect(html).not.toMatch(/NaN|Infinity/)
    const ys = coordinates(segments(chart(series([50_000, 50_000, 50_000])))[0]!).map(([, y]) => y)
    expect(new Set(ys).size).toBe(1)
    expect(ys[0]).toBeGreaterThan(28)
    expect(ys[0]).toBeLessThan(240 - 34)
  })

  it('draws a single point as a dot in the middle of the plot', () => {
    const svg = chart(series([104_250], Date.UTC(2026, 10, 4)))
    expect(toHtml(svg)).not.toMatch(/NaN|Infinity/)
    const [dot] = all(svg, 'circle')
    expect(dot).toBeDefined()
    expect(Number(dot!.properties.cx)).toBeCloseTo((8 + 640 - 16) / 2, 1)
    expect(all(svg, 'text').map((node) => toString(node))).toContain('4 Nov')
  })

  it('says there are no figures when every day is missing, and still has no NaN', () => {
    const svg = chart(series([undefined, undefined]))
    const html = toHtml(svg)
    expect(html).not.toMatch(/NaN|Infinity/)
    expect(all(svg, 'path')).toHaveLength(0)
    expect(toString(svg)).toContain('No figures in this period')
    expect(toHtml(chart([]))).not.toMatch(/NaN/)
  })

  it('is an accessible image: role, title and desc named by aria-labelledby, a summary in the desc', () => {
    const svg = chart(series([98_120, undefined, 104_900, 104_200]), {id: 'btc-history'})
    expect(svg.tagName).toBe('svg')
    expect(svg.properties.role).toBe('img')
    const ids = [svg.properties.ariaLabelledBy].flat()
    expect(ids).toEqual(['btc-history-title', 'btc-history-desc'])
    const [title] = all(svg, 'title')
    const [desc] = all(svg, 'desc')
    expect(title!.properties.id).toBe(ids[0])
    expect(desc!.properties.id).toBe(ids[1])
    expect(toString(title!)).toBe('Bitcoin price (USD)')
    expect(toString(desc!)).toBe(
      'Daily BTC price stated in the briefs. Lowest $98,120 on 1 Nov 2026, highest $104,900 on 3 Nov 2026, last $104,200 on 4 Nov 2026. 1 of 4 days have no figure.'
    )
    const html = toHtml(svg)
    expect(html).toContain('aria-labelledby="btc-history-title btc-history-desc"')
    expect(html).toContain('viewBox="0 0 640 240"')
  })

  it('labels the axes with <text> ticks: nice dollar values and UTC days', () => {
    const svg = chart(series([98_120, 101_000, 104_900, 104_200, 103_000, 99_500, 100_250]))
    const labels = all(svg, 'text').map((node) => toString(node))
    expect(labels).toEqual(expect.arrayContaining(['$98,000', '$100,000', '$104,000']))
    expect(labels).toEqual(expect.arrayContaining(['Nov 2026', '2 Nov', '7 Nov']))
    expect(labels.every((label) => !/NaN|undefined|:/.test(label))).toBe(true)
  })

  it('colours by currentColor and classes, with no style attribute a CSP would block', () => {
    const html = toHtml(chart(series([1, 2, 3])))
    expect(html).toContain('stroke="currentColor"')
    expect(html).toContain('class="chart-line"')
    expect(html).not.toMatch(/style=|#[0-9a-f]{3,6}\b/i)
  })

  it('has a small variant without axes: the line and a dot on the last day', () => {
    const svg = chart(series([3, 1, undefined, 2, 4]), {small: true})
    expect(svg.properties.className).toEqual(['chart', 'chart-small'])
    expect(all(svg, 'text')).toHaveLength(0)
    expect(all(svg, 'line')).toHaveLength(0)
    expect(segments(svg)).toHaveLength(2)
    const [dot] = all(svg, 'circle')
    expect([dot!.properties.cx, dot!.properties.cy]).toEqual(coordinates(segments(svg)[1]!).at(-1))
  })

  it('rounds every number to two decimals', () => {
    const html = toHtml(chart(series([104_250.123, 103_999.987, undefined, 101_333.333, 102_777.777])))
    const numbers = html.match(/-?\d+\.\d+/g) ?? []
    expect(numbers.length).toBeGreaterThan(0)
    for (const number of numbers) expect(number.split('.')[1]!.length, number).toBeLessThanOrEqual(2)
  })

  it('gives the same bytes in any time zone', () => {
    const original = process.env.TZ
    const points = series([98_120, undefined, 104_900, 104_200, 100_000], Date.UTC(2026, 2, 27)) // across a DST change
    try {
      const out = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Berlin'].map((zone) => {
        process.env.TZ = zone
        return toHtml(chart(points)) + toHtml(chart(points, {small: true}))
      })
      expect(new Set(out).size).toBe(1)
      expect(out[0]).toContain('28 Mar')
    } finally {
      process.env.TZ = original
    }
  })
})

describe('chart data', () => {
  it('fills every calendar day between the first and last figure, gaps as undefined', () => {
    const points = dailySeries([
      {date: '2026-03-01', value: 3},
      {date: '2026-02-27', value: 1},
      {date: '2026-03-01', value: 99}
    ])
    expect(points).toEqual([
      {date: '2026-02-27', value: 1},
      {date: '2026-02-28', value: undefined},
      {date: '2026-03-01', value: 3}
    ])
    expect(dailySeries([])).toEqual([])
  })

  it('steps one day at a time across a DST change in any time zone', () => {
    const original = process.env.TZ
    try {
      process.env.TZ = 'Europe/Berlin'
      const points = dailySeries([
        {date: '2026-03-28', value: 1},
        {date: '2026-04-01', value: 2}
      ])
      expect(points.map((point) => point.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01'])
    } finally {
      process.env.TZ = original
    }
  })

  it('charts the stated price, else the middle of the stated range, per asset', () => {
    const day = (date: string, prices: BriefData['prices']): BriefData => ({
      date, title: date, category: 'crypto', url: '', prices, liquidations: [], etfFlows: [], headlines: [], citations: [], evidence: {}
    })
    const briefs = [
      day('2026-11-01', [{asset: 'Bitcoin', symbol: 'BTC', price: 100, line: 9}]),
      day('2026-11-03', [{asset: 'Bitcoin', symbol: 'BTC', range: [90, 110], line: 9}, {asset: 'Ether', symbol: 'ETH', price: 5, line: 10}]),
      day('2026-11-04', [{asset: 'Ether', symbol: 'ETH', price: 6, line: 10}])
    ]
    expect(assetSeries(briefs, 'BTC')).toEqual([
      {date: '2026-11-01', value: 100},
      {date: '2026-11-02', value: undefined},
      {date: '2026-11-03', value: 100}
    ])
    expect(assetSeries(briefs, 'ETH').map((point) => point.value)).toEqual([5, 6])
  })

  it('summarizes low, high, last and gaps', () => {
    expect(summarize(series([5, undefined, 2, 9, 2]))).toEqual({
      first: {date: '2026-11-01', value: 5},
      last: {date: '2026-11-05', value: 2},
      min: {date: '2026-11-03', value: 2},
      max: {date: '2026-11-04', value: 9},
      days: 5,
      missing: 1
    })
    expect(summaryText(series([undefined]))).toBe('No figures in this period.')
    expect(summaryText(series([104_250]))).toBe('$104,250 on 1 Nov 2026.')
  })

  it('formats dollars without Intl, without zeros that say nothing', () => {
    expect([104_250.5, 3120.4, 312.4, 0.5, 0.000012346, -2500, 0].map(formatUsd)).toEqual(['$104,251', '$3,120', '$312.40', '$0.5', '$0.00001235', '-$2,500', '$0'])
    // Whole dollars lose their `.00`, never their cents; small prices lose trailing zeros only.
    expect([141, 613.0, 83.1, 1.05, 0.092, 0.09, 0.248, 0.88, 0.1234, 0.99999].map(formatUsd)).toEqual(['$141', '$613', '$83.10', '$1.05', '$0.092', '$0.09', '$0.248', '$0.88', '$0.1234', '$1'])
  })
})

describe.skipIf(!hasShared)('the BTC chart of the real corpus', () => {
  // One month (with the 2025-12-27 outlier) keeps the test quick: extraction costs ~0.1 s a brief.
  it('charts every December brief with a BTC figure, one segment per run of consecutive days', () => {
    const observations = readdirSync(corpusDir)
      .filter((name) => name.startsWith('2025-12-') && name.endsWith('.md'))
      .flatMap((name) => {
        const quote = extractCorpusBrief(name).data.prices.find((price) => price.symbol === 'BTC')
        const value = quote?.price ?? (quote?.range ? (quote.range[0] + quote.range[1]) / 2 : undefined)
        return value === undefined ? [] : [{date: name.slice(0, 10), value}]
      })
    expect(observations.length).toBeGreaterThan(20)
    const points = dailySeries(observations)
    const runs = points.filter((point, i) => point.value !== undefined && points[i - 1]?.value === undefined).length
    const svg = chart(points)
    const html = toHtml(svg)
    expect(html).not.toMatch(/NaN|Infinity|undefined/)
    expect(segments(svg)).toHaveLength(runs)
    expect(segments(svg).flatMap(coordinates)).toHaveLength(observations.length)
    // A month fits in a few kilobytes.
    expect(html.length).toBeLessThan(6_000)
  })
})

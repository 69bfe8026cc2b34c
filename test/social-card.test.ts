import fc from 'fast-check'
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import type {BriefData} from '../src/data/brief-data-schema.js'
import {socialCard} from '../templates/social-card.js'

/** The card parsed as XML 1.0 (saxes refuses anything ill-formed): its root, and the text of each `<text>` and of `<title>`. */
function parseCard(xml: string): {root: string; attributes: Record<string, string>; texts: string[]; title: string} {
  const parser = new SaxesParser({xmlns: true})
  const texts: string[] = []
  let title = ''
  let root = ''
  let attributes: Record<string, string> = {}
  let open: string | undefined
  parser.on('error', (error) => {
    throw new Error(`not well-formed XML: ${error.message}`)
  })
  parser.on('opentag', (tag) => {
    if (!root) {
      root = `${tag.uri} ${tag.local}`
      attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.local, attribute.value]))
    }
    open = tag.local
    if (tag.local === 'text') texts.push('')
  })
  parser.on('text', (text) => {
    if (open === 'text') texts[texts.length - 1] += text
    if (open === 'title') title += text
  })
  parser.on('closetag', () => {
    open = undefined
  })
  parser.write(xml).close()
  return {root, attributes, texts, title}
}

const figures: Pick<BriefData, 'prices' | 'marketCap' | 'fearGreed' | 'fearGreedRange'> = {
  prices: [
    {asset: 'Bitcoin', symbol: 'BTC', price: 98_240, change24hPct: 1.4, line: 11},
    {asset: 'Ethereum', symbol: 'ETH', price: 3384, change24hPct: -1.59, line: 12},
    {asset: 'Solana', symbol: 'SOL', range: [163.2, 168.9], change24hRange: [-0.5, 2.08], line: 13},
    {asset: 'Dogecoin', symbol: 'DOGE', price: 0.179, line: 14}
  ],
  marketCap: {usd: 3.38e12, change24hPct: 1.5},
  fearGreed: 54
}

describe('the social card', () => {
  it('shows the site, the day, the title and the key figures, as an SVG image of 1200 × 630', () => {
    const card = parseCard(socialCard({siteTitle: 'Market Desk', date: '2026-11-20', title: 'BTC Climbs to $98.2K on Steady Fund Demand', figures}))
    expect(card.root).toBe('http://www.w3.org/2000/svg svg')
    expect([card.attributes.width, card.attributes.height, card.attributes.viewBox]).toEqual(['1200', '630', '0 0 1200 630'])
    const figuresAt = card.texts.indexOf('BTC')
    expect(card.texts.slice(0, 2)).toEqual(['Market Desk', 'Friday, 20 November 2026'])
    // The title, on as many lines as it needs.
    expect(card.texts.slice(2, figuresAt).join(' ')).toBe('BTC Climbs to $98.2K on Steady Fund Demand')
    // BTC, ETH and SOL, then the market cap: four figures, each direction by an arrow as well as colour.
    expect(card.texts.slice(figuresAt)).toEqual(['BTC', '$98,240', '▲ +1.4%', 'ETH', '$3,384', '▼ −1.59%', 'SOL', '$163.2–$168.9', '◆ −0.5% to +2.08%', 'Market cap', '$3.38T', '▲ +1.5%'])
    expect(card.title).toBe('BTC Climbs to $98.2K on Steady Fund Demand (Friday, 20 November 2026) · Market Desk')
  })

  it('shows Fear & Greed when fewer prices leave room, and no figures when the brief states none', () => {
    const card = parseCard(socialCard({siteTitle: 'S', date: '2026-11-20', title: 'T', figures: {prices: [], marketCap: undefined, fearGreed: undefined, fearGreedRange: [40, 45]}}))
    expect(card.texts).toEqual(['S', 'Friday, 20 November 2026', 'T', 'Fear & Greed', '40–45 / 100'])
    expect(parseCard(socialCard({siteTitle: 'S', title: 'About the site'})).texts).toEqual(['S', 'About the site'])
  })

  it('wraps a long title on three lines at most, the last cut with an ellipsis, the whole title in <title>', () => {
    const title = 'Daily Crypto Market Brief - BTC Climbs to $98.2K on Steady Fund Demand; UK Closes Custody Consultation as Cinderpath Bounty Deadline Passes Tomorrow'
    const card = parseCard(socialCard({siteTitle: 'S', date: '2026-11-20', title, figures}))
    const lines = card.texts.slice(2, card.texts.indexOf('BTC'))
    expect(lines).toHaveLength(3)
    expect(lines.at(-1)).toMatch(/…$/)
    expect(title.startsWith(lines.slice(0, 2).join(' '))).toBe(true)
    expect(card.title).toContain(title)
  })

  it('is well-formed XML whatever the title and site title hold (fast-check)', () => {
    const hostile = fc.array(fc.oneof(fc.constantFrom('\u0000', '\u0007', '\u000c', '\u001b', '\u007f', '\u0085', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '<', '&', ']]>', '"', "'", '&#1;', '\u{1F600}', '  '), fc.string()), {maxLength: 30}).map((pieces) => pieces.join(''))
    fc.assert(
      fc.property(hostile, hostile, (title, siteTitle) => {
        const card = parseCard(socialCard({siteTitle, date: '2026-11-20', title, figures}))
        expect(card.texts).toContain('$98,240')
      }),
      {numRuns: 300}
    )
  })
})

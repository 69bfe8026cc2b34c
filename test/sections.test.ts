import {describe, expect, it} from 'vitest'
import {classifySection, findSections} from '../src/extract/sections.js'
import {BODY, parseBrief} from './market-helpers.js'

function sections(markdown: string) {
  const {text, tree} = parseBrief(markdown)
  return findSections(tree, text).map(({kind, title, marker, depth, line, endLine}) => ({kind, title, marker, depth, line, endLine}))
}

describe('classifySection', () => {
  it.each([
    ['Market Overview (24h)', 'market-overview'],
    ['Market Snapshot & Price Action', 'market-overview'],
    ['MARKET OVERVIEW', 'market-overview'],
    ['Spot Market Performance (24h)', 'market-overview'],
    ['TOP HEADLINES (7 HIGH-IMPACT ITEMS)', 'headlines'],
    ['Top Headlines (What \\& Why it matters)', 'headlines'],
    ['High-Impact News', 'headlines'],
    ['Exchange Announcements', 'exchanges'],
    ['Government / Law & Regulation', 'regulation'],
    ['Regulation/Law', 'regulation'],
    ['Research & Technical Reports', 'research'],
    ['Research / White Papers', 'research'],
    ['Security Incidents', 'security'],
    ['What to Watch (Next 24–72h)', 'watch'],
    ['Social & Sentiment', 'sentiment'],
    ['Confidence Statement', 'confidence'],
    ['Derivatives & Stablecoin Flows', 'derivatives'],
    // A section's number is not part of its title.
    ['1. Market Overview (24h)', 'market-overview'],
    ['02 — Derivatives & Liquidations', 'derivatives'],
    ['§3 Top Headlines', 'headlines']
  ])('%s → %s', (title, kind) => {
    expect(classifySection(title)).toBe(kind)
  })

  it('leaves unknown titles unclassified', () => {
    expect(classifySection('Binance')).toBeUndefined()
    expect(classifySection('United States (SEC/CFTC)')).toBeUndefined()
    // ("24h Market Overview" keeps its window: only a number set apart as a section's is dropped.)
    expect(classifySection('100 Days of Markets')).toBeUndefined()
  })
})

describe('findSections', () => {
  it('reads ATX headings, keeps deeper headings and bold lines inside', () => {
    const found = sections(['## Market Overview (24h)', '', '- BTC up', '', '### ETF Flows', '', 'text', '', '## Exchanges', '', '**Binance**', '', '- listed X', ''].join('\n'))
    expect(found).toEqual([
      {kind: 'market-overview', title: 'Market Overview (24h)', marker: 'heading', depth: 2, line: BODY + 1, endLine: BODY + 7},
      {kind: 'exchanges', title: 'Exchanges', marker: 'heading', depth: 2, line: BODY + 9, endLine: BODY + 13}
    ])
  })

  it('uses the depth most sections use, so one stray ## does not swallow ### sections', () => {
    const found = sections(['### Market Overview', '', 'a', '', '### Top Headlines', '', 'b', '', '## Confidence Statement', '', 'c'].join('\n'))
    expect(found.map((section) => section.kind)).toEqual(['market-overview', 'headlines', 'confidence'])
  })

  it('gives unknown headings at the section depth the kind other', () => {
    const found = sections(['## Market Overview', '', 'a', '', '## Key Takeaway', '', 'b'].join('\n'))
    expect(found.map((section) => [section.kind, section.title])).toEqual([
      ['market-overview', 'Market Overview'],
      ['other', 'Key Takeaway']
    ])
  })

  it('reads bold-only lines, also when text follows on the next line', () => {
    const found = sections(['**Market Summary**', 'Bitcoin traded at $1.', '', '**High-Impact News**', '', '- item', '', '**Binance**', '', '- not a section'].join('\n'))
    expect(found).toEqual([
      {kind: 'market-overview', title: 'Market Summary', marker: 'bold', depth: undefined, line: BODY + 1, endLine: BODY + 2},
      {kind: 'headlines', title: 'High-Impact News', marker: 'bold', depth: undefined, line: BODY + 4, endLine: BODY + 10}
    ])
  })

  it('reads plain title lines and unescapes \\&', () => {
    const found = sections(['Market Overview (24h)', '', '- BTC flat', '', 'Top Headlines (What \\& Why it matters)', '', '- item', '', 'Exchanges obtaining licences is a trend.', ''].join('\n'))
    expect(found.map((section) => [section.kind, section.title, section.marker, section.line])).toEqual([
      ['market-overview', 'Market Overview (24h)', 'plain', BODY + 1],
      ['headlines', 'Top Headlines (What & Why it matters)', 'plain', BODY + 5]
    ])
  })

  it('in a brief titled with plain lines, an upper-case line of unknown title is a section too', () => {
    const found = sections(['TAPE', '', '- BTC 97,230', '', 'LIQS', '', '- 24h: $344M', '', 'WHAT WE WATCH NEXT WEEK, AND WHY', '', 'Payrolls.', '', 'Watch payrolls on Friday', ''].join('\n'))
    expect(found.map((section) => [section.kind, section.title, section.marker])).toEqual([
      ['other', 'TAPE', 'plain'],
      ['derivatives', 'LIQS', 'plain'],
      ['other', 'WHAT WE WATCH NEXT WEEK, AND WHY', 'plain']
    ])
    // A brief titled with headings keeps its upper-case lines as text.
    expect(sections(['## Market Overview', '', 'TAPE', '', '- BTC 97,230'].join('\n')).map((section) => section.title)).toEqual(['Market Overview'])
  })

  it("a live blog's timed entry ends the bold section above it, whatever the entry's depth", () => {
    const found = sections(['**Key headlines today**', '', '- [HIGH] Bitcoin falls', '', '#### 21:05 — Closing the blog for tonight', '', '- **BTC** $84,610', '', '#### 18:30 — Bounce, of sorts', '', 'BTC reclaims $85,000.'].join('\n'))
    expect(found.map((section) => [section.kind, section.title, section.line])).toEqual([
      ['headlines', 'Key headlines today', BODY + 1],
      ['other', '21:05 — Closing the blog for tonight', BODY + 5],
      ['other', '18:30 — Bounce, of sorts', BODY + 9]
    ])
    // Under headings, a timed entry deeper than the sections stays a sub-section.
    expect(sections(['## Market Overview', '', '#### 21:05 — Closing', '', '- BTC $84,610'].join('\n')).map((section) => section.title)).toEqual(['Market Overview'])
  })

  it('keeps bold markup inside headings out of the title and ends before footnote definitions', () => {
    const {text, tree} = parseBrief(['### **MARKET OVERVIEW**', '', 'BTC at $1.[^1]', '', '[^1]: https://example.com', ''].join('\n'))
    const [section] = findSections(tree, text)
    expect(section).toMatchObject({kind: 'market-overview', title: 'MARKET OVERVIEW', line: BODY + 1, endLine: BODY + 3})
    expect(section!.nodes.map((node) => node.type)).toEqual(['heading', 'paragraph'])
  })

  it('returns no sections for a body without any known title', () => {
    expect(sections('Just a paragraph.\n\n- and a list\n')).toEqual([])
  })
})

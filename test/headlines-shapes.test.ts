import {describe, expect, it} from 'vitest'
import {extractHeadlines, headlinesWithoutSeverity} from '../src/extract/headlines/index.js'
import {parseMarkdown} from '../src/parse/markdown.js'

const FRONT = '---\ntitle: Brief\ndate: 2025-01-02\ncategory: crypto\n---\n'

/** Headlines of a brief body (front matter added, and blanked, as the pipeline does). */
function headlines(body: string) {
  const text = FRONT + body
  return extractHeadlines(parseMarkdown(text, FRONT.length), text)
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(body: string, needle: string): number {
  return (FRONT + body).split('\n').findIndex((line) => line.includes(needle)) + 1
}

const after = '\n## Exchanges\n\n- **Venue A**: lists a token. **Risk: Low**\n'

describe('headline shapes', () => {
  it('reads numbered bold lines with a bracketed level, why it matters and citations', () => {
    const body = `## Top Headlines (What & Why It Matters)

**1. Lender Freezes Withdrawals [HIGH]**

A lender paused withdrawals after a run.[^1]

*Why it matters*: Contagion to other lenders is possible.[^2]

**2. Old Case Settles [LOW/CONTEXT]**

A long case ended with a fine.[^3]
${after}
[^1]: https://example.com/a
[^2]: https://example.com/b
[^3]: https://example.com/c
`
    const found = headlines(body)
    expect(found).toEqual([
      {
        title: 'Lender Freezes Withdrawals',
        severity: 'high',
        severityLabel: 'HIGH',
        whyItMatters: 'Contagion to other lenders is possible.',
        citations: ['1', '2'],
        line: lineOf(body, 'Lender Freezes'),
        column: 1
      },
      {title: 'Old Case Settles', severity: 'low', severityLabel: 'LOW/CONTEXT', citations: ['3'], line: lineOf(body, 'Old Case'), column: 1}
    ])
  })

  it('reads headings as headlines, with the rating on a following line', () => {
    const body = `## Top Headlines

### Chain Halts for Six Hours

**Risk:** Elevated — validators restarted by hand.

- **What happened**: consensus stalled.
- **Why it matters**: Reliability doubts return.

### 2. **Fund Files for Listing** {Low Risk}

A filing was made.
${after}`
    const found = headlines(body)
    expect(found.map(({title, severity, severityLabel, whyItMatters}) => ({title, severity, severityLabel, whyItMatters}))).toEqual([
      {title: 'Chain Halts for Six Hours', severity: 'high', severityLabel: 'Elevated', whyItMatters: 'Reliability doubts return.'},
      {title: 'Fund Files for Listing', severity: 'low', severityLabel: 'Low', whyItMatters: undefined}
    ])
    // A heading's place is the heading line.
    expect(found[0]).toMatchObject({line: lineOf(body, 'Chain Halts'), column: 1})
  })

  it('reads bullets whose rating comes at the end of the text', () => {
    const body = `## Top Headlines

- **Token Burn Completed**: The foundation burned supply. **Risk: Medium** - supply shrinks.[^4]
- **Exchange Hires Staff** - A venue adds roles (Risk: Low).
- Validator client ships: a new client reached mainnet today after a long test phase with many operators involved. {Medium}
${after}
[^4]: https://example.com/d
`
    expect(headlines(body).map(({title, severity, citations, column}) => ({title, severity, citations, column}))).toEqual([
      {title: 'Token Burn Completed', severity: 'medium', citations: ['4'], column: 3},
      {title: 'Exchange Hires Staff', severity: 'low', citations: [], column: 3},
      {title: 'Validator client ships', severity: 'medium', citations: [], column: 3}
    ])
  })

  it('reads numbered list items with nested details and a rating line', () => {
    const body = `## Top Headlines

1. **Bank Accepts Coins as Collateral**
    - Clients may pledge coins for loans.
    - *Risk: High — a large new source of demand.*
2. **Wallet Patch Released**
    - A fix shipped.
    - **Why it matters:** Users must update.
${after}`
    expect(headlines(body).map(({title, severity, whyItMatters}) => ({title, severity, whyItMatters}))).toEqual([
      {title: 'Bank Accepts Coins as Collateral', severity: 'high', whyItMatters: undefined},
      {title: 'Wallet Patch Released', severity: undefined, whyItMatters: 'Users must update.'}
    ])
  })

  it('reads a table, taking the rating from the Risk column rather than "Summary & Impact"', () => {
    const body = `## Major News

| **Item** | **Summary & Impact** | **Risk** |
| :-- | :-- | :-- |
| **Venue Gets Licence** | A licence was granted; high impact on access. | **Low** — positive for users. |
| **Fund Outflows Grow** — third week | Redemptions rose. | Medium–High |
${after}`
    const found = headlines(body)
    expect(found.map(({title, severity, severityLabel}) => ({title, severity, severityLabel}))).toEqual([
      {title: 'Venue Gets Licence', severity: 'low', severityLabel: 'Low'},
      {title: 'Fund Outflows Grow', severity: 'high', severityLabel: 'Medium–High'}
    ])
    expect(found[0]!.line).toBe(lineOf(body, 'Venue Gets Licence'))
  })

  it('rates a row whose level drifted out of the Risk column', () => {
    const body = `## Top Headlines

| Item | Context | Risk |
| :-- | :-- | :-- |
| **Seized Coins Stolen** — wallets drained | **Medium** | Undermines trust in custody. |
${after}`
    expect(headlines(body)).toEqual([expect.objectContaining({title: 'Seized Coins Stolen', severity: 'medium', severityLabel: 'Medium'})])
  })

  it('passes a group rating to the headlines under it, and says so', () => {
    const body = `## Top Headlines

### High Impact

**1. Market Falls Ten Percent**
Prices dropped fast.

**2. Vote Delayed {Medium}**
The vote moved a week.
${after}`
    expect(headlines(body).map(({title, severity, severityInherited}) => ({title, severity, severityInherited}))).toEqual([
      {title: 'Market Falls Ten Percent', severity: 'high', severityInherited: true},
      {title: 'Vote Delayed', severity: 'medium', severityInherited: undefined}
    ])
  })

  it('reads a bold group label over a list of titled items as a group, not a headline', () => {
    const body = `## Top Headlines

**Regulatory Developments (Risk: High)**

- **Senate Committee Publishes Draft Market Bill Text:** The draft splits oversight.

**Funding (Risk: Low)**

- **Payments Firm Raises Two Hundred Million Dollars:** A round closed.
${after}`
    expect(headlines(body).map(({title, severity}) => ({title, severity}))).toEqual([
      {title: 'Senate Committee Publishes Draft Market Bill Text', severity: 'high'},
      {title: 'Payments Firm Raises Two Hundred Million Dollars', severity: 'low'}
    ])
  })

  it('does not pass down a group line that mixes levels', () => {
    const body = `## Top Headlines

**Risk:** High (the crash); Medium (the recovery)

1. **Crash Wipes Out Leverage**
2. **Recovery Holds**
${after}`
    expect(headlines(body).map(({severity}) => severity)).toEqual([undefined, undefined])
  })

  it('ignores a scale legend and keeps numbered titles apart from bold prose', () => {
    const body = `## Top Headlines

**{Impact: High, Medium, Low}**

**1. Token Lists on Three Venues [Medium Risk]**

**The token went live at noon** with two pairs, and volume rose.

**2. Fund Closes [Low Risk]**
${after}`
    expect(headlines(body).map(({title, severity}) => ({title, severity}))).toEqual([
      {title: 'Token Lists on Three Venues', severity: 'medium'},
      {title: 'Fund Closes', severity: 'low'}
    ])
  })

  it('reads a rating strong before the title strong', () => {
    const body = `## Top Headlines

**{HIGH}** – **Issuer Raises Funds at a Higher Valuation**
The round closed.

**{Medium}** **Protocol Exploited for Two Million** — an oracle was misconfigured.
${after}`
    const found = headlines(body)
    expect(found.map(({title, severity}) => ({title, severity}))).toEqual([
      {title: 'Issuer Raises Funds at a Higher Valuation', severity: 'high'},
      {title: 'Protocol Exploited for Two Million', severity: 'medium'}
    ])
    // The place is the title's strong, not the rating before it.
    expect(found[0]).toMatchObject({line: lineOf(body, 'Issuer Raises'), column: 14})
  })

  it('finds a section titled by a bold line, with plain list items', () => {
    const body = `**Market Summary**

Prices were flat.

**High-Impact News**

- A venue announced round-the-clock trading for futures next year, pending review by its regulator and members.[^5]
- Open interest reached a record.

**Exchange Announcements**

- Venue B lists a token.

[^5]: https://example.com/e
`
    expect(headlines(body).map(({title, citations}) => ({title, citations}))).toEqual([
      {title: 'A venue announced round-the-clock trading for futures next year, pending review by its regulator and members.', citations: ['5']},
      {title: 'Open interest reached a record.', citations: []}
    ])
  })

  it('lists the headlines without a severity, with the place of their title', () => {
    const body = `## Top Headlines

- **Rated Item** {Low}
- **Unrated Item**: no rating given here.
${after}`
    const missing = headlinesWithoutSeverity(headlines(body))
    expect(missing).toEqual([expect.objectContaining({title: 'Unrated Item', line: lineOf(body, 'Unrated Item'), column: 3})])
  })

  it('returns nothing for a brief without a headlines section', () => {
    expect(headlines('## Exchanges\n\n- **Venue**: news. {High}\n')).toEqual([])
  })
})

import {describe, expect, it} from 'vitest'
import {findSeverity, normaliseLevel} from '../src/extract/headlines/index.js'

describe('severity levels', () => {
  it.each([
    ['Critical', 'critical'],
    ['HIGH', 'high'],
    ['Elevated', 'high'],
    ['medium', 'medium'],
    ['Moderate', 'medium'],
    ['Low', 'low'],
    ['Minimal', 'low'],
    ['N/A', 'info'],
    ['Neutral', 'info'],
    ['Context', 'info'],
    // A range takes its higher end.
    ['Low–Medium', 'medium'],
    ['MEDIUM-HIGH', 'high'],
    ['Low to Medium', 'medium'],
    ['LOW/CONTEXT', 'low']
  ])('normalises %s to %s', (label, severity) => {
    expect(normaliseLevel(label)).toBe(severity)
  })

  it('knows no level in ordinary words', () => {
    expect(normaliseLevel('Bullish')).toBeUndefined()
    expect(normaliseLevel('Highway')).toBeUndefined()
  })
})

describe('severity recognisers', () => {
  // [line as mdast text gives it, expected label as written, expected severity, recogniser]
  it.each([
    ['Exchange X halts withdrawals [HIGH]', 'HIGH', 'high', 'brackets'],
    ['Lending pool drained [CRITICAL]', 'CRITICAL', 'critical', 'brackets'],
    ['Old settlement recap [LOW/CONTEXT]', 'LOW/CONTEXT', 'low', 'brackets'],
    ['Token unlock next week [Medium Risk]', 'Medium', 'medium', 'brackets'],
    ['Bridge paused [Speculative, High Risk]', 'High', 'high', 'brackets'],
    ['Stablecoin mint {High Risk}', 'High', 'high', 'braces'],
    ['Stablecoin mint {Risk: Low}', 'Low', 'low', 'braces'],
    ['Fund launch {Low-Medium Impact}', 'Low-Medium', 'medium', 'braces'],
    ['Wallet bug {🔴 HIGH RISK}', 'HIGH', 'high', 'braces'],
    ['Custody rule {High Confidence, Medium Risk}', 'Medium', 'medium', 'braces'],
    ['Court ruling on the exchange (Risk: High)', 'High', 'high', 'parentheses'],
    ['Court ruling on the exchange (Medium Impact)', 'Medium', 'medium', 'parentheses'],
    ['Futures volume climbs. Risk: Medium.', 'Medium', 'medium', 'risk-label'],
    ['Risk Level: {Low to Medium} — depends on uptake', 'Low to Medium', 'medium', 'risk-label'],
    ['Risk label: N/A (background only)', 'N/A', 'info', 'risk-label'],
    ['Severity: Elevated', 'Elevated', 'high', 'risk-label'],
    ['Regulator fines a broker — High Risk', 'High', 'high', 'level-then-risk'],
    ['Miner sells reserves | Low Risk', 'Low', 'low', 'level-then-risk'],
    ['Phishing wave grows: Wallet Risk Elevated:', 'Elevated', 'high', 'risk-then-level'],
    ['Pool exploit (~USD 4M, DeFi, High): attacker minted tokens', 'High', 'high', 'tag-list']
  ])('reads %j on a title line', (line, label, severity, recogniser) => {
    expect(findSeverity(line, 'title')).toMatchObject({label, severity, recogniser})
  })

  it('reads a line that is nothing but a level', () => {
    expect(findSeverity('MEDIUM', 'body')).toMatchObject({label: 'MEDIUM', severity: 'medium'})
    expect(findSeverity('Low Risk', 'body')).toMatchObject({label: 'Low', severity: 'low'})
  })

  it('takes the earliest marker on a line', () => {
    expect(findSeverity('Vote today — {High Risk} (Medium Impact)', 'title')).toMatchObject({label: 'High'})
  })

  it('does not trust bare forms in prose, only on a title line', () => {
    expect(findSeverity('Traders weigh this — high risk of a squeeze', 'body')).toBeUndefined()
    expect(findSeverity('Exploit post-mortem — Medium Risk', 'body')).toBeUndefined()
    expect(findSeverity('Exploit post-mortem — Medium Risk', 'title')).toMatchObject({severity: 'medium'})
  })

  it.each([
    ['a confidence rating', 'Report on flows {Confidence: High}'],
    ['a scale legend', 'Market impact risk: {Low/Medium/High}; times in UTC'],
    ['a legend in braces', '{Impact: High, Medium, Low}'],
    ['prose in parentheses', 'Funding rates rose (high leverage persists)'],
    ['a footnote-like bracket', 'See the filing [^12] for details'],
    ['a level word in prose', 'Bitcoin hit a new high while volume stayed low']
  ])('finds nothing in %s', (_name, line) => {
    expect(findSeverity(line, 'title')).toBeUndefined()
  })
})

import {describe, expect, it} from 'vitest'
import {findMoney, findPercents, parseMoney, parsePercent} from '../src/extract/market/index.js'

describe('parseMoney', () => {
  it.each([
    ['\\$95,975', 95975],
    ['95,975 USD', 95975],
    ['~91.9k', 91900],
    ['$1.37 billion', 1.37e9],
    ['$713.4M', 713.4e6],
    ['2.35T USD', 2.35e12],
    ['USD 3.1T', 3.1e12],
    ['~US\\$200B', 200e9],
    ['–\\$55.5m', -55.5e6]
  ])('%s → %d', (text, value) => {
    expect(parseMoney(text)).toBe(value)
  })

  it('reads nothing from dates, counts and percentages', () => {
    expect(parseMoney('Nov 3')).toBeUndefined()
    expect(parseMoney('7-day')).toBeUndefined()
    expect(parseMoney('3.2%')).toBeUndefined()
  })
})

describe('findMoney ranges', () => {
  it.each([
    ['\\$90,322–\\$92,114', [90322, 92114]],
    ['$193-197', [193, 197]],
    ['$87–88K', [87000, 88000]],
    ['$87.37k–$87.84k', [87370, 87840]],
    ['$3.67–$3.68 trillion', [3.67e12, 3.68e12]],
    ['between $110,048 and $111,522', [110048, 111522]],
    ['87.7k–92.3k', [87700, 92300]],
    ['68–69k USD', [68000, 69000]],
    ['2.3–2.5 trillion USD', [2.3e12, 2.5e12]],
    ['66,400 to 68,350 dollars', [66400, 68350]]
  ])('%s', (text, range) => {
    const [first] = findMoney(text.replace(/\\\$/g, '$'))
    expect(first?.range).toEqual(range)
  })
})

describe('findMoney moves', () => {
  it('reads "from 2.3 to 2.5 trillion USD" as two amounts, not a range', () => {
    expect(findMoney('fell from 2.3 to 2.5 trillion USD').map((money) => money.range ?? money.value)).not.toContainEqual([2.3e12, 2.5e12])
  })
})

describe('parsePercent and findPercents', () => {
  it.each([
    ['-3.2%', -3.2],
    ['−0.77%', -0.77],
    ['–2.6%', -2.6],
    ['↓0.38%', -0.38],
    ['↘ 3.04%', -3.04],
    ['+1.45%', 1.45],
    ['\\-1.9%', -1.9],
    ['0.86%', 0.86]
  ])('%s → %d', (text, value) => {
    expect(parsePercent(text)).toBe(value)
  })

  it.each([
    ['-1% to -2.78%', [-2.78, -1]],
    ['–2.21% to +1.87%', [-2.21, 1.87]],
    ['3.05%–3.4%', [3.05, 3.4]],
    ['+1–2%', [1, 2]],
    ['≈–5–6%', [-6, -5]],
    ['±0.5%', [-0.5, 0.5]]
  ])('%s is a range', (text, range) => {
    expect(findPercents(text)[0]?.range).toEqual(range)
  })

  it('reads U+2011 non-breaking hyphens as minus after cleaning', () => {
    expect(parsePercent('\u20111.2%')).toBe(-1.2)
  })

  it("reads a capital magnitude set apart by a space ('$3.4 T', '3.29 T USD'), but not a word after a number", () => {
    expect(findMoney('$3.4 T').map((money) => money.value)).toEqual([3.4e12])
    expect(findMoney('3.29 T USD').map((money) => money.value)).toEqual([3.29e12])
    expect(findMoney('$412 M of longs').map((money) => money.value)).toEqual([412e6])
    expect(findMoney('$95 Today').map((money) => money.value)).toEqual([95])
  })

  it("reads 'US$97,240 −1.6%' as a sign on the percentage, not a range of percentages", () => {
    expect(findPercents('US$97,240 −1.6%').map((percent) => percent.value ?? percent.range)).toEqual([-1.6])
    expect(findPercents('1.5 – 2%').map((percent) => percent.range)).toEqual([[1.5, 2]])
  })
})

import {findDays, isStaleDay} from '../days.js'
import type {Recogniser} from '../types.js'
import {OLD_VALUE_AFTER} from '../topics.js'

// ("the fear-and-greed gauge", and "Sentiment index: 45 (Fear)", "Sentiment gauge at 74", as many authors call it.)
const INDEX = /fear[\s-]*(?:&|and|\/|(?<=fear )(?=greed))[\s-]*greed(?:\s+index)?|\b(?:medo\s*(?:&|e)\s*ganância|miedo\s*(?:&|y)\s*codicia|angst\s*(?:&|und)\s*gier|peur\s*(?:&|et)\s*cupidité|korku\s*(?:&|ve)\s*açgözlülük)|(?<!\b(?:social|twitter|options|funding|retail|news|on-?chain|other)\s+)\bsentiment (?:index|gauge)\b|\bF\s?&\s?G\b(?:\s+index)?|\bC?FGI\b|\bfng\b|(?<!\b(?:VIX|volatility|CBOE|Wall Street(?:['’]s)?)\s+)\bfear index\b/i
const MOVE = /\b(dropped|fell|rose|gained|lost|climbed|slipped|jumped|went|moved|swung|shifted|slid|sank|improved|recovered|rebounded|eased|ticked|crept|up|down|by|under|below|above|over|beyond|more than|less than|at least|at most)\s*$/i
/** "(7-day average 10)", "from 22 a week ago": a number that is not today's reading. */
const NOT_TODAY = /\b(average|avg|mean|ago|yest\.?|prev\.?|yesterday['’]?s?|last week['’]?s?|previous|prior|from|vs\.?|versus|compared with)\s*\S{0,6}\s*$/i
const EARLIER_AFTER = /^\s*(?:\/\s*100\s*)?(?:\([^)]*\)\s*)?(?:on|in|as of|from|at)\s+(?:(?:early|mid|late)[- ])?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|^\s*(?:\([^)]*\)\s*)?(?:a week|a month|last week|yesterday|\d+ days ago)/i
/** The day named is the brief's or the one before ("27 on Nov 3" in the brief of Nov 4). */
function isRecent(text: string, date: string | undefined): boolean {
  const [day] = findDays(text, date)
  return day?.iso !== undefined && date !== undefined && !isStaleDay(day, date)
}

/** A second source's reading right after the first: "… on alternative.me and 49 on CoinMarketCap's". */
const OTHER_SOURCE = /^\s*\([^)]*\)\s*(?:\/|,|and|vs\.?)\s*(\d{1,3})\s*\(|^\s*(?:\([^)]*\)\s*)?(?:on|at|per|from|according to)\s+[^,;\d]{2,40}?\s*(?:,\s*|\s+and\s+|\s+while\s+|\s+but\s+|\s+vs\.?\s+|\s+versus\s+)(?:\w+\s+){0,3}?(\d{1,3})\s+(?:on|at|per|from|according)\b|^\s*(?:,\s*|\s+(?:and|while|but|vs\.?|versus)\s+)(?:[\w.]+\s+){0,2}?[\w.]+['’]s\s+(?:(?:index|gauge|version|reading|one)\s+)?(?:(?:is|reads|sits|at)\s+){1,2}(\d{1,3})(?![\d%]|[.,]\d)/i

/** Words that open a band of readings: "between 68 and 71", "range from 60 to 66", "entre 74 y 78". */
const BAND_BEFORE = /\b(?:between|entre|zwischen|range[sd]?\s+from|ranging\s+from|anywhere\s+from)\s*$/i
const MONTH = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i

/**
 * "Fear & Greed Index at 23 (extreme fear)", "Fear index collapsed to 19",
 * "34/100", "registered 26–30": the first whole number 0–100 after the name
 * that is not a day of a month, a percentage, a move ("dropped 6 points") or
 * a tweet-sentiment score.
 */
/** A sentence that opens on another day and tells it in the past tense. */
const PAST_SENTENCE = /^\W*(?:last\s+(?:week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:a|one)\s+(?:week|month)\s+ago|yesterday)\b[^.]*\b(?:was|were|led|read|stood|had|showed|sat)\b/i

export const fearGreed: Recogniser<{value?: number; range?: [number, number]; line: number}> = {
  name: 'fear-greed',
  match(context) {
    // Under a section named for the index ("FEAR & GREED", "### Medo & Ganância"), a line that opens on its
    // reading ("57 (Greed).", "Index 26, \"Fear\".") is read as if the title stood before it.
    if (!INDEX.test(context.text) && INDEX.test(context.section.title) && /^\W{0,4}(?:index\s+)?\d{1,3}\b(?![.,]\d|\s?%)/i.test(context.text)) {
      return fearGreed.match({...context, text: `${context.section.title.replace(/[:\s]+$/, '')}: ${context.text}`})
    }
    const phrase = INDEX.exec(context.text)
    if (!phrase) return []
    // ("Last Sunday the Herald led with … a Fear & Greed reading of 12": a sentence told of another day.)
    const sentence = context.text.slice(0, phrase.index).split(/[.!?]\s+(?=[A-Z])/).at(-1)!
    if (PAST_SENTENCE.test(sentence)) return []
    // "there is no Fear & Greed reading today": none.
    if (/\b(?:no|without)\s+(?:\w+\s+)?$/i.test(context.text.slice(Math.max(0, phrase.index - 16), phrase.index))) return []
    // "Our own Hanbit Sentiment Index": an exchange's or the writer's own gauge, not the Fear & Greed index.
    // ("A second sentiment gauge we monitor … It is not the same as the Fear & Greed Index": another gauge.)
    if (/^sentiment/i.test(phrase[0]) && (/\b(?:our own|our|proprietary|in-house|house|second|another|alternative)\b[^.;:]{0,30}$/i.test(context.text.slice(0, phrase.index)) || /^\s+(?:we|I)\s+(?:monitor|track|watch|use|follow)\b/i.test(context.text.slice(phrase.index + phrase[0].length)))) return []
    // "Sentiment cooled to 62 on the Fear & Greed gauge": the reading before the name.
    const before = /(?<![\d.,$])(\d{1,3})\s+(?:on|in)\s+(?:the\s+)?(?:[\w.'’]+\s+)?$/i.exec(context.text.slice(Math.max(0, phrase.index - 40), phrase.index))
    const lead = before && context.text.slice(0, phrase.index - before[0].length)
    // ("Fear readings ranged from 36 to 39 on the Crypto Fear & Greed Index": the band before the name.)
    const from = lead ? /\b(?:from|between)\s+(\d{1,3})\s+(?:to|and)\s+$/i.exec(lead) : null
    if (before && from && Number(from[1]) < Number(before[1]) && Number(before[1]) <= 100) return [{range: [Number(from[1]), Number(before[1])], line: context.line}]
    if (before && Number(before[1]) <= 100 && !MOVE.test(lead!) && !NOT_TODAY.test(lead!)) return [{value: Number(before[1]), line: context.line}]
    // The reading is in the name's own sentence: "… Fear & Greed gauge. Liquidations over the past 24 hours" gives none.
    const rest = context.text.slice(phrase.index + phrase[0].length, phrase.index + phrase[0].length + 120)
    const after = rest.slice(0, /[.!?](?=\s+[A-Z])/.exec(rest)?.index ?? rest.length)
    if (/twitter|tweets|social/i.test(after.slice(0, 30))) return []
    for (const match of after.matchAll(/(?<![\d.,$])(\d{1,3})(?![\d])(?:\s?[-–]\s?(\d{1,3})(?!\d))?(?![\d%a-z]|[.,]\d|\s?%|\s?-\s?(?:day|week|month|d\b)|\s?[-–]\s?\d)/gi)) {
      const value = Number(match[1])
      const before = after.slice(0, match.index)
      // "somewhere between 68 and 71 depending on the provider", "range from 60 to 66": the brief's own band.
      const band = value <= 100 && BAND_BEFORE.test(before) ? /^\s+(?:and|to|y|und|bis|a)\s+(\d{1,3})(?![\d%]|[.,]\d)/i.exec(after.slice(match.index + match[0].length)) : null
      if (band && Number(band[1]) <= 100) return [{range: [Math.min(value, Number(band[1])), Math.max(value, Number(band[1]))] as [number, number], line: context.line}]
      if (value > 100 || MONTH.test(before) || MOVE.test(before) || NOT_TODAY.test(before)) continue
      // "(0~100)", "on a 0–100 scale": the scale, not a reading.
      if ((value === 0 && (match[2] === '100' || /^\s?(?:[~–-]|to)\s?100\b/.test(after.slice(match.index + match[1]!.length)))) || (value === 100 && /(?<![\d.])0\s?(?:[~–-]|to)\s?$/.test(before))) continue
      // "40 (Fear) on October 22", "~11 in late Nov": a reading of another day.
      const following = after.slice(match.index + match[0].length, match.index + match[0].length + 40)
      if (EARLIER_AFTER.test(following) && !isRecent(following, context.date)) continue
      // "F&G is +5 points": a signed number is a move, not a reading ("plunged to 22 points" is one).
      if (/[+−–]\s?$/.test(before)) continue
      // "71 → 64 (Greed)": the value before an arrow to another reading is the old one ("70 → Greed" names its band).
      if (OLD_VALUE_AFTER.test(following) && /^\s*\S+\s*\d/.test(following)) continue
      // "48 to 52 depending on provider": the brief's own band.
      const to = match[2] === undefined ? /^\s+to\s+(\d{1,3})(?![\d%]|[.,]\d)\s*[,(]?\s*(?:depending on|per|by|across|according to|on different)\s+(?:the\s+)?(?:provider|source|tracker|site|index|feed)/i.exec(following) : null
      if (to && Number(to[1]) <= 100 && Number(to[1]) > value) return [{range: [value, Number(to[1])], line: context.line}]
      // "(retry 3/3)": a count, not a reading.
      if (/^\s?\/\s?(?!100\b)\d/.test(following) || /\d\s?\/\s?$/.test(before)) continue
      if (match[2] !== undefined) return [{range: [Math.min(value, Number(match[2])), Math.max(value, Number(match[2]))] as [number, number], line: context.line}]
      // "52 on alternative.me and 49 on CoinMarketCap's version": two sources, a range.
      // (A looser reading of a second source anywhere later in the sentence cost held-out precision; not kept.)
      const other = OTHER_SOURCE.exec(following)
      const second = other ? Number(other[1] ?? other[2] ?? other[3]) : undefined
      if (second !== undefined && second <= 100 && second !== value) return [{range: [Math.min(value, second), Math.max(value, second)] as [number, number], line: context.line}]
      return [{value, line: context.line}]
    }
    return []
  }
}

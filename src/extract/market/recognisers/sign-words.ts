import {negate, type PercentMatch} from '../numbers.js'

const FALLING = /\b(pull(?:ed)?[- ]?back\w*|eas(?:ed|ing)|soften\w*|cool(?:ed|ing)|trimm\w*|gave back|down|dn|fell|fall(?:s|ing)?|declin\w*|drop\w*|dipp?\w*|lost|loss\w*|los(?:es|ing)|slid\w*|slipp?\w*|retreat\w*|lower|lighter|weaker|cheaper|plung\w*|tumbl\w*|sank|sink\w*|shed\w*|off|decreas\w*|slump\w*|crash\w*|collaps\w*|contract\w*|weaken\w*|negative|red|bled|sell-?off|shr[aiu]nk\w*|erod\w*|sagg?\w*|skidd?\w*|fad(?:ed|ing|es)|gave up|giv(?:es|ing) up|give up|giv(?:es|ing) back|give back)\b/i
const RISING = /\b(up|rose|ris(?:e|es|ing)|gain\w*|rall\w*|climb\w*|jump\w*|surg\w*|rebound\w*|higher|heavier|stronger|richer|add\w*|advanc\w*|increas\w*|recover\w*|bounc\w*|soar\w*|spik\w*|grew|grow\w*|positive|green|pops?|popp\w*|firm(?:ed|ing)|perk\w*)\b/i

/** The whole word is a falling one ("gave up" falls, though "up" alone rises). */
const falls = (word: string) => new RegExp(`^(?:${FALLING.source})$`, 'i').test(word)
/** The last word of `text` that signs a move, falling or rising. */
const lastSignWord = (text: string) => [...text.matchAll(new RegExp(`${FALLING.source}|${RISING.source}`, 'gi'))].at(-1)?.[0]

const FALLING_NOUN = /^(declines?|decreases?|drops?|loss(?:es)?|falls?|slides?|plunges?|dips?|slumps?|pullbacks?|sell-?offs?|retreats?|drawdowns?|lower|pullbacks?)$/i
const MOVE_NOUN_AFTER = /^\s*\)?\s*(?:(?:daily|day|24-?h(?:our)?|intraday|session|overnight)\s+)?(declines?|decreases?|drops?|loss(?:es)?|falls?|slides?|plunges?|dips?|slumps?|pullbacks?|sell-?offs?|retreats?|drawdowns?|lower|gains?|increases?|rises?|rally|rallies|jumps?|surges?|rebounds?|advances?|bounces?|higher)\b/i

const DAY_COMPARISON_AFTER = /^\s*(less|lower|smaller|below|under|more|higher|bigger|above)\s+than\s+(?:a day (?:earlier|before|ago)|yesterday|24 hours (?:earlier|ago|before)|the (?:day|session) before|the previous (?:day|session))\b/i

/**
 * The verb of an earlier clause that an "and" carries over to this asset ("Ether lost 4.0% to
 * \$3,301 and Solana 5.1% to \$140.50"): `text` is the sentence up to the asset's name.
 */
export function gappedVerbFalls(text: string): boolean {
  const gap = /\band\s+\S+\s*$/i.exec(text)
  if (!gap) return false
  const last = lastSignWord(text.slice(0, gap.index))
  return last !== undefined && falls(last)
}

/** Whether `text` holds a word that signs a move. */
export function hasSignWord(text: string): boolean {
  return FALLING.test(text) || RISING.test(text)
}

/**
 * Gives an unsigned percentage the sign its verb carries: "fell 9.4%",
 * "down 6.4%", "a 1.30% daily loss". The nearest verb before it wins, then
 * a word right after it; an explicit sign always wins.
 */
export function signFromWords(match: PercentMatch, text: string, from: number): PercentMatch {
  if (match.signed) return match
  // A noun right after the figure names the move itself ("marking an 8%
  // decline", "a 3.39–4.01% 24-hour decline"): it beats an earlier verb
  // that may belong to another clause ("… before recovering to …").
  // "1.3 percent less than a day earlier": the comparison with the day before signs it.
  const compared = DAY_COMPARISON_AFTER.exec(text.slice(match.end, match.end + 48))
  if (compared) return /^(?:less|lower|smaller|below|under)$/i.test(compared[1]!) ? negate(match) : match
  const noun = MOVE_NOUN_AFTER.exec(text.slice(match.end, match.end + 32))
  if (noun) return FALLING_NOUN.test(noun[1]!) ? negate(match) : match
  const last = lastSignWord(text.slice(from, match.index))
  if (last) return falls(last) ? negate(match) : match
  const after = text.slice(match.end, match.end + 24)
  const next = new RegExp(`^\\s*(?:\\w+\\s+){0,2}?(${FALLING.source.slice(2, -2)})`, 'i').exec(after)
  return next ? negate(match) : match
}

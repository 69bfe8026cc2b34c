/**
 * "By the numbers" lines put the figure first and say what it is after it:
 * "- **$1.31B** — liquidated over the past 24 hours, the most since April 7".
 * The recognisers read a label before its figure, so such a line is read as
 * "liquidated over the past 24 hours: $1.31B, the most since April 7": the
 * words up to the first comma or bracket are the label, the rest stays after.
 */

const AMOUNT = String.raw`[~≈]?[+−–-]?\s?(?:US\\?\$|\\?\$|USD\s?)?\d[\d,.]*(?:\s?(?:[kKmMbBtT]|bn|tn|mn|thousand|million|billion|trillion))?\s?%?(?:\s?USD)?`
/** A bold figure (an amount, a range or a percentage) opening a line or a list item, then a dash or colon and words. */
const FIGURE_FIRST = new RegExp(String.raw`^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*|__)(?<figure>${AMOUNT}(?:\s?[–-]\s?${AMOUNT})?)(?:\*\*|__)\s*(?:—|–|-{1,2}|:)\s+(?<words>\S.*)$`)

/** A heading that opens on its figure: "### $131M: liquidated in 24 hours", "### $3.55tn — the whole market". */
const HEADING_FIGURE = new RegExp(String.raw`^\s*#{1,6}\s+(?:\*\*|__)?(?<figure>${AMOUNT}(?:\s?[–-]\s?${AMOUNT})?)(?:\*\*|__)?\s*(?:—|–|-{1,2}|:)\s+(?<words>\S.*)$`)

/** "• Liquidations (24h) — $214M, longs 41%": a label, a spaced dash, then its figure. */
const LABEL_DASH_FIGURE = /^(\s*(?:[-*+•]|\d+[.)])?\s*(?:[^\d$—–:|]|\(\d+\s?[a-z]*\)|\b24\s?h\b){2,40}?)\s+[—–]\s+(?=[+−–-]?\s?[~≈]?\s?(?:US\$|\$|USD\s?)?\d)/u

/**
 * The line's cleaned text with its label moved before its figure, or joined to it by a colon
 * when a dash stands between them ("Liquidations (24h) — $214M" reads as "Liquidations (24h): $214M").
 */
export function labelBeforeFigure(raw: string, text: string): string {
  const match = FIGURE_FIRST.exec(raw) ?? HEADING_FIGURE.exec(raw)
  if (!match) return text.replace(LABEL_DASH_FIGURE, '$1: ')
  const figure = match.groups!.figure!.replace(/\\/g, '')
  // The cleaned words: the line's text after the figure and its dash.
  const at = text.indexOf(figure)
  if (at === -1) return text
  const words = text.slice(at + figure.length).replace(/^\s*(?:—|–|-{1,2}|:)\s*/, '')
  const cut = words.search(/,\s|\s\(|;\s/)
  const [label, rest] = cut === -1 ? [words, ''] : [words.slice(0, cut), words.slice(cut)]
  return `${text.slice(0, at)}${label}: ${figure}${rest}`
}

/** A line that is only a bold title ("**Derivatives Flashpoint: $2B Liquidation Cascade**") states no figure. */
export function isTitleLine(raw: string): boolean {
  // ("### $131M: liquidated in 24 hours" states its figure.)
  if (HEADING_FIGURE.test(raw)) return false
  return /^\s*(?:#+\s*)?(?:\*\*|__)[^*]+(?:\*\*|__)\s*$/.test(raw) || /^\s*#{1,6}\s/.test(raw)
}

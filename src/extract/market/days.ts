/**
 * The calendar day a figure refers to, resolved against the brief's own date:
 * "Feb 2", "2 February", "2026-02-02", "Friday" (the last Friday before the
 * brief), "yesterday", "today".
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
// Whole names or their abbreviations only: "declined 3" is not "Dec 3".
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?`

/** Any way briefs name a day. */
const DAY_PATTERN = new RegExp(
  String.raw`\b(?:(?<month>${MONTH})\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b|(?<day2>\d{1,2})(?:st|nd|rd|th)?[\s-](?<month2>${MONTH})|(?<dd>\d{1,2})\/(?<mm>\d{1,2})\b(?!\/|\.\d)|(?<iso>\d{4}-\d{2}-\d{2})|(?<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\b\.?)|(?<relative>yesterday|yday|yest\.?|today|overnight|(?:prior|previous|last) (?:session|trading day))|(?<=\bon the\s)(?<ord>\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:()]|$|\s(?:and|to|but|when|as|with|after|before|while)\b)))`,
  'gi'
)

export interface DayMention {
  /** As written ("Feb 2", "Friday"). */
  text: string
  /** YYYY-MM-DD, when the brief's date is known. */
  iso?: string
  index: number
  end: number
}

export function findDays(text: string, briefDate: string | undefined): DayMention[] {
  const found: DayMention[] = []
  for (const match of text.matchAll(DAY_PATTERN)) {
    // "the first time since May 8", "up from Friday's": a point of reference, not the figure's day.
    if (/\b(?:since|from|after|before|until|till|than)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, match.index - 12), match.index))) continue
    // "Tue 31-Mar" is a day; "tue" or "wed" in lower case is not.
    if (match.groups!.weekday && !/day$/i.test(match.groups!.weekday) && !/^[A-Z]/.test(match[0])) continue
    const iso = briefDate ? resolve(match.groups!, briefDate) : undefined
    // "20/04" is a day only when it reads as one of the brief's past week (day/month or month/day); "26/100" is not.
    if (match.groups!.dd && !iso) continue
    const mention: DayMention = {text: match[0], index: match.index, end: match.index + match[0].length}
    if (iso) mention.iso = iso
    found.push(mention)
  }
  return found
}

function resolve(groups: Record<string, string | undefined>, briefDate: string): string | undefined {
  const base = new Date(`${briefDate}T00:00:00Z`)
  if (Number.isNaN(base.getTime())) return undefined
  if (groups.iso) return groups.iso
  const relative = groups.relative?.toLowerCase()
  if (relative === 'today') return briefDate
  if (relative === 'yesterday' || relative === 'yday' || relative?.startsWith('yest') || relative === 'overnight' || /session|trading day/.test(relative ?? '')) return shift(base, -1)
  if (groups.dd) return numericDay(Number(groups.dd), Number(groups.mm), base)
  // "on the 9th" (not "after the 7th and the 8th", a comparison): that day of the brief's month, or of the month before when it is later than the brief's day.
  if (groups.ord) {
    const day = Number(groups.ord)
    if (day < 1 || day > 31) return undefined
    const month = day <= base.getUTCDate() ? base : new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() - 1, 1))
    return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }
  if (groups.weekday) {
    const wanted = WEEKDAYS.findIndex((name) => name.startsWith(groups.weekday!.toLowerCase().replace(/\.$/, '').slice(0, 3)))
    // "as of Friday morning" in Friday's brief is today; another weekday is the last one before it.
    const back = (base.getUTCDay() - wanted + 7) % 7
    return shift(base, -back)
  }
  const monthName = (groups.month ?? groups.month2)!.toLowerCase().slice(0, 3)
  const month = MONTHS.indexOf(monthName)
  const day = Number(groups.day ?? groups.day2)
  if (month < 0 || day < 1 || day > 31) return undefined
  // A month after the brief's is last year's ("Dec 30" in a January brief).
  let year = base.getUTCFullYear()
  if (month > base.getUTCMonth() + 1) year--
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** "20/04" or "04/20": whichever reading falls in the week before the brief (or on it). */
function numericDay(first: number, second: number, base: Date): string | undefined {
  for (const [day, month] of [[first, second], [second, first]] as const) {
    if (month < 1 || month > 12 || day < 1 || day > 31) continue
    const iso = `${base.getUTCFullYear()}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const back = daysBefore(iso, base.toISOString().slice(0, 10))
    if (back >= 0 && back <= 7) return iso
  }
  return undefined
}

function shift(date: Date, days: number): string {
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10)
}

/** Whole days from `iso` to the brief's date (1 for the day before). */
export function daysBefore(iso: string, briefDate: string): number {
  return Math.round((Date.parse(`${briefDate}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000)
}

/**
 * A named day that is not the brief's recent past: after the brief, or more
 * than `maxDays` before it. Days that could not be resolved are not stale.
 */
export function isStaleDay(day: {iso?: string}, briefDate: string | undefined, maxDays = 1): boolean {
  if (!day.iso || !briefDate) return false
  const back = daysBefore(day.iso, briefDate)
  return back < 0 || back > maxDays
}

/** The one day `words` name ("Flows: Tuesday, Dec 1" names it twice); undefined when they name none or several. */
export function soleDayOf(words: string, briefDate: string | undefined): DayMention | undefined {
  const days = findDays(words, briefDate)
  return new Set(days.map((day) => day.iso ?? day.text)).size === 1 ? days.at(-1) : undefined
}

/**
 * Dates for readers, spelled out without `Intl` or `toLocaleString`: the
 * output must be byte-identical whatever the machine's time zone or locale,
 * and a `YYYY-MM-DD` day is a calendar day, never an instant.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return [year, month, day]
}

/** `2025-11-04` → `Tuesday, 4 November 2025`. */
export function longDate(date: string): string {
  const [year, month, day] = parts(date)
  // Date.UTC keeps the computation off the local time zone.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return `${WEEKDAYS[weekday]}, ${day} ${MONTHS[month - 1]} ${year}`
}

/** `2025-11-04` → `4 Nov 2025`. */
export function shortDate(date: string): string {
  const [year, month, day] = parts(date)
  return `${day} ${MONTHS[month - 1]!.slice(0, 3)} ${year}`
}

/** `2025-11-04` → `November 2025`. */
export function monthOf(date: string): string {
  const [year, month] = parts(date)
  return `${MONTHS[month - 1]} ${year}`
}

/** `2026-11-20` → midnight UTC of that calendar day: a brief is a day, not an instant. */
export function utcMidnight(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined
  // Date.UTC rolls 2026-02-30 over to March; a day that does not round-trip is a bug upstream.
  if (!day || day.toISOString().slice(0, 10) !== date) throw new Error(`Not a calendar day (YYYY-MM-DD): ${date}`)
  return day
}

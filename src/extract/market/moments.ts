import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {assetOfLabel} from './assets.js'
import {daysBefore, findDays} from './days.js'

/**
 * When a line's figures were taken, as the brief itself says: under a title
 * naming an earlier day ("### Friday" in Sunday's weekend wrap), at a time
 * ("08:00 UTC — BTC 93,640", "**Morning snapshot (07:30 UTC)**"), or as an
 * update ("**Update 09:30 UTC:**", "## Afternoon update", "Daily summary",
 * "### Sunday (now)"). A later statement of a figure supersedes an earlier one.
 */
export interface Moment {
  /** Days after the brief's own day: 0 for its day, -2 for Friday in Sunday's brief. */
  day: number
  /** Minutes after midnight, when a time is given. */
  minutes?: number
  /** Said to be an update, the latest reading or the day's closing summary. */
  latest: boolean
}

/** A heading, or a line that is only bold text ("**Morning snapshot (07:30 UTC)**"), with the lines it covers. */
export interface Title {
  line: number
  /** 1–6 for headings; bold titles are the innermost (7). */
  depth: number
  text: string
}

/** Headings and bold-only (or code-only) lines, in order. */
export function titlesOf(tree: Root, lines: readonly string[]): Title[] {
  const titles: Title[] = []
  for (const node of tree.children) {
    const line = node.position?.start.line
    if (line === undefined) continue
    if (node.type === 'heading') titles.push({line, depth: node.depth, text: toString(node).trim()})
    // A data block's own first line says when its rows were taken ("LEDGERLINE REFRESH  2030-01-15  14:00 UTC").
    else if (node.type === 'code') {
      const first = node.value.split('\n')[0] ?? ''
      const at = /^\s*(?:```|~~~)/.test(lines[line - 1] ?? '') ? line + 1 : line
      if (TIME.test(first) || LATEST_TITLE.test(first)) titles.push({line: at, depth: 7, text: first.trim()})
    }
    else if (node.type === 'paragraph') {
      for (let at = line; at <= node.position!.end.line; at++) {
        // (Or only inline code: "`14:00 UTC UPD — supersedes 08:00`".)
        const bold = /^\s*(?:\*\*|__)([^*_]{2,40})(?:\*\*|__)\s*:?\s*$/.exec(lines[at - 1] ?? '') ?? /^\s*`([^`]{2,60})`\s*:?\s*$/.exec(lines[at - 1] ?? '')
        if (bold) titles.push({line: at, depth: 7, text: bold[1]!.trim()})
      }
    }
  }
  return titles
}

/** "07:30 UTC", "5:40 PM ET": a clock time (a bare "(04:30)" in a title is as often a podcast's minute). */
const TIME = /\b(\d{1,2}):(\d{2})(?:\s*(am|pm)\b|(?=\s*(?:UTC|GMT|Z|ET|EST|EDT|CET|CEST|BST|SGT|HKT|JST|KST|PT|PST|PDT)\b))/i
/** Titles that present their figures as the newest of the day ("Daily summary", not a brief's "Executive Summary"). */
const LATEST_TITLE = /\b(?:update|updated|upd|supersedes|refresh|refreshed|revised|latest|late edition|(?:daily|closing|end[- ]of[- ]day|day's) (?:summary|wrap))\b|\(now\)|\bright now\b|\bwhere (?:we|it) (?:are|is|stands?) now\b/i
/** A line that opens as an update: "**Update 09:30 UTC:** BTC now at …", "UPDATE: …", "Latest (16:00): …". */
const LATEST_LINE = /^[\s>*_-]*(?:update|updated|upd|refresh|latest)\b[^:\n]{0,30}:/i
/** A line that opens on a clock time: "08:00 UTC — BTC 93,640", "- [14:05] ETH …". */
const TIMED_LINE = /^[\s>*_+-]*(?:\d+[.)]\s+)?[[(]?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+)?\d{1,2}:\d{2}\b[^—–|:\]\n]{0,12}[\])]?\s*(?:[—–|:-]|$)/

/** The clock time in a title (which must look like one), or, with `anyClock`, the first "hh:mm" (am/pm) anywhere: a line's opening, a table's hour column, an hour named beside a price. */
export function minutesOf(text: string, anyClock = false): number | undefined {
  const match = (anyClock ? /\b(\d{1,2}):(\d{2})\b(?:\s*(am|pm)\b)?/i : TIME).exec(text)
  if (!match) return undefined
  let hours = Number(match[1])
  const meridiem = match[3]?.toLowerCase()
  if (meridiem === 'pm' && hours < 12) hours += 12
  if (meridiem === 'am' && hours === 12) hours = 0
  return hours < 24 ? hours * 60 + Number(match[2]) : undefined
}

const WEEKDAY_NAMES: Record<string, string> = {mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday'}

/** The day a title names, relative to the brief's ("Friday", "Sunday, May 14", "Yesterday"); 0 when it names none. */
function dayOf(text: string, date: string | undefined): number {
  if (!date) return 0
  // "Overnight" and "prior session" are how a morning brief speaks of its own day's figures.
  const [day] = findDays(text, date).filter((found) => !/overnight|session|trading day/i.test(found.text))
  return day?.iso ? -daysBefore(day.iso, date) : 0
}

/** Each line's moment, from the titles above it and its own opening. */
export function momentsOf(tree: Root, lines: readonly string[], date?: string): (line: number) => Moment {
  // A sub-section about one asset ("### Solana (SOL)" inside an afternoon update) says what, not when: it ends no moment.
  const titles = titlesOf(tree, lines).filter((title) => title.text.length > 40 || !assetOfLabel(title.text)).map((title) => ({
    ...title,
    day: dayOf(title.text, date),
    minutes: minutesOf(title.text),
    // The brief's own title ("# Daily Market Update") covers every line alike.
    latest: title.depth > 1 && LATEST_TITLE.test(title.text)
  }))
  // One pass over the lines with the titles in force (the last of each depth; an outer one is ended by an
  // inner one of lower or equal depth), so that a brief of many headings is read in linear time.
  const byLine: Moment[] = []
  const stack: typeof titles = []
  let next = 0
  for (let line = 1; line <= lines.length; line++) {
    while (next < titles.length && titles[next]!.line <= line) {
      const title = titles[next++]!
      while (stack.length > 0 && stack.at(-1)!.depth >= title.depth) stack.pop()
      stack.push(title)
    }
    const raw = lines[line - 1] ?? ''
    const opening = TIMED_LINE.exec(raw) ?? LATEST_LINE.exec(raw)
    const ownTime = opening ? minutesOf(opening[0], true) : undefined
    // "Friday was rough: BTC fell 2.6% to \$95,240 …" in Sunday's brief: a line that opens on a day is that day's
    // ("Friday's payrolls beat …" names a thing of that day, not the line's moment).
    const opensOnDay = /^[\s>*_-]*(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)\b(?![’']s)/i.exec(raw)
    // ("**Sun 21:30 UTC.** A large seller appears": a log entry's day, abbreviated before its time.)
    const loggedDay = /^[\s>*_-]*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d{1,2}:\d{2}\b/i.exec(raw)
    let day = opensOnDay ? dayOf(opensOnDay[1]!, date) : loggedDay ? dayOf(WEEKDAY_NAMES[loggedDay[1]!.toLowerCase()]!, date) : 0
    let minutes = ownTime
    let latest = LATEST_LINE.test(raw)
    for (let index = stack.length - 1; index >= 0; index--) {
      const title = stack[index]!
      if (day === 0) day = title.day
      minutes ??= title.minutes
      latest ||= title.latest
    }
    byLine[line] = minutes === undefined ? {day, latest} : {day, latest, minutes}
  }
  return (line) => byLine[line] ?? {day: 0, latest: false}
}

/** How late a moment is, for comparing two statements: a later day, then an update (and its time). */
export function lateness(moment: Moment, byTime = false): number {
  return moment.day * 10_000 + (moment.latest ? 5_000 : 0) + ((byTime || moment.latest) && moment.minutes !== undefined ? moment.minutes : 0)
}

/**
 * Keeps, of each figure's readings (grouped by `keyOf`), those stated last:
 * a later day first; then an update or closing summary; then, when every
 * reading is timed, the latest time. Readings that say nothing of their
 * moment are left as they are (the market overview goes first as before),
 * but a timed reading never outlives a later-timed one.
 */
export function latestReadings<T extends {line: number}>(items: readonly T[], momentOf: (line: number) => Moment, keyOf: (item: T) => string = () => ''): T[] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(keyOf(item))
    if (group) group.push(item)
    else groups.set(keyOf(item), [item])
  }
  const kept = new Set<T>()
  for (const group of groups.values()) {
    const moments = group.map((item) => momentOf(item.line))
    const allTimed = moments.every((moment) => moment.minutes !== undefined)
    // A reading timed earlier than another timed one of the same figure is out of date, whatever the untimed ones say
    // ("08:00 — BTC US$107.8K" … "16:00 — BTC US$108.9K", then "## Bitcoin — US$108.9K").
    const latestTimed = Math.max(...moments.filter((moment) => moment.minutes !== undefined).map((moment) => lateness(moment, true)))
    const ranks = moments.map((moment) => (moment.minutes !== undefined && lateness(moment, true) < latestTimed ? Number.NEGATIVE_INFINITY : lateness(moment, allTimed)))
    const top = Math.max(...ranks)
    group.forEach((item, index) => ranks[index] === top && kept.add(item))
  }
  return items.filter((item) => kept.has(item))
}

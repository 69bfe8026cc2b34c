const UNITS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}

/**
 * Parses `500ms`, `10s`, `30m`, `12h`, `1d` (or a bare number in `defaultUnit`)
 * into milliseconds; undefined when the text is not a duration.
 */
export function parseDuration(text: string, defaultUnit: keyof typeof UNITS): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text)
  if (!match) return undefined
  const unit = (match[2] ?? defaultUnit).toLowerCase()
  return Math.round(Number(match[1]) * UNITS[unit]!)
}

/** `1.5 s`, `250 ms`: for messages. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`
}

// string-width for the bundle (scripts/bundle.mjs puts it in place of the
// package for wrap-ansi, which wraps the pretty report). The package costs
// about 50 µs a call (it strips ANSI codes and segments graphemes), and the
// report measures every cell of every message: 2.2 s of CPU for the 9,000
// warnings of a 4,000-brief no-change rebuild (README, "Speed"). Plain text is
// measured here; anything else loads the package on first use (esbuild turns
// this `require` into a lazy start of the bundled package).
/* global require */

/**
 * Printable ASCII, and the punctuation Briefpress's own messages use (– — ‘ ’
 * “ ” … ± · × → − ≈): one column each. Those are East Asian "ambiguous"
 * characters, one column unless the caller asks otherwise.
 * test/lazy-string-width.test.ts checks each against the package.
 */
export const NARROW = /^[\u0020-\u007E\u00B1\u00B7\u00D7\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2192\u2212\u2248]*$/
const ASCII = /^[\u0020-\u007E]*$/

/** The width the package would give, when this text is measured without it; else undefined. */
export function plainWidth(input, options) {
  if (typeof input !== 'string') return undefined
  // The package's own fast path, whatever the options.
  if (ASCII.test(input)) return input.length
  if (options?.ambiguousIsNarrow === false || !NARROW.test(input)) return undefined
  return input.length
}

let packaged

export default function stringWidth(input, options) {
  const width = plainWidth(input, options)
  if (width !== undefined) return width
  packaged ??= require('string-width').default
  return packaged(input, options)
}

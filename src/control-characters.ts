/**
 * Characters a brief may hold but no output may: what XML 1.0 forbids (C0
 * controls other than tab, line feed and carriage return; lone surrogates;
 * U+FFFE and U+FFFF) and the controls HTML reports as parse errors (DEL and
 * the C1 controls U+0080–U+009F). One of them in a title makes `feed.xml`
 * and `rss.xml` ill-formed, and a feed reader then rejects the whole feed.
 *
 * Every check here is one pass over the text; the common case (no such
 * character) is a single regular-expression test.
 */

/** Any character no output may hold; lone surrogates are found by `\p{Cs}` under the `u` flag. */
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|\p{Cs}/u
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu')

/** True for a code point no output may hold (an unpaired surrogate's code counts as one). */
export function isForbiddenCodePoint(code: number): boolean {
  return code > 0x10ffff || FORBIDDEN.test(String.fromCodePoint(code))
}

/** Each forbidden character of `text`: its index (UTF-16), length (1) and code. */
export function* forbiddenCharacters(text: string): Generator<{index: number; length: number; code: number}> {
  if (!FORBIDDEN.test(text)) return
  for (const match of text.matchAll(FORBIDDEN_ALL)) yield {index: match.index, length: 1, code: match[0].charCodeAt(0)}
}

/**
 * `text` with every forbidden character removed, except lone surrogates,
 * which become U+FFFD (what any UTF-8 encoder writes for them): a stray
 * form feed or NUL carries nothing a reader would miss.
 */
export function cleanText(text: string): string {
  if (!FORBIDDEN.test(text)) return text
  return text.replace(FORBIDDEN_ALL, (char) => (char.length === 1 && char >= '\uD800' && char <= '\uDFFF' ? '\uFFFD' : ''))
}

/** Numeric character references (`&#7;`, `&#x0C;`), for markup. */
const REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));/g

/**
 * Markup (HTML, XML, SVG) made well-formed: forbidden characters as in
 * `cleanText`, and numeric character references to them removed (XML
 * forbids `&#1;` as it forbids the character itself).
 */
export function cleanMarkup(markup: string): string {
  const text = cleanText(markup)
  if (!text.includes('&#')) return text
  return text.replace(REFERENCE, (reference, hex: string | undefined, decimal: string | undefined) =>
    isForbiddenCodePoint(hex === undefined ? Number(decimal) : Number.parseInt(hex, 16)) ? '' : reference
  )
}

/** Each numeric character reference of `text` to a forbidden code point: index, length and code. */
export function* forbiddenReferences(text: string): Generator<{index: number; length: number; code: number}> {
  if (!text.includes('&#')) return
  for (const match of text.matchAll(REFERENCE)) {
    const code = match[1] === undefined ? Number(match[2]) : Number.parseInt(match[1], 16)
    if (isForbiddenCodePoint(code)) yield {index: match.index, length: match[0].length, code}
  }
}

const NAMES: Record<number, string> = {
  0x00: 'null',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0xfffe: 'noncharacter',
  0xffff: 'noncharacter'
}

/** `U+000C (form feed)`, `U+D800 (lone surrogate)`, `U+0091 (C1 control)`. */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name = NAMES[code] ?? (code >= 0xd800 && code <= 0xdfff ? 'lone surrogate' : code > 0x10ffff ? 'beyond Unicode' : code >= 0x80 ? 'C1 control' : 'control character')
  return `${hex} (${name})`
}

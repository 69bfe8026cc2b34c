import type {Construct, ConstructRecord, Extension} from 'micromark-util-types'
import type {Processor} from 'unified'

/** Constructs to leave out, by name, per content type of micromark. */
export interface ConstructNames {
  flow?: readonly string[]
  text?: readonly string[]
}

/**
 * unified plugin, used after remark-gfm: removes the named constructs from
 * the parser's syntax extensions (copies; the extensions' own objects are
 * left alone). For documents in which they can never succeed, found by the
 * checks below: parsing without them then gives the same tree, in less time.
 */
export function withoutConstructs(this: Processor, names: ConstructNames): void {
  const data = this.data() as {micromarkExtensions?: ExtensionList}
  if (data.micromarkExtensions) data.micromarkExtensions = without(data.micromarkExtensions, names)
}

type ExtensionList = Array<Extension | ExtensionList>

function without(list: ExtensionList, names: ConstructNames): ExtensionList {
  return list.map((item) => {
    if (Array.isArray(item)) return without(item, names)
    let copy = item
    for (const field of ['flow', 'text'] as const) {
      const record = item[field]
      const drop = names[field]
      if (!record || !drop || !Object.values(record).some((value) => asList(value).some((construct) => isNamed(construct, drop)))) continue
      const kept: ConstructRecord = {}
      for (const [code, value] of Object.entries(record)) {
        const constructs = asList(value).filter((construct) => !isNamed(construct, drop))
        // A code left without constructs is no break at all, as without the extension.
        if (constructs.length > 0) kept[code as unknown as number] = constructs
      }
      copy = {...copy, [field]: kept}
    }
    return copy
  })
}

function asList(value: ConstructRecord[number]): Construct[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as Construct]
}

function isNamed(construct: Construct, names: readonly string[]): boolean {
  return construct.name !== undefined && names.includes(construct.name)
}

/**
 * micromark-extension-gfm-autolink-literal (2.1.0) tries its email construct
 * at every ASCII letter, digit and `+-._`, reading the whole word before it
 * fails for want of an `@`: about a sixth of remark-parse's time on the bench
 * corpus, where no brief (and one real brief in a hundred) holds an email.
 *
 * It only succeeds on a run of those characters directly followed by `@`,
 * and inline text is a contiguous slice of one line (micromark skips
 * container prefixes only at a line's start; the run cannot cross a line
 * ending). So where no such character precedes an `@` it never succeeds, and
 * a failed attempt leaves only a split in the surrounding `data`, which
 * micromark merges again (initialize/text.js, resolveAllText). Emails that
 * appear only once escapes and references are decoded (`me&#64;x.com`) are
 * linked by the mdast transform, which still runs.
 */
export function mayHoldEmailLiteral(text: string): boolean {
  return /[\w+.-]@/.test(text)
}

/** The email construct's name in micromark's text content. */
export const EMAIL_LITERAL = 'emailAutolink'

/**
 * micromark-extension-gfm-table (2.1.2) tries its table construct at the
 * start of every line, reading the line as a possible header row before it
 * learns, at the next line, whether a delimiter row (`| --- | :-: |`)
 * follows: about a tenth of remark-parse's time on the bench corpus (three
 * real briefs in four have no table).
 *
 * A delimiter row holds only `|`, `:`, `-`, spaces and tabs after its
 * container prefix (`>` and indentation), and at least one `|` or `:`
 * (without, it is a thematic break or a setext underline: micromark's `seen`
 * check). Where no line is one, the construct never succeeds, and a failed
 * attempt leaves nothing behind (its tokenizer state is restored; the
 * `interrupt` flag it sets on the second line is reset at that line's start).
 * `\u2028` and `\u2029` count as line breaks here, which can only make the
 * check answer yes more often.
 */
export function mayHoldTable(text: string): boolean {
  // A line of those characters only (the lookahead), with a `|` or `:`; linear,
  // as nothing backtracks between two runs of the same characters.
  return /^(?=[ \t>|:-]*$)[ \t>-]*[|:]/m.test(text)
}

/** The table construct's name in micromark's flow content. */
export const GFM_TABLE = 'table'

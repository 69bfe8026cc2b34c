import type {Construct, ConstructRecord, Extension} from 'micromark-util-types'
import type {Processor} from 'unified'

/**
 * micromark-extension-gfm-autolink-literal (2.1.0) registers its email
 * construct on every ASCII letter, digit and `+-._`: the text tokenizer asks
 * it at every such character whether it may start there, and at the start of
 * every word it reads the whole word before failing for want of an `@`,
 * saving and restoring the tokenizer's state around the attempt. On the bench
 * corpus that was about a sixth of remark-parse's time, while no brief of it,
 * and one real brief in a hundred, holds an email address at all.
 *
 * The construct only ever succeeds on a run of those characters directly
 * followed by `@` in the text it reads, and inline text is a contiguous
 * slice of one line of the document (micromark skips container prefixes
 * only at the start of a line, and the run cannot cross a line ending).
 * So in a document where no such character precedes an `@`, it never
 * succeeds, and a failed attempt leaves nothing behind but a split in the
 * surrounding `data`, which micromark merges again (initialize/text.js,
 * resolveAllText): parsing without it gives the same tree. Emails that only
 * appear once escapes and character references are decoded (`me&#64;x.com`)
 * are linked afterwards by the mdast transform, which still runs.
 */
export function mayHoldEmailLiteral(text: string): boolean {
  return /[\w+.-]@/.test(text)
}

/**
 * unified plugin, used after remark-gfm: removes the email construct from the
 * parser's syntax extensions (copies; remark-gfm's own objects are left alone).
 * Only for documents where `mayHoldEmailLiteral` is false.
 */
export function withoutEmailLiterals(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: ExtensionList}
  if (data.micromarkExtensions) data.micromarkExtensions = withoutEmail(data.micromarkExtensions)
}

type ExtensionList = Array<Extension | ExtensionList>

function withoutEmail(list: ExtensionList): ExtensionList {
  return list.map((item) => {
    if (Array.isArray(item)) return withoutEmail(item)
    if (!item.text || !Object.values(item.text).some((value) => asList(value).some(isEmailConstruct))) return item
    const text: ConstructRecord = {}
    for (const [code, value] of Object.entries(item.text)) {
      const kept = asList(value).filter((construct) => !isEmailConstruct(construct))
      // A code with no construct left is no break in text at all, as without the extension.
      if (kept.length > 0) text[code as unknown as number] = kept
    }
    return {...item, text}
  })
}

function asList(value: ConstructRecord[number]): Construct[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as Construct]
}

function isEmailConstruct(construct: Construct): boolean {
  return construct.name === 'emailAutolink'
}

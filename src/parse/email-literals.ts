/**
 * micromark-extension-gfm-autolink-literal (2.1.0) registers its email
 * construct (`emailAutolink`) on every ASCII letter, digit and `+-._`: the
 * text tokenizer asks it at every such character whether it may start there,
 * and at the start of every word it reads the whole word before failing for
 * want of an `@`, saving and restoring the tokenizer's state around the
 * attempt. On the bench corpus that was about a sixth of remark-parse's time,
 * while no brief of it, and one real brief in a hundred, holds an email
 * address at all.
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

/** The construct's name in micromark's text content. */
export const EMAIL_LITERAL = 'emailAutolink'

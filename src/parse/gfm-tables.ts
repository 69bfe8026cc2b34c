/**
 * micromark-extension-gfm-table (2.1.2) tries its `table` construct at the
 * start of every line of flow content: it reads the whole line as a possible
 * header row, and only at the next line learns whether a delimiter row
 * (`| --- | :-: |`) follows. That was about a tenth of remark-parse's time on
 * the bench corpus, none of whose briefs has a table (three real briefs in
 * four have none).
 *
 * No table starts without a delimiter row, and a delimiter row holds nothing
 * but `|`, `:`, `-`, spaces and tabs after its container prefix (`>` and
 * indentation), and at least one `|` or `:` (without, it is a thematic break
 * or a setext underline, micromark's `seen` check). So in a document with no
 * such line the construct never succeeds, and a failed attempt leaves
 * nothing behind (its tokenizer state is restored; the `interrupt` flag it
 * sets on reaching the second line is reset at that line's start): parsing
 * without it gives the same tree. The check takes `\u2028` and `\u2029` as
 * line breaks too, which can only make it answer yes more often.
 */
export function mayHoldTable(text: string): boolean {
  return DELIMITER_ROW.test(text)
}

// A line of those characters only (the lookahead), with a `|` or `:`; linear,
// as nothing backtracks between two runs of the same characters.
const DELIMITER_ROW = /^(?=[ \t>|:-]*$)[ \t>-]*[|:]/m

/** The construct's name in micromark's flow content. */
export const GFM_TABLE = 'table'

import type {Processor} from 'unified'
import type {Code, Construct, Extension, State, TokenizeContext} from 'micromark-util-types'

/**
 * micromark-extension-gfm-footnote (2.1.0) keeps the labels defined so far in
 * a plain array on the parser and calls `includes` for every definition and
 * every `[^x]`: quadratic, so 30,000 footnotes spend most of their time
 * there. It only ever calls `includes` and `push`, so an array backed by a Set
 * keeps its exact behaviour while making both constant time.
 */
class IndexedLabels extends Array<string> {
  readonly #index = new Set<string>()

  static override get [Symbol.species]() {
    return Array
  }

  override push(...labels: string[]): number {
    for (const label of labels) this.#index.add(label)
    return super.push(...labels)
  }

  override includes(label: string): boolean {
    return this.#index.has(label)
  }
}

type FootnoteParser = TokenizeContext['parser'] & {gfmFootnotes?: string[]}

// A container construct tried at the start of every line (key `null`): it
// never matches, it only installs the indexed list (adopting labels that a
// definition on the very first line may already have pushed).
const installIndex: Construct = {
  name: 'briefpressFootnoteIndex',
  tokenize(this: TokenizeContext, _effects, _ok, nok): State {
    const parser = this.parser as FootnoteParser
    if (!(parser.gfmFootnotes instanceof IndexedLabels)) {
      const labels = new IndexedLabels()
      labels.push(...(parser.gfmFootnotes ?? []))
      parser.gfmFootnotes = labels
    }
    return (code: Code) => nok(code)
  }
}

const extension: Extension = {document: {null: [installIndex]}}

/** unified plugin adding the extension to remark-parse. */
export function footnoteIndex(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: Extension[]}
  ;(data.micromarkExtensions ??= []).push(extension)
}

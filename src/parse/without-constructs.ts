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
 * left alone). For documents in which they can never succeed: see
 * src/parse/email-literals.ts and src/parse/gfm-tables.ts.
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

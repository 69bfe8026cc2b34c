/**
 * A table of strings by key kept as one buffer, decoded one value at a
 * time: the build's memos (report blocks, list cards, feed bodies) are
 * ~25 MB of strings at 4,000 briefs, and deserialising them whole made
 * every one a young object the collector copied twice before the first page
 * was written. Here only the keys are strings; a value becomes one when it
 * is asked for, and an entry carried to the next build unchanged is copied
 * as bytes (`raw`), never decoded.
 *
 * Layout: u32 count, then per entry u32 key length, u32 value length, the
 * key and the value (UTF-8), all little-endian.
 */
export class StringTable implements Iterable<[string, Uint8Array]> {
  readonly #bytes: Buffer
  /** Key → index into #starts and #ends. */
  readonly #index = new Map<string, number>()
  readonly #starts: Uint32Array
  readonly #ends: Uint32Array

  /** Throws on bytes that are not a table. */
  constructor(bytes: Buffer) {
    this.#bytes = bytes
    const count = bytes.readUInt32LE(0)
    this.#starts = new Uint32Array(count)
    this.#ends = new Uint32Array(count)
    let offset = 4
    for (let index = 0; index < count; index++) {
      const keyLength = bytes.readUInt32LE(offset)
      const valueLength = bytes.readUInt32LE(offset + 4)
      const keyStart = offset + 8
      const valueStart = keyStart + keyLength
      offset = valueStart + valueLength
      if (offset > bytes.length) throw new RangeError('Truncated string table')
      this.#index.set(bytes.toString('utf8', keyStart, valueStart), index)
      this.#starts[index] = valueStart
      this.#ends[index] = offset
    }
  }

  get size(): number {
    return this.#index.size
  }

  get(key: string): string | undefined {
    const index = this.#index.get(key)
    return index === undefined ? undefined : this.#bytes.toString('utf8', this.#starts[index], this.#ends[index])
  }

  /** The value's UTF-8 bytes (a view of the table, not a copy). */
  raw(key: string): Uint8Array | undefined {
    const index = this.#index.get(key)
    return index === undefined ? undefined : this.#bytes.subarray(this.#starts[index], this.#ends[index])
  }

  *[Symbol.iterator](): IterableIterator<[string, Uint8Array]> {
    for (const [key, index] of this.#index) yield [key, this.#bytes.subarray(this.#starts[index], this.#ends[index])]
  }
}

/** The text of UTF-8 bytes, a Buffer's or a plain Uint8Array's (a view, not a copy, is decoded). */
export function utf8(bytes: Uint8Array): string {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('utf8')
}

/** A table's bytes: values given as strings, or as UTF-8 bytes (`StringTable.raw`). */
export function encodeStrings(entries: Iterable<[string, string | Uint8Array]>): Buffer {
  return Buffer.concat(stringTableParts(entries))
}

/**
 * The same bytes in pieces, to be written one after another (a file
 * handle's `writev`): carried values stay views of the previous table
 * instead of being copied into one more buffer of tens of megabytes.
 */
export function stringTableParts(entries: Iterable<[string, string | Uint8Array]>): Uint8Array[] {
  const head = Buffer.allocUnsafe(4)
  const parts: Uint8Array[] = [head]
  let count = 0
  for (const [key, value] of entries) {
    const keyBytes = Buffer.from(key, 'utf8')
    const valueBytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
    const lengths = Buffer.allocUnsafe(8)
    lengths.writeUInt32LE(keyBytes.length, 0)
    lengths.writeUInt32LE(valueBytes.length, 4)
    parts.push(lengths, keyBytes, valueBytes)
    count++
  }
  head.writeUInt32LE(count, 0)
  return parts
}

import {deserialize, serialize} from 'node:v8'
import type {Extracted} from '../extract/brief-data.js'

/**
 * A lean brief's extracted structure as the analysis pack keeps it: only the
 * market figures, serialised on their own. Read back, they stay bytes (a view
 * of the pack's buffer) until something asks for them: of 4,000 briefs taken
 * from the pack, day-over-day compares the figures of the few days around a
 * change, and decoding every brief's quotes was a third of the pack's
 * objects, each one copied by the collector.
 */
export function packMarket(extracted: Extracted): Uint8Array {
  return serialize(extracted.market)
}

/** The lean structure of `packMarket`'s bytes, its market figures decoded on first use. */
export function lazyExtracted(market: Uint8Array): Extracted {
  return new PackedExtracted(market)
}

/** Whether `extracted` still holds its market figures as bytes. */
export function marketStillPacked(extracted: Extracted): boolean {
  return extracted instanceof PackedExtracted && extracted.packed
}

// A class rather than a getter defined on each object: defineProperty on
// 4,000 objects left them all in dictionary mode.
class PackedExtracted implements Extracted {
  readonly sections: Extracted['sections'] = []
  readonly headlines: Extracted['headlines'] = []
  #bytes: Uint8Array | undefined
  #market: Extracted['market'] | undefined

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes
  }

  get packed(): boolean {
    return this.#bytes !== undefined
  }

  get market(): Extracted['market'] {
    if (this.#bytes !== undefined) {
      this.#market = deserialize(this.#bytes) as Extracted['market']
      this.#bytes = undefined
    }
    return this.#market!
  }

  set market(value: Extracted['market']) {
    this.#bytes = undefined
    this.#market = value
  }
}

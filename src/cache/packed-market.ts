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
  const extracted = {sections: [], headlines: []} as unknown as Extracted
  Object.defineProperty(extracted, 'market', {
    configurable: true,
    enumerable: true,
    get() {
      const value = deserialize(market) as Extracted['market']
      // From now on a plain property, as any other brief's.
      Object.defineProperty(extracted, 'market', {value, writable: true, enumerable: true, configurable: true})
      return value
    }
  })
  return extracted
}

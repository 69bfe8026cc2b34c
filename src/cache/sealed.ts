import {createHash} from 'node:crypto'
import {deserialize, serialize} from 'node:v8'

/*
 * Every cache file starts with the SHA-256 of the rest: one flipped byte
 * that still deserialises (a space turned `$` in a string, a letter in a
 * body) was published as is and carried into later builds. A file whose
 * digest does not match, or that does not deserialise, reads as absent: a
 * miss, so the brief is analysed again and the entry rewritten.
 */
const DIGEST_BYTES = 32

function digestOf(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest()
}

/** `value` serialised, behind its digest. */
export function seal(value: unknown): Buffer {
  const body = serialize(value)
  return Buffer.concat([digestOf(body), body])
}

/** The value sealed in `bytes`, or undefined when they are missing, damaged or not a sealed value. */
export function unseal<T>(bytes: Buffer | undefined): T | undefined {
  if (!bytes || bytes.length <= DIGEST_BYTES) return undefined
  const body = bytes.subarray(DIGEST_BYTES)
  if (!digestOf(body).equals(bytes.subarray(0, DIGEST_BYTES))) return undefined
  try {
    return deserialize(body) as T
  } catch {
    return undefined
  }
}

/** The smallest size an encrypted event's plaintext is padded to, in bytes. */
export const MIN_PADDED_BYTES: number = 256;

/**
 * The largest: 128 KiB, the first power of two above what a checked event holds (at most 64 KiB of
 * data as JSON, beside a type of at most 128 characters and a visibility).
 */
export const MAX_PADDED_BYTES: number = 128 * 1024;

/**
 * The size a plaintext of `length` bytes is padded to: the next power of two from
 * {@link MIN_PADDED_BYTES} up, so that a ciphertext's length tells only which of ten sizes its
 * event falls in. Undefined past {@link MAX_PADDED_BYTES}.
 */
export function paddedLength(length: number): number | undefined {
  let size = MIN_PADDED_BYTES;
  while (size < length) size *= 2;
  return size <= MAX_PADDED_BYTES ? size : undefined;
}

// A space: JSON allows any amount of whitespace after a value, so the padded text parses as the
// text before it did, with nothing to strip.
const SPACE = 0x20;

/** UTF-8 JSON padded with spaces to `size` bytes (at least its own length). */
export function padJson(json: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const padded = new Uint8Array(size);
  padded.set(json);
  padded.fill(SPACE, json.length);
  return padded;
}

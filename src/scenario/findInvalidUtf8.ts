/** A decoder that throws on the first byte sequence that is not UTF-8 (streamed: a prefix cut mid-character is not one). */
function isValidPrefix(bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset of the first byte of `bytes` that is not part of valid UTF-8, or -1 when all of it is
 * (a file saved as Latin-1 or Windows-1252 has one at its first accented letter). Node's
 * `toString('utf8')` replaces such bytes with U+FFFD silently, which turned `café` in a title into
 * `caf�` in every report.
 * A prefix that holds an invalid sequence stays invalid when extended, so the first one is found by
 * bisection over prefix lengths (a few dozen decodes of a file of at most 1 MiB).
 * Example: `findInvalidUtf8(Buffer.from([0x63, 0x61, 0x66, 0xe9]))` → 3.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  if (isCompleteText(bytes)) return -1;
  // Valid as a prefix but not whole: the file ends inside a character.
  if (isValidPrefix(bytes, bytes.length)) return lastCharacterStart(bytes);
  // The smallest invalid prefix length: its last byte is where decoding fails.
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (isValidPrefix(bytes, middle)) low = middle;
    else high = middle;
  }
  // The byte that fails may follow a lead byte that waited for it (`é` in Latin-1 before a letter): blame the lead byte.
  const failing = high - 1;
  const before = bytes.subarray(0, failing);
  return isCompleteText(before) ? failing : lastCharacterStart(before);
}

/** Whether the bytes do not end inside a multi-byte character (a streamed decode accepts such an end). */
function isCompleteText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The offset of the lead byte of the unfinished character at the end of `bytes`. */
function lastCharacterStart(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  // Continuation bytes are 10xxxxxx; at most three precede the end of a truncated character.
  while (i > 0 && bytes.length - i < 4 && (bytes[i] & 0xc0) === 0x80) i -= 1;
  return i;
}

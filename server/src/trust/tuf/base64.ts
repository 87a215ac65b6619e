import { TrustError } from '../errors';

const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strict standard base64 with padding, as Go's `[]byte` JSON fields are written (notary-v1.md §2.1).
 * Node's decoder silently skips junk and accepts URL-safe letters (§7.2 item 3), so the text must match
 * the alphabet and re-encode to itself (which also rejects non-zero padding bits).
 */
export function decodeStrictBase64(text: string, what: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (!STD_BASE64.test(text) || bytes.toString('base64') !== text) {
    throw new TrustError('MALFORMED_METADATA', `${what} is not canonical standard base64`, {
      details: { field: what },
    });
  }
  return bytes;
}

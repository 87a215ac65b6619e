import { TrustError } from '../errors';

export interface BodyLimits {
  readonly maxBytes: number;
  /** The body must be exactly this long (notary-v1.md §7.2 item 8); checked while reading. */
  readonly exactLength?: number;
}

/**
 * Reads a streamed body into memory, failing as soon as a limit is crossed so an endless or oversized
 * body never gets buffered (notary-v1.md §7.2 item 8: "enforce size caps before/while reading").
 * Breaking out of the loop destroys the stream, which aborts the download.
 */
export async function readCappedBody(
  chunks: AsyncIterable<Uint8Array>,
  limits: BodyLimits,
  details: Record<string, string | number>,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (
      limits.exactLength !== undefined &&
      total > limits.exactLength &&
      limits.exactLength < limits.maxBytes
    ) {
      throw new TrustError(
        'LENGTH_MISMATCH',
        `the body is longer than the expected ${limits.exactLength} bytes`,
        {
          details: { ...details, expected: limits.exactLength },
        },
      );
    }
    if (total > limits.maxBytes) {
      throw new TrustError('OVERSIZE', `the body exceeds the ${limits.maxBytes}-byte limit`, {
        details: { ...details, maxBytes: limits.maxBytes },
      });
    }
    parts.push(chunk);
  }
  if (limits.exactLength !== undefined && total !== limits.exactLength) {
    throw new TrustError('LENGTH_MISMATCH', `the body has ${total} bytes, expected ${limits.exactLength}`, {
      details: { ...details, expected: limits.exactLength, received: total },
    });
  }
  return concat(parts, total);
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

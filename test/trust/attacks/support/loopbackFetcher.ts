import { get } from 'node:http';
import { TrustError } from '../../../../server/src/trust/errors';
import type { MetadataFetcher } from '../../../../server/src/trust/io';

/**
 * A deliberately tiny MetadataFetcher for the loopback test server: GET, 404 → undefined, other non-200
 * → SERVER_ERROR, and the body cap enforced while reading (the connection is dropped at the cap, so an
 * endless body ends in OVERSIZE). It does not check exact lengths: the client must.
 */
export function loopbackFetcher(baseUrl: string): MetadataFetcher {
  return {
    fetchMetadata: ({ gun, file, maxBytes, signal }) =>
      new Promise((resolve, reject) => {
        const request = get(
          `${baseUrl}/v2/${gun}/_trust/tuf/${file}`,
          signal ? { signal } : {},
          (response) => {
            if (response.statusCode === 404) {
              response.resume();
              return resolve(undefined);
            }
            if (response.statusCode !== 200) {
              response.resume();
              return reject(new TrustError('SERVER_ERROR', `status ${response.statusCode ?? 0}`));
            }
            const chunks: Buffer[] = [];
            let total = 0;
            response.on('data', (chunk: Buffer) => {
              total += chunk.length;
              if (total > maxBytes) {
                request.destroy();
                reject(new TrustError('OVERSIZE', `${file} exceeds ${maxBytes} bytes`));
                return;
              }
              chunks.push(chunk);
            });
            response.on('end', () => resolve(Buffer.concat(chunks)));
            response.on('error', reject);
          },
        );
        request.on('error', (cause) =>
          reject(new TrustError('UNREACHABLE', `GET ${file} failed`, { cause })),
        );
      }),
  };
}

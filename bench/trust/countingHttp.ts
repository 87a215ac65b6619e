/**
 * A counting wrapper around the injected HttpClient: every exchange with its path, status and start/end
 * time, so the benchmark can state how many requests a resolution made and whether the delegations were
 * fetched in one parallel wave (notary-v1.md §4.2).
 */
import { performance } from 'node:perf_hooks';
import type { HttpClient, HttpRequest, HttpResponse } from '../../server/src/trust/io';

export interface RecordedRequest {
  readonly path: string;
  readonly status: number | 'error';
  readonly startMs: number;
  readonly endMs: number;
}

export class CountingHttpClient implements HttpClient {
  readonly requests: RecordedRequest[] = [];

  constructor(private readonly inner: HttpClient) {}

  async request(request: HttpRequest): Promise<HttpResponse> {
    const startMs = performance.now();
    const path = request.url.pathname;
    try {
      const response = await this.inner.request(request);
      this.requests.push({ path, status: response.status, startMs, endMs: performance.now() });
      return response;
    } catch (error) {
      this.requests.push({ path, status: 'error', startMs, endMs: performance.now() });
      throw error;
    }
  }

  reset(): void {
    this.requests.length = 0;
  }
}

/** The file name below `/_trust/tuf/` (`root.json`, `targets/releases.json`, `snapshot.<hash>.json`, …). */
export function tufFileOf(path: string): string {
  const marker = '/_trust/tuf/';
  const at = path.indexOf(marker);
  return at < 0 ? path : path.slice(at + marker.length);
}

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Lets a test answer one request itself (tampering, endless bodies, errors); return true when handled. */
export type Override = (file: string, response: ServerResponse) => boolean;

/**
 * A tampering notary-server double on 127.0.0.1 (random port): serves `files` below
 * `/v2/<gun>/_trust/tuf/`, resolves `<role>.<sha256>.json` against the current files as notary-server
 * does, answers 404 otherwise, and records every requested file name.
 */
export class TufServer {
  readonly files = new Map<string, Uint8Array>();
  readonly requests: string[] = [];
  override: Override | undefined;
  private server: Server | undefined;

  constructor(readonly gun: string) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const prefix = `/v2/${this.gun}/_trust/tuf/`;
    const path = request.url ?? '';
    if (!path.startsWith(prefix)) return void response.writeHead(404).end();
    const file = path.slice(prefix.length);
    this.requests.push(file);
    if (this.override?.(file, response) === true) return;
    const body = this.lookup(file);
    if (body === undefined)
      return void response.writeHead(404).end('{"errors":[{"code":"METADATA_NOT_FOUND"}]}');
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  }

  private lookup(file: string): Uint8Array | undefined {
    const direct = this.files.get(file);
    if (direct !== undefined) return direct;
    const consistent = /^(.+)\.([0-9a-f]{64})\.json$/.exec(file);
    if (consistent === null) return undefined;
    const current = this.files.get(`${consistent[1] ?? ''}.json`);
    if (current === undefined) return undefined;
    return createHash('sha256').update(current).digest('hex') === consistent[2] ? current : undefined;
  }
}

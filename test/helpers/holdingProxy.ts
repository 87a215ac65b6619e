/**
 * A loopback HTTPS proxy in front of the lab's notary-server that can hold every request until the test
 * releases it, so a test acts while lookups are in flight by a signal (`waitHeld`), never by timing.
 * Not a double: every answer is the real server's, forwarded unchanged.
 */
import { EventEmitter, once } from 'node:events';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  /** From now on, requests wait until `release`. */
  hold(): void;
  /** Forwards every held request and stops holding. */
  release(): void;
  /** Requests received so far (held or not). */
  received(): number;
  /** Resolves once at least `count` requests were received. */
  waitReceived(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHoldingProxy(options: {
  readonly upstream: string;
  readonly upstreamCaPath: string;
  /** The proxy's own certificate (signed by a CA the language server is given in `trust.caFiles`). */
  readonly tls: { readonly certPath: string; readonly keyPath: string };
}): Promise<HoldingProxy> {
  const upstream = new URL(options.upstream);
  const agent = new https.Agent({ keepAlive: true, ca: await readFile(options.upstreamCaPath) });
  const waiting: Array<() => void> = [];
  const events = new EventEmitter();
  let holding = false;
  let received = 0;

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    if (res.destroyed) return; // the client gave up (an aborted lookup) while the request was held
    const out = https.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  };

  const server = https.createServer(
    { cert: await readFile(options.tls.certPath), key: await readFile(options.tls.keyPath) },
    (req, res) => {
      received++;
      if (holding) waiting.push(() => forward(req, res));
      else forward(req, res);
      events.emit('received');
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `https://127.0.0.1:${port}`,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    received: () => received,
    waitReceived: async (count) => {
      while (received < count) await once(events, 'received');
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/**
 * A tiny dependency-free LSP client over a child's stdio: Content-Length framing (LSP 3.17 "Base
 * Protocol"), requests with ids, notifications, and a hook that answers the server's own requests
 * (`workspace/configuration`, `client/registerCapability`, …). Written for the benchmark so both servers are
 * driven by exactly the same code and the clock is read where the bytes arrive.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface IncomingMessage {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

/** Answers one request the server sends to the client; the return value becomes `result`. */
export type ServerRequestHandler = (method: string, params: unknown) => unknown;

export interface Notification {
  readonly method: string;
  readonly params: unknown;
  /** performance.now() when the frame's last bytes arrived (before it is decoded). */
  readonly at: number;
  /** performance.now() once the frame was decoded (`JSON.parse`), the client's own work on top of `at`. */
  readonly parsedAt: number;
}

type NotificationWaiter = {
  readonly accept: (n: Notification) => boolean;
  readonly resolve: (n: Notification) => void;
};

export class BenchError extends Error {
  readonly code: 'LSP_TIMEOUT' | 'LSP_ERROR' | 'LSP_EXIT' | 'BENCH_SETUP';
  constructor(code: BenchError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'BenchError';
  }
}

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspConnection {
  /** Received bytes not yet dispatched, in arrival order, and their total length. */
  private received: Buffer[] = [];
  private receivedLength = 0;
  /** The frame being received: where its body starts in the received bytes, and its length. */
  private frame: { readonly start: number; readonly length: number } | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private waiters: NotificationWaiter[] = [];
  private exited = false;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly onServerRequest: ServerRequestHandler,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new BenchError('LSP_EXIT', 'server exited'));
      this.pending.clear();
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new BenchError('LSP_EXIT', 'server has no pid');
    return this.child.pid;
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new BenchError('LSP_EXIT', `server exited before ${method}`));
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (from now on) that `accept` takes; rejects after `timeoutMs`. */
  waitFor(accept: (n: Notification) => boolean, timeoutMs: number, what: string): Promise<Notification> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new BenchError('LSP_TIMEOUT', `no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: NotificationWaiter = {
        accept,
        resolve: (n) => {
          clearTimeout(timer);
          resolve(n);
        },
      };
      this.waiters.push(waiter);
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(
      Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]),
    );
  }

  private receive(chunk: Buffer): void {
    // The clock is read as the bytes arrive: the frames this chunk completes were received now, however long
    // this client then takes to decode them (JSON.parse of a 388 KB publish costs it 3–9 ms).
    const arrived = performance.now();
    this.received.push(chunk);
    this.receivedLength += chunk.length;
    for (;;) {
      if (this.frame === undefined) {
        // Headers are short: join what was received only while no frame is known.
        const head =
          this.received.length === 1 ? this.received[0] : Buffer.concat(this.received, this.receivedLength);
        if (head === undefined) return;
        this.received = [head];
        const headerEnd = head.indexOf(HEADER_END);
        if (headerEnd < 0) return;
        const header = head.subarray(0, headerEnd).toString('ascii');
        const match = /Content-Length:\s*(\d+)/i.exec(header);
        if (match === null) throw new BenchError('LSP_ERROR', `frame without Content-Length: ${header}`);
        this.frame = { start: headerEnd + HEADER_END.length, length: Number(match[1]) };
      }
      const { start, length } = this.frame;
      // A body's chunks are joined once, when the last one is in: joining on every chunk made this client's
      // work grow with the square of a publish's size (about 100 ms for 2 MB), and while it worked it did not
      // read the pipe, so the last bytes "arrived" late.
      if (this.receivedLength < start + length) return;
      const all =
        this.received.length === 1 ? this.received[0] : Buffer.concat(this.received, this.receivedLength);
      if (all === undefined) return;
      const body = all.subarray(start, start + length).toString('utf8');
      const rest = all.subarray(start + length);
      this.received = rest.length > 0 ? [rest] : [];
      this.receivedLength = rest.length;
      this.frame = undefined;
      this.dispatch(JSON.parse(body) as IncomingMessage, arrived);
    }
  }

  private dispatch(message: IncomingMessage, arrived: number): void {
    if (message.method !== undefined && message.id !== undefined) {
      let result: unknown = null;
      try {
        result = this.onServerRequest(message.method, message.params);
      } catch (error) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
        return;
      }
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      return;
    }
    if (message.method !== undefined) {
      const n: Notification = {
        method: message.method,
        params: message.params,
        at: arrived,
        parsedAt: performance.now(),
      };
      // Every waiter that takes it gets it: two waiters may watch the same stream for different things.
      const taken = this.waiters.filter((w) => w.accept(n));
      this.waiters = this.waiters.filter((w) => !taken.includes(w));
      for (const waiter of taken) waiter.resolve(n);
      return;
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (pending === undefined) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) {
        pending.reject(new BenchError('LSP_ERROR', `${message.error.code}: ${message.error.message}`));
      } else {
        pending.resolve(message.result);
      }
    }
  }
}

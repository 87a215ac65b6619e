/**
 * One language-server process driven as an editor drives it: initialize → `imageTrust` settings pulled
 * (lab CA, plain-HTTP registry, network on/off) → workspace indexed (the ImagePolicy) → didOpen /
 * didChange of the workload file, with every publishDiagnostics time-stamped where its bytes arrive.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Notification } from '../lsp/lspConnection';
import { BenchError, LspConnection } from '../lsp/lspConnection';
import { readCpuMs } from '../lsp/session';
import { serverNodeOptions } from '../../shared/serverRuntime';

const WAIT_MS = 120_000;

export interface Publish {
  readonly at: number;
  readonly version: number | undefined;
  /** Image lines (0-based) that carry a `trust-*` diagnostic. */
  readonly trustLines: ReadonlySet<number>;
  readonly codes: Readonly<Record<string, number>>;
}

interface RawDiagnostic {
  readonly code?: unknown;
  readonly range?: { readonly start?: { readonly line?: number } };
}

export function publishOf(n: Notification): Publish & { uri: string } {
  const params = n.params as { uri?: unknown; version?: unknown; diagnostics?: unknown };
  const diagnostics = Array.isArray(params.diagnostics) ? (params.diagnostics as RawDiagnostic[]) : [];
  const trustLines = new Set<number>();
  const codes: Record<string, number> = {};
  for (const d of diagnostics) {
    const code = typeof d.code === 'string' || typeof d.code === 'number' ? String(d.code) : '';
    codes[code] = (codes[code] ?? 0) + 1;
    const line = d.range?.start?.line;
    if (code.startsWith('trust-') && typeof line === 'number') trustLines.add(line);
  }
  return {
    uri: typeof params.uri === 'string' ? params.uri : '',
    at: n.at,
    version: typeof params.version === 'number' ? params.version : undefined,
    trustLines,
    codes,
  };
}

export class EditorSession {
  private stderr = '';

  private constructor(
    private readonly connection: LspConnection,
    private readonly exited: Promise<void>,
    private readonly kill: (signal: NodeJS.Signals) => void,
    readonly uri: string,
  ) {}

  static async start(options: {
    serverEntry: string;
    rootDir: string;
    filePath: string;
    settings: Record<string, unknown>;
  }): Promise<EditorSession> {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server (NODE_OPTIONS may not carry it).
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    // As the extension starts it (shared/serverRuntime.ts), plus any profiling flags of the caller.
    const child = spawn(
      process.execPath,
      [...serverNodeOptions(), ...nodeArgs, options.serverEntry, '--stdio'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        cwd: options.rootDir,
      },
    );
    const connection = new LspConnection(child, (method, params) => {
      if (method !== 'workspace/configuration') return null;
      const items = (params as { items?: { section?: string }[] }).items ?? [];
      return items.map((item) => (item.section === 'imageTrust' ? options.settings : null));
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const session = new EditorSession(
      connection,
      exited,
      (signal) => child.kill(signal),
      pathToFileURL(options.filePath).href,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      if (session.stderr.length < 20_000) session.stderr += chunk.toString('utf8');
    });
    const rootUri = pathToFileURL(options.rootDir).href;
    const indexed = connection.waitFor(
      (n) => n.method === 'imageTrust/workspaceIndexed',
      WAIT_MS,
      'imageTrust/workspaceIndexed',
    );
    await connection.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    connection.notify('initialized', {});
    await indexed;
    return session;
  }

  /** The server's user + system CPU time so far (ms, 10 ms ticks). */
  cpuMs(): number {
    return readCpuMs(this.connection.pid);
  }

  /** Sends didOpen and returns the time it was sent. */
  open(text: string, version: number): number {
    const t = performance.now();
    this.connection.notify('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: 'yaml', version, text },
    });
    return t;
  }

  /** Sends a full-text didChange (the server accepts full sync) and returns the time it was sent. */
  change(text: string, version: number): number {
    const t = performance.now();
    this.connection.notify('textDocument/didChange', {
      textDocument: { uri: this.uri, version },
      contentChanges: [{ text }],
    });
    return t;
  }

  /** The first publish of `version` from now on that `accept` takes: call it before the edit it waits for. */
  async publish(
    version: number,
    accept: (p: Publish) => boolean,
    what: string,
    timeoutMs = WAIT_MS,
  ): Promise<Publish> {
    const n = await this.connection.waitFor(
      (m) => {
        if (m.method !== 'textDocument/publishDiagnostics') return false;
        const p = publishOf(m);
        return p.uri === this.uri && p.version === version && accept(p);
      },
      timeoutMs,
      what,
    );
    return publishOf(n);
  }

  error(what: string, cause: unknown): BenchError {
    return new BenchError('LSP_ERROR', `${what}: ${String(cause)}\n${this.stderr.slice(-2000)}`, { cause });
  }

  async stop(): Promise<void> {
    const grace = setTimeout(() => this.kill('SIGTERM'), 2_000);
    const hard = setTimeout(() => this.kill('SIGKILL'), 5_000);
    try {
      await this.connection.request('shutdown', null);
      this.connection.notify('exit', null);
    } catch {
      this.kill('SIGTERM'); // already gone or not answering: the timers make sure it ends
    }
    await this.exited;
    clearTimeout(grace);
    clearTimeout(hard);
  }
}

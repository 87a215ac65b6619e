import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import {
  RefreshRequest,
  WorkspaceIndexedNotification,
  type RefreshResult,
  type WorkspaceIndexedParams,
} from '../../shared/protocol';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SERVER_BUNDLE = resolve(REPO_ROOT, 'dist/server.js');

/** How long a test waits for a signal from the server before failing (a deadline, never a sleep). */
export const DEFAULT_DEADLINE_MS = 15_000;

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

interface DiagnosticsWaiter {
  readonly uri: string;
  readonly accept: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (diagnostics: Diagnostic[]) => void;
}

/**
 * Drives `node dist/server.js --stdio` over JSON-RPC, as any LSP editor would (peers.md §2.2). Tests wait
 * on the server's own signals: `publishDiagnostics` for a URI (and version), `imageTrust/workspaceIndexed`.
 */
export class LspTestClient {
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly indexed: Promise<WorkspaceIndexedParams>;
  private readonly exited: Promise<number | null>;
  /** Tokens the server created with `window/workDoneProgress/create` (when declared). */
  readonly progressTokens: (string | number)[] = [];
  /** Everything the server wrote to stderr, for failure messages. */
  stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((done) => child.on('exit', (code) => done(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.received(params));
    this.indexed = new Promise((done) => connection.onNotification(WorkspaceIndexedNotification.type, done));
    connection.listen();
  }

  /**
   * Starts the server and completes the initialize handshake with the given workspace folders. With
   * `settings`, the client declares `workspace.configuration` and answers the server's pulls with
   * `settings()` (a function, so a test can change the answer before `didChangeConfiguration`; a promise
   * it returns is awaited).
   */
  static async start(
    options: {
      folders?: readonly string[];
      initializationOptions?: unknown;
      settings?: () => unknown;
      /** Declares `window.workDoneProgress` and records the tokens of `window/workDoneProgress/create`. */
      workDoneProgress?: boolean;
    } = {},
  ) {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const settings = options.settings;
    // `settings` may answer with a promise: a test holds the server's start-up at its settings pull that way.
    if (settings) {
      connection.onRequest(ConfigurationRequest.type, ({ items }) =>
        Promise.all(items.map(() => settings())),
      );
    }
    const client = new LspTestClient(child, connection);
    if (options.workDoneProgress) {
      connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
        client.progressTokens.push(token);
      });
    }
    const folders = options.folders ?? [];
    const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((path) => ({ uri: fileUri(path), name: path })),
      capabilities: {
        ...(settings ? { workspace: { configuration: true } } : {}),
        ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /** Resolves when the server's first workspace indexing pass is done. */
  workspaceIndexed(deadlineMs = DEFAULT_DEADLINE_MS): Promise<WorkspaceIndexedParams> {
    return withDeadline(this.indexed, deadlineMs, 'imageTrust/workspaceIndexed', () => this.stderr);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
  }

  /** Replaces the whole text (a change event without a range is allowed under incremental sync). */
  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async editRange(uri: string, range: Range, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /**
   * The diagnostics of `uri` once the last publish for it satisfies `accept` (default: any publish, or the
   * given document version). Already-received publishes count, so there is no race with a fast server.
   */
  diagnostics(
    uri: string,
    accept: number | ((params: PublishDiagnosticsParams) => boolean) = () => true,
    deadlineMs = DEFAULT_DEADLINE_MS,
  ): Promise<Diagnostic[]> {
    const predicate =
      typeof accept === 'number' ? (p: PublishDiagnosticsParams) => p.version === accept : accept;
    const current = this.latest.get(uri);
    if (current && predicate(current)) return Promise.resolve(current.diagnostics);
    const wait = new Promise<Diagnostic[]>((done) => {
      this.waiters.push({ uri, accept: predicate, resolve: done });
    });
    return withDeadline(wait, deadlineMs, `publishDiagnostics for ${uri}`, () => {
      const last = this.latest.get(uri);
      return `last publish: ${JSON.stringify(last ?? null)}\nserver stderr: ${this.stderr}`;
    });
  }

  /** Forgets what was published for `uri`, so the next `diagnostics` call waits for a new publish. */
  forgetDiagnostics(uri: string): void {
    this.latest.delete(uri);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(
      CompletionRequest.type,
      { textDocument: { uri }, position },
    );
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result: (CodeAction | Command)[] | null = await this.connection.sendRequest(
      CodeActionRequest.type,
      {
        textDocument: { uri },
        range,
        context: { diagnostics },
      },
    );
    // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
    return (result ?? []).filter((item): item is CodeAction => typeof item.command !== 'string');
  }

  refresh(): Promise<RefreshResult> {
    return this.connection.sendRequest(RefreshRequest.type);
  }

  /** The polite LSP exit (shutdown, then exit); returns the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await withDeadline(this.exited, DEFAULT_DEADLINE_MS, 'server exit', () => this.stderr);
    this.connection.dispose();
    return code;
  }

  /** For `after` hooks: ends the server even when a test left it in a bad state. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  private received(params: PublishDiagnosticsParams): void {
    this.latest.set(params.uri, params);
    const ready = this.waiters.filter((w) => w.uri === params.uri && w.accept(params));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(params.diagnostics);
  }
}

/** Rejects with a readable error when `promise` has not settled within `ms`. */
export async function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  details: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms\n${details()}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

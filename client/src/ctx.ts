import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../shared/settings';
import { createCommands } from './commands';

/**
 * Owns the language client and everything the extension registers: each disposable goes into
 * `context.subscriptions`, so VS Code releases it on deactivation (rust-analyzer `ctx.ts`, minus its leaks).
 */
export class Ctx {
  private client: LanguageClient | undefined;
  readonly output: vscode.LogOutputChannel;
  /** Tells the server about YAML files changed outside the editor; kept across server restarts. */
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Image Trust', { log: true });
    this.push(this.output);
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    this.push(this.watcher);
    for (const [id, handler] of Object.entries(createCommands(this))) {
      this.push(vscode.commands.registerCommand(id, handler));
    }
  }

  push(disposable: vscode.Disposable): void {
    this.extension.subscriptions.push(disposable);
  }

  /** The running client, or undefined while stopped. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    // One bundle beside this one (esbuild.mjs); IPC is how VS Code talks to Node servers it starts.
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      synchronize: { fileEvents: this.watcher, configurationSection: SETTINGS_SECTION },
      outputChannel: this.output,
    };
    // The id makes vscode-languageclient read `imageTrust.trace.server` by itself.
    this.client = new LanguageClient(SETTINGS_SECTION, 'Image Trust', serverOptions, clientOptions);
    await this.client.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // dispose() stops a running client and is a no-op for one that never started.
    await client?.dispose();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

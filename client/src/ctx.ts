import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  InspectRequest,
  LookupStatusNotification,
  RegistryLoginRequest,
  RepositoriesRequest,
  SignedTagsRequest,
} from '../../shared/protocol';
import { SETTINGS_SECTION } from '../../shared/settings';
import { serverNodeOptions } from '../../shared/serverRuntime';
import { createCommands } from './commands';
import { Config } from './config';
import { InspectDocuments } from './inspect/inspectProvider';
import { INSPECT_SCHEME } from './inspect/inspectUri';
import { Logins } from './logins';
import { LookupStatusItem } from './status';
import { untraced } from './untraced';
import { SignedTagsProvider, SIGNED_TAGS_VIEW, type TrustViewSource } from './trustView/provider';
import { RepositoryList } from './trustView/repositoryList';
import { withWorkspaceTrust } from './workspaceTrust';

/** Commands a hover's command links may run (the server's hover Markdown is trusted for these only). */
const HOVER_COMMANDS = ['imageTrust.inspect', 'imageTrust.inspectJson'];

/**
 * Owns the language client and everything the extension registers: each disposable goes into
 * `context.subscriptions`, so VS Code releases it on deactivation (rust-analyzer `ctx.ts`, minus its leaks).
 */
export class Ctx {
  private client: LanguageClient | undefined;
  readonly output: vscode.LogOutputChannel;
  readonly config = new Config();
  readonly repositoryList: RepositoryList;
  readonly logins: Logins;
  readonly tree: SignedTagsProvider;
  readonly inspectDocuments: InspectDocuments;
  private readonly status: LookupStatusItem;
  /** Tells the server about YAML files changed outside the editor; kept across server restarts. */
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = this.push(vscode.window.createOutputChannel('Image Trust', { log: true }));
    this.watcher = this.push(vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'));
    this.repositoryList = new RepositoryList(extension.workspaceState);
    this.logins = new Logins(extension.secrets, extension.globalState);
    this.status = this.push(new LookupStatusItem());
    this.tree = this.push(new SignedTagsProvider(() => this.trustSource(), this.repositoryList));
    this.push(
      vscode.window.createTreeView(SIGNED_TAGS_VIEW, { treeDataProvider: this.tree, showCollapseAll: true }),
    );
    this.inspectDocuments = this.push(
      new InspectDocuments(async (target) => this.client?.sendRequest(InspectRequest.type, target)),
    );
    this.push(vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, this.inspectDocuments));
    for (const [id, handler] of Object.entries(createCommands(this))) {
      this.push(vscode.commands.registerCommand(id, handler));
    }
    this.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.settingsChanged()));
    this.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.tree.refresh();
      }),
    );
  }

  push<T extends vscode.Disposable>(disposable: T): T {
    this.extension.subscriptions.push(disposable);
    return disposable;
  }

  /** The running client, or undefined while stopped. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  /** The Signed Tags view's data source, while the server runs. */
  trustSource(): TrustViewSource | undefined {
    const client = this.client;
    if (!client) return undefined;
    return {
      repositories: () => client.sendRequest(RepositoriesRequest.type),
      signedTags: (repository) => client.sendRequest(SignedTagsRequest.type, { repository }),
    };
  }

  async start(): Promise<void> {
    // One bundle beside this one (esbuild.mjs); IPC is how VS Code talks to Node servers it starts.
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeOptions()] } },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: [...serverNodeOptions(), '--nolazy', '--inspect=6010'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      synchronize: { fileEvents: this.watcher, configurationSection: SETTINGS_SECTION },
      outputChannel: this.output,
      markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS } },
      middleware: { workspace: { configuration: withWorkspaceTrust } },
    };
    // The id makes vscode-languageclient read `imageTrust.trace.server` by itself.
    const client = new LanguageClient(SETTINGS_SECTION, 'Image Trust', serverOptions, clientOptions);
    this.client = client;
    await client.start();
    this.push(client.onNotification(LookupStatusNotification.type, (status) => this.status.update(status)));
    for (const login of await this.logins.all()) {
      await untraced(client, () => client.sendRequest(RegistryLoginRequest.type, login));
    }
    this.tree.refresh();
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

  /** Trust was granted: the server pulls settings again (now with workspace values) and may fetch. */
  private async settingsChanged(): Promise<void> {
    await this.client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    this.tree.refresh();
  }
}

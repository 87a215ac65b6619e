import {
  CodeActionKind,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { RefreshRequest, WorkspaceIndexedNotification } from '../../../shared/protocol';
import { describeError } from '../errors';
import { uriToPath } from '../files/fileUri';
import { isYamlFileName } from '../files/walkYamlFiles';
import type { LanguageService } from '../service/languageService';
import type { SessionCredentials } from '../trustView/sessionCredentials';
import type { YamlFile } from '../yaml/yamlFile';
import { toDiagnostic } from './convert';
import { registerFeatureHandlers } from './featureHandlers';
import { registerTrustViewRequests } from './requests/trustViewRequests';
import { OpenDocuments } from './openDocuments';
import { SettingsSource } from './settingsSource';
import type { ForegroundWork } from './foregroundWork';
import { ValidationScheduler, VALIDATION_DELAY_MS } from './validationScheduler';
import { WorkspaceIndexer, type IndexOutcome } from './workspaceIndexer';

export interface ServerOptions {
  readonly service: LanguageService;
  readonly name: string;
  readonly version: string;
  /** Registry logins from the Signed Tags view, shared with the service's trust lookups (server.ts). */
  readonly credentials?: SessionCredentials;
  /** Start-up work before the workspace is indexed, e.g. warming up the checks (service/warmUp.ts). */
  readonly warmUp?: () => Promise<void>;
  /** Marked while validations are pending or running (server.ts lets trust answers wait for it). */
  readonly foreground?: ForegroundWork;
}

/**
 * The thin LSP shell (style-anchors principle 5): documents, settings, the workspace index and push
 * diagnostics. Every answer comes from the language service; nothing here knows a domain rule.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const { service } = options;
  const log = (message: string): void => connection.console.log(message);
  const open = new OpenDocuments(service);
  const settings = new SettingsSource(connection);
  const indexer = new WorkspaceIndexer(service, (uri) => open.isOpen(uri), log);
  let folders: string[] = [];
  // Trust lookups run after the first publish; a document change aborts its document's lookups.
  const trustChecks = new Map<string, AbortController>();
  // Validations triggered by arriving trust answers (uri → version) do not start another lookup round.
  const trustFollowUps = new Map<string, number>();

  // Over when start-up is (warm-up, settings, the first indexing pass, see onInitialized). Documents opened
  // before then wait for it, so that their first diagnostics already count the workspace's policies:
  // checked earlier, a pod opened with its folder had every image denied ("no image policies or cluster
  // polices") until the index was in, a second later. The price is the indexing time: measured 2.8 s from
  // spawn for 5,000 files (~0.4 ms a file after the warm-up); the walk stops at 20,000 (walkYamlFiles.ts).
  // Meanwhile such a document gets what the file alone decides (syntax, schema, image references; see
  // publishFileFindings), so a typo is not hidden for seconds while a large workspace is indexed.
  let startUpOver = false;
  // Documents given early findings (publishFileFindings); forgotten once start-up is over.
  const publishedEarly = new Set<string>();
  let startUpDone: () => void = () => undefined;
  const startedUp = new Promise<void>((resolve) => {
    startUpDone = () => {
      startUpOver = true;
      publishedEarly.clear();
      resolve();
    };
  });

  /**
   * Publishes, during start-up, the findings of a document that need no workspace. They are a subset of
   * what the full check publishes after start-up (same validators, same results), so nothing shown now is
   * withdrawn then. An empty list is sent only to clear an earlier one (an error fixed during start-up).
   */
  async function publishFileFindings(uri: string): Promise<void> {
    const document = open.get(uri);
    if (!document) return;
    const findings = await service.validate(open.file(document), settings.settings, 'file');
    if (startUpOver || open.get(uri)?.version !== document.version) return;
    if (findings.length === 0 && !publishedEarly.has(uri)) return;
    publishedEarly.add(uri);
    await connection.sendDiagnostics({
      uri,
      version: document.version,
      diagnostics: findings.map(toDiagnostic),
    });
  }

  const scheduler = new ValidationScheduler(
    async (uri) => {
      if (!startUpOver) await publishFileFindings(uri);
      await startedUp;
      const document = open.get(uri);
      if (!document) return;
      if (open.index(document)) revalidateAll(uri);
      const file = open.file(document);
      // Trust lookups start before validating, so the network answers while this version is validated
      // and published (the check re-validates once when its answers are in). While an older version's
      // lookups still run they keep running, and this version joins them after its publish: joining costs
      // the keystroke's diagnostics time and fetches nothing sooner.
      const followUp = trustFollowUps.get(uri) === document.version;
      trustFollowUps.delete(uri);
      const joinAfterPublish = !followUp && trustChecks.has(uri);
      if (!followUp && !joinAfterPublish) startTrustCheck(uri, file, document.version);
      const findings = await service.validate(file, settings.settings);
      // A newer version has its own validation scheduled; publishing this one would flash stale results.
      if (open.get(uri)?.version !== document.version) return;
      await connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: findings.map(toDiagnostic),
      });
      if (joinAfterPublish && open.get(uri)?.version === document.version) {
        startTrustCheck(uri, file, document.version);
      }
      open.prepareForEdits(uri);
    },
    (uri, error) => connection.console.error(`validation of ${uri} failed: ${describeError(error)}`),
    VALIDATION_DELAY_MS,
    options.foreground,
  );

  /** Runs notification-driven work whose failure can only be logged: there is no request to answer. */
  function background(what: string, work: () => Promise<void>): void {
    work().catch((error: unknown) => connection.console.error(`${what} failed: ${describeError(error)}`));
  }

  /** Fetches missing trust answers, then re-validates so the trust diagnostics appear in place. */
  function startTrustCheck(uri: string, file: YamlFile, version: number): void {
    const previous = trustChecks.get(uri);
    const controller = new AbortController();
    trustChecks.set(uri, controller);
    background('trust check', async () => {
      const fresh = await service.checkTrust(file, settings.settings, controller.signal, startProgress);
      if (trustChecks.get(uri) === controller) trustChecks.delete(uri);
      if (!fresh || controller.signal.aborted || open.get(uri)?.version !== version) return;
      trustFollowUps.set(uri, version);
      scheduler.schedule(uri, 'dependency');
    });
    // The previous version's check is cancelled only now, after this one joined the lookups it still
    // needs (the check starts them synchronously): those continue, only the others are aborted. Aborting
    // at the keystroke instead would drop every lookup and start most of them again a debounce later.
    previous?.abort();
  }

  /** LSP work-done progress (`window/workDoneProgress/create`) when the client supports it, else nothing. */
  async function startProgress(title: string): Promise<{ report(message: string): void; done(): void }> {
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin('Image Trust', undefined, title);
    return { report: (message) => reporter.report(message), done: () => reporter.done() };
  }

  function cancelTrustCheck(uri: string): void {
    trustChecks.get(uri)?.abort();
    trustChecks.delete(uri);
  }

  function revalidateAll(except?: string): void {
    for (const document of open.all()) {
      if (document.uri === except) continue;
      // Policies or settings changed: this run may need other lookups, so it is no mere follow-up.
      trustFollowUps.delete(document.uri);
      scheduler.schedule(document.uri, 'dependency');
    }
  }

  async function indexWorkspace(): Promise<IndexOutcome> {
    const outcome = await indexer.indexFolders(folders);
    log(
      `indexed ${outcome.indexedFiles} YAML files (${outcome.skippedFiles} skipped) in ${folders.length} folders`,
    );
    await connection.sendNotification(WorkspaceIndexedNotification.type, {
      indexedFiles: outcome.indexedFiles,
      skippedFiles: outcome.skippedFiles,
    });
    return outcome;
  }

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    folders = workspaceFolderPaths(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: options.name, version: options.version },
    };
  });

  connection.onInitialized(() => {
    background('start-up', async () => {
      try {
        await options.warmUp?.();
        await settings.refresh();
        await indexWorkspace();
      } finally {
        // Documents opened meanwhile are validated now, once; a failed start-up must not hold them back.
        startUpDone();
      }
    });
  });

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    background('settings refresh', async () => {
      await settings.refresh(pushed);
      revalidateAll();
    });
  });

  // didOpen fires onDidOpen, then onDidChangeContent: the first content of a document is checked at once,
  // and so is a keystroke after a pause (validationScheduler.ts).
  const justOpened = new Set<string>();
  open.documents.onDidOpen(({ document }) => justOpened.add(document.uri));
  // A change does not cancel the running trust check: the new version's check does (startTrustCheck).
  open.documents.onDidChangeContent(({ document }) => {
    scheduler.schedule(document.uri, justOpened.delete(document.uri) ? 'opened' : 'edited');
  });
  open.documents.onDidClose(({ document }) => {
    cancelTrustCheck(document.uri);
    scheduler.cancel(document.uri);
    open.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // The buffer may have held unsaved policies: the disk is the truth again (or nothing, for untitled files).
    const reindexed =
      uriToPath(document.uri) === undefined
        ? Promise.resolve(service.forgetFile(document.uri))
        : reindexFromDisk([document.uri]);
    background('re-indexing', async () => {
      if (await reindexed) revalidateAll();
    });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    background('watched-file update', async () => {
      const deleted = changes.filter((change) => change.type === FileChangeType.Deleted);
      const written = changes.filter((change) => change.type !== FileChangeType.Deleted);
      let changed = false;
      for (const { uri } of deleted) {
        const path = uriToPath(uri);
        if (path !== undefined && indexer.forget(path)) changed = true;
      }
      if ((await reindexFromDisk(written.map((change) => change.uri))) || changed) revalidateAll();
    });
  });

  async function reindexFromDisk(uris: readonly string[]): Promise<boolean> {
    const paths = uris.flatMap((uri) => {
      const path = uriToPath(uri);
      return path !== undefined && isYamlFileName(path) ? [path] : [];
    });
    const outcome = await indexer.indexPaths(paths);
    return outcome.policiesChanged;
  }

  connection.onRequest(RefreshRequest.type, async () => {
    service.refreshTrust();
    const outcome = await indexWorkspace();
    revalidateAll();
    return { indexedFiles: outcome.indexedFiles };
  });

  registerFeatureHandlers(connection, open, service);
  registerTrustViewRequests(connection, {
    // Pulled per request: a view refreshed right after a settings change must not see the old values.
    settings: () => settings.refresh(),
    folders: () => folders,
    openFiles: () => open.all().map((document) => open.file(document)),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    credentialsChanged: () => revalidateAll(),
  });
  connection.onShutdown(() => scheduler.dispose());
  open.documents.listen(connection);
  connection.listen();
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris =
    params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((uri) => uriToPath(uri) ?? []);
}

import { setMaxListeners } from 'node:events';
import { NO_FINDINGS, type Finding } from '../diagnostics/finding';
import { documentPolicySetsKey, type PolicySource } from '../policy';
import type { CodeActionResult, DiagnosticRef, Position } from '../service/types';
import type { FileStore } from '../trust/io';
import type { Environment } from '../trust/transport/proxy';
import { decideTrust, trustIssues, type RegistryFacts, type TrustFacts, type VerdictInput } from '../verdict';
import { DocumentMemos } from '../yaml/documentMemo';
import type { YamlFile } from '../yaml/yamlFile';
import type { TrustSettings } from '../../../shared/trustSettings';
import { isAbort } from './abort';
import { MemoryFileStore } from './fileStores';
import { trustHoverMarkdown } from './hoverMarkdown';
import { documentImageTargets, imageTargets, type ImageTarget } from './imageTargets';
import { HostLimiters, serverHost } from './hostLimiters';
import { Limiter } from './limiter';
import { LookupCache } from './lookupCache';
import { engineKey, type SessionCredentialStore } from './engineFactory';
import { createNetworkBackend, type NetworkBackendOptions } from './networkBackend';
import { trustCodeActions } from './quickFixes';
import type { RepositoryAnswer, TrustBackend } from './repositoryAnswer';
import { SignerIndex } from './signerIndex';
import { toFinding } from './toFindings';

/** What one run of the trust checks is configured with (settings, or CLI flags). */
export interface TrustRunOptions {
  readonly defaultNamespace: string;
  readonly trust: TrustSettings;
  /** False: nothing is fetched and no credential helper runs (VS Code's untrusted workspaces). */
  readonly workspaceTrusted: boolean;
}

/** Reports a batch of lookups, e.g. as LSP work-done progress. */
export interface TrustProgress {
  report(message: string): void;
  done(): void;
}

export interface TrustServiceOptions {
  /** Where DOCKER_CONTENT_TRUST_SERVER, DOCKER_CONFIG and proxies come from. Default: process.env. */
  readonly env?: Environment;
  /** The Notary trust cache (pins, last metadata). Default: in memory, renewed by `refresh()`. */
  readonly store?: FileStore;
  /** Milliseconds clock for the freshness window. */
  readonly now?: () => number;
  /** Lookups running at once per server (trust server or registry, `host[:port]`), across all files. Default 4. */
  readonly concurrency?: number;
  /** Replaces the network backend (or parts of its transport). */
  readonly createBackend?: (options: NetworkBackendOptions) => TrustBackend;
  readonly transport?: NetworkBackendOptions['transport'];
  /**
   * The registry logins made in the editor (the Signed Tags view's "Log in to registry"), consulted
   * before Docker's config; a login or logout drops the answers got with the old credentials.
   */
  readonly credentials?: SessionCredentialStore;
}

/** Answers saying "could not check" are retried sooner than real answers (ms). */
const FAILURE_FRESH_MS = 15_000;
/**
 * Per host: a Notary server sees at most 8 requests at once (a resolution opens at most 2, its delegations
 * being one parallel wave) and the registry's digests no longer wait behind the resolutions. Measured on
 * the editor-trust benchmark (bench/editorTrust/notes.md): 8 or 16 per host opened 2-4x the TLS
 * connections for no gain in wall time on the 2-core machine and more server CPU, and more answers
 * arriving at once delay the next keystroke's validation.
 */
const DEFAULT_CONCURRENCY = 4;
/** Lookup rounds per check: a round is repeated only when lookups were aborted under it (see `check`). */
const MAX_ROUNDS = 3;

/**
 * Orchestrates trust lookups for workload images (the issue "Trust in the editor"): per-repository
 * deduplication (trust server + GUN), a freshness-window cache, bounded concurrency, cancellation via
 * AbortSignal, and an untrusted / offline mode where nothing is fetched. `findings` is synchronous and
 * uses only what is known; `check` fetches what is missing or stale and says whether anything new came in.
 */
export class TrustService {
  readonly signers = new SignerIndex();
  private readonly env: Environment;
  private readonly now: () => number;
  private readonly ownsStore: boolean;
  private store: FileStore;
  private backend: TrustBackend | undefined;
  private backendKey = '';
  private freshMs = 300_000;
  private readonly limiters: HostLimiters;
  private readonly repositories: LookupCache<RepositoryAnswer>;
  private readonly registries: LookupCache<RegistryFacts>;
  private readonly published = new Map<string, readonly Finding[]>();
  /** Image targets per parsed document (see `targets`). */
  private readonly documentTargets = new DocumentMemos();
  /** The findings of each target and what they were judged on (see `findings`). */
  private readonly targetFindings = new WeakMap<
    ImageTarget,
    {
      readonly uri: string;
      readonly key: string;
      readonly repository: unknown;
      readonly registry: unknown;
      readonly findings: readonly Finding[];
    }
  >();
  /** Per file, the lookups its last `findings` had no answer for yet (uri → the text, cache keys). */
  private readonly lacking = new Map<
    string,
    { text: string; repositories: string[]; registries: string[] }
  >();

  constructor(
    private readonly policies: PolicySource,
    private readonly options: TrustServiceOptions = {},
  ) {
    this.env = options.env ?? process.env;
    this.now = options.now ?? Date.now;
    this.ownsStore = options.store === undefined;
    this.store = options.store ?? new MemoryFileStore();
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.limiters = new HostLimiters(concurrency);
    // Every fetch names its host's limiter (jobsFor); this one only stands in for the type.
    const shared = { limiter: new Limiter(concurrency), now: this.now, freshMs: () => this.freshMs };
    this.repositories = new LookupCache<RepositoryAnswer>({
      ...shared,
      freshMsFor: (answer, freshMs) =>
        answer.kind === 'unavailable' ? Math.min(freshMs, FAILURE_FRESH_MS) : freshMs,
    });
    this.registries = new LookupCache<RegistryFacts>({
      ...shared,
      freshMsFor: (answer, freshMs) =>
        answer.kind === 'failed' ? Math.min(freshMs, FAILURE_FRESH_MS) : freshMs,
    });
  }

  /** Trust findings of a file from what is known now (never waits for the network). */
  findings(file: YamlFile, run: TrustRunOptions): Finding[] {
    this.configure(run);
    const findings: Finding[] = [];
    const lacking = { text: file.text, repositories: [] as string[], registries: [] as string[] };
    const targets = this.targets(file, run);
    const findingsKey = `${run.workspaceTrusted}\n${run.trust.network}\n${JSON.stringify(run.trust.severity)}`;
    for (const target of targets) {
      const known = this.targetFindings.get(target);
      const repository = this.answerOf(this.repositories, target.repositoryKey);
      const registry = this.answerOf(this.registries, target.registryKey);
      // A target object stands for one image at one place under one context (documentTargets): its
      // findings hold while the answers it was judged on and the settings are the same.
      if (
        known?.uri === file.uri &&
        known.key === findingsKey &&
        known.repository === repository &&
        known.registry === registry
      ) {
        findings.push(...known.findings);
        continue;
      }
      const input = this.inputFor(target, run);
      if (!input) {
        if (target.repositoryKey !== undefined) lacking.repositories.push(target.repositoryKey);
        if (target.registryKey !== undefined) lacking.registries.push(target.registryKey);
        continue;
      }
      const judged: Finding[] = [];
      for (const issue of trustIssues(input, decideTrust(input))) {
        const finding = toFinding(file, target.found, issue, run.trust.severity);
        if (finding) judged.push(finding);
      }
      this.targetFindings.set(target, {
        uri: file.uri,
        key: findingsKey,
        repository,
        registry,
        // Most targets (no signature required) have no finding: one shared empty list for them all.
        findings: judged.length === 0 ? NO_FINDINGS : judged,
      });
      findings.push(...judged);
    }
    this.published.set(file.uri, findings);
    this.lacking.set(file.uri, lacking);
    return findings;
  }

  /**
   * Fetches the missing or stale answers for a file's images. Resolves true when new answers arrived
   * (the caller re-validates), false when there was nothing to fetch or `signal` aborted.
   */
  async check(
    file: YamlFile,
    run: TrustRunOptions,
    signal: AbortSignal,
    startProgress?: (title: string) => Promise<TrustProgress>,
  ): Promise<boolean> {
    this.configure(run);
    if (!run.workspaceTrusted || !run.trust.network) return false;
    const backend = this.backendFor(run);
    const targets = this.targets(file, run);
    let jobs = this.jobsFor(targets, backend, signal);
    // Answers the last findings lacked may have come in since (another document's lookup, a lookup that
    // finished although its document had moved on): nothing to fetch, but the document must be re-validated.
    if (jobs.size === 0) return !signal.aborted && this.answeredSinceFindings(file);
    if (signal.aborted) return false;
    // Each lookup of this check listens to the signal (60 for 20 repositories × 2 tags): not a leak.
    setMaxListeners(0, signal);
    // The lookups start at once; creating the progress is a round trip to the client, so it runs beside them.
    // Progress is cosmetic: a client that fails to create it must not fail (or crash) the lookups.
    const progressReady = startProgress?.(`Checking image trust (${jobs.size} lookups)`).catch(
      () => undefined,
    );
    try {
      for (let round = 0; jobs.size > 0 && round < MAX_ROUNDS && !signal.aborted; round++) {
        const results = await Promise.allSettled([...jobs.values()].map((job) => job()));
        const failure = results.find(
          (r): r is PromiseRejectedResult => r.status === 'rejected' && !isAbort(r.reason),
        );
        if (failure && !signal.aborted) throw failure.reason;
        if (!results.some((r) => r.status === 'rejected')) break;
        // Lookups aborted although this caller still waits: the answers were dropped under it. Other
        // settings (a new backend): this check is void, the re-validation that follows starts its own.
        if (this.backend !== backend) return false;
        // Same settings (a refresh): ask again, else the follow-up publish would lack these answers for good.
        jobs = this.jobsFor(targets, backend, signal);
      }
    } finally {
      (await progressReady)?.done();
    }
    return !signal.aborted;
  }

  private jobsFor(
    targets: readonly ImageTarget[],
    backend: TrustBackend,
    signal: AbortSignal,
  ): Map<string, () => Promise<unknown>> {
    const jobs = new Map<string, () => Promise<unknown>>();
    for (const target of targets) {
      const { repositoryKey, registryKey, server, ref } = target;
      if (repositoryKey === undefined || server.source === 'none') continue;
      if (this.repositories.needsFetch(repositoryKey) && !jobs.has(repositoryKey)) {
        const limiter = this.limiters.for(serverHost(server.url));
        jobs.set(repositoryKey, () =>
          this.repositories.get(
            repositoryKey,
            (s) => backend.repository(ref.name, server.url, s),
            signal,
            limiter,
          ),
        );
      }
      if (registryKey !== undefined && this.registries.needsFetch(registryKey) && !jobs.has(registryKey)) {
        const limiter = this.limiters.for(ref.registryHost);
        jobs.set(registryKey, () =>
          this.registries.get(
            registryKey,
            (s) => backend.registryDigest(ref.registryHost, ref.path, ref.trustTag, s),
            signal,
            limiter,
          ),
        );
      }
    }
    return jobs;
  }

  private answeredSinceFindings(file: YamlFile): boolean {
    const lacking = this.lacking.get(file.uri);
    // No findings for this text yet (the editor checks before it validates): they will see every answer.
    if (!lacking || lacking.text !== file.text) return false;
    return (
      lacking.repositories.some((key) => this.repositories.peek(key) !== undefined) ||
      lacking.registries.some((key) => this.registries.peek(key) !== undefined)
    );
  }

  /** Markdown for the image under `position`, from what is known now. */
  hover(
    file: YamlFile,
    run: TrustRunOptions,
    position: Position,
  ): { markdown: string; range: Finding['range'] } | undefined {
    const offset = file.lines.offsetAt(position);
    const target = this.targets(file, run).find((t) => offset >= t.found.start && offset <= t.found.end);
    if (!target) return undefined;
    const input = this.inputFor(target, run);
    const verdict = input ? decideTrust(input) : undefined;
    return {
      markdown: trustHoverMarkdown(target, input?.trust, input?.registry, verdict),
      range: file.lines.rangeOf(target.found.start, target.found.end),
    };
  }

  codeActions(
    file: YamlFile,
    diagnostics: readonly DiagnosticRef[],
    run: Pick<TrustRunOptions, 'trust'>,
  ): CodeActionResult[] {
    return trustCodeActions(file, diagnostics, this.published.get(file.uri) ?? [], run.trust.pinStyle);
  }

  /** Drops every answer (and, for the in-memory store, what was pinned on first use this session). */
  refresh(): void {
    // A `docker login` since: the next lookups must not reuse the credentials read before it.
    this.options.credentials?.reload?.();
    this.repositories.clear();
    this.registries.clear();
    if (this.ownsStore) {
      this.store = new MemoryFileStore();
      this.dropBackend();
    }
  }

  forget(uri: string): void {
    this.published.delete(uri);
    this.lacking.delete(uri);
  }

  /** Closes the connections; known answers stay readable (the CLI validates after lookups end). */
  async close(): Promise<void> {
    const backend = this.backend;
    this.backend = undefined;
    await backend?.close();
  }

  private configure(run: TrustRunOptions): void {
    this.freshMs = run.trust.freshnessSeconds * 1000;
    const { servers, caFiles, insecureHosts, timeoutSeconds } = run.trust;
    const settings = {
      caFiles,
      insecureHosts,
      timeoutMs: timeoutSeconds * 1000,
      workspaceTrusted: run.workspaceTrusted,
    };
    const key = JSON.stringify([servers, engineKey(settings, this.options.credentials)]);
    if (key === this.backendKey) return;
    // Other servers, CAs or credentials: earlier answers were got another way and no longer count.
    this.backendKey = key;
    this.repositories.clear();
    this.registries.clear();
    this.dropBackend();
  }

  private dropBackend(): void {
    const old = this.backend;
    this.backend = undefined;
    void old?.close().catch(() => undefined);
  }

  private backendFor(run: TrustRunOptions): TrustBackend {
    if (!this.backend) {
      const create = this.options.createBackend ?? createNetworkBackend;
      this.backend = create({
        env: this.env,
        store: this.store,
        caFiles: run.trust.caFiles,
        insecureHosts: run.trust.insecureHosts,
        timeoutMs: run.trust.timeoutSeconds * 1000,
        credentialHelpers: run.workspaceTrusted,
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
        ...(this.options.transport ? { transport: this.options.transport } : {}),
      });
    }
    return this.backend;
  }

  /**
   * The images `check` looks up and `findings` judges. Both ask for them once per version (the editor
   * starts the lookups just before validating): per document the second ask is a memo hit and hands back
   * the same target objects, whose findings are kept per target.
   */
  private targets(file: YamlFile, run: TrustRunOptions): ImageTarget[] {
    const context = {
      policies: this.policies,
      signers: this.signers,
      defaultNamespace: run.defaultNamespace,
      servers: run.trust.servers,
      // The one variable a target reads, read once: each read of `process.env` is a call into the runtime,
      // and a large file has thousands of images.
      env: { DOCKER_CONTENT_TRUST_SERVER: this.env.DOCKER_CONTENT_TRUST_SERVER },
    };
    if (!this.policies.policySetId) return imageTargets(file, context);
    const settings = `${targetsKey(run)}\n${this.signers.version}`;
    // Re-used while the document's text, place and index are the same and so is everything a target is
    // computed from: the policy sets of its images' namespaces, the signer Secrets, the settings.
    return file.documents.flatMap((doc) =>
      this.documentTargets.get(
        'trust-targets',
        {
          uri: file.uri,
          context: `${settings}\n${documentPolicySetsKey(doc, this.policies, run.defaultNamespace) ?? ''}`,
        },
        doc,
        () => documentImageTargets(doc, context),
      ),
    );
  }

  /** The answer object a lookup key has now (its identity changes when a new answer arrives). */
  private answerOf<T>(cache: LookupCache<T>, key: string | undefined): T | undefined {
    return key === undefined ? undefined : cache.peek(key)?.value;
  }

  /** The verdict input of an image, or undefined while its lookups are still to come. */
  private inputFor(target: ImageTarget, run: TrustRunOptions): VerdictInput | undefined {
    const facts = this.factsFor(target, run);
    if (!facts) return undefined;
    return {
      image: target.ref,
      requirement: target.requirement,
      signers: target.signers,
      trust: facts.trust,
      registry: facts.registry,
    };
  }

  private factsFor(
    target: ImageTarget,
    run: TrustRunOptions,
  ): { trust: TrustFacts; registry: RegistryFacts } | undefined {
    const notChecked = { kind: 'not-checked' } as const;
    if (!run.workspaceTrusted)
      return { trust: { kind: 'not-checked', reason: 'untrusted-workspace' }, registry: notChecked };
    if (!run.trust.network)
      return { trust: { kind: 'not-checked', reason: 'offline' }, registry: notChecked };
    if (target.repositoryKey === undefined) {
      return { trust: { kind: 'not-checked', reason: 'no-trust-server' }, registry: notChecked };
    }
    const repository = this.repositories.peek(target.repositoryKey)?.value;
    if (!repository) return undefined;
    let registry: RegistryFacts = notChecked;
    if (target.registryKey !== undefined) {
      const known = this.registries.peek(target.registryKey)?.value;
      if (!known) return undefined;
      registry = known;
    }
    if (repository.kind !== 'verified') return { trust: repository, registry };
    const tag = target.ref.trustTag;
    return {
      trust: {
        kind: 'verified',
        gun: repository.gun,
        server: repository.server,
        checkedAt: repository.checkedAt,
        tag,
        signatures: repository.signaturesOf(tag),
        roleKeys: repository.roleKeys,
        releasedDigests: repository.releasedDigests,
      },
      registry,
    };
  }
}

/** The settings image targets depend on (besides the file, the policies and the signers). */
function targetsKey(run: TrustRunOptions): string {
  return JSON.stringify([run.defaultNamespace, run.trust.servers]);
}

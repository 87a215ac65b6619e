import { setMaxListeners } from 'node:events';
import type { Finding } from '../diagnostics/finding';
import { keptList } from '../emptyList';
import { documentPolicySetsKey, type PolicySource } from '../policy';
import type { CodeActionResult, DiagnosticRef, Position } from '../service/types';
import type { Environment } from '../trust/transport/proxy';
import { decideTrust, trustIssues, type RegistryFacts, type VerdictInput } from '../verdict';
import { DocumentMemos } from '../yaml/documentMemo';
import type { YamlFile } from '../yaml/yamlFile';
import { isAbort } from './abort';
import { TrustBackendHolder } from './backendHolder';
import { trustHoverMarkdown } from './hoverMarkdown';
import { documentImageTargets, imageTargets, type ImageTarget } from './imageTargets';
import { HostLimiters } from './hostLimiters';
import { Limiter } from './limiter';
import { LookupCache } from './lookupCache';
import { lookupJobs, type LookupState } from './lookupJobs';
import { trustCodeActions } from './quickFixes';
import type { RepositoryAnswer } from './repositoryAnswer';
import { SignerIndex } from './signerIndex';
import { toFinding } from './toFindings';
import type { TrustProgress, TrustRunOptions, TrustServiceOptions } from './trustOptions';
import { verdictInput } from './verdictInput';

export type { TrustProgress, TrustRunOptions, TrustServiceOptions } from './trustOptions';

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
  private readonly backends: TrustBackendHolder;
  private freshMs = 300_000;
  /** The answer caches (per repository, per registry tag) and the per-host limits of the lookups. */
  private readonly lookups: LookupState;
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
    this.backends = new TrustBackendHolder(options, this.env);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    // Every fetch names its host's limiter (lookupJobs.ts); this one only stands in for the type.
    const shared = { limiter: new Limiter(concurrency), now: this.now, freshMs: () => this.freshMs };
    const repositories = new LookupCache<RepositoryAnswer>({
      ...shared,
      freshMsFor: (answer, freshMs) =>
        answer.kind === 'unavailable' ? Math.min(freshMs, FAILURE_FRESH_MS) : freshMs,
    });
    const registries = new LookupCache<RegistryFacts>({
      ...shared,
      freshMsFor: (answer, freshMs) =>
        answer.kind === 'failed' ? Math.min(freshMs, FAILURE_FRESH_MS) : freshMs,
    });
    this.lookups = { repositories, registries, limiters: new HostLimiters(concurrency) };
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
      const repository = this.answerOf(this.lookups.repositories, target.repositoryKey);
      const registry = this.answerOf(this.lookups.registries, target.registryKey);
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
      const input = verdictInput(target, run, repository, registry);
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
        findings: keptList(judged),
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
    const backend = this.backends.get(run);
    const targets = this.targets(file, run);
    let jobs = lookupJobs(targets, this.lookups, backend, signal);
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
        if (!this.backends.isCurrent(backend)) return false;
        // Same settings (a refresh): ask again, else the follow-up publish would lack these answers for good.
        jobs = lookupJobs(targets, this.lookups, backend, signal);
      }
    } finally {
      (await progressReady)?.done();
    }
    return !signal.aborted;
  }

  private answeredSinceFindings(file: YamlFile): boolean {
    const lacking = this.lacking.get(file.uri);
    // No findings for this text yet (the editor checks before it validates): they will see every answer.
    if (!lacking || lacking.text !== file.text) return false;
    return (
      lacking.repositories.some((key) => this.lookups.repositories.peek(key) !== undefined) ||
      lacking.registries.some((key) => this.lookups.registries.peek(key) !== undefined)
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
    const input = this.inputOf(target, run);
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
    this.lookups.repositories.clear();
    this.lookups.registries.clear();
    this.backends.renewStore();
  }

  forget(uri: string): void {
    this.published.delete(uri);
    this.lacking.delete(uri);
  }

  /** Closes the connections; known answers stay readable (the CLI validates after lookups end). */
  async close(): Promise<void> {
    await this.backends.close();
  }

  private configure(run: TrustRunOptions): void {
    this.freshMs = run.trust.freshnessSeconds * 1000;
    // Other servers, CAs or credentials: earlier answers were got another way and no longer count.
    if (this.backends.configure(run)) {
      this.lookups.repositories.clear();
      this.lookups.registries.clear();
    }
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

  /** The verdict input of an image from the answers known now (undefined while a lookup is to come). */
  private inputOf(target: ImageTarget, run: TrustRunOptions): VerdictInput | undefined {
    const repository = this.answerOf(this.lookups.repositories, target.repositoryKey);
    return verdictInput(target, run, repository, this.answerOf(this.lookups.registries, target.registryKey));
  }
}

/** The settings image targets depend on (besides the file, the policies and the signers). */
function targetsKey(run: TrustRunOptions): string {
  return JSON.stringify([run.defaultNamespace, run.trust.servers]);
}

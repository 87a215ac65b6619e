import type { Writable } from '../../writable';
import type { DiagnosticCode } from '../../diagnostics/codes';
import type { Finding, FindingData, Severity } from '../../diagnostics/finding';
import type { YamlFile } from '../../yaml/yamlFile';
import { sameItems } from '../sameItems';
import { sortPolicies } from '../selectEntry';
import type { PolicyObject, Span } from '../types';

/** What the semantic checks need from the workspace; `PolicyIndex` provides it. */
export interface SemanticIndex {
  allPolicies(): readonly PolicyObject[];
  /** The namespace an ImagePolicy lands in (as written or the default); undefined for cluster policies. */
  namespaceOf(policy: PolicyObject): string | undefined;
  /** True when a workspace file defines the Secret (in any namespace when `namespace` is undefined). */
  hasSecret(name: string, namespace: string | undefined): boolean;
  /**
   * Grows whenever anything `namespaceOf` or `hasSecret` answer may have changed (Secrets, the default
   * namespace); absent: findings are never re-used.
   */
  readonly lookupVersion?: number;
}

/**
 * What each check is given. The checks run once per policy (checkPolicySemantics.ts), too few times on a
 * file's first open for V8 to optimise them, and unoptimised code runs a `for…of` over an array through an
 * iterator object and one result object per element: the 42,000-line benchmark file's open allocated ~7 MB
 * of them, a tenth of all it allocates (bench/notes.md). So the checks loop over arrays by index.
 */
export interface SemanticContext {
  readonly file: YamlFile;
  readonly index: SemanticIndex;
  /** The policies to check: this file's, or one of them (checkPolicySemantics checks one at a time). */
  readonly policies: readonly PolicyObject[];
  /** Every policy of this file, read fresh (the index may hold an older version of the file). */
  readonly filePolicies: readonly PolicyObject[];
  /** The objects the controller would merge with `policy`, in API list order, `policy` included (§2.1). */
  peersOf(policy: PolicyObject): readonly PolicyObject[];
}

export function semanticContext(
  file: YamlFile,
  index: SemanticIndex,
  policies: readonly PolicyObject[],
): SemanticContext {
  const others = index.allPolicies().filter((p) => p.uri !== file.uri);
  const all = [...others, ...policies];
  // One sorted list per (kind, legacy, namespace), bucketed once in `all` order (what filtering `all` would
  // give) and sorted on first use: the checks ask for every policy's peers.
  // Kinds and namespaces never hold a newline (DNS-1123 names), so the joined key is unambiguous.
  const groupKey = (p: PolicyObject): string => `${p.kind}\n${p.legacy}\n${index.namespaceOf(p) ?? ''}`;
  let buckets: Map<string, PolicyObject[]> | undefined;
  const sorted = new Map<string, readonly PolicyObject[]>();
  // Each check asks for each policy's peers: answered by the policy object after the first time, without
  // building its group key again.
  const byPolicy = new Map<PolicyObject, readonly PolicyObject[]>();
  const peersOf = (policy: PolicyObject): readonly PolicyObject[] => {
    let peers = byPolicy.get(policy);
    if (!peers) {
      peers = groupPeers(policy);
      byPolicy.set(policy, peers);
    }
    return peers;
  };
  const groupPeers = (policy: PolicyObject): readonly PolicyObject[] => {
    const key = groupKey(policy);
    const known = sorted.get(key);
    if (known) return known;
    if (!buckets) {
      buckets = new Map();
      for (const p of all) {
        const k = groupKey(p);
        const bucket = buckets.get(k);
        if (bucket) bucket.push(p);
        else buckets.set(k, [p]);
      }
    }
    const peers = stablePeers(index, key, sortPolicies(buckets.get(key) ?? []));
    sorted.set(key, peers);
    return peers;
  };
  return { file, index, policies, filePolicies: policies, peersOf };
}

/**
 * The previous peers array of this group when it holds the same policies in the same order, so that its
 * identity tells callers nothing changed (checkPolicySemantics re-uses findings per policy and peers).
 */
function stablePeers(
  index: SemanticIndex,
  key: string,
  peers: readonly PolicyObject[],
): readonly PolicyObject[] {
  let groups = previousPeers.get(index);
  if (!groups) {
    groups = new Map();
    previousPeers.set(index, groups);
  }
  const previous = groups.get(key);
  if (previous && sameItems(previous, peers)) return previous;
  groups.set(key, peers);
  return peers;
}

const previousPeers = new WeakMap<SemanticIndex, Map<string, readonly PolicyObject[]>>();

export function finding(
  context: SemanticContext,
  code: DiagnosticCode,
  severity: Severity,
  span: Span,
  message: string,
  extra: { data?: FindingData; tags?: readonly ('unnecessary' | 'deprecated')[] } = {},
): Finding {
  // Optional fields set after the literal, not spread into it (faster in V8; kube/parseImageReference.ts).
  const result: Writable<Finding> = {
    code,
    severity,
    message,
    range: context.file.lines.rangeOf(span.start, span.end),
  };
  if (extra.data !== undefined) result.data = extra.data;
  if (extra.tags !== undefined) result.tags = extra.tags;
  return result;
}

/** "entry 2 of this ImagePolicy" or `entry 1 of ClusterImagePolicy "base"`, for messages. */
export function describeEntry(context: SemanticContext, policy: PolicyObject, index: number): string {
  const sameObject = policy.uri === context.file.uri && context.filePolicies.includes(policy);
  const owner = sameObject ? `this ${policy.kind}` : `${policy.kind} "${policy.name ?? ''}"`;
  return `entry ${index + 1} of ${owner}`;
}

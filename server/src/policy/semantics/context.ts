import type { DiagnosticCode } from '../../diagnostics/codes';
import type { Finding, FindingData, Severity } from '../../diagnostics/finding';
import type { YamlFile } from '../../yaml/yamlFile';
import { sortPolicies } from '../selectEntry';
import type { PolicyObject, Span } from '../types';

/** What the semantic checks need from the workspace; `PolicyIndex` provides it. */
export interface SemanticIndex {
  allPolicies(): readonly PolicyObject[];
  /** The namespace an ImagePolicy lands in (as written or the default); undefined for cluster policies. */
  namespaceOf(policy: PolicyObject): string | undefined;
  /** True when a workspace file defines the Secret (in any namespace when `namespace` is undefined). */
  hasSecret(name: string, namespace: string | undefined): boolean;
}

export interface SemanticContext {
  readonly file: YamlFile;
  readonly index: SemanticIndex;
  /** This file's policies, read fresh (the index may hold an older version of the file). */
  readonly policies: readonly PolicyObject[];
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
  const groupKey = (p: PolicyObject): string =>
    JSON.stringify([p.kind, p.legacy, index.namespaceOf(p) ?? null]);
  let buckets: Map<string, PolicyObject[]> | undefined;
  const sorted = new Map<string, readonly PolicyObject[]>();
  return {
    file,
    index,
    policies,
    peersOf: (policy) => {
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
      const peers = sortPolicies(buckets.get(key) ?? []);
      sorted.set(key, peers);
      return peers;
    },
  };
}

export function finding(
  context: SemanticContext,
  code: DiagnosticCode,
  severity: Severity,
  span: Span,
  message: string,
  extra: { data?: FindingData; tags?: readonly ('unnecessary' | 'deprecated')[] } = {},
): Finding {
  return { code, severity, message, range: context.file.lines.rangeOf(span.start, span.end), ...extra };
}

/** "entry 2 of this ImagePolicy" or `entry 1 of ClusterImagePolicy "base"`, for messages. */
export function describeEntry(context: SemanticContext, policy: PolicyObject, index: number): string {
  const sameObject = policy.uri === context.file.uri && context.policies.includes(policy);
  const owner = sameObject ? `this ${policy.kind}` : `${policy.kind} "${policy.name ?? ''}"`;
  return `entry ${index + 1} of ${owner}`;
}

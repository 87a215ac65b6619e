import type { PolicySet, PolicySource } from '../policy/policySet';
import { readPolicies } from '../policy/readPolicies';
import { sortPolicies } from '../policy/selectEntry';
import type { PolicyObject } from '../policy/types';
import type { YamlFile } from '../yaml/yamlFile';
import { readSecretRefs, type SecretRef } from './secretRefs';

export interface PolicyIndexOptions {
  /** Namespace of objects that name none (what `kubectl apply` would use); default `default`. */
  readonly defaultNamespace?: string;
}

interface FileEntry {
  readonly policies: readonly PolicyObject[];
  readonly secrets: readonly SecretRef[];
  /** Serialised content, to tell a real change from a re-save. */
  readonly fingerprint: string;
}

/**
 * Policies and Secrets of every workspace file, in memory. The LSP shell feeds it (open documents and files
 * read from disk); `changeCount` grows whenever what it holds changes, so callers know when diagnostics of
 * other files (admission, quick-fix edits, secret look-ups) must be recomputed.
 */
export class PolicyIndex implements PolicySource {
  private readonly files = new Map<string, FileEntry>();
  private changes = 0;
  private namespaceDefault: string;

  constructor(options: PolicyIndexOptions = {}) {
    this.namespaceDefault = options.defaultNamespace ?? 'default';
  }

  get changeCount(): number {
    return this.changes;
  }

  get defaultNamespace(): string {
    return this.namespaceDefault;
  }

  setDefaultNamespace(namespace: string): void {
    if (namespace === this.namespaceDefault) return;
    this.namespaceDefault = namespace;
    this.changes++;
  }

  /** Reads the file's policies and Secrets; returns true when the index changed. */
  update(file: YamlFile): boolean {
    const policies = readPolicies(file);
    const secrets = readSecretRefs(file);
    const previous = this.files.get(file.uri);
    if (policies.length === 0 && secrets.length === 0) return this.remove(file.uri);
    const fingerprint = JSON.stringify([policies, secrets]);
    if (previous?.fingerprint === fingerprint) return false;
    this.files.set(file.uri, { policies, secrets, fingerprint });
    this.changes++;
    return true;
  }

  /** Forgets a file; returns true when it held anything. */
  remove(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    this.changes++;
    return true;
  }

  /** Every policy object, v1 and legacy, in no particular order. */
  allPolicies(): PolicyObject[] {
    return [...this.files.values()].flatMap((entry) => entry.policies);
  }

  policiesOf(uri: string): readonly PolicyObject[] {
    return this.files.get(uri)?.policies ?? [];
  }

  /** The namespace an object lands in: as written, else the default (ClusterImagePolicies have none). */
  namespaceOf(policy: PolicyObject): string | undefined {
    return policy.kind === 'ClusterImagePolicy' ? undefined : (policy.namespace ?? this.namespaceDefault);
  }

  /** What the controller lists for `namespace` (portieris.md §2.1), each list in API order. */
  policiesFor(namespace: string): PolicySet {
    const all = this.allPolicies();
    const inNamespace = (p: PolicyObject): boolean =>
      p.kind === 'ImagePolicy' && this.namespaceOf(p) === namespace;
    const isCluster = (p: PolicyObject): boolean => p.kind === 'ClusterImagePolicy';
    return {
      imagePolicies: sortPolicies(all.filter((p) => !p.legacy && inNamespace(p))),
      clusterPolicies: sortPolicies(all.filter((p) => !p.legacy && isCluster(p))),
      ignoredLegacy: sortPolicies(all.filter((p) => p.legacy && (inNamespace(p) || isCluster(p)))),
    };
  }

  /** True when some workspace file defines Secret `name` in `namespace` (any namespace when undefined). */
  hasSecret(name: string, namespace: string | undefined): boolean {
    for (const entry of this.files.values()) {
      for (const secret of entry.secrets) {
        if (secret.name !== name) continue;
        if (namespace === undefined || (secret.namespace ?? this.namespaceDefault) === namespace) return true;
      }
    }
    return false;
  }
}

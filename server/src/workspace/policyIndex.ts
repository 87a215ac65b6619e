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
  /** Derived views, rebuilt lazily after any change: admission asks once per workload image. */
  private views: DerivedViews | undefined;

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
  allPolicies(): readonly PolicyObject[] {
    return this.current().all;
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
    const views = this.current();
    const cached = views.sets.get(namespace);
    if (cached) return cached;
    const inNamespace = (p: PolicyObject): boolean =>
      p.kind === 'ImagePolicy' && this.namespaceOf(p) === namespace;
    const isCluster = (p: PolicyObject): boolean => p.kind === 'ClusterImagePolicy';
    views.clusterPolicies ??= sortPolicies(views.all.filter((p) => !p.legacy && isCluster(p)));
    const set: PolicySet = {
      imagePolicies: sortPolicies(views.imagePoliciesByNamespace().get(namespace) ?? []),
      clusterPolicies: views.clusterPolicies,
      ignoredLegacy: sortPolicies(views.legacy.filter((p) => inNamespace(p) || isCluster(p))),
    };
    views.sets.set(namespace, set);
    return set;
  }

  /** True when some workspace file defines Secret `name` in `namespace` (any namespace when undefined). */
  hasSecret(name: string, namespace: string | undefined): boolean {
    const namespaces = this.current().secretNamespaces().get(name);
    if (!namespaces) return false;
    return namespace === undefined || namespaces.has(namespace);
  }

  private current(): DerivedViews {
    if (this.views?.version !== this.changes) this.views = this.derive();
    return this.views;
  }

  private derive(): DerivedViews {
    const files = [...this.files.values()];
    const all = files.flatMap((entry) => entry.policies);
    let byNamespace: Map<string, PolicyObject[]> | undefined;
    let secrets: Map<string, Set<string>> | undefined;
    return {
      version: this.changes,
      all,
      legacy: all.filter((p) => p.legacy),
      sets: new Map(),
      // Grouped in `all` order, so each list is what filtering `all` would give.
      imagePoliciesByNamespace: () => {
        if (byNamespace) return byNamespace;
        byNamespace = new Map();
        for (const p of all) {
          if (p.legacy || p.kind !== 'ImagePolicy') continue;
          const namespace = this.namespaceOf(p) ?? '';
          const list = byNamespace.get(namespace);
          if (list) list.push(p);
          else byNamespace.set(namespace, [p]);
        }
        return byNamespace;
      },
      secretNamespaces: () => {
        if (secrets) return secrets;
        secrets = new Map();
        for (const entry of files) {
          for (const secret of entry.secrets) {
            const set = secrets.get(secret.name) ?? new Set<string>();
            set.add(secret.namespace ?? this.namespaceDefault);
            secrets.set(secret.name, set);
          }
        }
        return secrets;
      },
    };
  }
}

interface DerivedViews {
  /** `changeCount` they were built at. */
  readonly version: number;
  readonly all: readonly PolicyObject[];
  readonly legacy: readonly PolicyObject[];
  clusterPolicies?: readonly PolicyObject[];
  readonly sets: Map<string, PolicySet>;
  imagePoliciesByNamespace(): ReadonlyMap<string, readonly PolicyObject[]>;
  /** Secret name → the namespaces it is defined in (the default one for Secrets that name none). */
  secretNamespaces(): ReadonlyMap<string, ReadonlySet<string>>;
}

import type { PolicySet, PolicySource } from '../policy/policySet';
import { readPolicies } from '../policy/readPolicies';
import { sameItems } from '../policy/sameItems';
import { sortPolicies } from '../policy/selectEntry';
import type { PolicyObject } from '../policy/types';
import type { YamlFile } from '../yaml/yamlFile';
import { readSecretRefs, type SecretRef } from './secretRefs';
import { keptList } from '../emptyList';

export interface PolicyIndexOptions {
  /** Namespace of objects that name none (what `kubectl apply` would use); default `default`. */
  readonly defaultNamespace?: string;
}

interface FileEntry {
  readonly policies: readonly PolicyObject[];
  readonly secrets: readonly SecretRef[];
}

function sameSet(a: PolicySet, b: PolicySet): boolean {
  return (
    sameItems(a.imagePolicies, b.imagePolicies) &&
    sameItems(a.clusterPolicies, b.clusterPolicies) &&
    sameItems(a.ignoredLegacy, b.ignoredLegacy)
  );
}

function sameContent(a: readonly object[], b: readonly object[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => item === b[i] || serialised(item) === serialised(b[i] ?? {}))
  );
}

/** JSON of one policy or Secret ref, once per object: edits re-use the objects of unchanged documents. */
const serialisedObjects = new WeakMap<object, string>();
function serialised(value: object): string {
  let json = serialisedObjects.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialisedObjects.set(value, json);
  }
  return json;
}

/**
 * Policies and Secrets of every workspace file, in memory. The LSP shell feeds it (open documents and files
 * read from disk); `changeCount` grows whenever what it holds changes, so callers know when diagnostics of
 * other files (admission, quick-fix edits, secret look-ups) must be recomputed.
 */
export class PolicyIndex implements PolicySource {
  private readonly files = new Map<string, FileEntry>();
  private changes = 0;
  private lookupChanges = 0;
  private namespaceDefault: string;
  /** Derived views, rebuilt lazily after any change: admission asks once per workload image. */
  private views: DerivedViews | undefined;
  /** The last set handed out per namespace, re-used while its policy objects are the same. */
  private readonly previousSets = new Map<string, PolicySet>();
  private readonly setIds = new WeakMap<PolicySet, number>();
  private lastSetId = 0;

  constructor(options: PolicyIndexOptions = {}) {
    this.namespaceDefault = options.defaultNamespace ?? 'default';
  }

  get changeCount(): number {
    return this.changes;
  }

  get defaultNamespace(): string {
    return this.namespaceDefault;
  }

  /** Grows when `namespaceOf` or `hasSecret` may answer differently (Secrets or the default changed). */
  get lookupVersion(): number {
    return this.lookupChanges;
  }

  setDefaultNamespace(namespace: string): void {
    if (namespace === this.namespaceDefault) return;
    this.namespaceDefault = namespace;
    this.changes++;
    this.lookupChanges++;
  }

  /** Reads the file's policies and Secrets; returns true when the index changed. */
  update(file: YamlFile): boolean {
    const policies = readPolicies(file);
    const secrets = readSecretRefs(file);
    const previous = this.files.get(file.uri);
    if (policies.length === 0 && secrets.length === 0) return this.remove(file.uri);
    // A re-save or an edit elsewhere changes nothing: unchanged documents hand back the very same objects
    // (readPolicies re-uses them), and others are compared by content.
    if (previous && sameContent(previous.policies, policies) && sameContent(previous.secrets, secrets)) {
      return false;
    }
    this.files.set(file.uri, { policies, secrets });
    if (!previous || !sameContent(previous.secrets, secrets)) this.lookupChanges++;
    this.changes++;
    return true;
  }

  /** Forgets a file; returns true when it held anything. */
  remove(uri: string): boolean {
    const entry = this.files.get(uri);
    if (!entry) return false;
    this.files.delete(uri);
    if (entry.secrets.length > 0) this.lookupChanges++;
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
    const fresh: PolicySet = {
      imagePolicies: sortPolicies(views.imagePoliciesByNamespace().get(namespace) ?? []),
      clusterPolicies: views.clusterPolicies,
      ignoredLegacy: keptList(sortPolicies(views.legacy.filter((p) => inNamespace(p) || isCluster(p)))),
    };
    // Hand back the previous object when nothing in it changed: answers memoised per set (admission
    // predictions) then survive edits to other namespaces' policies.
    const previous = this.previousSets.get(namespace);
    const set = previous && sameSet(previous, fresh) ? previous : fresh;
    this.previousSets.set(namespace, set);
    views.sets.set(namespace, set);
    return set;
  }

  /**
   * A number naming the current `policiesFor(namespace)` object: equal numbers mean the same policies in
   * the same order, so answers derived from the set (admission verdicts) still hold.
   */
  policySetId(namespace: string): number {
    const set = this.policiesFor(namespace);
    let id = this.setIds.get(set);
    if (id === undefined) {
      id = ++this.lastSetId;
      this.setIds.set(set, id);
    }
    return id;
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

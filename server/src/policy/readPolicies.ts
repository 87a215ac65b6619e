import { isSeq } from 'yaml';
import { asMap, asSeq, findPair, getField, resolveNode } from '../yaml/navigate';
import { memoByDocument } from '../yaml/documentMemo';
import { movePositions } from '../yaml/movePositions';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import { kubeObjectNode, kubeObjectsOf } from '../kube';
import { isPolicyKind, policyApiVersionKind } from './apiGroups';
import { listInsertion } from './listInsertion';
import { readEntryPolicy } from './readEntryPolicy';
import { keySpanOf, pairKeySpan, readString, spanOf } from './readHelpers';
import type { PolicyObject, RepositoryEntry, Span } from './types';
import type { Writable } from '../writable';
import { keptList } from '../emptyList';

/**
 * Every Portieris ImagePolicy / ClusterImagePolicy in the file (portieris.md §1.1): `portieris.cloud.ibm.com/v1`
 * and the legacy `securityenforcement.admission.cloud.ibm.com/v1beta1` (`legacy: true`). Same-named kinds of
 * other groups (Sigstore, OpenShift) are skipped. Wrong types read as absent; the schema layer reports them.
 */
export function readPolicies(file: YamlFile): PolicyObject[] {
  return file.documents.flatMap((doc) => readDocumentPolicies(file, doc));
}

/**
 * Each parsed document is read once: indexing, the semantic checks and trust all read the same version, and
 * later versions of the file re-use the read while the document's text is unchanged. Policy objects hold
 * file positions only as Spans and Positions, so a document moved by an edit above gets its policies moved
 * (`movePositions`) instead of read again.
 */
export function readDocumentPolicies(file: YamlFile, doc: YamlDocument): readonly PolicyObject[] {
  return memoByDocument(
    'policies',
    file.uri,
    doc,
    // kubectl applies the items of a `v1` List one by one, so policies inside Lists count too.
    (): readonly PolicyObject[] => {
      const policies = kubeObjectsOf(doc).flatMap((located) => {
        const policy = readPolicyObject(file, doc, kubeObjectNode(doc, located), located.viaAlias);
        return policy ? [policy] : [];
      });
      // Most documents of a large file are workloads: they share one empty list.
      return keptList(policies);
    },
    movePositions,
  );
}

function readPolicyObject(
  file: YamlFile,
  doc: YamlDocument,
  node: unknown,
  viaAlias: boolean,
): PolicyObject | undefined {
  const root = asMap(doc, node);
  if (!root) return undefined;
  const kind = readString(doc, root, 'kind');
  const apiVersion = readString(doc, root, 'apiVersion');
  const group = policyApiVersionKind(apiVersion?.value);
  if (!kind || !apiVersion || !group || !isPolicyKind(kind.value)) return undefined;
  const metadata = getField(doc, root, 'metadata');
  const name = readString(doc, metadata, 'name');
  const namespace = readString(doc, metadata, 'namespace');
  const spec = getField(doc, root, 'spec');
  const repositoriesPair = findPair(doc, spec, 'repositories');
  const list = asSeq(doc, repositoriesPair?.value);
  const span = spanOf(root) ?? { start: doc.start, end: doc.end };
  // Text reached through an alias is shared with another place: no edit is offered there.
  const insertion = viaAlias ? undefined : listInsertion(file, doc, repositoriesPair);
  const result: Writable<PolicyObject> = {
    uri: file.uri,
    documentIndex: doc.index,
    kind: kind.value,
    apiVersion: apiVersion.value,
    legacy: group === 'legacy',
    span,
    kindSpan: kind.span,
    apiVersionSpan: apiVersion.span,
    repositoriesSpan: pairKeySpan(repositoriesPair) ?? keySpanOf(doc, root, 'spec') ?? kind.span,
    repositoriesShape: repositoriesShape(doc, repositoriesPair?.value, repositoriesPair !== undefined),
    repositories: list ? list.items.map((item, index) => readEntry(doc, item, index, span)) : [],
  };
  // Optional fields are set only when present (absent, not `undefined`), without spreading temporaries.
  if (name) {
    result.name = name.value;
    result.nameSpan = name.span;
  }
  if (namespace) {
    result.namespace = namespace.value;
    result.namespaceSpan = namespace.span;
  }
  if (insertion) result.insertion = insertion;
  return result;
}

function repositoriesShape(
  doc: YamlDocument,
  value: unknown,
  present: boolean,
): PolicyObject['repositoriesShape'] {
  if (!present) return 'missing';
  const node = resolveNode(doc, value);
  if (isSeq(node)) return 'list';
  if (node === null || (node.toJSON() as unknown) === null) return 'null';
  return 'other';
}

function readEntry(doc: YamlDocument, item: unknown, index: number, fallback: Span): RepositoryEntry {
  const span = spanOf(item) ?? fallback;
  const name = readString(doc, item, 'name');
  // Go reads a missing or non-string name as "" (portieris.md §1.3); the schema layer reports the type.
  return {
    index,
    name: name?.value ?? '',
    nameSpan: name?.span ?? span,
    hasName: name !== undefined,
    span,
    policy: readEntryPolicy(doc, item),
  };
}

import { closestMatch, editDistance } from './editDistance';
import {
  LEGACY_API_VERSION,
  LEGACY_GROUP,
  PORTIERIS_API_VERSION,
  PORTIERIS_GROUP,
  POLICY_KINDS,
  isPolicyKind,
  selectSchema,
  type SelectedSchema,
} from './selectSchema';

/** How far a group may be from ours and still count as a typo (`sportieris…` is 1, portieris.md §1.3). */
const MAX_GROUP_DISTANCE = 3;

/** What a document's apiVersion/kind say about it, with the corrections we would suggest. */
export interface DocumentType {
  /** The schema to validate with: the exact match, or the one the near-miss most likely meant. */
  readonly selected?: SelectedSchema;
  /** Set when apiVersion is a near miss of ours: the value to use instead. */
  readonly apiVersionFix?: string;
  /** Set when the apiVersion is ours but the kind is not one of our kinds. */
  readonly kindProblem?: { readonly suggestion?: string };
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0
    ? { group: apiVersion, version: '' }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function near(group: string, ours: string): boolean {
  return editDistance(group.toLowerCase(), ours) <= MAX_GROUP_DISTANCE;
}

/** The apiVersion an author probably meant, or undefined when the group is nobody's typo of ours. */
function apiVersionFixFor(apiVersion: string): string | undefined {
  if (apiVersion === PORTIERIS_API_VERSION || apiVersion === LEGACY_API_VERSION) return undefined;
  const { group } = splitApiVersion(apiVersion);
  // A wrong version of either group (e.g. portieris…/v1beta1, securityenforcement…/v1): current Portieris
  // reads only portieris.cloud.ibm.com/v1 (§1.1).
  if (near(group, PORTIERIS_GROUP)) return PORTIERIS_API_VERSION;
  if (group === LEGACY_GROUP || group.toLowerCase() === LEGACY_GROUP) {
    return splitApiVersion(apiVersion).version === 'v1' ? PORTIERIS_API_VERSION : LEGACY_API_VERSION;
  }
  if (near(group, LEGACY_GROUP)) return LEGACY_API_VERSION;
  return undefined;
}

function isOurApiVersion(apiVersion: string): boolean {
  return apiVersion === PORTIERIS_API_VERSION || apiVersion === LEGACY_API_VERSION;
}

/**
 * Classifies a document by apiVersion and kind. Returns undefined for documents that are not ours —
 * including Sigstore and OpenShift ClusterImagePolicy, whose groups are far from both of ours.
 */
export function classifyDocument(apiVersion: unknown, kind: unknown): DocumentType | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  const exact = selectSchema(apiVersion, kind);
  if (exact) return { selected: exact };
  if (isPolicyKind(kind)) {
    const fix = apiVersionFixFor(apiVersion);
    return fix === undefined ? undefined : { selected: selectSchema(fix, kind), apiVersionFix: fix };
  }
  if (!isOurApiVersion(apiVersion) || typeof kind !== 'string') return undefined;
  // Our group with a kind we do not define: a typo (`Imagepolicy`) or a wrong kind altogether.
  const suggestion = closestMatch(kind, POLICY_KINDS);
  return suggestion === undefined
    ? { kindProblem: {} }
    : { selected: selectSchema(apiVersion, suggestion), kindProblem: { suggestion } };
}

import type { Finding, FindingData } from '../diagnostics/finding';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import { addEntryEdit } from './addEntryEdit';
import type { PolicySource } from './policySet';
import { predictAdmission, type AdmissionPrediction } from './predictAdmission';
import { repositoryNameFor } from './repositoryName';
import type { PolicyObject } from './types';
import { enforcedWorkloadImages, type WorkloadImageFinder } from './workloadImages';

export interface CheckAdmissionOptions {
  /** Namespace of workloads that name none; default `default`. */
  readonly defaultNamespace?: string;
  /** Where images come from; defaults to kube's `findWorkloadImages`, enforced images only. */
  readonly findImages?: WorkloadImageFinder;
}

/**
 * `admission-denied` errors on every workload image the controller would deny (portieris.md §2.1). `data`:
 * `{ entryName, policyUri, edit: { range, newText } }` to add an entry for the image to the policy that
 * applies (the namespace's first ImagePolicy in list order, or the first ClusterImagePolicy), or
 * `{ entryName, policyUri: null, edit: null, reason }` when there is no target.
 */
export function checkAdmission(
  file: YamlFile,
  policies: PolicySource,
  options: CheckAdmissionOptions = {},
): Finding[] {
  return file.documents.flatMap((doc) => checkDocumentAdmission(file, doc, policies, options));
}

/** `checkAdmission` for one document of the file: it depends on the document and the policies only. */
export function checkDocumentAdmission(
  file: YamlFile,
  doc: YamlDocument,
  policies: PolicySource,
  options: CheckAdmissionOptions = {},
): Finding[] {
  const findImages = options.findImages ?? enforcedWorkloadImages;
  const findings: Finding[] = [];
  const refs = findImages(doc);
  // By index: iterators cost an allocation per element until V8 optimises this (policy/semantics/context.ts).
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    const namespace = ref.namespace ?? options.defaultNamespace ?? 'default';
    const prediction = predictAdmission({ image: ref.image, namespace }, policies);
    if (prediction.verdict !== 'denied') continue;
    findings.push({
      code: 'admission-denied',
      severity: 'error',
      message: prediction.message,
      range: file.lines.rangeOf(ref.start, ref.end),
      data: fixData(ref.image, targetPolicy(prediction, policies, namespace)),
    });
  }
  return findings;
}

function targetPolicy(
  prediction: Extract<AdmissionPrediction, { verdict: 'denied' }>,
  policies: PolicySource,
  namespace: string,
): PolicyObject | undefined {
  const set = policies.policiesFor(namespace);
  if (prediction.reason === 'no-namespace-match') return set.imagePolicies[0];
  if (prediction.reason === 'no-cluster-match') return set.clusterPolicies[0];
  return undefined;
}

function fixData(image: string, policy: PolicyObject | undefined): FindingData {
  const entryName = repositoryNameFor(image);
  if (!policy) return { entryName, policyUri: null, edit: null, reason: 'no-policy' };
  const edit = addEntryEdit(policy, entryName);
  if (!edit) return { entryName, policyUri: policy.uri, edit: null, reason: 'no-repositories-list' };
  return {
    entryName,
    policyUri: policy.uri,
    edit: {
      range: {
        start: { line: edit.range.start.line, character: edit.range.start.character },
        end: { line: edit.range.end.line, character: edit.range.end.character },
      },
      newText: edit.newText,
    },
  };
}

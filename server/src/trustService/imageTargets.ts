import type { Writable } from '../writable';
import { findWorkloadImages, parseImageReference, type ImageReference, type WorkloadImage } from '../kube';
import { predictAdmission, type AdmissionPrediction, type PolicySource } from '../policy';
import type { Environment } from '../trust/transport/proxy';
import type { SignerInput, TrustRequirement } from '../verdict';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import { chooseServer, type ServerChoice } from './chooseServer';
import type { SignerIndex } from './signerIndex';
import { EMPTY_LIST } from '../emptyList';

/** One enforced workload image with everything its trust verdict needs, except the fetched facts. */
export interface ImageTarget {
  readonly found: WorkloadImage;
  readonly ref: ImageReference;
  readonly namespace: string;
  readonly prediction: AdmissionPrediction;
  readonly requirement: TrustRequirement;
  readonly server: ServerChoice;
  readonly signers: readonly SignerInput[];
  /** Cache key of the repository lookup (server + GUN), when there is a server. */
  readonly repositoryKey?: string;
  /** Cache key of the registry lookup (only for references without a digest). */
  readonly registryKey?: string;
}

export interface TargetContext {
  readonly policies: PolicySource;
  readonly signers: SignerIndex;
  readonly defaultNamespace: string;
  readonly servers: Readonly<Record<string, string>>;
  readonly env: Environment;
}

// Each target keeps its keys while its file is open. `join` builds one flat string; a template literal
// would keep a chain of concatenation nodes (~2 objects more per key, ~8,000 in the 42,000-line open).
export const repositoryKey = (server: string, gun: string): string => [server, gun].join('\n');
export const registryKey = (ref: ImageReference): string =>
  [ref.registryHost, ref.path, ref.trustTag].join('\n');

/**
 * The images Portieris checks (enforced, parsable, no sha512 panic: the same filter as the admission
 * check), each with the applying entry's trust requirement (portieris.md §2.1, §3.5).
 */
export function imageTargets(file: YamlFile, context: TargetContext): ImageTarget[] {
  return file.documents.flatMap((doc) => documentImageTargets(doc, context));
}

/** `imageTargets` of one document. */
export function documentImageTargets(doc: YamlDocument, context: TargetContext): ImageTarget[] {
  const targets: ImageTarget[] = [];
  const images = findWorkloadImages(doc);
  // By index: iterators cost an allocation per element until V8 optimises this (policy/semantics/context.ts).
  for (let i = 0; i < images.length; i++) {
    const found = images[i];
    if (!found.enforced) continue;
    const parsed = parseImageReference(found.image);
    if (!parsed.ok || parsed.ref.portierisPanics) continue;
    const ref = parsed.ref;
    const namespace = found.owner.namespace ?? context.defaultNamespace;
    const prediction = predictAdmission({ image: found.image, namespace }, context.policies);
    const trust = prediction.verdict === 'allowed' ? prediction.requirements.trust : undefined;
    const requirement: TrustRequirement = {
      required: trust?.enabled === true,
      signerSecrets: trust?.enabled ? trust.signerSecrets : EMPTY_LIST,
      mutateImage: prediction.verdict === 'allowed' ? prediction.requirements.mutateImage : true,
    };
    const server = chooseServer(ref, trust?.trustServer, context.servers, context.env);
    const signers =
      requirement.signerSecrets.length === 0
        ? EMPTY_LIST
        : requirement.signerSecrets.map((secret) =>
            context.signers.signerFor(secret, namespace, context.defaultNamespace),
          );
    // Optional fields set after the literal, not spread into it (faster in V8; kube/parseImageReference.ts).
    const target: Writable<ImageTarget> = { found, ref, namespace, prediction, requirement, server, signers };
    if (server.source !== 'none') target.repositoryKey = repositoryKey(server.url, ref.name);
    if (ref.digest === undefined) target.registryKey = registryKey(ref);
    targets.push(target);
  }
  return targets;
}

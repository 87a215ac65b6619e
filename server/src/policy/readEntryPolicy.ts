import { asMap, asSeq, getField } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';
import { optional } from './optional';
import { keySpanOf, readBoolean, readString, readTrue, spanOf } from './readHelpers';
import type {
  EntryPolicy,
  SignedIdentity,
  SimplePolicy,
  SimpleRequirement,
  SpannedString,
  TrustPolicy,
  VulnerabilityPolicy,
} from './types';

/** Reads `repositories[].policy` as the Go types would see it (portieris.md §1.3). */
export function readEntryPolicy(doc: YamlDocument, entry: unknown): EntryPolicy {
  const policy = asMap(doc, getField(doc, entry, 'policy'));
  const mutate = readTrue(doc, policy, 'mutateImage');
  const vaMap = getField(doc, policy, 'va');
  const vaKey = keySpanOf(doc, policy, 'va');
  return {
    ...optional('keySpan', keySpanOf(doc, entry, 'policy')),
    trust: readTrust(doc, getField(doc, policy, 'trust'), keySpanOf(doc, policy, 'trust')),
    simple: readSimple(doc, getField(doc, policy, 'simple'), keySpanOf(doc, policy, 'simple')),
    vulnerability: readVulnerability(doc, policy),
    mutateImage: readBoolean(doc, policy, 'mutateImage', true),
    ...optional('mutateImageSpan', mutate.span),
    ...(vaKey ? { va: { enabled: readTrue(doc, vaMap, 'enabled').value, keySpan: vaKey } } : {}),
  };
}

function readTrust(doc: YamlDocument, trust: unknown, keySpan: TrustPolicy['keySpan']): TrustPolicy {
  const enabled = readTrue(doc, trust, 'enabled');
  const signers = asSeq(doc, getField(doc, trust, 'signerSecrets'));
  const signerSecrets: SpannedString[] = [];
  for (const item of signers?.items ?? []) {
    const name = readString(doc, item, 'name');
    if (name) signerSecrets.push(name);
  }
  return {
    enabled: enabled.value,
    ...optional('enabledSpan', enabled.span),
    ...optional('keySpan', keySpan),
    ...optional('trustServer', readString(doc, trust, 'trustServer')),
    signerSecrets,
  };
}

function readSimple(doc: YamlDocument, simple: unknown, keySpan: SimplePolicy['keySpan']): SimplePolicy {
  const items = asSeq(doc, getField(doc, simple, 'requirements'))?.items ?? [];
  const requirements: SimpleRequirement[] = [];
  for (const item of items) {
    const span = spanOf(item);
    if (!span || !asMap(doc, item)) continue;
    const identity = asMap(doc, getField(doc, item, 'signedIdentity'));
    requirements.push({
      span,
      ...optional('type', readString(doc, item, 'type')),
      ...optional('keySecret', readString(doc, item, 'keySecret')),
      ...optional('keySecretNamespace', readString(doc, item, 'keySecretNamespace')),
      ...(identity ? { signedIdentity: readIdentity(doc, identity) } : {}),
    });
  }
  return {
    ...optional('keySpan', keySpan),
    requirements,
    ...optional('storeURL', readString(doc, simple, 'storeURL')),
    ...optional('storeSecret', readString(doc, simple, 'storeSecret')),
  };
}

function readIdentity(doc: YamlDocument, identity: unknown): SignedIdentity {
  return {
    ...optional('type', readString(doc, identity, 'type')),
    ...optional('dockerReference', readString(doc, identity, 'dockerReference')?.value),
    ...optional('dockerRepository', readString(doc, identity, 'dockerRepository')?.value),
    ...optional('prefix', readString(doc, identity, 'prefix')?.value),
    ...optional('signedPrefix', readString(doc, identity, 'signedPrefix')?.value),
  };
}

function readVulnerability(doc: YamlDocument, policy: unknown): VulnerabilityPolicy {
  const vulnerability = getField(doc, policy, 'vulnerability');
  const iccrva = getField(doc, vulnerability, 'ICCRVA');
  return {
    iccrvaEnabled: readTrue(doc, iccrva, 'enabled').value,
    ...optional('account', readString(doc, iccrva, 'account')?.value),
    ...optional('keySpan', keySpanOf(doc, policy, 'vulnerability')),
  };
}

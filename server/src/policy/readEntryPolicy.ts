import type { Pair } from 'yaml';
import { asMap, asSeq, findPair } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';
import { pairKeySpan, readBoolean, readString, readTrue, spanOf } from './readHelpers';
import type {
  EntryPolicy,
  SignedIdentity,
  SimplePolicy,
  SimpleRequirement,
  SpannedString,
  TrustPolicy,
  VulnerabilityPolicy,
} from './types';
import type { Writable } from '../writable';
import { keptList } from '../emptyList';

/**
 * Reads `repositories[].policy` as the Go types would see it (portieris.md §1.3). Every entry of every policy
 * is read on each open, so a key whose span is kept is looked up once (its pair gives both the value and the
 * key's span), and optional fields are set only when present, without spreading temporary objects.
 */
export function readEntryPolicy(doc: YamlDocument, entry: unknown): EntryPolicy {
  const policyPair = findPair(doc, entry, 'policy');
  const policy = asMap(doc, policyPair?.value);
  const vaPair = findPair(doc, policy, 'va');
  const result: Writable<EntryPolicy> = {
    trust: readTrust(doc, findPair(doc, policy, 'trust')),
    simple: readSimple(doc, findPair(doc, policy, 'simple')),
    vulnerability: readVulnerability(doc, findPair(doc, policy, 'vulnerability')),
    mutateImage: readBoolean(doc, policy, 'mutateImage', true),
  };
  const keySpan = pairKeySpan(policyPair);
  if (keySpan) result.keySpan = keySpan;
  const vaKey = pairKeySpan(vaPair);
  if (vaKey) result.va = { enabled: readTrue(doc, vaPair?.value, 'enabled').value, keySpan: vaKey };
  return result;
}

function readTrust(doc: YamlDocument, pair: Pair | undefined): TrustPolicy {
  const trust = pair?.value;
  const enabled = readTrue(doc, trust, 'enabled');
  const signers = asSeq(doc, findPair(doc, trust, 'signerSecrets')?.value);
  const signerSecrets: SpannedString[] = [];
  for (const item of signers?.items ?? []) {
    const name = readString(doc, item, 'name');
    if (name) signerSecrets.push(name);
  }
  const result: Writable<TrustPolicy> = { enabled: enabled.value, signerSecrets: keptList(signerSecrets) };
  if (enabled.span) result.enabledSpan = enabled.span;
  const keySpan = pairKeySpan(pair);
  if (keySpan) result.keySpan = keySpan;
  const trustServer = readString(doc, trust, 'trustServer');
  if (trustServer) result.trustServer = trustServer;
  return result;
}

function readSimple(doc: YamlDocument, pair: Pair | undefined): SimplePolicy {
  const simple = pair?.value;
  const items = asSeq(doc, findPair(doc, simple, 'requirements')?.value)?.items ?? [];
  const requirements: SimpleRequirement[] = [];
  for (const item of items) {
    const span = spanOf(item);
    if (!span || !asMap(doc, item)) continue;
    const requirement: Writable<SimpleRequirement> = { span };
    const type = readString(doc, item, 'type');
    if (type) requirement.type = type;
    const keySecret = readString(doc, item, 'keySecret');
    if (keySecret) requirement.keySecret = keySecret;
    const keySecretNamespace = readString(doc, item, 'keySecretNamespace');
    if (keySecretNamespace) requirement.keySecretNamespace = keySecretNamespace;
    const identity = asMap(doc, findPair(doc, item, 'signedIdentity')?.value);
    if (identity) requirement.signedIdentity = readIdentity(doc, identity);
    requirements.push(requirement);
  }
  const result: Writable<SimplePolicy> = { requirements: keptList(requirements) };
  const keySpan = pairKeySpan(pair);
  if (keySpan) result.keySpan = keySpan;
  const storeURL = readString(doc, simple, 'storeURL');
  if (storeURL) result.storeURL = storeURL;
  const storeSecret = readString(doc, simple, 'storeSecret');
  if (storeSecret) result.storeSecret = storeSecret;
  return result;
}

function readIdentity(doc: YamlDocument, identity: unknown): SignedIdentity {
  const result: Writable<SignedIdentity> = {};
  const type = readString(doc, identity, 'type');
  if (type) result.type = type;
  for (const key of ['dockerReference', 'dockerRepository', 'prefix', 'signedPrefix'] as const) {
    const value = readString(doc, identity, key)?.value;
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function readVulnerability(doc: YamlDocument, pair: Pair | undefined): VulnerabilityPolicy {
  const iccrva = findPair(doc, pair?.value, 'ICCRVA')?.value;
  const result: Writable<VulnerabilityPolicy> = { iccrvaEnabled: readTrue(doc, iccrva, 'enabled').value };
  const account = readString(doc, iccrva, 'account')?.value;
  if (account !== undefined) result.account = account;
  const keySpan = pairKeySpan(pair);
  if (keySpan) result.keySpan = keySpan;
  return result;
}

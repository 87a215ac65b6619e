import type { Finding } from '../../diagnostics/finding';
import type { YamlFile } from '../../yaml/yamlFile';
import { keptList } from '../../emptyList';
import { readPolicies } from '../readPolicies';
import { semanticContext, type SemanticContext, type SemanticIndex } from './context';
import type { PolicyObject } from '../types';
import { checkEmptyRepositories } from './emptyRepositories';
import { checkHostWildcards } from './hostWildcard';
import { checkLegacyApiVersion } from './legacyApiVersion';
import { checkNoTrustServer } from './noTrustServer';
import { checkSecretsExist } from './secretNotFound';
import { checkShadowedEntries } from './shadowedEntries';
import { checkSignedIdentityNames } from './signedIdentity';
import { checkTrustAndSimple } from './trustAndSimple';

const CHECKS = [
  checkLegacyApiVersion,
  checkHostWildcards,
  checkShadowedEntries,
  checkTrustAndSimple,
  checkSignedIdentityNames,
  checkNoTrustServer,
  checkEmptyRepositories,
  checkSecretsExist,
];

/**
 * Policy findings beyond the schema (portieris.md §1, §2, §3.5, §7): each check has its own code. Other files'
 * policies and Secrets come from the index; this file is read fresh, so the index may lag behind it.
 */
export function checkPolicySemantics(file: YamlFile, index: SemanticIndex): Finding[] {
  const policies = readPolicies(file);
  if (policies.length === 0) return [];
  const context = semanticContext(file, index, policies);
  if (index.lookupVersion === undefined) return CHECKS.flatMap((check) => check(context));
  // Per policy, re-used while the policy object (same text, same place), its peers and the index's
  // look-ups are unchanged: an edit to one policy re-checks only the policies it can affect.
  const version = index.lookupVersion;
  return policies.flatMap((policy) => {
    const peers = context.peersOf(policy);
    const known = checked.get(policy);
    if (known && known.peers === peers && known.version === version && known.uri === file.uri) {
      return known.findings;
    }
    const one: SemanticContext = { ...context, policies: [policy] };
    const findings = keptList(CHECKS.flatMap((check) => check(one)));
    checked.set(policy, { peers, version, uri: file.uri, findings });
    return findings;
  });
}

const checked = new WeakMap<
  PolicyObject,
  {
    readonly peers: readonly PolicyObject[];
    readonly version: number;
    readonly uri: string;
    readonly findings: readonly Finding[];
  }
>();

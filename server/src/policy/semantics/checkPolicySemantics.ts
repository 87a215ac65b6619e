import type { Finding } from '../../diagnostics/finding';
import type { YamlFile } from '../../yaml/yamlFile';
import { readPolicies } from '../readPolicies';
import { semanticContext, type SemanticIndex } from './context';
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
  return CHECKS.flatMap((check) => check(context));
}

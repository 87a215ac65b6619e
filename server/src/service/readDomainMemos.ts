import { findSecrets } from '../kube';
import { enforcedWorkloadImages, readDocumentPolicies } from '../policy';
import type { DocumentDigest } from '../yaml/yamlFile';

/**
 * The per-document reads of the domain modules that walk the syntax tree: policies (index, semantics,
 * trust), workload images (image checks, admission, trust) and Secrets (the workspace's names, trust's
 * signer keys). Each is memoised per document (yaml/documentMemo.ts), so reading them here, right after the
 * parse, leaves nothing for the checks to read from the tree (languageService.ts `digestDocument`).
 */
export const readDomainMemos: DocumentDigest = (file, doc) => {
  readDocumentPolicies(file, doc);
  enforcedWorkloadImages(doc);
  findSecrets(doc);
};

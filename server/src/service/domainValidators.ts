import { checkDocumentWorkloadImages } from '../kube';
import { checkDocumentAdmission, checkPolicySemantics, documentPolicySetsKey } from '../policy';
import { validateAgainstSchema } from '../schema';
import type { PolicyIndex } from '../workspace/policyIndex';
import type { DocumentValidator, FileValidator } from './types';

/** The Portieris CRD schemas, per document (server/src/schema). */
export const schemaValidator: DocumentValidator = {
  name: 'schema',
  reads: 'file',
  validateDocument: (file, document) => validateAgainstSchema(document, file.lines),
};

/** Image references of every workload container (server/src/kube). */
export const workloadImageValidator: DocumentValidator = {
  name: 'workload-images',
  reads: 'file',
  validateDocument: checkDocumentWorkloadImages,
};

/** Policy semantics against the other workspace policies and Secrets (server/src/policy). */
export function policySemanticsValidator(index: PolicyIndex): FileValidator {
  return { name: 'policy-semantics', validate: (file) => checkPolicySemantics(file, index) };
}

/** Predicted admission of every workload image under the workspace policies (portieris.md §2.1). */
export function admissionValidator(index: PolicyIndex): DocumentValidator {
  return {
    name: 'admission',
    // A document's verdicts depend on the policy sets of its images' namespaces only (portieris.md §2.1);
    // the index hands out the same set object while its policies are unchanged, so an edit to one
    // namespace's policy re-checks only the documents deployed there. Policies without a namespace land in
    // the default one, so the default is set first (a new default changes the index).
    contextKey: (options, _file, document) => {
      index.setDefaultNamespace(options.defaultNamespace);
      return documentPolicySetsKey(document, index, options.defaultNamespace) ?? '';
    },
    validateDocument: (file, document, options) =>
      checkDocumentAdmission(file, document, index, { defaultNamespace: options.defaultNamespace }),
  };
}

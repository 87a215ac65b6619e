import { checkDocumentWorkloadImages } from '../kube';
import { checkDocumentAdmission, checkPolicySemantics } from '../policy';
import { validateAgainstSchema } from '../schema';
import type { PolicyIndex } from '../workspace/policyIndex';
import type { DocumentValidator, FileValidator } from './types';

/** The Portieris CRD schemas, per document (server/src/schema). */
export const schemaValidator: DocumentValidator = {
  name: 'schema',
  validateDocument: (file, document) => validateAgainstSchema(document, file.lines),
};

/** Image references of every workload container (server/src/kube). */
export const workloadImageValidator: DocumentValidator = {
  name: 'workload-images',
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
    // Policies without a namespace land in the default one too; the setting is the same for every file,
    // and the shell re-checks every open document when it changes. Set before the key is read: setting
    // a new default changes the index.
    contextKey: (options) => {
      index.setDefaultNamespace(options.defaultNamespace);
      return `${index.changeCount}`;
    },
    validateDocument: (file, document, options) =>
      checkDocumentAdmission(file, document, index, { defaultNamespace: options.defaultNamespace }),
  };
}

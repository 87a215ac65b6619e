import { checkWorkloadImages } from '../kube';
import { checkAdmission, checkPolicySemantics } from '../policy';
import { validateAgainstSchema } from '../schema';
import type { PolicyIndex } from '../workspace/policyIndex';
import type { Validator } from './types';

/** The Portieris CRD schemas, per document (server/src/schema). */
export const schemaValidator: Validator = {
  name: 'schema',
  validate: (file) => file.documents.flatMap((document) => validateAgainstSchema(document, file.lines)),
};

/** Image references of every workload container (server/src/kube). */
export const workloadImageValidator: Validator = { name: 'workload-images', validate: checkWorkloadImages };

/** Policy semantics against the other workspace policies and Secrets (server/src/policy). */
export function policySemanticsValidator(index: PolicyIndex): Validator {
  return { name: 'policy-semantics', validate: (file) => checkPolicySemantics(file, index) };
}

/** Predicted admission of every workload image under the workspace policies (portieris.md §2.1). */
export function admissionValidator(index: PolicyIndex): Validator {
  return {
    name: 'admission',
    validate: (file, options) => {
      // Policies without a namespace land in the default one too; the setting is the same for every file,
      // and the shell re-checks every open document when it changes.
      index.setDefaultNamespace(options.defaultNamespace);
      return checkAdmission(file, index, { defaultNamespace: options.defaultNamespace });
    },
  };
}

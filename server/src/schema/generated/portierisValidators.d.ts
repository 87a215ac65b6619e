// Types of portierisValidators.js, the validators scripts/build/generateSchemaValidators.mjs compiles from
// schemas/*.json at build time (Ajv standalone code; allErrors, verbose, strict, allowUnionTypes).
import type { ErrorObject } from 'ajv';

/** An Ajv validate function without Ajv: returns whether `data` is valid and leaves the errors on `errors`. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  /** Every error of the last call (allErrors), each with `schema`, `parentSchema` and `data` (verbose). */
  errors?: ErrorObject[] | null;
}

/** schemas/portieris.cloud.ibm.com_v1_imagepolicy.schema.json */
export declare const v1ImagePolicy: PrecompiledValidator;
/** schemas/portieris.cloud.ibm.com_v1_clusterimagepolicy.schema.json */
export declare const v1ClusterImagePolicy: PrecompiledValidator;
/** schemas/securityenforcement.admission.cloud.ibm.com_v1beta1_imagepolicy.schema.json */
export declare const v1beta1Legacy: PrecompiledValidator;

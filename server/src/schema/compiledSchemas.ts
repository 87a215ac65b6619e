import {
  v1beta1Legacy,
  v1ClusterImagePolicy,
  v1ImagePolicy,
  type PrecompiledValidator,
} from './generated/portierisValidators';
import type { PortierisSchemaId, SelectedSchema } from './selectSchema';

/**
 * One validator per schema, compiled at build time (scripts/build/generateSchemaValidators.mjs, Ajv
 * standalone code) instead of on first use: compiling and JIT-ing a schema cost ~130 ms on the first
 * policy of a fresh server, and Ajv itself no longer goes into dist/. The generated validators report
 * exactly what a runtime Ajv with allErrors/verbose/strict/allowUnionTypes reports, `parentSchema`
 * included (test/unit/schema/precompiledValidators.test.ts).
 */
const VALIDATORS: Readonly<Record<PortierisSchemaId, PrecompiledValidator>> = {
  'v1-imagepolicy': v1ImagePolicy,
  'v1-clusterimagepolicy': v1ClusterImagePolicy,
  'v1beta1-legacy': v1beta1Legacy,
};

export function validatorFor(selected: SelectedSchema): PrecompiledValidator {
  return VALIDATORS[selected.id];
}

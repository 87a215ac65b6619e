import Ajv, { type ValidateFunction } from 'ajv';
import type { SelectedSchema, PortierisSchemaId } from './selectSchema';

/**
 * One Ajv instance and one compiled validator per schema, built on first use (compiling costs
 * milliseconds; validating a policy costs microseconds).
 * - allErrors: report every problem in the document, not only the first.
 * - verbose: errors carry `parentSchema`, which names the keys allowed next to an unknown one.
 * - allowUnionTypes: the legacy `simple` is an object or (Portieris 0.6) a list (portieris.md §1.2).
 */
let ajv: Ajv | undefined;
const validators = new Map<PortierisSchemaId, ValidateFunction>();

function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    // Editor-only annotations (VS Code / yaml-language-server); no validation meaning.
    ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  }
  return ajv;
}

export function validatorFor(selected: SelectedSchema): ValidateFunction {
  let validate = validators.get(selected.id);
  if (!validate) {
    validate = getAjv().compile(selected.schema);
    validators.set(selected.id, validate);
  }
  return validate;
}

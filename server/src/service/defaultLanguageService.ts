import { createTrustFeature } from '../trustService/feature';
import { TrustService, type TrustServiceOptions } from '../trustService/trustService';
import { PolicyIndex } from '../workspace/policyIndex';
import {
  admissionValidator,
  policySemanticsValidator,
  schemaValidator,
  workloadImageValidator,
} from './domainValidators';
import { createLanguageService, type LanguageService } from './languageService';
import { readDomainMemos } from './readDomainMemos';
import { portierisSchemaAssist } from './schemaAssist';
import type { WorkspaceModel } from './types';

/**
 * The composition root shared by the LSP server and the CLI: the real validators, workspace index and
 * schema help. Only this file (with `domainValidators.ts`) knows which domain modules exist.
 */
export function createDefaultLanguageService(options: {
  log: (message: string) => void;
  /** Trust lookups: the Notary cache store, environment, test transports. */
  trust?: TrustServiceOptions;
}): LanguageService {
  const index = new PolicyIndex();
  const trust = createTrustFeature(new TrustService(index, options.trust));
  const workspace: WorkspaceModel = {
    update: (file) => index.update(file),
    remove: (uri) => index.remove(uri),
  };
  return createLanguageService({
    validators: [
      schemaValidator,
      workloadImageValidator,
      policySemanticsValidator(index),
      admissionValidator(index),
      trust.validator,
    ],
    trust,
    workspace,
    schema: portierisSchemaAssist,
    readDocument: readDomainMemos,
    log: options.log,
  });
}

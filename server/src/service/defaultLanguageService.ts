import { validateAgainstSchema } from '../schema';
import { createLanguageService, type LanguageService } from './languageService';
import { portierisSchemaAssist } from './schemaAssist';
import type { Validator, WorkspaceModel } from './types';

/**
 * The composition root shared by the LSP server and the CLI: the real validators, workspace index and
 * schema help. Only this file knows which domain modules exist.
 */
export function createDefaultLanguageService(options: { log: (message: string) => void }): LanguageService {
  return createLanguageService({
    validators: [schemaValidator],
    workspace: noWorkspace,
    schema: portierisSchemaAssist,
    log: options.log,
  });
}

const schemaValidator: Validator = {
  name: 'schema',
  validate: (file) => file.documents.flatMap((document) => validateAgainstSchema(document, file.lines)),
};

const noWorkspace: WorkspaceModel = { update: () => false, remove: () => false };

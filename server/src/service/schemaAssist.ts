import { completeSchemaPath, describeSchemaPath } from '../schema';
import type { SchemaAssist } from './types';

/** Hover and completion help from the Portieris CRD schemas (`server/src/schema`). */
export const portierisSchemaAssist: SchemaAssist = {
  describe: (apiVersion, kind, path) => describeSchemaPath(apiVersion, kind, path),
  complete: (apiVersion, kind, path, existingKeys) =>
    completeSchemaPath(apiVersion, kind, path, existingKeys),
};

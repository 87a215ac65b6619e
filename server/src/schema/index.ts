// Public surface of the schema service (portieris.md §1.3, §1.4, §7 item 1).
export { validateAgainstSchema } from './validateAgainstSchema';
export { selectSchema, PORTIERIS_API_VERSION, LEGACY_API_VERSION, POLICY_KINDS } from './selectSchema';
export type { SelectedSchema, PortierisSchemaId, PolicyKind } from './selectSchema';
export { classifyDocument } from './documentType';
export type { DocumentType } from './documentType';
export { describeSchemaPath } from './describeSchemaPath';
export { completeSchemaPath } from './completeSchemaPath';
export type { SchemaCompletion } from './completeSchemaPath';
export type { SchemaNode } from './schemaNode';

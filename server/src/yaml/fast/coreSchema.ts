import { Document } from 'yaml';

/**
 * The schema and options the language server parses with (yamlFile.ts): YAML 1.2 core schema, yaml 2.9.1
 * defaults. Collections are created with this schema, as the library's composer passes `ctx.schema`.
 */
const template = new Document(null, { prettyErrors: false, uniqueKeys: true, strict: true });
export const schema = template.schema;
export const options = template.options;

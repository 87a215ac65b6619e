/**
 * Documents to validate when comparing the build-time validators with a runtime Ajv: every policy document
 * the project ships or tests with (YAML files, YAML blocks in the docs, the benchmark fixture), one
 * document per schema alternative derived from each schema itself (so a new field is covered without
 * editing this file), and invalid variants of all of those: an unknown key in every object, every key
 * removed in turn (missing required), every value replaced by a value of each other type, an unknown
 * enum value, and extra list items.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { policyYaml } from '../../../bench/editorTrust/workspace';
import { makeFixture } from '../../../bench/lsp/fixtures';
import { isSchemaNode, resolveRef, typesOf, type SchemaNode } from '../../../server/src/schema/schemaNode';
import { PROD_POLICY } from '../../helpers/yamlFixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CorpusDocument {
  /** Where it came from and how it was changed, for the failure message. */
  readonly label: string;
  readonly value: Json;
}

const ROOT = join(__dirname, '../../..');
/** Folders whose YAML and Markdown files hold policies (generated and installed trees excluded). */
const SOURCE_DIRS = ['examples', 'docs', 'test', 'schemas'];
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures']);

function filesBelow(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (!SKIPPED_DIRS.has(entry)) filesBelow(path, out);
    } else if (/\.(ya?ml|md)$/.test(entry)) out.push(path);
  }
  return out;
}

/** A Markdown file's ```yaml blocks, or the whole text of a YAML file. */
function yamlTexts(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.md')) return [text];
  return [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

function isPolicy(value: unknown): value is { [key: string]: Json } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const kind: unknown = (value as Record<string, unknown>)['kind'];
  return kind === 'ImagePolicy' || kind === 'ClusterImagePolicy';
}

function policiesIn(label: string, text: string): CorpusDocument[] {
  const found: CorpusDocument[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    if (doc.errors.length > 0) return;
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (isPolicy(value)) found.push({ label: `${label} #${index}`, value });
  });
  return found;
}

/** Every policy document in the repository's YAML files, docs, test helpers and benchmark fixtures. */
export function repositoryPolicies(): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const path of filesBelow(join(ROOT, dir), [])) {
      for (const text of yamlTexts(path)) documents.push(...policiesIn(relative(ROOT, path), text));
    }
  }
  documents.push(...policiesIn('bench/lsp/fixtures.ts', makeFixture('corpus', 1).text));
  documents.push(
    ...policiesIn('bench/editorTrust/workspace.ts', policyYaml('127.0.0.1:5000', 'https://127.0.0.1:4443')),
  );
  documents.push(...policiesIn('test/helpers/yamlFixtures.ts', PROD_POLICY));
  return documents;
}

/** One value per alternative the schema allows at `node`: each type, each enum value, each property's. */
function alternatives(root: SchemaNode, node: SchemaNode | undefined, depth = 0): Json[] {
  const schema = resolveRef(root, node);
  if (!schema || depth > 16) return [null];
  if (schema.const !== undefined) return [schema.const as Json];
  if (schema.enum) return schema.enum.map((value) => value as Json);
  const types = typesOf(schema).length > 0 ? typesOf(schema) : ['object'];
  const values: Json[] = [];
  for (const type of types) {
    if (type === 'object') {
      const properties = Object.entries(schema.properties ?? {});
      const choices = properties.map(([key, sub]) => [key, alternatives(root, sub, depth + 1)] as const);
      const base: { [key: string]: Json } = {};
      for (const [key, options] of choices) base[key] = options[0] ?? null;
      values.push(base);
      for (const [key, options] of choices)
        for (const other of options.slice(1)) values.push({ ...base, [key]: other });
      if (isSchemaNode(schema.additionalProperties)) {
        for (const extra of alternatives(root, schema.additionalProperties, depth + 1)) {
          values.push({ ...base, extraKey: extra });
        }
      }
    } else if (type === 'array') {
      const items = schema.items ? alternatives(root, schema.items, depth + 1) : ['text'];
      values.push([], items.slice(0, 1), items);
    } else if (type === 'string') values.push('text');
    else if (type === 'boolean') values.push(true);
    else if (type === 'number' || type === 'integer') values.push(1);
    else if (type === 'null') values.push(null);
  }
  return values;
}

/** Valid documents built from the schema alone, one per alternative it allows anywhere. */
export function schemaDerivedPolicies(label: string, schema: SchemaNode): CorpusDocument[] {
  return alternatives(schema, schema).map((value, index) => ({
    label: `${label} alternative ${index}`,
    value,
  }));
}

/** Replacements for any value: one of every JSON type, an enum value no schema has, a quoted boolean. */
const REPLACEMENTS: readonly Json[] = [
  null,
  7,
  2.5,
  'bogus-value',
  'true',
  true,
  [],
  {},
  ['text'],
  { k: 'v' },
];
/** Items appended to every list. */
const EXTRA_ITEMS: readonly Json[] = [null, 'text', {}, { unknownKey: 1 }];

type Path = readonly (string | number)[];

/** `value` with the node at `path` replaced by `change(node)` (undefined removes it); copies only the path. */
function changedAt(value: Json, path: Path, change: (node: Json) => Json | undefined): Json | undefined {
  if (path.length === 0) return change(value);
  const [step, ...rest] = path;
  if (Array.isArray(value) && typeof step === 'number') {
    const copy = [...value];
    const child = changedAt(value[step] ?? null, rest, change);
    if (child === undefined) copy.splice(step, 1);
    else copy[step] = child;
    return copy;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof step === 'string') {
    const copy = { ...value };
    const child = changedAt(value[step] ?? null, rest, change);
    if (child === undefined) delete copy[step];
    else copy[step] = child;
    return copy;
  }
  return value;
}

/** Every node of `value` with its path, the root first. */
function nodesOf(value: Json, path: Path, out: [Path, Json][]): [Path, Json][] {
  out.push([path, value]);
  if (Array.isArray(value)) value.forEach((item, index) => nodesOf(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) nodesOf(child, [...path, key], out);
  }
  return out;
}

/** Invalid (and some valid) variants of one document: every change above at every node. */
export function variantsOf(document: CorpusDocument): CorpusDocument[] {
  const variants: CorpusDocument[] = [];
  const add = (what: string, path: Path, change: (node: Json) => Json | undefined): void => {
    const value = changedAt(document.value, path, change);
    if (value !== undefined)
      variants.push({ label: `${document.label}: ${what} at /${path.join('/')}`, value });
  };
  for (const [path, node] of nodesOf(document.value, [], [])) {
    for (const replacement of REPLACEMENTS) add(JSON.stringify(replacement), path, () => replacement);
    if (path.length > 0) add('removed', path, () => undefined);
    if (Array.isArray(node)) {
      for (const item of EXTRA_ITEMS) add(`appended ${JSON.stringify(item)}`, path, () => [...node, item]);
    } else if (typeof node === 'object' && node !== null) {
      add('unknown key', path, () => ({ ...node, unknownKey: 1 }));
    }
  }
  return variants;
}

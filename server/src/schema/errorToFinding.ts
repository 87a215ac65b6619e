import type { ErrorObject } from 'ajv';
import type { Finding, FindingData, JsonValue } from '../diagnostics/finding';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { LineIndex } from '../yaml/lineIndex';
import type { PathStep } from '../yaml/navigate';
import type { PlainValue } from '../yaml/plainValue';
import type { YamlDocument } from '../yaml/yamlFile';
import type { Writable } from '../writable';
import { rangeFor, type RangeTarget } from './findingRange';
import { pathToPointer, pointerToPath } from './jsonPointer';
import { adviseUnknownKey, enumHint, suggestEnumValue } from './schemaHints';
import { isSchemaNode, resolveRef, typesOf, type SchemaNode } from './schemaNode';
import {
  actualTypeName,
  capitalise,
  describeLocation,
  formatAllowed,
  quoted,
  typeName,
} from './schemaMessages';
import type { SelectedSchema } from './selectSchema';

export interface ErrorContext {
  readonly doc: YamlDocument;
  readonly lines: LineIndex;
  readonly value: PlainValue;
  readonly selected: SelectedSchema;
}

interface Mapped {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly path: readonly PathStep[];
  readonly target: RangeTarget;
  readonly allowed?: readonly JsonValue[];
  readonly suggestion?: string;
}

function param(error: ErrorObject, name: string): unknown {
  const params: Record<string, unknown> = error.params;
  return params[name];
}

function stringParam(error: ErrorObject, name: string): string {
  const value = param(error, name);
  return typeof value === 'string' ? value : '';
}

function jsonArray(value: unknown): JsonValue[] {
  return Array.isArray(value) ? value.filter((v): v is JsonValue => v === null || typeof v !== 'object') : [];
}

function parentSchema(error: ErrorObject, root: SchemaNode): SchemaNode | undefined {
  const parent: unknown = error.parentSchema;
  return isSchemaNode(parent) ? resolveRef(root, parent) : undefined;
}

function unknownProperty(error: ErrorObject, path: PathStep[], ctx: ErrorContext): Mapped {
  const key = stringParam(error, 'additionalProperty');
  const allowed = Object.keys(parentSchema(error, ctx.selected.schema)?.properties ?? {});
  const advice = adviseUnknownKey(key, allowed);
  return {
    code: 'schema-unknown-property',
    message: `Unknown key "${key}": Portieris v1 prunes it.${advice.text}`,
    path: [...path, key],
    target: 'key',
    allowed,
    ...(advice.suggestion === undefined ? {} : { suggestion: advice.suggestion }),
  };
}

function wrongType(error: ErrorObject, path: PathStep[], ctx: ErrorContext): Mapped {
  const expected = typesOf(parentSchema(error, ctx.selected.schema));
  const wanted = expected.length > 0 ? expected : stringParam(error, 'type').split(',');
  let hint = '';
  if (wanted.includes('boolean') && (error.data === 'true' || error.data === 'false')) {
    hint = ' Remove the quotes: a quoted value is a string.';
  } else if (error.data === null && wanted.includes('object')) {
    hint =
      ctx.selected.kind === 'ClusterImagePolicy' && path[path.length - 1] === 'policy'
        ? ' On ClusterImagePolicy the CRD does not allow an empty "policy" (ImagePolicy does): omit the key or write {}.'
        : typeof path[path.length - 1] === 'number'
          ? ' An empty list item is null: fill it in or remove it.'
          : ' An empty value is null here: omit the key or write {}.';
  }
  return {
    code: 'schema-invalid-type',
    message: `${capitalise(describeLocation(path))} must be ${wanted.map(typeName).join(' or ')}, not ${actualTypeName(error.data)}.${hint}`,
    path,
    target: 'value',
    allowed: wanted,
  };
}

function invalidValue(error: ErrorObject, path: PathStep[]): Mapped {
  const allowed =
    error.keyword === 'const'
      ? jsonArray([param(error, 'allowedValue')])
      : jsonArray(param(error, 'allowedValues'));
  const suggestion = suggestEnumValue(
    error.data,
    allowed.filter((v): v is string => typeof v === 'string'),
  );
  const hint = suggestion === undefined ? '' : enumHint(error.data, suggestion);
  return {
    code: 'schema-invalid-value',
    message: `${quoted(error.data)} is not one of: ${formatAllowed(allowed)}.${hint}`,
    path,
    target: 'value',
    allowed,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

function missingProperty(error: ErrorObject, path: PathStep[], ctx: ErrorContext): Mapped {
  const missing = stringParam(error, 'missingProperty');
  const root = ctx.selected.schema;
  const property = resolveRef(root, parentSchema(error, root)?.properties?.[missing]);
  const allowed = jsonArray(property?.enum);
  const choices = allowed.length > 0 ? ` (one of: ${formatAllowed(allowed)})` : '';
  return {
    code: 'schema-missing-property',
    message: `Missing required key "${missing}" in ${describeLocation(path)}${choices}.`,
    path: [...path, missing],
    target: 'container',
    ...(allowed.length > 0 ? { allowed } : {}),
  };
}

function mapError(error: ErrorObject, ctx: ErrorContext): Mapped {
  const path = pointerToPath(error.instancePath, ctx.value);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownProperty(error, path, ctx);
    case 'type':
      return wrongType(error, path, ctx);
    case 'enum':
    case 'const':
      return invalidValue(error, path);
    case 'required':
      return missingProperty(error, path, ctx);
    default:
      return {
        code: 'schema-violation',
        message: `${capitalise(describeLocation(path))} ${error.message ?? 'does not match the schema'}.`,
        path,
        target: 'value',
      };
  }
}

/** One Ajv error as a Finding on the exact YAML range (key, value, or the parent's key). */
export function errorToFinding(error: ErrorObject, ctx: ErrorContext): Finding {
  const mapped = mapError(error, ctx);
  // A missing key has no node: its range is the container's, i.e. the path without the last step.
  const rangePath = mapped.target === 'container' ? mapped.path.slice(0, -1) : mapped.path;
  const data: Writable<FindingData> = {
    path: pathToPointer(mapped.path),
    schemaKeyword: error.keyword,
  };
  if (mapped.allowed)
    data['allowed'] = mapped.allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (mapped.suggestion !== undefined) data['suggestion'] = mapped.suggestion;
  return {
    code: mapped.code,
    // The v1beta1 CRD validated nothing: the API server stores anything (portieris.md §1.1).
    severity: ctx.selected.legacy ? 'warning' : 'error',
    message: mapped.message,
    range: rangeFor(ctx.doc, ctx.lines, rangePath, mapped.target),
    data,
  };
}

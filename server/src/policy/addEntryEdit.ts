import type { Range } from '../diagnostics/finding';
import type { ListInsertion, PolicyObject } from './types';

export interface TextEditData {
  readonly range: Range;
  readonly newText: string;
}

/** The edit that appends `{ name: entryName }` to the policy's `spec.repositories`, in the list's own style. */
export function addEntryEdit(policy: PolicyObject, entryName: string): TextEditData | undefined {
  const insertion = policy.insertion;
  if (!insertion) return undefined;
  return {
    range: { start: insertion.position, end: insertion.position },
    newText: entryText(insertion, entryName),
  };
}

function entryText(insertion: ListInsertion, name: string): string {
  switch (insertion.style) {
    case 'block': {
      const line = `${insertion.indent}- name: ${yamlScalar(name)}`;
      return insertion.atLineStart ? `${line}${insertion.eol}` : `${insertion.eol}${line}`;
    }
    case 'block-after-key':
      return `${insertion.eol}${insertion.indent}- name: ${yamlScalar(name)}`;
    case 'flow': {
      const item = insertion.json
        ? `{"name": ${JSON.stringify(name)}}`
        : insertion.spaced
          ? `{ name: ${yamlScalar(name)} }`
          : `{name: ${yamlScalar(name)}}`;
      return insertion.empty ? item : `, ${item}`;
    }
  }
}

/**
 * A plain scalar when that reads back as the same string in block and flow context, else double-quoted
 * (JSON string syntax is valid YAML). Image references are nearly always plain-safe.
 */
export function yamlScalar(value: string): string {
  const plainSafe =
    /^[A-Za-z0-9_.\-/][A-Za-z0-9_.\-/:@*]*$/.test(value) &&
    !value.endsWith(':') &&
    !/^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._:eExXoObB+-]*)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

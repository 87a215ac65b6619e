import type { Range, TextEdit } from './types';

/**
 * The payload an `admission-denied` finding carries in `data` (written by `server/src/policy`): the edit
 * that adds a repository entry to the policy that applies. The client echoes it back untouched, but it
 * crossed a process boundary, so it is checked field by field before use.
 */
export interface AddRepositoryFixData {
  readonly policyUri: string;
  readonly edit: TextEdit;
  readonly entryName: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Range['start'] {
  return (
    isRecord(value) &&
    Number.isInteger(value.line) &&
    Number.isInteger(value.character) &&
    (value.line as number) >= 0 &&
    (value.character as number) >= 0
  );
}

export function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

export function isAddRepositoryFixData(value: unknown): value is AddRepositoryFixData {
  if (!isRecord(value)) return false;
  const edit = value.edit;
  return (
    typeof value.policyUri === 'string' &&
    typeof value.entryName === 'string' &&
    isRecord(edit) &&
    isRange(edit.range) &&
    typeof edit.newText === 'string'
  );
}

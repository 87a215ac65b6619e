import type { DiagnosticCode } from '../diagnostics/codes';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/codes';
import { isAddRepositoryFixData } from './quickFixData';
import type { CodeActionResult, DiagnosticRef } from './types';

/**
 * Builds the fixes for one diagnostic from its `data` alone: never from the message, never over the
 * network (style-anchors principle 7). One builder per code; codes without a builder have no fix.
 */
type FixBuilder = (diagnostic: DiagnosticRef, index: number) => CodeActionResult[];

const addRepositoryEntry: FixBuilder = (diagnostic, index) => {
  if (!isAddRepositoryFixData(diagnostic.data)) return [];
  const { policyUri, edit, entryName } = diagnostic.data;
  return [
    {
      title: `Allow "${entryName}" in the policy`,
      kind: 'quickfix',
      fixes: [index],
      edits: [{ uri: policyUri, edits: [edit] }],
      isPreferred: true,
    },
  ];
};

// A Map, not an object literal: the code comes from the client and must not reach Object.prototype.
const FIX_BUILDERS: ReadonlyMap<string, FixBuilder> = new Map<DiagnosticCode, FixBuilder>([
  ['admission-denied', addRepositoryEntry],
]);

export function codeActionsFor(diagnostics: readonly DiagnosticRef[]): CodeActionResult[] {
  return diagnostics.flatMap((diagnostic, index) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return [];
    const builder = FIX_BUILDERS.get(diagnostic.code);
    return builder ? builder(diagnostic, index) : [];
  });
}

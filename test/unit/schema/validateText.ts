import type { Finding } from '../../../server/src/diagnostics/finding';
import { validateAgainstSchema } from '../../../server/src/schema/validateAgainstSchema';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';

/** Parses `text` and validates document `index` (default the first); asserts it parsed cleanly. */
export function validateText(text: string, index = 0): Finding[] {
  const file = parseYamlFile('file:///policy.yaml', 1, text);
  const doc = file.documents[index];
  if (!doc) throw new Error(`no document ${index}`);
  if (doc.errors.length > 0) throw new Error(`YAML errors: ${doc.errors.map((e) => e.message).join('; ')}`);
  return validateAgainstSchema(doc, file.lines);
}

/** A compact "line:char-line:char" form of a finding's range, for exact assertions. */
export function at(finding: Finding | undefined): string {
  if (!finding) return 'none';
  const { start, end } = finding.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

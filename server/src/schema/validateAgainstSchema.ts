import type { Finding } from '../diagnostics/finding';
import type { LineIndex } from '../yaml/lineIndex';
import { asMap, asString, getField } from '../yaml/navigate';
import { toPlainValue } from '../yaml/plainValue';
import type { YamlDocument } from '../yaml/yamlFile';
import { validatorFor } from './compiledSchemas';
import { dedupeErrors } from './dedupeErrors';
import { classifyDocument, type DocumentType } from './documentType';
import { errorToFinding } from './errorToFinding';
import { rangeFor } from './findingRange';
import { POLICY_KINDS } from './selectSchema';

/**
 * Structural checks of one YAML document against the Portieris CRD schemas (portieris.md §1.3, §1.4).
 * Documents that are not Portieris policies (other kinds, Sigstore/OpenShift ClusterImagePolicy) give [].
 * Semantics (matching, reachability, trust servers) belong to the policy checks, not here.
 */
export function validateAgainstSchema(doc: YamlDocument, lines: LineIndex): Finding[] {
  const root = asMap(doc, doc.root);
  if (!root) return [];
  const apiVersion = asString(doc, getField(doc, root, 'apiVersion'));
  const kind = asString(doc, getField(doc, root, 'kind'));
  const type = classifyDocument(apiVersion, kind);
  if (!type) return [];
  const findings = typeFindings(doc, lines, type, apiVersion, kind);
  const selected = type.selected;
  if (!selected) return findings;

  const plain = toPlainValue(doc, doc.root);
  if (!plain.ok) {
    const what = plain.reason === 'alias-limit' ? 'too many alias expansions' : 'nesting too deep';
    findings.push({
      code: 'yaml-alias-limit',
      severity: 'warning',
      message: `The policy was not checked against its schema: ${what}.`,
      range: lines.rangeOf(plain.offset, plain.offset),
    });
    return findings;
  }
  // Near misses are validated as the kind they most likely meant; apiVersion/kind were reported above.
  const value =
    plain.value !== null && typeof plain.value === 'object' && !Array.isArray(plain.value)
      ? { ...plain.value, apiVersion: selected.apiVersion, kind: selected.kind }
      : plain.value;
  const validate = validatorFor(selected);
  if (validate(value)) return findings;
  const context = { doc, lines, value, selected };
  for (const error of dedupeErrors(validate.errors ?? [])) findings.push(errorToFinding(error, context));
  return findings.sort(byPosition);
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Findings for a near-miss apiVersion (e.g. `sportieris.cloud.ibm.com/v1`, §1.3) or a wrong kind. */
function typeFindings(
  doc: YamlDocument,
  lines: LineIndex,
  type: DocumentType,
  apiVersion: string | undefined,
  kind: string | undefined,
): Finding[] {
  const findings: Finding[] = [];
  if (type.apiVersionFix !== undefined) {
    findings.push({
      code: 'schema-invalid-value',
      severity: 'error',
      message: `Unknown apiVersion "${apiVersion ?? ''}" for ${kind ?? 'this kind'}. Did you mean "${type.apiVersionFix}"?`,
      range: rangeFor(doc, lines, ['apiVersion'], 'value'),
      data: {
        path: '/apiVersion',
        schemaKeyword: 'const',
        allowed: [type.apiVersionFix],
        suggestion: type.apiVersionFix,
      },
    });
  }
  if (type.kindProblem) {
    const suggestion = type.kindProblem.suggestion;
    findings.push({
      code: 'schema-invalid-value',
      severity: 'error',
      message:
        `"${kind ?? ''}" is not one of: ${POLICY_KINDS.join(', ')}.` +
        (suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`),
      range: rangeFor(doc, lines, ['kind'], 'value'),
      data: {
        path: '/kind',
        schemaKeyword: 'enum',
        allowed: [...POLICY_KINDS],
        ...(suggestion === undefined ? {} : { suggestion }),
      },
    });
  }
  return findings;
}

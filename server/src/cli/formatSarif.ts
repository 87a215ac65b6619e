import { CODE_DESCRIPTIONS } from '../diagnostics/codeDescriptions';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE } from '../diagnostics/codes';
import type { Severity } from '../diagnostics/finding';
import type { FileFinding } from './formatFindings';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** Forward slashes and percent-encoding, so a relative path is a valid SARIF `uri` on every platform. */
function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * `--format sarif`: one SARIF 2.1.0 run (OASIS SARIF v2.1.0 §3.13): every diagnostic code is a rule
 * (stable `ruleIndex` = its place in DIAGNOSTIC_CODES), every finding a result with a physical location.
 * Columns are 1-based UTF-16 code units (SARIF's default `columnKind`), like LSP characters + 1; the end
 * column is the one after the last character.
 */
export function formatSarif(findings: readonly FileFinding[], version: string): string {
  const rules = DIAGNOSTIC_CODES.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: CODE_DESCRIPTIONS[code] },
  }));
  const results = findings.map(({ file, finding }) => ({
    ruleId: finding.code,
    ruleIndex: DIAGNOSTIC_CODES.indexOf(finding.code),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.range.start.line + 1,
            startColumn: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
          },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: DIAGNOSTIC_SOURCE,
            version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

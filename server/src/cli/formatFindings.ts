import type { DiagnosticCode } from '../diagnostics/codes';
import type { Finding, Range, Severity } from '../diagnostics/finding';

/** A finding with the file it belongs to, as the CLI prints it. */
export interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

/** One element of `--format json`: ranges stay LSP-shaped (0-based, end-exclusive) for tools. */
export interface JsonFinding {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
}

/** `path:line:col: severity code message`, 1-based like compilers, so editors and CI can jump to it. */
export function formatText(findings: readonly FileFinding[]): string {
  return findings
    .map(({ file, finding }) => {
      const { line, character } = finding.range.start;
      return `${file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code} ${oneLine(finding.message)}\n`;
    })
    .join('');
}

export function formatJson(findings: readonly FileFinding[]): string {
  const items: JsonFinding[] = findings.map(({ file, finding }) => ({
    file,
    range: finding.range,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  }));
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** Keeps one finding per line: multi-line messages would break `grep` and problem matchers. */
function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

export function summary(findings: readonly FileFinding[], fileCount: number): string {
  const count = (severity: Severity): number =>
    findings.filter((f) => f.finding.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')} in ${plural(fileCount, 'file')}\n`;
}

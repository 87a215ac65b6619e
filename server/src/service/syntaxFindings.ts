import type { DiagnosticCode } from '../diagnostics/codes';
import type { Finding } from '../diagnostics/finding';
import type { YamlFile } from '../yaml/yamlFile';

type SkipReason = NonNullable<YamlFile['skipped']>['reason'];

const SKIP_CODES: Record<SkipReason, DiagnosticCode> = {
  'too-large': 'file-too-large',
  binary: 'file-binary',
  'parser-failure': 'yaml-syntax',
};

/**
 * Findings about the file as YAML: one finding when it was not parsed at all (too large, binary, parser
 * failure), else one per syntax error, each on its own document so the other documents are still checked.
 */
export function syntaxFindings(file: YamlFile): Finding[] {
  if (file.skipped) {
    const start = { line: 0, character: 0 };
    return [
      {
        code: SKIP_CODES[file.skipped.reason],
        severity: file.skipped.reason === 'parser-failure' ? 'error' : 'warning',
        message: file.skipped.message,
        range: { start, end: start },
      },
    ];
  }
  return file.documents.flatMap((document) =>
    document.errors.map((error): Finding => ({
      code: 'yaml-syntax',
      severity: 'error',
      message: error.message,
      range: file.lines.rangeOf(error.start, error.end),
    })),
  );
}

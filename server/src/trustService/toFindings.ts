import type { Finding, FindingData } from '../diagnostics/finding';
import type { WorkloadImage } from '../kube';
import type { TrustIssue } from '../verdict';
import type { YamlFile } from '../yaml/yamlFile';
import type { SeverityOverride } from '../../../shared/trustSettings';
import { withFields } from '../withFields';

/**
 * How a pin edit writes the new value so that only the image scalar changes: the same quotes, nothing
 * else touched. Block scalars, aliases and anchored values get no edit (the text is shared or spans lines).
 */
export type PinQuote = 'plain' | 'single' | 'double';

export function pinQuoteOf(found: WorkloadImage): PinQuote | undefined {
  if (found.viaAlias || found.anchored) return undefined;
  if (found.style === 'PLAIN') return 'plain';
  if (found.style === 'QUOTE_SINGLE') return 'single';
  if (found.style === 'QUOTE_DOUBLE') return 'double';
  return undefined;
}

/**
 * A trust issue placed on its image. `data` gets what a quick fix needs, so fixes never fetch:
 * `written` (the exact source text of the value, quotes included: the fix applies only if the text is
 * still this), `quote` (or null when no edit can be made) and `uri`.
 */
export function toFinding(
  file: YamlFile,
  found: WorkloadImage,
  issue: TrustIssue,
  overrides: Readonly<Record<string, SeverityOverride>>,
): Finding | undefined {
  const override = overrides[issue.code];
  if (override === 'off') return undefined;
  const data: FindingData = withFields(issue.data, {
    uri: file.uri,
    written: file.text.slice(found.start, found.end),
    quote: pinQuoteOf(found) ?? null,
  });
  return {
    code: issue.code,
    severity: override ?? issue.severity,
    message: issue.message,
    range: file.lines.rangeOf(found.start, found.end),
    data,
  };
}

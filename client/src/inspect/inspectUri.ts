import type { InspectFormat } from '../../../shared/trustView';

/** The read-only inspect documents' URI scheme (a TextDocumentContentProvider serves it). */
export const INSPECT_SCHEME = 'image-trust-inspect';

export interface InspectTarget {
  readonly image: string;
  readonly format: InspectFormat;
}

/**
 * The path shown as the editor title: `<image> (trust).txt` or `.json`, so VS Code picks plain text or
 * JSON highlighting; the query carries the exact image and format.
 */
export function inspectPath(target: InspectTarget): string {
  const safe = target.image.replace(/[/\\]/g, '_');
  return `/${safe} trust.${target.format === 'json' ? 'json' : 'txt'}`;
}

export function inspectQuery(target: InspectTarget): string {
  return new URLSearchParams({ image: target.image, format: target.format }).toString();
}

export function parseInspectQuery(query: string): InspectTarget | undefined {
  const params = new URLSearchParams(query);
  const image = params.get('image');
  const format = params.get('format');
  if (!image || (format !== 'pretty' && format !== 'json')) return undefined;
  return { image, format };
}

/** The text of an inspect document that could not be produced (shown instead of a modal). */
export function inspectFailureText(target: InspectTarget, message: string): string {
  return `Could not inspect ${target.image}\n\n${message}\n`;
}

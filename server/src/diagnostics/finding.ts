import type { DiagnosticCode } from './codes';
import { EMPTY_LIST } from '../emptyList';

/** A zero-based line/character position, structurally identical to LSP's `Position`. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A zero-based, end-exclusive range, structurally identical to LSP's `Range`. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * One problem found by a service. The LSP shell turns it into a `Diagnostic` and the CLI into a line;
 * `code` is stable and `data` carries whatever a code action needs, so fixes never parse `message`.
 */
export interface Finding {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: FindingData;
  /** Marks e.g. an entry that can never win as unnecessary (rendered faded). */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** JSON-serialisable payload attached to a finding; each producer documents its own shape. */
/**
 * The one empty list of findings, frozen: most documents get none from most checks, and a large file would
 * otherwise keep thousands of empty arrays (documentFindingsCache.ts, the image and trust checks).
 */
export const NO_FINDINGS: readonly Finding[] = EMPTY_LIST;

export type FindingData = { readonly [key: string]: JsonValue };
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

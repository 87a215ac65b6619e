import { DIAGNOSTIC_SOURCE } from '../diagnostics/codes';
import type { Finding, Range } from '../diagnostics/finding';
import { isRange } from '../service/quickFixData';
import type { CodeActionResult, DiagnosticRef, TextEdit } from '../service/types';
import { shortDigest } from '../verdict';
import type { YamlFile } from '../yaml/yamlFile';
import type { PinStyleSetting } from '../../../shared/trustSettings';
import type { PinQuote } from './toFindings';

/** The part of a trust diagnostic's `data` a pin fix reads (written by `toFinding`); checked field by field. */
interface PinFixData {
  readonly pin: { readonly portieris: string; readonly renovate: string };
  readonly written: string;
  readonly quote: PinQuote;
  readonly signedDigest: string;
}

const PIN_CODES: ReadonlySet<string> = new Set([
  'trust-signed',
  'trust-tag-moved',
  'trust-digest-not-signed',
  'trust-unavailable',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DIGEST_VALUE = /^[^\s'"#]+@sha256:[a-f0-9]{64}$/;

function isPinFixData(value: unknown): value is PinFixData {
  if (!isRecord(value) || !isRecord(value.pin)) return false;
  const { pin } = value;
  return (
    typeof pin.portieris === 'string' &&
    DIGEST_VALUE.test(pin.portieris) &&
    typeof pin.renovate === 'string' &&
    DIGEST_VALUE.test(pin.renovate) &&
    typeof value.written === 'string' &&
    typeof value.signedDigest === 'string' &&
    (value.quote === 'plain' || value.quote === 'single' || value.quote === 'double')
  );
}

/** The new scalar text, quoted as the old one was (YAML single quotes double `'`; double quotes are JSON-safe here). */
function quoted(value: string, quote: PinQuote): string {
  if (quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (quote === 'double') return JSON.stringify(value);
  return value;
}

/**
 * The edit pinning one image: only the scalar's own text is replaced, and only when the document still
 * holds exactly the text the diagnostic was made for (so a stale diagnostic never edits the wrong
 * thing). Undefined when it is already pinned so (idempotent).
 */
function pinEdit(
  file: YamlFile,
  range: Range,
  data: PinFixData,
  style: PinStyleSetting,
): TextEdit | undefined {
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  if (file.text.slice(start, end) !== data.written) return undefined;
  const newText = quoted(data.pin[style], data.quote);
  if (newText === data.written) return undefined;
  return { range: { start: range.start, end: range.end }, newText };
}

/**
 * Quick fixes of trust diagnostics, from their `data` only (no network): pin this image to its signed
 * digest (re-pin when the pinned digest is no longer the signed one), and pin every image of the file
 * that has a signed digest, from the trust findings last published for it.
 */
export function trustCodeActions(
  file: YamlFile,
  diagnostics: readonly DiagnosticRef[],
  published: readonly Finding[],
  style: PinStyleSetting,
): CodeActionResult[] {
  const actions: CodeActionResult[] = [];
  const fixed: number[] = [];
  diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return;
    if (!PIN_CODES.has(diagnostic.code) || !isRange(diagnostic.range) || !isPinFixData(diagnostic.data))
      return;
    const edit = pinEdit(file, diagnostic.range, diagnostic.data, style);
    if (!edit) return;
    fixed.push(index);
    const verb = diagnostic.code === 'trust-digest-not-signed' ? 'Re-pin' : 'Pin';
    actions.push({
      title: `${verb} to the signed digest ${shortDigest(diagnostic.data.signedDigest.replace(/^sha256:/, ''))}`,
      kind: 'quickfix',
      fixes: [index],
      edits: [{ uri: file.uri, edits: [edit] }],
      isPreferred: diagnostic.code !== 'trust-signed',
    });
  });
  if (fixed.length === 0) return actions;

  const all = new Map<string, TextEdit>();
  for (const finding of published) {
    if (!PIN_CODES.has(finding.code) || !isPinFixData(finding.data)) continue;
    const edit = pinEdit(file, finding.range, finding.data, style);
    if (edit) all.set(`${edit.range.start.line}:${edit.range.start.character}`, edit);
  }
  if (all.size > 1) {
    actions.push({
      title: `Pin every image in this file to its signed digest (${all.size})`,
      kind: 'quickfix',
      fixes: fixed,
      edits: [{ uri: file.uri, edits: [...all.values()] }],
    });
  }
  return actions;
}

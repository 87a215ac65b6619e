import { closestMatch } from './editDistance';

/**
 * Names from the Portieris docs (POLICIES.md Table 2, containers-policy.json names) that the v1 CRD enum
 * rejects, mapped to the CRD name (portieris.md §1.3 "Docs and CRD disagree on enum names").
 */
const DOC_ENUM_NAMES: Record<string, string> = {
  exactReference: 'matchExactReference',
  exactRepository: 'matchExactRepository',
  matchRepoDigestOrExact: '',
};

/** The allowed value an author most likely meant. */
export function suggestEnumValue(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const documented = DOC_ENUM_NAMES[value];
  if (documented !== undefined && allowed.includes(documented)) return documented;
  return closestMatch(
    value,
    allowed.filter((candidate) => candidate !== ''),
  );
}

export function enumHint(value: unknown, suggestion: string): string {
  const fromDocs = typeof value === 'string' && DOC_ENUM_NAMES[value] === suggestion;
  const shown = suggestion === '' ? '"" (or leave type empty)' : `"${suggestion}"`;
  return fromDocs
    ? ` Did you mean ${shown}? The docs use the containers-policy.json name; the CRD accepts only its own names.`
    : ` Did you mean ${shown}?`;
}

/** Keys moved or renamed between versions (portieris.md §1.2, §1.3), with the advice to give. */
const KEY_HINTS: Record<string, { readonly suggestion: string; readonly note: string }> = {
  va: {
    suggestion: 'vulnerability',
    note: ' The v1beta1 switch va.enabled became vulnerability.ICCRVA.enabled.',
  },
  // The 0.5.0 default policy template had this typo (portieris.md §1.3).
  policies: { suggestion: 'policy', note: '' },
};

/** Placement hints for keys that exist, but somewhere else (issue #26: no spec-level trustServer). */
const MISPLACED_KEYS: Record<string, string> = {
  trustServer: 'repositories[].policy.trust',
  mutateImage: 'repositories[].policy',
  trust: 'repositories[].policy',
  simple: 'repositories[].policy',
  vulnerability: 'repositories[].policy',
};

export interface UnknownKeyAdvice {
  readonly suggestion?: string;
  readonly text: string;
}

export function adviseUnknownKey(key: string, allowed: readonly string[]): UnknownKeyAdvice {
  const known = KEY_HINTS[key];
  if (known && allowed.includes(known.suggestion)) {
    return { suggestion: known.suggestion, text: ` Did you mean "${known.suggestion}"?${known.note}` };
  }
  const suggestion = closestMatch(key, allowed);
  if (suggestion !== undefined) return { suggestion, text: ` Did you mean "${suggestion}"?` };
  const home = MISPLACED_KEYS[key];
  if (home !== undefined) return { text: ` "${key}" belongs under ${home}.` };
  return { text: allowed.length > 0 ? ` Allowed here: ${allowed.join(', ')}.` : '' };
}

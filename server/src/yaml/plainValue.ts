import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { keyText, resolveAlias } from './navigate';
import type { YamlDocument } from './yamlFile';

export interface PlainValueLimits {
  /** Alias expansions allowed in one conversion: stops "billion laughs" documents. */
  readonly maxAliasExpansions: number;
  /** Nesting depth allowed: stops recursive aliases and pathological nesting. */
  readonly maxDepth: number;
}

export const DEFAULT_PLAIN_VALUE_LIMITS: PlainValueLimits = { maxAliasExpansions: 200, maxDepth: 100 };

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

export type PlainValueResult =
  | { readonly ok: true; readonly value: PlainValue }
  | { readonly ok: false; readonly reason: 'alias-limit' | 'depth-limit'; readonly offset: number };

/**
 * Converts a YAML node to a plain JSON-like value for JSON Schema validation. Unlike `toJS()`, the result
 * is always a finite tree (never circular), aliases are expanded within a budget, and the walk is bounded.
 */
export function toPlainValue(
  doc: YamlDocument,
  node: unknown,
  limits: PlainValueLimits = DEFAULT_PLAIN_VALUE_LIMITS,
): PlainValueResult {
  let aliasBudget = limits.maxAliasExpansions;
  let failure: { reason: 'alias-limit' | 'depth-limit'; offset: number } | undefined;

  const convert = (value: unknown, depth: number): PlainValue => {
    if (failure) return null;
    let current = value;
    if (isAlias(current)) {
      if (--aliasBudget < 0) {
        failure = { reason: 'alias-limit', offset: current.range?.[0] ?? 0 };
        return null;
      }
      current = resolveAlias(doc, current);
    }
    if (depth > limits.maxDepth) {
      failure = {
        reason: 'depth-limit',
        offset: isScalar(current) || isMap(current) || isSeq(current) ? (current.range?.[0] ?? 0) : 0,
      };
      return null;
    }
    if (isScalar(current)) {
      const v = current.value;
      if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
      if (typeof v === 'bigint') return Number(v);
      // Dates, Uint8Arrays and other YAML-1.1 types: validate them by their source text.
      return current.source ?? JSON.stringify(v) ?? '';
    }
    if (isSeq(current)) return current.items.map((item) => convert(item, depth + 1));
    if (isMap(current)) {
      const out: { [key: string]: PlainValue } = {};
      // A map's items are always pairs (yaml's YAMLMap<K, V>.items: Pair<K, V>[]).
      for (const item of current.items) {
        const key = keyText(item);
        if (key === undefined) continue;
        out[key] = convert(item.value, depth + 1);
      }
      return out;
    }
    return null;
  };

  const value = convert(node, 0);
  return failure ? { ok: false, ...failure } : { ok: true, value };
}

import type { Alias, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { keyText, resolveAlias } from './navigate';
import { ALIAS_TAG, MAP_TAG, SCALAR_TAG, SEQ_TAG, nodeTag } from './nodeTag';
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
  const walk = new PlainValueWalk(doc, limits);
  const value = walk.convert(node, 0);
  return walk.failure ? { ok: false, ...walk.failure } : { ok: true, value };
}

/**
 * One conversion's state. A class with plain loops rather than closures and `map`: every policy document of
 * a file is converted on its first check, ~35 nodes each (1,000 documents of the 42,000-line benchmark file:
 * 12 → 8 ms, bench/notes.md).
 */
class PlainValueWalk {
  failure: { reason: 'alias-limit' | 'depth-limit'; offset: number } | undefined = undefined;
  private aliasBudget: number;
  private readonly maxDepth: number;

  constructor(
    private readonly doc: YamlDocument,
    limits: PlainValueLimits,
  ) {
    this.aliasBudget = limits.maxAliasExpansions;
    this.maxDepth = limits.maxDepth;
  }

  convert(value: unknown, depth: number): PlainValue {
    if (this.failure) return null;
    let current = value;
    let type = nodeTag(current);
    if (type === ALIAS_TAG) {
      if (--this.aliasBudget < 0) {
        this.failure = { reason: 'alias-limit', offset: (current as Alias).range?.[0] ?? 0 };
        return null;
      }
      current = resolveAlias(this.doc, current as Alias);
      type = nodeTag(current);
    }
    if (depth > this.maxDepth) {
      this.failure = {
        reason: 'depth-limit',
        offset:
          type === SCALAR_TAG || type === MAP_TAG || type === SEQ_TAG
            ? ((current as Scalar).range?.[0] ?? 0)
            : 0,
      };
      return null;
    }
    if (type === SCALAR_TAG) return scalarValue(current as Scalar);
    if (type === SEQ_TAG) {
      const items = (current as YAMLSeq).items;
      const out: PlainValue[] = [];
      for (let i = 0; i < items.length; i++) out.push(this.convert(items[i], depth + 1));
      return out;
    }
    if (type === MAP_TAG) {
      const out: { [key: string]: PlainValue } = {};
      // A map's items are always pairs (yaml's YAMLMap<K, V>.items: Pair<K, V>[]).
      const items = (current as YAMLMap).items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const key = keyText(item);
        if (key !== undefined) out[key] = this.convert(item.value, depth + 1);
      }
      return out;
    }
    return null;
  }
}

function scalarValue(scalar: Scalar): PlainValue {
  const v = scalar.value;
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  // Dates, Uint8Arrays and other YAML-1.1 types: validate them by their source text.
  return scalar.source ?? JSON.stringify(v) ?? '';
}

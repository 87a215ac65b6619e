import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { YamlFile } from '../../../server/src/yaml/yamlFile';

/** A plain, comparable picture of a syntax tree: node kinds, all three range offsets, values and styles. */
export function nodeSnapshot(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isPair(node)) return { pair: [nodeSnapshot(node.key), nodeSnapshot(node.value)] };
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      range: node.range ? [...node.range] : null,
      flow: node.flow ?? false,
      items: node.items.map((item: unknown) => nodeSnapshot(item)),
    };
  }
  if (isScalar(node)) {
    return {
      kind: 'scalar',
      range: node.range ? [...node.range] : null,
      type: node.type ?? null,
      value: typeof node.value === 'bigint' ? `${node.value}n` : node.value,
    };
  }
  if (isAlias(node))
    return { kind: 'alias', source: node.source, range: node.range ? [...node.range] : null };
  return { kind: 'unknown' };
}

/** Every document of a parsed file: offsets, syntax errors and tree. */
export function fileSnapshot(file: YamlFile): unknown {
  return {
    skipped: file.skipped ?? null,
    documents: file.documents.map((doc) => ({
      index: doc.index,
      start: doc.start,
      end: doc.end,
      errors: doc.errors.map((e) => [e.yamlCode, e.start, e.end]),
      root: nodeSnapshot(doc.root),
    })),
  };
}

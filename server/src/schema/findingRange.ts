import { isMap, isPair } from 'yaml';
import type { Range } from '../diagnostics/finding';
import type { LineIndex } from '../yaml/lineIndex';
import { keyOffsets, nodeAtPath, nodeOffsets, type PathStep } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';

/** Where a schema finding goes. Offsets come from the YAML nodes, so flow style (`{a: 1}`) works too. */
export type RangeTarget = 'key' | 'value' | 'container';

function documentStart(doc: YamlDocument): [number, number] {
  return [doc.start, doc.start];
}

/**
 * - key: the key of the pair at `path` (an unknown property);
 * - value: the value at `path` (wrong type, enum or const), or its key when the value is empty (`policy:`);
 * - container: the key of the pair holding the map at `path`, else the map's first key (a missing property).
 */
export function rangeFor(
  doc: YamlDocument,
  lines: LineIndex,
  path: readonly PathStep[],
  target: RangeTarget,
): Range {
  const found = nodeAtPath(doc, path);
  let offsets: [number, number] | undefined;
  if (found) {
    const keyRange = found.pair ? keyOffsets(found.pair) : undefined;
    if (target === 'key') offsets = keyRange;
    else if (target === 'value') {
      const valueRange = nodeOffsets(found.node);
      offsets = valueRange && valueRange[1] > valueRange[0] ? valueRange : (keyRange ?? valueRange);
    } else {
      offsets = keyRange ?? firstKeyOffsets(found.node) ?? nodeOffsets(found.node);
    }
  }
  const [start, end] = offsets ?? documentStart(doc);
  return lines.rangeOf(start, end);
}

function firstKeyOffsets(node: unknown): [number, number] | undefined {
  if (!isMap(node)) return undefined;
  const first = node.items[0];
  return isPair(first) ? keyOffsets(first) : undefined;
}

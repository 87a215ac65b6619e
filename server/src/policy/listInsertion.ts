import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { nodeOffsets, resolveNode } from '../yaml/navigate';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import type { ListInsertion } from './types';

/**
 * Where a quick fix appends a repository entry to `spec.repositories`, keeping the list's style: a block list
 * gets a new `- name:` line at the items' indentation, a flow list (`[]` included) a `{name: …}` item.
 * Computed when the policy is read, because the fix is applied from another file's diagnostic.
 */
export function listInsertion(
  file: YamlFile,
  doc: YamlDocument,
  pair: Pair | undefined,
): ListInsertion | undefined {
  if (!pair) return undefined;
  // The policy's own document decides (not the whole file): reads are memoised per document, and a
  // 1 MB file would otherwise be scanned once per policy.
  const eol = doc.chunk.text.includes('\r\n') ? '\r\n' : '\n';
  const node = resolveNode(doc, pair.value);
  if (isSeq(node) && !node.flow) return blockInsertion(file, node.range, eol);
  if (isSeq(node)) return flowInsertion(file, node.items, node.range);
  const valueRange = nodeOffsets(pair.value);
  const keyRange = nodeOffsets(pair.key);
  // `repositories:` with nothing after it: a null with no source text.
  if (isScalar(node) && node.value === null && keyRange && (!valueRange || valueRange[0] === valueRange[1])) {
    const keyPosition = file.lines.positionAt(keyRange[0]);
    return {
      style: 'block-after-key',
      position: lineEnd(file, keyPosition.line),
      indent: ' '.repeat(keyPosition.character + 2),
      eol,
    };
  }
  return undefined;
}

function blockInsertion(
  file: YamlFile,
  range: [number, number, number] | null | undefined,
  eol: string,
): ListInsertion | undefined {
  if (!range) return undefined;
  const indent = ' '.repeat(file.lines.positionAt(range[0]).character);
  let last = range[1];
  while (last > range[0] && /\s/.test(file.text.charAt(last - 1))) last--;
  const line = file.lines.positionAt(Math.max(range[0], last - 1)).line;
  // The line after the last item exists when the text ends with a line break (LineIndex counts it).
  if (line + 1 < file.lines.lineCount) {
    return { style: 'block', position: { line: line + 1, character: 0 }, indent, atLineStart: true, eol };
  }
  return {
    style: 'block',
    position: file.lines.positionAt(file.text.length),
    indent,
    atLineStart: false,
    eol,
  };
}

function flowInsertion(
  file: YamlFile,
  items: readonly unknown[],
  range: [number, number, number] | null | undefined,
): ListInsertion | undefined {
  if (!range) return undefined;
  const lastItem = items.length > 0 ? nodeOffsets(items[items.length - 1]) : undefined;
  if (items.length > 0 && !lastItem) return undefined;
  const closing = file.text.lastIndexOf(']', range[1]);
  if (closing < range[0]) return undefined;
  const first = items[0];
  const firstRange = nodeOffsets(first);
  const spaced = firstRange ? file.text.startsWith('{ ', firstRange[0]) : false;
  const firstKey = isMap(first) ? first.items[0]?.key : undefined;
  const json = isScalar(firstKey) && firstKey.type === 'QUOTE_DOUBLE';
  return {
    style: 'flow',
    position: file.lines.positionAt(lastItem ? lastItem[1] : closing),
    empty: items.length === 0,
    spaced,
    json,
  };
}

function lineEnd(file: YamlFile, line: number): { line: number; character: number } {
  const start = file.lines.offsetAt({ line, character: 0 });
  let end = start;
  while (end < file.text.length && file.text[end] !== '\n' && file.text[end] !== '\r') end++;
  return { line, character: end - start };
}

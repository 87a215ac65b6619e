import { asSeq, findPair } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';
import type { Offsets } from './kubeObject';
import { aliasRange } from './kubeObjects';

export interface FieldValue {
  readonly value: unknown;
  /** Set when the key came from a merge (`<<: *base`) through an alias: offsets of that alias. */
  readonly mergeAlias?: Offsets;
}

const MAX_MERGE_DEPTH = 8;

/**
 * The value of `key` in a mapping, also through YAML 1.1 merge keys (`<<: *base` or `<<: [*a, *b]`),
 * which kubectl honours (sigs.k8s.io/yaml) although the YAML 1.2 parser keeps `<<` as a plain key.
 * A written key wins over merged ones, and earlier merge sources win over later ones.
 */
export function fieldOf(doc: YamlDocument, map: unknown, key: string, depth = 0): FieldValue | undefined {
  const direct = findPair(doc, map, key);
  if (direct) return { value: direct.value };
  const merge = findPair(doc, map, '<<');
  if (!merge || depth >= MAX_MERGE_DEPTH) return undefined;
  const sequence = asSeq(doc, merge.value);
  const sources = sequence ? sequence.items : [merge.value];
  for (const source of sources) {
    const found = fieldOf(doc, source, key, depth + 1);
    const alias = aliasRange(source) ?? aliasRange(merge.value);
    if (found) return alias ? { value: found.value, mergeAlias: alias } : { value: found.value };
  }
  return undefined;
}

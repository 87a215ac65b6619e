import { isPair } from 'yaml';
import { asMap, asString, findPair, keyOffsets, keyText, nodeOffsets } from '../yaml/navigate';
import { memoByDocument, type DocumentMove } from '../yaml/documentMemo';
import type { YamlDocument } from '../yaml/yamlFile';
import { keptList } from '../emptyList';
import { decodeBase64Text } from './decodeBase64';
import type { KubeObject, Offsets } from './kubeObject';
import { kubeObjectNode, kubeObjectsOf } from './kubeObjects';

/** One key of a Secret's `data` or `stringData`. */
export interface SecretEntry {
  readonly key: string;
  readonly source: 'data' | 'stringData';
  /** Text of the value (base64-decoded for `data`); undefined when `problem` is set. */
  readonly value?: string;
  readonly problem?: 'invalid-base64' | 'not-a-string';
  readonly keyOffsets?: Offsets;
  readonly valueOffsets?: Offsets;
}

/** A `v1` `Secret` written in the file, for `signerSecrets` and `keySecret` checks (portieris.md §3.3 item 5). */
export interface KubeSecret {
  readonly documentIndex: number;
  readonly object: KubeObject;
  readonly name?: string;
  readonly namespace?: string;
  /** `type` as written (the API server defaults it to `Opaque`). */
  readonly type?: string;
  readonly entries: readonly SecretEntry[];
  /** Keys present in `data` or `stringData`, each once, in written order. */
  readonly dataKeys: readonly string[];
  /**
   * The `name` and `publicKey` values a signer secret must have (§3.3 item 5), decoded; `stringData`
   * wins over `data`, as the API server merges them.
   */
  readonly signer: { readonly name?: string; readonly publicKey?: string };
}

/**
 * Every Secret of the document (also inside a `v1` `List`). Read once per document text: the workspace's
 * Secret names and trust's signer keys both ask on every index of the file, and the read needs the syntax
 * tree, which a large file's open releases after reading it (yaml/parsedChunk.ts).
 */
export function findSecrets(doc: YamlDocument): readonly KubeSecret[] {
  return memoByDocument('secrets', '', doc, () => keptList(readSecrets(doc)), moveSecrets);
}

/** The Secrets of a document moved by an edit above it: only their offsets change. */
function moveSecrets(secrets: readonly KubeSecret[], by: DocumentMove): KubeSecret[] {
  const move = (o: Offsets | undefined): Offsets | undefined => o && [o[0] + by.offset, o[1] + by.offset];
  return secrets.map((secret) => ({
    ...secret,
    entries: secret.entries.map((entry) => {
      const keyOffsets = move(entry.keyOffsets);
      const valueOffsets = move(entry.valueOffsets);
      return {
        ...entry,
        ...(keyOffsets ? { keyOffsets } : {}),
        ...(valueOffsets ? { valueOffsets } : {}),
      };
    }),
  }));
}

function readSecrets(doc: YamlDocument): KubeSecret[] {
  return kubeObjectsOf(doc)
    .filter(({ object }) => object.apiVersion === 'v1' && object.kind === 'Secret')
    .map((located) => {
      const { object } = located;
      const node = kubeObjectNode(doc, located);
      const entries = [...readEntries(doc, node, 'data'), ...readEntries(doc, node, 'stringData')];
      const type = asString(doc, findPair(doc, node, 'type')?.value);
      const name = secretValue(entries, 'name');
      const publicKey = secretValue(entries, 'publicKey');
      return {
        documentIndex: doc.index,
        object,
        ...(object.name === undefined ? {} : { name: object.name }),
        ...(object.namespace === undefined ? {} : { namespace: object.namespace }),
        ...(type === undefined ? {} : { type }),
        entries,
        dataKeys: [...new Set(entries.map((entry) => entry.key))],
        signer: {
          ...(name === undefined ? {} : { name }),
          ...(publicKey === undefined ? {} : { publicKey }),
        },
      };
    });
}

/** The decoded value of `key`: `stringData` overrides `data`. */
export function secretValue(entries: readonly SecretEntry[], key: string): string | undefined {
  const matching = entries.filter((entry) => entry.key === key && entry.value !== undefined);
  return (matching.find((entry) => entry.source === 'stringData') ?? matching[0])?.value;
}

function readEntries(doc: YamlDocument, node: unknown, source: SecretEntry['source']): SecretEntry[] {
  const map = asMap(doc, findPair(doc, node, source)?.value);
  if (!map) return [];
  return map.items.flatMap((pair): SecretEntry[] => {
    const key = isPair(pair) ? keyText(pair) : undefined;
    if (key === undefined) return [];
    const written = asString(doc, pair.value);
    const value = written === undefined || source === 'stringData' ? written : decodeBase64Text(written);
    const problem =
      written === undefined ? 'not-a-string' : value === undefined ? 'invalid-base64' : undefined;
    const keyRange = keyOffsets(pair);
    const valueRange = nodeOffsets(pair.value);
    return [
      {
        key,
        source,
        ...(value === undefined ? {} : { value }),
        ...(problem === undefined ? {} : { problem }),
        ...(keyRange ? { keyOffsets: keyRange } : {}),
        ...(valueRange ? { valueOffsets: valueRange } : {}),
      },
    ];
  });
}

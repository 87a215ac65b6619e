import { findSecrets } from '../kube';
import { memoByDocument } from '../yaml/documentMemo';
import type { YamlFile } from '../yaml/yamlFile';
import { keptList } from '../emptyList';

/** A `v1` Secret defined in a workspace file; the namespace as written (undefined when absent). */
export interface SecretRef {
  readonly name: string;
  readonly namespace?: string;
}

/** Named Secrets of every document of the file (kube's `findSecrets`, `List` items included). */
export function readSecretRefs(file: YamlFile): SecretRef[] {
  // Names only, no positions: a moved document keeps its refs as they are.
  return file.documents.flatMap((doc) =>
    memoByDocument(
      'secret-refs',
      '',
      doc,
      (): readonly SecretRef[] =>
        keptList(
          findSecrets(doc).flatMap(({ name, namespace }): SecretRef[] =>
            name === undefined ? [] : [namespace === undefined ? { name } : { name, namespace }],
          ),
        ),
      (refs) => refs,
    ),
  );
}

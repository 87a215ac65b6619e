import { findSecrets } from '../kube';
import type { YamlFile } from '../yaml/yamlFile';

/** A `v1` Secret defined in a workspace file; the namespace as written (undefined when absent). */
export interface SecretRef {
  readonly name: string;
  readonly namespace?: string;
}

/** Named Secrets of every document of the file (kube's `findSecrets`, `List` items included). */
export function readSecretRefs(file: YamlFile): SecretRef[] {
  return file.documents.flatMap((doc) =>
    findSecrets(doc).flatMap(({ name, namespace }): SecretRef[] =>
      name === undefined ? [] : [namespace === undefined ? { name } : { name, namespace }],
    ),
  );
}

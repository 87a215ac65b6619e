import { asMap, getField } from '../yaml/navigate';
import type { YamlFile } from '../yaml/yamlFile';
import { readString } from '../policy/readHelpers';

/** A `v1` Secret defined in a workspace file; the namespace as written (undefined when absent). */
export interface SecretRef {
  readonly name: string;
  readonly namespace?: string;
}

/** Secrets defined in the file: `apiVersion: v1`, `kind: Secret`, with a string `metadata.name`. */
export function readSecretRefs(file: YamlFile): SecretRef[] {
  const secrets: SecretRef[] = [];
  for (const doc of file.documents) {
    const root = asMap(doc, doc.root);
    if (!root) continue;
    if (
      readString(doc, root, 'apiVersion')?.value !== 'v1' ||
      readString(doc, root, 'kind')?.value !== 'Secret'
    ) {
      continue;
    }
    const metadata = getField(doc, root, 'metadata');
    const name = readString(doc, metadata, 'name')?.value;
    const namespace = readString(doc, metadata, 'namespace')?.value;
    if (name) secrets.push(namespace === undefined ? { name } : { name, namespace });
  }
  return secrets;
}

import { parseYamlFile, type YamlFile } from '../../../server/src/yaml/yamlFile';
import { PolicyIndex } from '../../../server/src/workspace/policyIndex';

export function yamlFile(uri: string, text: string): YamlFile {
  return parseYamlFile(uri, 1, text);
}

/** An index fed with the given files (uri → text). */
export function indexOf(files: Readonly<Record<string, string>>, defaultNamespace = 'default'): PolicyIndex {
  const index = new PolicyIndex({ defaultNamespace });
  for (const [uri, text] of Object.entries(files)) index.update(yamlFile(uri, text));
  return index;
}

/** A v1 policy document with the given repository names. */
export function policyYaml(
  kind: 'ImagePolicy' | 'ClusterImagePolicy',
  name: string,
  names: readonly string[],
  namespace?: string,
): string {
  const ns = namespace === undefined ? '' : `\n  namespace: ${namespace}`;
  const entries = names.map((n) => `    - name: "${n}"`).join('\n');
  return `apiVersion: portieris.cloud.ibm.com/v1\nkind: ${kind}\nmetadata:\n  name: ${name}${ns}\nspec:\n  repositories:\n${entries || '    []'}\n`;
}

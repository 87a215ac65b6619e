/**
 * The benchmark's workspace: an ImagePolicy enabling trust for the lab repositories (trustServer = the
 * notary proxy) and one workload file with 200 images over the 20 repositories, in Deployments and Pods
 * (portieris.md: the policy of the workload's namespace applies).
 */
export const NAMESPACE = 'bench';
export const IMAGES = 200;
const CONTAINERS_PER_OBJECT = 5;

export function policyYaml(registryHost: string, trustServer: string): string {
  return `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: editor-trust
  namespace: ${NAMESPACE}
spec:
  repositories:
    - name: "${registryHost}/editor/*"
      policy:
        trust:
          enabled: true
          trustServer: ${trustServer}
`;
}

export interface Workload {
  readonly text: string;
  /** 0-based line of a label value (not an image) that the typing measurement edits. */
  readonly labelLine: number;
  readonly labelValue: string;
  /** 0-based lines holding an image. */
  readonly imageLines: readonly number[];
}

export function workloadYaml(
  registryHost: string,
  repositories: readonly string[],
  tags: readonly string[],
): Workload {
  const lines: string[] = [];
  const imageLines: number[] = [];
  let labelLine = -1;
  const labelValue = 'editor-0';
  let image = 0;
  const containers = (indent: string): void => {
    for (let c = 0; c < CONTAINERS_PER_OBJECT; c++, image++) {
      const repo = repositories[image % repositories.length] ?? '';
      const tag = tags[Math.floor(image / repositories.length) % tags.length] ?? 'latest';
      lines.push(`${indent}- name: c${c}`);
      imageLines.push(lines.length);
      lines.push(`${indent}  image: ${registryHost}/${repo}:${tag}`);
    }
  };
  for (let object = 0; image < IMAGES; object++) {
    if (lines.length > 0) lines.push('---');
    const name = `editor-${object}`;
    if (object % 2 === 0) {
      lines.push('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`);
      lines.push(`  namespace: ${NAMESPACE}`, 'spec:', '  selector:', '    matchLabels:');
      if (labelLine < 0) labelLine = lines.length;
      lines.push(`      app: ${name}`, '  template:', '    metadata:', '      labels:');
      lines.push(`        app: ${name}`, '    spec:', '      containers:');
      containers('        ');
    } else {
      lines.push('apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, `  namespace: ${NAMESPACE}`);
      lines.push('spec:', '  containers:');
      containers('    ');
    }
  }
  return { text: lines.join('\n') + '\n', labelLine, labelValue, imageLines };
}

/** Small YAML files shared by the language-server and CLI tests. */

/** A Pod with one image under quay.io/team; `namespace` omitted means the default namespace applies. */
export function podYaml(namespace?: string): string {
  const ns = namespace === undefined ? '' : `  namespace: ${namespace}\n`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
${ns}spec:
  containers:
    - name: c
      image: quay.io/team/app:1.0
`;
}

/** An ImagePolicy in namespace "prod" allowing quay.io/team/* without checks. */
export const PROD_POLICY = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: prod
  namespace: prod
spec:
  repositories:
    - name: quay.io/team/*
`;

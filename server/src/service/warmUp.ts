import { DEFAULT_TRUST_SETTINGS } from '../../../shared/trustSettings';
import { parseYamlFile } from '../yaml/yamlFile';
import { createDefaultLanguageService } from './defaultLanguageService';

/** Copies of each object kind the checks know, so every path of the parser and the checks runs many times. */
const COPIES = 30;

/**
 * Runs the parser and every validator over a built-in sample once, on a throwaway service, while the
 * server starts. V8 compiles functions lazily and optimises them only once they are hot, so without this
 * the first file a user opens pays for compiling the whole pipeline (several times the cost of checking
 * it warm). Nothing is fetched: the sample is checked offline and as an untrusted workspace.
 */
export async function warmUpLanguageService(): Promise<void> {
  const service = createDefaultLanguageService({ log: () => undefined });
  const file = parseYamlFile('untitled:image-trust-warm-up.yaml', 1, warmUpSample());
  service.indexFile(file);
  await service.validate(file, {
    defaultNamespace: 'default',
    trust: { ...DEFAULT_TRUST_SETTINGS, network: false },
    workspaceTrusted: false,
  });
  await service.close();
}

function warmUpSample(): string {
  const documents: string[] = [];
  for (let i = 0; i < COPIES; i++) {
    documents.push(
      [
        'apiVersion: portieris.cloud.ibm.com/v1',
        'kind: ImagePolicy',
        'metadata:',
        `  name: warm-${i}`,
        `  namespace: ns-${i % 3}`,
        'spec:',
        '  repositories:',
        `    - name: "registry.example/team-${i}/*"`,
        '      policy:',
        '        trust:',
        '          enabled: true',
        '          trustServer: https://notary.example:4443',
        `          signerSecrets: [{ name: signer-${i} }]`,
        '        simple:',
        '          requirements:',
        '            - type: signedBy',
        `              keySecret: key-${i}`,
        '    - name: docker.io/library/*',
        '      policy: {}',
      ].join('\n'),
      [
        'apiVersion: portieris.cloud.ibm.com/v1',
        'kind: ClusterImagePolicy',
        'metadata:',
        `  name: cluster-${i}`,
        'spec:',
        '  repositories:',
        "    - name: '*'",
        '      policy:',
        '        vulnerability:',
        '          ICCRVA:',
        '            enabled: false',
      ].join('\n'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: app-${i}`,
        `  namespace: ns-${i % 3}`,
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        `        - image: registry.example/team-${i}/init:1.${i}`,
        '      containers:',
        `        - name: web`,
        `          image: registry.example/team-${i}/web@sha256:${'0a'.repeat(32)}`,
        '        - name: proxy',
        "          image: 'nginx:1.27'",
        '        - name: bad',
        `          image: Registry.Example/UPPER:${i}`,
      ].join('\n'),
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        `  name: signer-${i}`,
        'stringData:',
        `  name: signer-${i}`,
        '  notes: |',
        '    a block scalar',
      ].join('\n'),
    );
  }
  return documents.join('\n---\n') + '\n';
}

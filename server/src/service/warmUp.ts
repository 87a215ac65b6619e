import { DEFAULT_TRUST_SETTINGS } from '../../../shared/trustSettings';
import { ParseCache } from '../yaml/parseCache';
import { createDefaultLanguageService } from './defaultLanguageService';

/**
 * Copies of each object kind, so that the hot paths of the parser and the checks run often enough for V8 to
 * optimise them (with the edits below: ≈ 0.3 s of CPU at start-up, measured on the bundle).
 */
const COPIES = 40;

/**
 * Runs the parser and every validator over a built-in sample once, on a throwaway service, while the
 * server starts. V8 compiles functions lazily and optimises them only once they are hot, so without this
 * the first file a user opens pays for compiling the whole pipeline (several times the cost of checking
 * it warm). Nothing is fetched: the sample is checked offline and as an untrusted workspace.
 */
export async function warmUpLanguageService(): Promise<void> {
  const service = createDefaultLanguageService({ log: () => undefined });
  const cache = new ParseCache();
  const uri = 'untitled:image-trust-warm-up.yaml';
  const options = {
    defaultNamespace: 'default',
    trust: { ...DEFAULT_TRUST_SETTINGS, network: false },
    workspaceTrusted: false,
  };
  const sample = warmUpSample();
  // The open, then typing: a key changed in place and a line inserted (the incremental paths).
  const versions = [sample];
  for (let i = 0; i < EDITS; i++) {
    const at = sample.indexOf(`name: warm-${i * 7}\n`);
    const edits = [
      () => sample.replace(`name: warm-${i * 7}\n`, `name: warm-${i * 7}x\n`),
      () => `${sample.slice(0, at)}# typing\n    ${sample.slice(at)}`,
      // A misspelt key: the schema error path (suggestions) and a policy change.
      () => `${sample.slice(0, at)}${sample.slice(at).replace('trustServer:', 'trustserver:')}`,
    ];
    versions.push((edits[i % edits.length] ?? edits[0])());
  }
  for (const [version, text] of versions.entries()) {
    const file = cache.get(uri, version, text);
    service.indexFile(file);
    await service.validate(file, options);
  }
  await service.close();
}

/** Edits replayed after the open; each re-checks the whole sample incrementally. */
const EDITS = 6;

export function warmUpSample(): string {
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
        '          signerSecrets:',
        `            - name: signer-${i}`,
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

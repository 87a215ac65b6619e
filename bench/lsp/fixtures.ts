/**
 * Multi-document Kubernetes YAML for the LSP benchmark: a repeating block of an ImagePolicy and a
 * ClusterImagePolicy (portieris.cloud.ibm.com/v1, repositories with trust and simple fields, portieris.md
 * §1.3) and two workloads (a Deployment and a Pod, several images each, portieris.md §4.5). Every block is
 * exactly BLOCK_LINES lines, so 10 / 100 / 500 blocks give the 840 / 8,400 / 42,000-line files that
 * peers.md §2.3 measured yaml-language-server on.
 */

export interface Fixture {
  readonly name: string;
  readonly text: string;
  readonly lines: number;
  readonly bytes: number;
  /** The edit that misspells one key (`trustServer` → `trustserver`) in a block near the middle. */
  readonly typo: {
    readonly line: number;
    readonly character: number;
    readonly length: number;
    readonly newText: string;
  };
}

function policyBlock(i: number): string[] {
  return [
    'apiVersion: portieris.cloud.ibm.com/v1',
    'kind: ImagePolicy',
    'metadata:',
    `  name: team-${i}-policy`,
    `  namespace: team-${i}`,
    'spec:',
    '  repositories:',
    `    - name: icr.io/team-${i}/*`,
    '      policy:',
    '        trust:',
    '          enabled: true',
    '          trustServer: https://icr.io:4443',
    '          signerSecrets:',
    `            - name: team-${i}-signer`,
    `    - name: us.icr.io/team-${i}/base`,
    '      policy:',
    '        mutateImage: false',
    '        simple:',
    '          requirements:',
    '            - type: signedBy',
    `              keySecret: team-${i}-gpg`,
    '              signedIdentity:',
    '                type: matchRepository',
    `    - name: docker.io/library/*`,
    '      policy: {}',
    '---',
  ];
}

function clusterPolicyBlock(i: number): string[] {
  return [
    'apiVersion: portieris.cloud.ibm.com/v1',
    'kind: ClusterImagePolicy',
    'metadata:',
    `  name: cluster-default-${i}`,
    'spec:',
    '  repositories:',
    `    - name: "quay.io/org-${i}/*"`,
    '      policy:',
    '        trust:',
    '          enabled: true',
    '          signerSecrets:',
    `            - name: org-${i}-releases`,
    `    - name: "gcr.io/proj-${i}/app"`,
    '      policy:',
    '        simple:',
    '          storeURL: https://sigstore.example.com/signatures',
    '          requirements:',
    '            - type: insecureAcceptAnything',
    '    - name: "*"',
    '      policy: {}',
    '---',
  ];
}

function deploymentBlock(i: number): string[] {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: team-${i}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: web-${i}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: web-${i}`,
    '    spec:',
    '      initContainers:',
    '        - name: migrate',
    `          image: icr.io/team-${i}/migrate:1.${i}`,
    '      containers:',
    '        - name: web',
    `          image: icr.io/team-${i}/web:2.${i}`,
    '        - name: sidecar',
    '          image: docker.io/library/nginx:1.27',
    '---',
  ];
}

function podBlock(i: number): string[] {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: job-${i}`,
    `  namespace: team-${i}`,
    'spec:',
    '  containers:',
    '    - name: main',
    `      image: quay.io/org-${i}/worker:3.${i}`,
    '    - name: helper',
    `      image: us.icr.io/team-${i}/base@sha256:${'ab'.repeat(32)}`,
    '    - name: metrics',
    `      image: gcr.io/proj-${i}/app:latest`,
  ];
}

function block(i: number): string[] {
  return [...policyBlock(i), ...clusterPolicyBlock(i), ...deploymentBlock(i), ...podBlock(i), '---'];
}

export const BLOCK_LINES = block(0).length;

/** `blocks` repetitions; the last `---` is dropped so the file ends with a document. */
export function makeFixture(name: string, blocks: number): Fixture {
  const lines: string[] = [];
  let typoLine = -1;
  const typoBlock = Math.floor(blocks / 2);
  for (let i = 0; i < blocks; i++) {
    const b = block(i);
    if (i === typoBlock) typoLine = lines.length + b.findIndex((l) => l.includes('trustServer:'));
    lines.push(...b);
  }
  lines[lines.length - 1] = '# end';
  const text = lines.join('\n') + '\n';
  const typoText = lines[typoLine] ?? '';
  return {
    name,
    text,
    lines: lines.length,
    bytes: Buffer.byteLength(text),
    typo: {
      line: typoLine,
      character: typoText.indexOf('trustServer'),
      length: 'trustServer'.length,
      newText: 'trustserver',
    },
  };
}

export const FIXTURE_SIZES = [
  { name: 'small', blocks: 10 },
  { name: 'medium', blocks: 100 },
  { name: 'large', blocks: 500 },
] as const;

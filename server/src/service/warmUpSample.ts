/**
 * The built-in manifests the server checks while it starts (service/warmUp.ts). V8 optimises a function for
 * the shapes it has seen, so the sample holds the shapes real manifests have rather than many copies of a
 * few: both policy kinds with every kind of policy entry (trust with and without a trust server, simple
 * signing with `signedIdentity`, `mutateImage`, vulnerability, the empty `{}` policy), quoted and plain
 * names, workloads at each depth the walker reaches (Pod, Deployment, CronJob) with selectors, labels,
 * ports and flow sequences, tags, digests and an invalid reference, and the kinds that are neither
 * (Secret, Service, ConfigMap). Measured against the earlier sample of 40 copies of four documents (same
 * number of documents, same start-up time): the first check of the 8,400-line benchmark file in-process
 * 175–217 → 124–173 ms, its open over LSP 236 → 219 ms median (bench/notes.md, 2026-12-02).
 */

/** Rounds of the templates below; each round is one document of every template. */
const ROUNDS = 20;

type Template = (i: number) => string[];

const imagePolicy: Template = (i) => [
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
  `    - name: registry.example/team-${i}/base`,
  '      policy:',
  '        mutateImage: false',
  '        simple:',
  '          requirements:',
  '            - type: signedBy',
  `              keySecret: key-${i}`,
  '              signedIdentity:',
  i % 2 === 0 ? '                type: matchRepository' : '                type: matchExact',
  `    - name: 'quay.io/org-${i}/*'`,
  '      policy:',
  '        trust:',
  '          enabled: true',
  '    - name: docker.io/library/*',
  '      policy: {}',
];

const clusterImagePolicy: Template = (i) => [
  'apiVersion: portieris.cloud.ibm.com/v1',
  'kind: ClusterImagePolicy',
  'metadata:',
  `  name: cluster-${i}`,
  'spec:',
  '  repositories:',
  `    - name: "gcr.io/proj-${i}/app"`,
  '      policy:',
  '        simple:',
  '          storeURL: https://sigstore.example/signatures',
  '          requirements:',
  '            - type: insecureAcceptAnything',
  "    - name: '*'",
  '      policy:',
  '        vulnerability:',
  '          ICCRVA:',
  '            enabled: false',
];

const deployment: Template = (i) => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  `  name: app-${i}`,
  `  namespace: ns-${i % 3}`,
  '  labels:',
  `    app: app-${i}`,
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels:',
  `      app: app-${i}`,
  '  template:',
  '    metadata:',
  '      labels:',
  `        app: app-${i}`,
  '    spec:',
  '      initContainers:',
  '        - name: migrate',
  `          image: registry.example/team-${i}/init:1.${i}`,
  '      containers:',
  '        - name: web',
  `          image: registry.example/team-${i}/web@sha256:${'0a'.repeat(32)}`,
  '          args: ["--port", "8080"]',
  '          ports:',
  '            - containerPort: 8080',
  '        - name: proxy',
  "          image: 'nginx:1.27'",
  '        - name: bad',
  `          image: Registry.Example/UPPER:${i}`,
];

const pod: Template = (i) => [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  `  name: job-${i}`,
  `  namespace: ns-${i % 3}`,
  'spec:',
  '  containers:',
  '    - name: main',
  `      image: quay.io/org-${i}/worker:3.${i}`,
  '    - name: helper',
  `      image: registry.example/team-${i}/base@sha256:${'ab'.repeat(32)}`,
  '    - name: metrics',
  `      image: gcr.io/proj-${i}/app:latest`,
];

const cronJob: Template = (i) => [
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata:',
  `  name: nightly-${i}`,
  'spec:',
  '  schedule: "0 3 * * *"',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          restartPolicy: OnFailure',
  '          containers:',
  '            - name: report',
  `              image: registry.example/team-${i}/report:${i}`,
];

const secret: Template = (i) => [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  `  name: signer-${i}`,
  'stringData:',
  `  name: signer-${i}`,
  '  notes: |',
  '    a block scalar',
];

const service: Template = (i) => [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  `  name: app-${i}`,
  'spec:',
  '  selector: { app: "app-' + String(i) + '" }',
  '  ports:',
  '    - port: 80',
  '      targetPort: 8080',
];

const configMap: Template = (i) => [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  `  name: settings-${i}`,
  'data:',
  '  LOG_LEVEL: info',
  `  REPLICA: "${i}"`,
];

const TEMPLATES: readonly Template[] = [
  imagePolicy,
  clusterImagePolicy,
  deployment,
  pod,
  cronJob,
  secret,
  service,
  configMap,
];

/** `rounds` copies of every template, numbered apart; one round holds each shape once. */
export function warmUpSample(rounds: number = ROUNDS): string {
  const documents: string[] = [];
  for (let i = 0; i < rounds; i++) for (const template of TEMPLATES) documents.push(template(i).join('\n'));
  return documents.join('\n---\n') + '\n';
}

/**
 * Workspaces for the trust tests (test/server/trust*.test.ts, test/cli/trust*.test.ts): policies that
 * point at the lab's notary-server, signer Secrets built from the lab's keys, the settings that reach the
 * lab (its CA, its plain-HTTP registry), and an in-process language service that settles trust lookups.
 */
import { readFile } from 'node:fs/promises';
import { createDefaultLanguageService } from '../../server/src/service/defaultLanguageService';
import type { LanguageService } from '../../server/src/service/languageService';
import type { TrustServiceOptions } from '../../server/src/trustService/trustService';
import type { Finding } from '../../server/src/diagnostics/finding';
import type { TextEdit } from '../../server/src/service/types';
import { parseYamlFile, type YamlFile } from '../../server/src/yaml/yamlFile';
import { readSettings, type ImageTrustSettings } from '../../shared/settings';
import type { LabState } from './lab';

/** One repository entry of a generated ImagePolicy. */
export interface EntrySpec {
  readonly name: string;
  readonly trust?: boolean;
  readonly trustServer?: string;
  readonly signerSecrets?: readonly string[];
  readonly mutateImage?: boolean;
}

export function imagePolicyYaml(namespace: string, entries: readonly EntrySpec[], name = 'trust'): string {
  const items = entries.map((entry) => {
    const lines = [`    - name: "${entry.name}"`, '      policy:'];
    if (entry.mutateImage === false) lines.push('        mutateImage: false');
    lines.push('        trust:', `          enabled: ${entry.trust ?? true}`);
    if (entry.trustServer) lines.push(`          trustServer: ${entry.trustServer}`);
    if (entry.signerSecrets?.length) {
      lines.push('          signerSecrets:', ...entry.signerSecrets.map((s) => `            - name: ${s}`));
    }
    return lines.join('\n');
  });
  return `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  repositories:
${items.join('\n')}
`;
}

/** A signer Secret as `kubectl create secret generic NAME --from-literal=name=… --from-file=publicKey=…`. */
export function signerSecretYaml(
  secret: string,
  namespace: string,
  signerName: string,
  publicKeyPem: string,
): string {
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  return `apiVersion: v1
kind: Secret
metadata:
  name: ${secret}
  namespace: ${namespace}
type: Opaque
data:
  name: ${b64(signerName)}
  publicKey: ${b64(publicKeyPem)}
`;
}

export function podYaml(namespace: string, images: readonly string[]): string {
  const containers = images.map((image, i) => `    - name: c${i}\n      image: ${image}`).join('\n');
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: ${namespace}
spec:
  containers:
${containers}
`;
}

/** The `imageTrust` settings object that reaches the lab: its CA for the notary-server, HTTP for its registry. */
export function labSettings(lab: LabState, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const trust = (extra.trust ?? {}) as Record<string, unknown>;
  return {
    ...extra,
    trust: {
      caFiles: { [new URL(lab.notary.url).host]: lab.caPath },
      insecureHosts: [lab.registries.http.host],
      ...trust,
    },
  };
}

export const publicKeyOf = (lab: LabState, signer: 'alice' | 'bob'): Promise<string> => {
  const entry = lab.signers[signer];
  if (!entry) throw new Error(`the lab has no signer ${signer}`);
  return readFile(entry.publicKeyPath, 'utf8');
};

/** The language service in-process, with files indexed and trust lookups awaited. */
export class TrustWorkspace {
  readonly service: LanguageService;
  readonly settings: ImageTrustSettings;
  private version = 1;

  constructor(
    settings: Record<string, unknown>,
    files: Record<string, string> = {},
    trust: TrustServiceOptions = { env: {} },
  ) {
    this.service = createDefaultLanguageService({ log: () => undefined, trust });
    this.settings = readSettings(settings);
    for (const [uri, text] of Object.entries(files)) this.service.indexFile(this.parse(uri, text));
  }

  parse(uri: string, text: string): YamlFile {
    return parseYamlFile(uri, this.version++, text);
  }

  /** Validates, fetches what trust needs, validates again: the findings an editor ends up showing. */
  async settle(
    uri: string,
    text: string,
    settings: ImageTrustSettings = this.settings,
  ): Promise<{ file: YamlFile; findings: Finding[] }> {
    const file = this.parse(uri, text);
    this.service.indexFile(file);
    await this.service.validate(file, settings);
    await this.service.checkTrust(file, settings, new AbortController().signal);
    return { file, findings: await this.service.validate(file, settings) };
  }
}

/** Only the trust findings, as `code@line` (0-based) for compact assertions. */
export function trustCodes(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.code.startsWith('trust-')).map((f) => `${f.code}@${f.range.start.line}`);
}

/** Applies LSP text edits (non-overlapping) to a text, last first. */
export function applyEdits(file: YamlFile, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) => file.lines.offsetAt(b.range.start) - file.lines.offsetAt(a.range.start),
  );
  let text = file.text;
  for (const edit of sorted) {
    text =
      text.slice(0, file.lines.offsetAt(edit.range.start)) +
      edit.newText +
      text.slice(file.lines.offsetAt(edit.range.end));
  }
  return text;
}

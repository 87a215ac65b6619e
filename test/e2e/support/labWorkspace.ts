import * as vscode from 'vscode';
import { labCaFiles, useLab, type LabState } from '../../helpers/lab';
import { workspaceFile } from './workspace';

/** The lab's `ns/*` images in a pod file, so the Signed Tags view lists those repositories. */
export async function writeLabPod(lab: LabState, name: string): Promise<vscode.Uri> {
  const host = lab.registries.http.host;
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: lab }',
    'spec:',
    '  containers:',
    `    - { name: a, image: "${host}/ns/hello-world:latest" }`,
    `    - { name: b, image: "${host}/ns/signed:latest" }`,
    '',
  ].join('\n');
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

const SETTINGS = ['network', 'trust.servers', 'trust.caFiles', 'trust.insecureHosts'] as const;

/**
 * Points the workspace settings at the running lab (starting it if needed) and turns the network on;
 * the returned function restores the loopback-only defaults of test/e2e/workspace.
 */
export async function useLabSettings(): Promise<{ lab: LabState; restore: () => Promise<void> }> {
  const lab = await useLab();
  const host = lab.registries.http.host;
  const config = vscode.workspace.getConfiguration('imageTrust');
  const target = vscode.ConfigurationTarget.Workspace;
  await config.update('trust.servers', { [host]: lab.notary.url }, target);
  await config.update('trust.caFiles', labCaFiles(lab), target);
  await config.update('trust.insecureHosts', [host], target);
  await config.update('network', true, target);
  return {
    lab,
    restore: async () => {
      const fresh = vscode.workspace.getConfiguration('imageTrust');
      for (const key of SETTINGS) await fresh.update(key, key === 'network' ? false : undefined, target);
    },
  };
}

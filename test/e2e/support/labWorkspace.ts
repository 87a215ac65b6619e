import * as vscode from 'vscode';
import { MACHINE_SCOPED_SETTINGS } from '../../../shared/trustSettings';
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

/** The lab's trust server, CA and plain-HTTP registry, keyed as in package.json. */
export function labMachineSettings(lab: LabState): Record<(typeof MACHINE_SCOPED_SETTINGS)[number], unknown> {
  const host = lab.registries.http.host;
  return {
    'imageTrust.trust.servers': { [host]: lab.notary.url },
    'imageTrust.trust.caFiles': labCaFiles(lab),
    'imageTrust.trust.insecureHosts': [host],
  };
}

const SECTION = 'imageTrust.';

/**
 * Points the settings at the running lab (starting it if needed) and turns the network on; the returned
 * function restores the loopback-only defaults of test/e2e/workspace. Trust server, CA and insecure hosts
 * are machine-scoped, so they go to the user settings (VS Code refuses workspace values for them, and
 * code-server keeps them in its user-data dir); `network` is a workspace setting.
 */
export async function useLabSettings(): Promise<{ lab: LabState; restore: () => Promise<void> }> {
  const lab = await useLab();
  const config = vscode.workspace.getConfiguration();
  const user = vscode.ConfigurationTarget.Global;
  const workspace = vscode.ConfigurationTarget.Workspace;
  for (const [key, value] of Object.entries(labMachineSettings(lab))) await config.update(key, value, user);
  await config.update(`${SECTION}network`, true, workspace);
  return {
    lab,
    restore: async () => {
      const fresh = vscode.workspace.getConfiguration();
      for (const key of MACHINE_SCOPED_SETTINGS) await fresh.update(key, undefined, user);
      await fresh.update(`${SECTION}network`, false, workspace);
    },
  };
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditorLab } from './editorLab';
import { TAGS } from './editorLab';
import type { Workload } from './workspace';
import { policyYaml, workloadYaml } from './workspace';

export const FRESHNESS_SECONDS = 300;

/**
 * Writes the benchmark's workspace into `rootDir` (the ImagePolicy and the 200-image file) and returns
 * the `imageTrust` settings that reach the lab: its CA for the notary proxy, plain HTTP for the registry.
 */
export async function writeBenchWorkspace(
  rootDir: string,
  lab: EditorLab,
): Promise<{ workload: Workload; filePath: string; settings: Record<string, unknown> }> {
  await writeFile(join(rootDir, 'imagepolicy.yaml'), policyYaml(lab.registryProxy.host, lab.notaryProxy.url));
  const workload = workloadYaml(lab.registryProxy.host, lab.repositories, TAGS);
  const filePath = join(rootDir, 'workloads.yaml');
  await writeFile(filePath, workload.text);
  const settings = {
    network: true,
    trust: {
      caFiles: { [lab.notaryProxy.host]: lab.caPath },
      insecureHosts: [lab.registryProxy.host],
      freshnessSeconds: FRESHNESS_SECONDS,
    },
  };
  return { workload, filePath, settings };
}

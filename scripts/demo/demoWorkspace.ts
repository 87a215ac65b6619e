import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MACHINE_SCOPED_SETTINGS } from '../../shared/trustSettings';
import type { LabState } from '../lab/state';

/**
 * The IBM tutorial's `imagepolicy.yaml` and `mypod.yaml` (examples/), pointed at the lab: the policy
 * requires signatures for the lab registry's `ns/*` with the lab's notary-server as trust server, the
 * pod runs the tutorial's images from the lab. The lab's trust server, CA and plain-HTTP registry are
 * machine-scoped settings, which VS Code never reads from a workspace: they go to code-server's user
 * settings (`demoUserSettings`).
 */
export function writeDemoWorkspace(lab: LabState, dir: string): void {
  const registry = lab.registries.http.host;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'imagepolicy.yaml'),
    `# The IBM tutorial's image policy, for the local trust lab: every image from ${registry}/ns must be
# signed in the lab's notary-server. Images that match no entry (hello-world from Docker Hub) are denied.
apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: custom
  namespace: default
spec:
  repositories:
    - name: ${registry}/ns/*
      policy:
        trust:
          enabled: true
          trustServer: ${lab.notary.url}
`,
  );
  writeFileSync(
    join(dir, 'mypod.yaml'),
    `# The tutorial's pod against the lab. Hover an image, open the Problems panel, and expand the
# repositories in the Image Trust view (shield in the activity bar).
apiVersion: v1
kind: Pod
metadata:
  name: mypod
spec:
  containers:
    - name: hello-world
      image: ${registry}/ns/hello-world:latest # signed (Repo Admin): admitted
    - name: hello-world-36
      image: ${registry}/ns/hello-world:3.6 # signed: admitted
    - name: signed
      image: ${registry}/ns/signed:latest # signed by alice, then an unsigned image was pushed over it
    - name: hello-world-docker-hub
      image: hello-world:latest # no policy allows docker.io: denied
`,
  );
}

/** The lab's trust server, CA and plain-HTTP registry: user settings (shared/trustSettings.ts MACHINE_SCOPED_SETTINGS). */
export function demoUserSettings(lab: LabState): Record<(typeof MACHINE_SCOPED_SETTINGS)[number], unknown> {
  const registry = lab.registries.http.host;
  return {
    'imageTrust.trust.servers': { [registry]: lab.notary.url },
    'imageTrust.trust.caFiles': { [new URL(lab.notary.url).host]: lab.notary.caPath },
    'imageTrust.trust.insecureHosts': [registry],
  };
}

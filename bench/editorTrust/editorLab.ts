/**
 * The lab for the editor-trust benchmark: a private lab (bench/.work/editor-lab, so the trust benchmark's
 * and the tests' labs are not loaded by it), two counting proxies in front of its notary-server (TLS,
 * with a leaf of its own CA) and its plain-HTTP registry, and 20 repositories pushed and signed as
 * `docker trust sign` does (alice → targets/releases + targets/alice), two tags each.
 *
 * The images are named through the registry proxy (`<proxy host>/editor/rNN:tag`), so their GUNs carry
 * the proxy's host: the repositories are signed under those GUNs and pushed to the registry behind it.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeServerCerts } from '../../scripts/lab/certs';
import { contextFromState, labDown, labUp } from '../../scripts/lab/lab';
import { initWithSigners, pushContent, signerRoles, targetOf } from '../../scripts/lab/populateContext';
import type { CountingProxy } from './countingProxy';
import { startCountingProxy } from './countingProxy';

export const REPOSITORIES = 20;
export const TAGS = ['1.0', 'latest'] as const;
/** notary CLI / skopeo calls in flight while making the repositories. */
const SETUP_CONCURRENCY = 4;

export interface EditorLab {
  readonly notaryProxy: CountingProxy;
  readonly registryProxy: CountingProxy;
  /** The CA the language server is given for the notary proxy's host. */
  readonly caPath: string;
  /** `editor/r00` … (repository paths in the registry). */
  readonly repositories: readonly string[];
  readonly setupMs: Readonly<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startEditorLab(dir: string, log: (line: string) => void): Promise<EditorLab> {
  const setupMs: Record<string, number> = {};
  let start = performance.now();
  const state = await labUp({ dir });
  setupMs['lab up (notary-server, 2 registries, standard repositories)'] = Math.round(
    performance.now() - start,
  );
  log(`editor-trust lab up in ${setupMs['lab up (notary-server, 2 registries, standard repositories)']} ms`);
  const proxyCerts = await makeServerCerts(join(dir, 'proxy-tls'), 'editor-proxy');
  const notaryProxy = await startCountingProxy({
    upstream: state.notary.url,
    upstreamCaPath: state.notary.caPath,
    tls: proxyCerts.leaf,
  });
  const registryProxy = await startCountingProxy({ upstream: state.registries.http.url });
  const ctx = contextFromState(state);
  const repositories = Array.from(
    { length: REPOSITORIES },
    (_, i) => `editor/r${String(i).padStart(2, '0')}`,
  );
  start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < repositories.length) {
      const repo = repositories[next++];
      if (repo === undefined) return;
      const gun = `${registryProxy.host}/${repo}`;
      const targets = [];
      for (const tag of TAGS)
        targets.push(targetOf(tag, await pushContent(ctx, 'http', repo, tag, `editor-trust ${repo}:${tag}`)));
      await initWithSigners(ctx, gun, ['alice']);
      await ctx.notary.addHashes(gun, targets, signerRoles('alice'));
      await ctx.notary.publish(gun);
    }
  };
  await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
  setupMs[`${REPOSITORIES} repositories × ${TAGS.length} tags: push, init, signer, sign, publish`] =
    Math.round(performance.now() - start);
  log(`${REPOSITORIES} editor repositories signed`);
  notaryProxy.reset();
  registryProxy.reset();
  return {
    notaryProxy,
    registryProxy,
    caPath: proxyCerts.ca.certPath,
    repositories,
    setupMs,
    stop: async () => {
      await Promise.all([notaryProxy.close(), registryProxy.close()]);
      await labDown(dir);
    },
  };
}

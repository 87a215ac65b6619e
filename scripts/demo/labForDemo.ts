import { readFile } from 'node:fs/promises';
import { labDown, labStatus, labUp } from '../lab/lab';
import { LabError } from '../lab/errors';
import { probeStatus } from '../lab/readiness';
import type { LabState } from '../lab/state';

export interface DemoLab {
  readonly state: LabState;
  /** True when this run started the lab (and so stops it on exit). */
  readonly started: boolean;
  stop(): Promise<void>;
}

/** A running, healthy lab is reused (and left running); otherwise one is started and later stopped. */
export async function labForDemo(dir: string, log: (line: string) => void): Promise<DemoLab> {
  const running = await healthyLab(dir);
  if (running) {
    log(`==> reusing the running trust lab in ${dir}`);
    return { state: running, started: false, stop: () => Promise.resolve() };
  }
  log('==> starting the trust lab (notary-server, registries, signing the tutorial images; ~15 s)');
  const state = await labUp({ dir, bench: [], report: () => undefined });
  return {
    state,
    started: true,
    stop: async () => {
      await labDown(dir);
    },
  };
}

async function healthyLab(dir: string): Promise<LabState | undefined> {
  try {
    const { state, running } = await labStatus(dir);
    if (!running.notary || !running.http || !running.tls) return undefined;
    const ca = await readFile(state.notary.caPath, 'utf8');
    return (await probeStatus(`${state.notary.url}/_notary_server/health`, ca)) === 200 ? state : undefined;
  } catch (error: unknown) {
    if (error instanceof LabError && error.code === 'LAB_STATE_INVALID') return undefined;
    throw error;
  }
}

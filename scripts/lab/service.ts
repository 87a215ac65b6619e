import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from './errors';
import { freePort } from './ports';
import type { ProcessRecord } from './processes';
import { isRunning, removeProcessRecord, startDetached, stopProcess } from './processes';
import { waitUntilReady } from './readiness';

/** A running lab service that this process (or a previous `up`) started. */
export interface ServiceHandle {
  readonly name: string;
  /** Base URL, e.g. `https://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly record: ProcessRecord;
  readonly configPath: string;
  readonly pidPath: string;
  /** Stops exactly the recorded process (cmdline checked); a no-op when it is already gone. */
  stop(): Promise<void>;
  isRunning(): Promise<boolean>;
}

export interface ServiceSpec {
  readonly name: string;
  readonly binary: string;
  /** Work folder: config/NAME.json, logs/NAME.log, pids/NAME.json go below it. */
  readonly dir: string;
  readonly tls: boolean;
  /** CA that signed the service's TLS cert, for the readiness probe. */
  readonly caPath?: string;
  readonly readinessPath: string;
  readonly okStatuses: readonly number[];
  /** Builds the config for a port; written as JSON (the registry reads it as YAML, a superset). */
  readonly config: (port: number) => unknown;
  readonly args: (configPath: string) => readonly string[];
  /** Start on this port instead of a free one (restart of a stopped service; no retry). */
  readonly port?: number;
  readonly timeoutMs?: number;
}

const PORT_ATTEMPTS = 5;

/**
 * Picks a free port, starts the service detached and waits for its readiness URL; on a port collision
 * (another process bound the port between our probe and the service's bind) it tries a new port.
 */
export async function startService(spec: ServiceSpec): Promise<ServiceHandle> {
  const attempts = spec.port === undefined ? PORT_ATTEMPTS : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = spec.port ?? (await freePort());
    try {
      return await startAt(spec, port);
    } catch (error) {
      lastError = error;
      if (!(error instanceof LabError) || error.code !== 'LAB_PORT_IN_USE') throw error;
    }
  }
  throw new LabError('LAB_PORT_IN_USE', `no free port for ${spec.name} after ${attempts} attempts`, {
    cause: lastError,
    details: { service: spec.name },
  });
}

async function startAt(spec: ServiceSpec, port: number): Promise<ServiceHandle> {
  const configPath = join(spec.dir, 'config', `${spec.name}.json`);
  const logPath = join(spec.dir, 'logs', `${spec.name}.log`);
  const pidPath = join(spec.dir, 'pids', `${spec.name}.json`);
  await mkdir(join(spec.dir, 'config'), { recursive: true });
  await writeFile(configPath, `${JSON.stringify(spec.config(port), null, 2)}\n`);
  const started = await startDetached({
    name: spec.name,
    binary: spec.binary,
    args: spec.args(configPath),
    cwd: spec.dir,
    logPath,
    pidPath,
  });
  const url = `${spec.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  try {
    await waitUntilReady({
      url: `${url}${spec.readinessPath}`,
      caPath: spec.caPath,
      okStatuses: spec.okStatuses,
      exited: started.exited,
      logPath,
      timeoutMs: spec.timeoutMs,
    });
  } catch (error) {
    await stopProcess(started.record);
    await removeProcessRecord(pidPath);
    throw error;
  }
  return serviceHandle({ name: spec.name, url, port, record: started.record, configPath, pidPath });
}

/** Rebuilds a handle from what a previous `up` recorded (state file + pid file). */
export function serviceHandle(fields: {
  name: string;
  url: string;
  port: number;
  record: ProcessRecord;
  configPath: string;
  pidPath: string;
}): ServiceHandle {
  return {
    ...fields,
    stop: async () => {
      await stopProcess(fields.record);
      await removeProcessRecord(fields.pidPath);
    },
    isRunning: () => isRunning(fields.record),
  };
}

/** A fresh temporary work folder for a service started outside a lab (removing it is the caller's job). */
export function scratchDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'image-trust-lab-'));
}

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile } from 'node:fs/promises';
import { LabError } from './errors';
import { pollUntil } from './poll';

/** One GET; resolves with the status code, or undefined when nothing answered (refused, reset, TLS). */
export function probeStatus(url: string, caPem?: string, timeoutMs = 1_000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(target, { method: 'GET', timeout: timeoutMs, ca: caPem }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/**
 * Polls `url` until it answers with one of `okStatuses`, or fails with LAB_PROCESS_DIED as soon as the
 * service exits, or LAB_NOT_READY at the deadline. (trust-lab.md "Startup time": ready in < 0.4 s.)
 */
export async function waitUntilReady(options: {
  url: string;
  caPath?: string;
  okStatuses: readonly number[];
  exited: Promise<number | string>;
  logPath: string;
  timeoutMs?: number;
}): Promise<void> {
  const caPem = options.caPath === undefined ? undefined : await readFile(options.caPath, 'utf8');
  let exitStatus: number | string | undefined;
  void options.exited.then((status) => {
    exitStatus = status;
  });
  const ready = await pollUntil(
    async () => {
      if (exitStatus !== undefined) return true;
      const status = await probeStatus(options.url, caPem);
      return status !== undefined && options.okStatuses.includes(status);
    },
    { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 20 },
  );
  if (exitStatus !== undefined) {
    const log = await readFile(options.logPath, 'utf8').catch(() => '');
    const code = /address already in use/i.test(log) ? 'LAB_PORT_IN_USE' : 'LAB_PROCESS_DIED';
    throw new LabError(code, `service for ${options.url} exited (${exitStatus}); see ${options.logPath}`, {
      details: { url: options.url, log: options.logPath, tail: log.slice(-2000) },
    });
  }
  if (!ready) {
    throw new LabError('LAB_NOT_READY', `${options.url} did not become ready; see ${options.logPath}`, {
      details: { url: options.url, log: options.logPath },
    });
  }
}

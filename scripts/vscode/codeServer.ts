import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_BIN } from './paths';
import type { Scratch } from './scratch';

export interface CodeServerOptions {
  readonly scratch: Scratch;
  /** false adds --disable-workspace-trust (as test-electron does); true keeps VS Code's trust prompt. */
  readonly workspaceTrust: boolean;
  /** User settings written to the fresh user-data dir. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Forwarded to code-server and so to the extension host. */
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
  readonly startTimeoutMs: number;
}

export interface CodeServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly origin: string;
  readonly authority: string;
  readonly pid: number;
  /** Stops the whole process group (code-server, extension host, language servers) and waits for it. */
  stop(): Promise<void>;
}

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//;

/** Starts code-server on a free loopback port (vscode-test-harness.md "Start"). */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { scratch } = options;
  mkdirSync(join(scratch.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(scratch.userDataDir, 'User/settings.json'), JSON.stringify(options.settings, null, 2));
  const args = [
    '--bind-addr=127.0.0.1:0',
    '--auth=none',
    '--disable-telemetry',
    '--disable-update-check',
    `--user-data-dir=${scratch.userDataDir}`,
    `--extensions-dir=${scratch.extensionsDir}`,
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  // detached: a process group of its own, so stop() reaches the extension host and its children too.
  const child = spawn(CODE_SERVER_BIN, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // EXTENSIONS_GALLERY='{}': no open-vsx.org lookups (loopback only).
    env: { ...options.env, ...scratch.env, EXTENSIONS_GALLERY: '{}' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = (): Promise<void> => stopGroup(child, exited);
  try {
    const origin = await waitForListening(child, options);
    const { host } = new URL(origin);
    return { origin, authority: host, pid: child.pid ?? 0, stop };
  } catch (error: unknown) {
    await stop();
    throw error;
  }
}

function waitForListening(child: ChildProcess, options: CodeServerOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not listen within ${options.startTimeoutMs} ms`)),
      options.startTimeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') options.log(`[code-server] ${line}`);
        const match = LISTENING.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${String(code)} before listening`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** SIGTERM to the group, SIGKILL after a grace period; resolves once the leader has exited. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  killGroup(pid, 'SIGTERM');
  const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3000).unref());
  if ((await Promise.race([exited.then(() => 'exited' as const), grace])) === 'timeout') {
    killGroup(pid, 'SIGKILL');
    await exited;
  }
  // Children that ignored SIGTERM (extension host, language server) still hold the group.
  killGroup(pid, 'SIGKILL');
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { LabError } from './errors';
import { pollUntil } from './poll';

/** What the lab writes to `pids/NAME.json` for every service it starts (trust-lab.md "Services"). */
export interface ProcessRecord {
  readonly name: string;
  readonly pid: number;
  /** Absolute path of the binary; `stop` kills the PID only if /proc/PID/cmdline still starts with it. */
  readonly binary: string;
  readonly args: readonly string[];
  readonly logPath: string;
}

export interface StartedProcess {
  readonly record: ProcessRecord;
  /** Resolves with the exit code (or signal name) if the process ends while this node process watches. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts a service detached in its own process group (like `setsid CMD >log 2>&1 </dev/null &`) so it
 * survives the `up` command and can be killed as a group, and records its PID with the binary name.
 */
export async function startDetached(options: {
  name: string;
  binary: string;
  args: readonly string[];
  cwd: string;
  logPath: string;
  pidPath: string;
}): Promise<StartedProcess> {
  await mkdir(dirname(options.logPath), { recursive: true });
  await mkdir(dirname(options.pidPath), { recursive: true });
  const log = openSync(options.logPath, 'a');
  let child;
  try {
    child = spawn(options.binary, options.args, {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
    child.on('error', () => resolve(-1));
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) {
    throw new LabError('LAB_COMMAND_FAILED', `could not start ${options.binary}`, {
      details: { command: options.binary, log: options.logPath },
    });
  }
  const record: ProcessRecord = {
    name: options.name,
    pid,
    binary: options.binary,
    args: options.args,
    logPath: options.logPath,
  };
  await writeFile(options.pidPath, `${JSON.stringify(record, null, 2)}\n`);
  return { record, exited };
}

async function readProc(pid: number, file: string): Promise<string | undefined> {
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * True when PID is still the process we started: it exists, is not a zombie (in this sandbox PID 1
 * reaps late, trust-lab.md "Services"), and its cmdline starts with our binary and arguments, so a
 * reused PID never counts.
 */
export async function isRunning(record: ProcessRecord): Promise<boolean> {
  const stat = await readProc(record.pid, 'stat');
  if (stat === undefined) return false;
  // Field 3 follows the parenthesised command name, which may itself contain spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  if (state === 'Z' || state === 'X') return false;
  const cmdline = await readProc(record.pid, 'cmdline');
  if (cmdline === undefined) return false;
  const argv = cmdline.split('\0').filter((part, index, all) => part !== '' || index < all.length - 1);
  if (argv.length === 0 || basename(argv[0] ?? '') !== basename(record.binary)) return false;
  return record.args.every((arg, index) => argv[index + 1] === arg);
}

/** Kills the process group we started (TERM, then KILL after the deadline). Never touches other PIDs. */
export async function stopProcess(record: ProcessRecord, timeoutMs = 5_000): Promise<void> {
  if (!(await isRunning(record))) return;
  signalGroup(record.pid, 'SIGTERM');
  const gone = await pollUntil(async () => !(await isRunning(record)), { timeoutMs, intervalMs: 20 });
  if (gone) return;
  if (await isRunning(record)) signalGroup(record.pid, 'SIGKILL');
  await pollUntil(async () => !(await isRunning(record)), { timeoutMs: 2_000, intervalMs: 20 });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // detached ⇒ the child leads its own group, pgid = pid
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export async function readProcessRecord(pidPath: string): Promise<ProcessRecord | undefined> {
  let text: string;
  try {
    text = await readFile(pidPath, 'utf8');
  } catch {
    return undefined;
  }
  const value: unknown = JSON.parse(text);
  return isProcessRecord(value) ? value : undefined;
}

export async function removeProcessRecord(pidPath: string): Promise<void> {
  await rm(pidPath, { force: true });
}

export function isProcessRecord(value: unknown): value is ProcessRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    typeof v.pid === 'number' &&
    typeof v.binary === 'string' &&
    typeof v.logPath === 'string' &&
    Array.isArray(v.args) &&
    v.args.every((arg) => typeof arg === 'string')
  );
}

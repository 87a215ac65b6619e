import { spawn } from 'node:child_process';
import { LabError } from './errors';

export interface RunOptions {
  readonly cwd?: string;
  /** Added to (not replacing) process.env. */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to stdin, which is then closed (e.g. "yes\n" for `notary key rotate ... root`). */
  readonly input?: string | Uint8Array;
  /** Kill the tool after this long; every lab call has one so a hung tool cannot hang a test run. */
  readonly timeoutMs?: number;
  /** Exit codes that are an answer, not a failure (e.g. 1 for `notary lookup` of an unsigned tag). */
  readonly okExitCodes?: readonly number[];
}

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Runs one tool without a shell (arguments are never re-parsed) and collects its output.
 * Throws LabError LAB_COMMAND_FAILED with the command line, exit code and stderr in the details.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runBuffer(command, args, options).then((result) => ({
    exitCode: result.exitCode,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr,
  }));
}

/** As `run`, but keeps stdout as bytes (for `tar` and `gzip` output). */
export function runBuffer(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const describe = `${command} ${args.join(' ')}`;
    child.on('error', (cause) =>
      reject(
        new LabError('LAB_COMMAND_FAILED', `could not start ${command}`, {
          cause,
          details: { command: describe },
        }),
      ),
    );
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const exitCode = code ?? -1;
      const ok = exitCode === 0 || (options.okExitCodes ?? []).includes(exitCode);
      if (!ok) {
        reject(
          new LabError('LAB_COMMAND_FAILED', `${describe} failed (${signal ?? exitCode}): ${stderr.trim()}`, {
            details: { command: describe, exitCode, stderr: stderr.slice(0, 4000) },
          }),
        );
        return;
      }
      resolve({ exitCode, stdout: Buffer.concat(out), stderr });
    });
    child.stdin.on('error', () => undefined); // a tool that exits without reading stdin is not an error
    child.stdin.end(options.input ?? '');
  });
}

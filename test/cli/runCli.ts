import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT, withDeadline } from '../helpers/lspClient';

export const CLI_BUNDLE = resolve(REPO_ROOT, 'dist/cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/cli.js ARGS` in `cwd` and resolves when it exits (deadline: 30 s on a loaded machine).
 * `env` replaces the child's environment (default: this process's).
 */
export function runCli(
  args: readonly string[],
  cwd: string = REPO_ROOT,
  env?: NodeJS.ProcessEnv,
): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((settle) => child.on('close', (code) => settle({ code, stdout, stderr })));
  return withDeadline(done, 30_000, `exit of image-trust ${args.join(' ')}`, () => stderr);
}

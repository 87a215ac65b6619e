import { spawn } from 'node:child_process';
import type { Environment } from '../transport/proxy';

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly stdout: Uint8Array;
  readonly timedOut: boolean;
}

export interface ProcessRequest {
  readonly command: string;
  readonly args: readonly string[];
  readonly stdin: string;
  readonly timeoutMs: number;
  /** stdout beyond this is dropped and the process killed. */
  readonly maxOutputBytes: number;
}

/** Runs a program without a shell; injected so tests and untrusted workspaces control what runs. */
export type ProcessRunner = (request: ProcessRequest) => Promise<ProcessResult>;

/**
 * The default runner: `spawn` without a shell, with the environment given by the factory (PATH decides
 * which helper runs), killed at the deadline. stderr is ignored because helpers may print secrets there.
 */
export function createProcessRunner(env: Environment): ProcessRunner {
  return (request) =>
    new Promise((resolve, reject) => {
      const child = spawn(request.command, request.args, {
        env,
        shell: false,
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, request.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxOutputBytes) child.kill('SIGKILL');
        else chunks.push(chunk);
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code, stdout: Buffer.concat(chunks), timedOut });
      });
      child.stdin.on('error', () => {
        // A helper that exits without reading stdin closes the pipe; its exit code tells the story.
      });
      child.stdin.end(request.stdin);
    });
}

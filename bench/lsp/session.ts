/**
 * One measured session against one server process: start → initialize → (settings pulled) → didOpen →
 * first publishDiagnostics → didChange that misspells one key → the publishDiagnostics that reports it →
 * VmRSS → shutdown. A fresh process per session, so every open is a first open in a new editor session.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Fixture } from './fixtures';
import type { Notification } from './lspConnection';
import { BenchError, LspConnection } from './lspConnection';
import type { ServerSpec } from './servers';

export interface SessionResult {
  /** Spawn → ready for didOpen (settings pulled, start-up indexing done): work a server does before the file. */
  readonly startupMs: number;
  /** Server CPU for the same span. */
  readonly startupCpuMs: number;
  readonly openMs: number;
  readonly openDiagnostics: number;
  readonly changeMs: number;
  /** The first publish after the change, whatever it held (equals changeMs unless the server publishes twice). */
  readonly changeFirstPublishMs: number;
  readonly changeDiagnostics: number;
  readonly rssKiB: number;
  /** Server CPU time (user + system, /proc/<pid>/stat, 10 ms ticks) from didOpen to its diagnostics. */
  readonly openCpuMs: number;
  /** The same from didChange to the diagnostics that report it. */
  readonly changeCpuMs: number;
  /**
   * What this client then spent decoding the publish that ends openMs / changeMs (`JSON.parse`): not part of
   * those times, which end where the bytes arrive; shown so the size of each server's answers is visible.
   */
  readonly openDecodeMs: number;
  readonly changeDecodeMs: number;
  /** The message of the diagnostic on the misspelt line, to show both servers really found it. */
  readonly typoMessage: string;
}

interface Diagnostic {
  readonly range: { readonly start: { readonly line: number } };
  readonly message: string;
}

function diagnosticsOf(n: Notification): { uri: string; diagnostics: Diagnostic[] } {
  const params = n.params as { uri?: unknown; diagnostics?: unknown };
  return {
    uri: typeof params.uri === 'string' ? params.uri : '',
    diagnostics: Array.isArray(params.diagnostics) ? (params.diagnostics as Diagnostic[]) : [],
  };
}

export function readRssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (match === null) throw new BenchError('BENCH_SETUP', `no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

/** user + system CPU of a process in ms; /proc/<pid>/stat fields 14 and 15 are in clock ticks (100 Hz here). */
export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new BenchError('BENCH_SETUP', `no CPU times for pid ${pid}`);
  return ticks * (1000 / CLOCK_TICKS_PER_SECOND);
}

/** `getconf CLK_TCK` on Linux x86-64. */
const CLOCK_TICKS_PER_SECOND = 100;

const WAIT_MS = 120_000;

/** `rootDir` is the (empty) workspace folder; the file lies outside it so start-up indexing does not read it. */
export async function runSession(
  spec: ServerSpec,
  fixture: Fixture,
  filePath: string,
  rootDir: string,
): Promise<SessionResult> {
  const spawnedAt = performance.now();
  const child = spawn(spec.command, [...spec.args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: rootDir });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString('utf8');
  });
  const pulled = new Set<string>();
  let onPulled: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    const check = (): void => {
      if (spec.settledAfterSections.every((s) => pulled.has(s))) resolve();
    };
    onPulled = check;
    check();
  });
  const connection = new LspConnection(child, (method, params) => {
    if (method === 'workspace/configuration') {
      const items = (params as { items?: { section?: string }[] }).items ?? [];
      const answer = items.map((item) => spec.configuration(item.section) ?? null);
      // Mark after answering: the server applies the settings when the answer arrives.
      setImmediate(() => {
        for (const item of items) if (item.section !== undefined) pulled.add(item.section);
        onPulled();
      });
      return answer;
    }
    return null; // client/registerCapability, window/workDoneProgress/create, …
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const uri = pathToFileURL(filePath).href;
    const rootUri = pathToFileURL(rootDir).href;
    const init = (await connection.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    })) as { capabilities?: { textDocumentSync?: number | { change?: number } } };
    const sync = init.capabilities?.textDocumentSync;
    const changeKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
    const startedUp =
      spec.settledAfterNotification === undefined
        ? Promise.resolve()
        : connection.waitFor(
            (n) => n.method === spec.settledAfterNotification,
            WAIT_MS,
            spec.settledAfterNotification,
          );
    connection.notify('initialized', {});
    await Promise.race([
      Promise.all([settled, startedUp]),
      new Promise((_, reject) =>
        setTimeout(() => reject(new BenchError('LSP_TIMEOUT', 'settings never pulled')), WAIT_MS),
      ),
    ]);

    const startupMs = performance.now() - spawnedAt;
    const startupCpuMs = readCpuMs(connection.pid);
    const isOurs = (n: Notification): boolean =>
      n.method === 'textDocument/publishDiagnostics' && diagnosticsOf(n).uri === uri;
    const opened = connection.waitFor(isOurs, WAIT_MS, 'publishDiagnostics after didOpen');
    const cpu0 = readCpuMs(connection.pid);
    const t0 = performance.now();
    connection.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: fixture.text },
    });
    const openN = await opened;
    const cpu1 = readCpuMs(connection.pid);

    const { typo } = fixture;
    const firstAfterChange = connection.waitFor(isOurs, WAIT_MS, 'publishDiagnostics after didChange');
    const reported = connection.waitFor(
      (n) => isOurs(n) && diagnosticsOf(n).diagnostics.some((d) => d.range.start.line === typo.line),
      WAIT_MS,
      'a diagnostic on the misspelt key',
    );
    const range = {
      start: { line: typo.line, character: typo.character },
      end: { line: typo.line, character: typo.character + typo.length },
    };
    const lines = fixture.text.split('\n');
    const line = lines[typo.line] ?? '';
    lines[typo.line] =
      line.slice(0, typo.character) + typo.newText + line.slice(typo.character + typo.length);
    const cpuBeforeChange = readCpuMs(connection.pid);
    const t1 = performance.now();
    connection.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: changeKind === 2 ? [{ range, text: typo.newText }] : [{ text: lines.join('\n') }],
    });
    const [firstN, reportedN] = await Promise.all([firstAfterChange, reported]);
    const cpu2 = readCpuMs(connection.pid);
    const rssKiB = readRssKiB(connection.pid);
    const typoDiagnostic = diagnosticsOf(reportedN).diagnostics.find((d) => d.range.start.line === typo.line);
    await connection.request('shutdown', null);
    connection.notify('exit', null);
    return {
      startupMs,
      startupCpuMs,
      openMs: openN.at - t0,
      openDiagnostics: diagnosticsOf(openN).diagnostics.length,
      changeMs: reportedN.at - t1,
      changeFirstPublishMs: firstN.at - t1,
      openDecodeMs: openN.parsedAt - openN.at,
      changeDecodeMs: reportedN.parsedAt - reportedN.at,
      changeDiagnostics: diagnosticsOf(reportedN).diagnostics.length,
      rssKiB,
      openCpuMs: cpu1 - cpu0,
      changeCpuMs: cpu2 - cpuBeforeChange,
      typoMessage: typoDiagnostic?.message ?? '',
    };
  } catch (error) {
    throw new BenchError(
      'LSP_ERROR',
      `${spec.id} on ${fixture.name}: ${String(error)}\n${stderr.slice(-2000)}`,
      { cause: error },
    );
  } finally {
    // Give the server its own clean exit first (it was sent `exit`), then make sure it is gone.
    const grace = setTimeout(() => child.kill('SIGTERM'), 2_000);
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(grace);
    clearTimeout(hard);
  }
}

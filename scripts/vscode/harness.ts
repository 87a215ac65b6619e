// Runs an extension's tests inside a real VS Code 1.100.3 (code-server's remote extension host), driven by
// headless chromium: a stand-in for the VS Code executable that @vscode/test-electron's runTests spawns.
// Usage: scripts/vscode/harness [FOLDER] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//        [--enable-workspace-trust]   (other VS Code/Electron flags are ignored)
// Env: VSCODE_HARNESS_TIMEOUT_MS (default 180000), VSCODE_HARNESS_WORKSPACE_TRUST=1, VSCODE_HARNESS_VERBOSE=1.
// Exit code: the one the workbench reports through window.codeAutomationExit; 2 on harness errors/timeouts.
import { launchChromium, openLoopbackPage } from './browser';
import { startCodeServer } from './codeServer';
import { forwardConsole } from './consoleLines';
import { parseHarnessArgs, type HarnessArgs } from './harnessArgs';
import { deadline, Resources } from './resources';
import { createScratch } from './scratch';
import { harnessSettings } from './settings';
import { workbenchUrl } from './workbenchUrl';

const EXIT_HARNESS_ERROR = 2;
const timeoutMs = Number(process.env['VSCODE_HARNESS_TIMEOUT_MS'] ?? 180_000);
const verbose = process.env['VSCODE_HARNESS_VERBOSE'] === '1';
const log = (line: string): void => void process.stdout.write(`${line}\n`);
const debug = (line: string): void => (verbose ? log(line) : undefined);

async function runTests(args: HarnessArgs, resources: Resources): Promise<number> {
  const scratch = await resources.track(createScratch(), (s) => Promise.resolve(s.remove()));
  const server = await resources.track(
    await startCodeServer({
      scratch,
      workspaceTrust: args.workspaceTrust,
      settings: harnessSettings(args.workspaceTrust),
      env: process.env,
      log: debug,
      startTimeoutMs: 30_000,
    }),
    (s) => s.stop(),
  );
  const browser = await resources.track(await launchChromium(scratch), (b) => b.close());
  const { page } = await openLoopbackPage(browser, log);
  // The workbench calls window.codeAutomationExit(code) when the tests' run() promise settles.
  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: unknown) =>
    reportExit(typeof code === 'number' ? code : 1),
  );
  // Mocha's reporter runs in the extension host, whose console the workbench mirrors into the page.
  const console = forwardConsole(page, (line, noise) => (noise ? debug : log)(line));
  page.on('pageerror', (error) => debug(`[page error] ${error.message}`));
  const url = workbenchUrl({ ...server, ...args });
  debug(`[harness] opening ${url}`);
  // 'commit': the workbench keeps loading long after the tests could start; the exit code is what counts.
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  const code = await exitCode;
  await console.drain();
  return code;
}

async function main(): Promise<number> {
  const args = parseHarnessArgs(process.argv.slice(2), process.env, process.cwd());
  if (args.extensionTestsPath === undefined) throw new Error('--extensionTestsPath is required');
  const resources = new Resources();
  const onSignal = (): void => void resources.close().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    return await Promise.race([runTests(args, resources), deadline(timeoutMs, 'the test run')]);
  } finally {
    await resources.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`[harness] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(EXIT_HARNESS_ERROR);
  },
);

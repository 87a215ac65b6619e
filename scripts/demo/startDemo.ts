// `npm start`: the trust lab with the IBM tutorial's images, the freshly packaged .vsix installed into
// code-server, and a demo workspace (.lab/demo-workspace/) opened in it. Prints the URL; Ctrl-C stops
// everything this run started (a lab that was already running is left running).
// Run through scripts/start-demo.sh, which installs the tools first. code-server listens on a free 127.0.0.1 port.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer, type CodeServer } from '../vscode/codeServer';
import { REPO_ROOT } from '../vscode/paths';
import { createScratch } from '../vscode/scratch';
import { harnessSettings } from '../vscode/settings';
import { installVsix } from '../../test/ui/installVsix';
import { defaultLabDir } from '../lab/paths';
import { demoUserSettings, writeDemoWorkspace } from './demoWorkspace';
import { labForDemo, type DemoLab } from './labForDemo';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function packagedVsix(): string {
  const name = readdirSync(REPO_ROOT).find((file) => /^image-trust-.*\.vsix$/.test(file));
  if (!name) throw new Error('no image-trust-*.vsix in the repository root: run `npm run package` first');
  return join(REPO_ROOT, name);
}

async function main(): Promise<void> {
  const cleanups: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log('\n==> stopping what this run started');
      for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => log(`   ${String(e)}`));
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0)).once('SIGTERM', () => void stop(0));

  const labDir = defaultLabDir();
  const lab: DemoLab = await labForDemo(labDir, log);
  if (lab.started) cleanups.push(() => lab.stop());
  const workspace = join(labDir, 'demo-workspace');
  writeDemoWorkspace(lab.state, workspace);

  const scratch = createScratch();
  cleanups.push(() => Promise.resolve(scratch.remove()));
  const vsix = packagedVsix();
  log(`==> installing ${vsix} into code-server`);
  installVsix(vsix, scratch);
  const server: CodeServer = await startCodeServer({
    scratch,
    // Trusted: Restricted Mode would contact no trust server.
    workspaceTrust: false,
    // The demo workspace lives inside this git repository: no "open the parent repository?" prompt. The lab's
    // trust server, CA and insecure registry are machine-scoped: user settings, never the workspace's.
    settings: {
      ...harnessSettings(false),
      'git.openRepositoryInParentFolders': 'never',
      ...demoUserSettings(lab.state),
    },
    env: process.env,
    log: () => undefined,
    startTimeoutMs: 60_000,
  });
  cleanups.push(() => server.stop());

  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}`;
  log('');
  log(`Image Trust demo is running. Open:\n\n    ${url}\n`);
  log(`Lab: notary-server ${lab.state.notary.url}, registry ${lab.state.registries.http.url}`);
  log(`Workspace: ${workspace} (imagepolicy.yaml, mypod.yaml)`);
  log(
    `User settings (trust server, CA, insecure registry): ${join(scratch.userDataDir, 'User/settings.json')}`,
  );
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  log(`start-demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

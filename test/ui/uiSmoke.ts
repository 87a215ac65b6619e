// UI smoke test of the packaged extension in a real VS Code 1.100.3 (code-server) driven by headless
// chromium: install the .vsix, open the tutorial workspace (examples/), open mypod.yaml, see the
// admission-denied squiggle, its hover and the Problems entry. Screenshots go to docs/screenshots/.
// Usage: tsx test/ui/uiSmoke.ts [path/to.vsix]   (default out/ui/image-trust.vsix; `npm run test:ui` builds it)
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openLoopbackPage } from '../../scripts/vscode/browser';
import { startCodeServer, type CodeServer } from '../../scripts/vscode/codeServer';
import { REPO_ROOT } from '../../scripts/vscode/paths';
import { deadline, Resources } from '../../scripts/vscode/resources';
import { createScratch } from '../../scripts/vscode/scratch';
import { harnessSettings } from '../../scripts/vscode/settings';
import { workbenchUrl } from '../../scripts/vscode/workbenchUrl';
import { installVsix } from './installVsix';
import { Steps } from './steps';
import { editorToken, explorerItem, pointAt, SELECTORS, UI_TIMEOUT_MS } from './workbench';

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const DENIED = 'Deny "hello-world:latest", no matching repositories in the ImagePolicies';

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOTS, name) });

async function smoke(vsix: string, resources: Resources, steps: Steps): Promise<void> {
  const scratch = await resources.track(createScratch(), (s) => Promise.resolve(s.remove()));
  const folder = join(scratch.root, 'tutorial');
  cpSync(join(REPO_ROOT, 'examples'), folder, { recursive: true });
  await steps.run('install the .vsix', () => installVsix(vsix, scratch));
  const server = await steps.run('code-server listening', async () =>
    resources.track(
      await startCodeServer({
        scratch,
        workspaceTrust: false,
        // imageTrust.network off: the run stays on 127.0.0.1 (no trust server or registry is contacted).
        settings: {
          ...harnessSettings(false),
          'workbench.colorTheme': 'Default Light Modern',
          'imageTrust.network': false,
        },
        env: process.env,
        log: () => undefined,
        startTimeoutMs: 30_000,
      }),
      (s) => s.stop(),
    ),
  );
  const browser = await steps.run('chromium launched', async () =>
    resources.track(await launchChromium(scratch), (b) => b.close()),
  );
  const { page } = await openLoopbackPage(browser, (line) => console.log(line), { width: 1100, height: 620 });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  try {
    await walkThrough(page, server, folder, steps);
  } catch (error: unknown) {
    // What the page looked like when a step failed (out/ is git-ignored).
    await page.screenshot({ path: join(REPO_ROOT, 'out/ui/failure.png') }).catch(() => undefined);
    throw error;
  }
}

async function walkThrough(page: Page, server: CodeServer, folder: string, steps: Steps): Promise<void> {
  await steps.run('workbench ready (Explorer lists mypod.yaml)', async () => {
    await page.goto(
      workbenchUrl({ ...server, folder, extensionDevelopmentPaths: [], extensionTestsPath: undefined }),
    );
    await explorerItem(page, 'mypod.yaml').waitFor();
  });
  await shot(page, '01-workbench.png');
  await steps.run('mypod.yaml open in the editor', async () => {
    await explorerItem(page, 'mypod.yaml').click();
    await page.locator(SELECTORS.editor).first().waitFor();
  });
  const squiggle = page.locator(SELECTORS.errorSquiggle).first();
  await steps.run('admission-denied squiggle visible (activation + validation)', () => squiggle.waitFor());
  await shot(page, '02-squiggle.png');
  await steps.run('hover shows the denial and offers a quick fix', async () => {
    // The token the diagnostic covers: the squiggle is under it (another image may have an info squiggle).
    await pointAt(page, editorToken(page, 'hello-world:latest'), 'hover');
    // "Quick Fix..." replaces "Checking for quick fixes..." once the server's code actions arrived.
    await page
      .locator(SELECTORS.hover, { hasText: DENIED })
      .filter({ hasText: 'Quick Fix' })
      .first()
      .waitFor();
  });
  await shot(page, '03-hover.png');
  await steps.run('quick fix menu offers to allow the image', () => openQuickFix(page));
  await shot(page, '04-quickfix.png');
  await steps.run('Problems panel lists it', () => openProblems(page));
  await shot(page, '05-problems.png');
}

async function dismissWidgets(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator(SELECTORS.hover).first().waitFor({ state: 'hidden' });
}

async function openQuickFix(page: Page): Promise<void> {
  await dismissWidgets(page);
  await pointAt(page, editorToken(page, 'hello-world:latest'), 'click');
  await page.keyboard.press('Control+.');
  await page
    .locator(SELECTORS.actionWidget, { hasText: 'Allow "hello-world" in the policy' })
    .first()
    .waitFor();
}

async function openProblems(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(SELECTORS.actionWidget).first().waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+Shift+M');
  await page.locator(SELECTORS.problemsRow, { hasText: 'admission-denied' }).first().waitFor();
}

async function main(): Promise<void> {
  const vsix = resolve(process.argv[2] ?? join(REPO_ROOT, 'out/ui/image-trust.vsix'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const resources = new Resources();
  const steps = new Steps();
  const onSignal = (): void => void resources.close().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await Promise.race([smoke(vsix, resources, steps), deadline(180_000, 'the UI smoke test')]);
    console.log(
      `UI smoke test passed in ${(steps.totalMs() / 1000).toFixed(1)} s; screenshots in docs/screenshots/`,
    );
  } finally {
    await resources.close();
  }
}

main().catch((error: unknown) => {
  console.error(`UI smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_BIN } from './paths';
import type { Scratch } from './scratch';

/** Headless Debian chromium; its config/cache go to the scratch dir, not $HOME (vscode-test-harness.md pitfalls). */
export function launchChromium(scratch: Scratch): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    env: { ...process.env, ...scratch.env },
  });
}

/** A page whose every non-loopback request is aborted (127.0.0.1 only at run time). */
export async function openLoopbackPage(
  browser: Browser,
  log: (line: string) => void,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.route('**/*', async (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    const local =
      protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
    if (local) {
      await route.continue();
      return;
    }
    log(`[harness] aborted non-loopback request ${route.request().url()}`);
    await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  return { context, page };
}

import type { Locator, Page } from 'playwright-core';

/** Selectors of the VS Code 1.100 workbench the smoke test relies on (one place to fix after an upgrade). */
export const SELECTORS = {
  explorerRow: '.explorer-folders-view .monaco-list-row',
  editor: '.editor-instance .monaco-editor',
  errorSquiggle: '.monaco-editor .squiggly-error',
  hover: '.monaco-hover:not(.hidden)',
  problemsRow: '.markers-panel .monaco-list-row',
  actionWidget: '.action-widget',
} as const;

export const UI_TIMEOUT_MS = 60_000;

export function explorerItem(page: Page, name: string): Locator {
  return page.locator(SELECTORS.explorerRow, { hasText: name }).first();
}

/**
 * Points at a squiggle. `locator.hover()`/`click()` fail (the text layer above the decoration intercepts
 * pointer events), so the mouse goes to the centre of its bounding box (vscode-test-harness.md pitfalls).
 */
export async function pointAt(page: Page, target: Locator, action: 'hover' | 'click'): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the squiggle has no bounding box (not visible)');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y, { steps: 4 });
  if (action === 'click') await page.mouse.click(x, y);
}

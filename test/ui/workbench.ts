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

/** The editor's token span whose whole text is `text` (e.g. the image value a diagnostic covers). */
export function editorToken(page: Page, text: string): Locator {
  return page
    .locator('.view-lines .view-line span span', { hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .first();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function explorerItem(page: Page, name: string): Locator {
  return page.locator(SELECTORS.explorerRow, { hasText: name }).first();
}

/**
 * Points at editor text. `locator.hover()`/`click()` on a squiggle fail (the text layer above the
 * decoration intercepts pointer events), so the mouse goes straight to the centre of the target's
 * bounding box (vscode-test-harness.md pitfalls), without passing over other lines on the way.
 */
export async function pointAt(page: Page, target: Locator, action: 'hover' | 'click'): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the target has no bounding box (not visible)');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  if (action === 'click') await page.mouse.click(x, y);
}

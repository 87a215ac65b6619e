import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openWorkspaceFile, plainRange, rangeOf } from '../support/workspace';

/** The plain text of every hover's contents. */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

suite('hover', () => {
  test('when hovering the repositories key of the tutorial policy → the schema documentation is shown', async () => {
    const { document } = await openWorkspaceFile('imagepolicy.yaml');
    const key = rangeOf(document, 'repositories');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(key.start.line, key.start.character + 3),
    );
    assert.match(hoverText(hovers), /\*\*Repositories\*\*/);
    const ours = hovers.find((hover) => hoverText([hover]).includes('**Repositories**'));
    assert.deepEqual(ours?.range && plainRange(ours.range), key);
  });
});

import type * as vscode from 'vscode';
import { codeOf, waitForCodeAt } from './diagnostics';
import { rangeOf } from './workspace';

/** What the controller says of the tutorial pod's Docker Hub image once imagepolicy.yaml is known. */
export const DOCKER_HUB_DENIAL = 'Deny "hello-world:latest", no matching repositories in the ImagePolicies';

/**
 * The denial of mypod.yaml's Docker Hub image as the workspace's policies decide it. Until the server has
 * indexed the workspace it denies both images ("no image policies"), so neither the first denial nor the
 * first one at this range will do: a test that takes it would wait for a fix that never comes.
 */
export async function dockerHubDenial(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
  const isIt = (d: vscode.Diagnostic): boolean =>
    codeOf(d) === 'admission-denied' && d.message === DOCKER_HUB_DENIAL;
  const here = await waitForCodeAt(
    document.uri,
    'admission-denied',
    rangeOf(document, 'hello-world:latest', 'image: '),
    isIt,
  );
  const denial = here.find(isIt);
  if (!denial) throw new Error('waitForCodeAt resolved without the denial it waited for');
  return denial;
}

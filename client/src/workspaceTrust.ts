import * as vscode from 'vscode';
import {
  ResponseError,
  type CancellationToken,
  type ConfigurationParams,
  type HandlerResult,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../shared/settings';

type Answer = unknown[] | ResponseError<void>;
type Next = (params: ConfigurationParams, token: CancellationToken) => HandlerResult<Answer, void>;

/**
 * `workspace/configuration` middleware: the `imageTrust` section the server pulls carries
 * `workspaceTrusted` (shared/trustSettings.ts), so the server fetches nothing in Restricted Mode.
 */
export async function withWorkspaceTrust(
  params: ConfigurationParams,
  token: CancellationToken,
  next: Next,
): Promise<Answer> {
  const answer = await next(params, token);
  if (answer instanceof ResponseError || !Array.isArray(answer)) return answer;
  return answer.map((value: unknown, index) => {
    const section = params.items[index]?.section;
    if (section !== SETTINGS_SECTION || typeof value !== 'object' || value === null) return value;
    return { ...(value as Record<string, unknown>), workspaceTrusted: vscode.workspace.isTrusted };
  });
}

import type { TrustInspectJson } from './inspect.types';

/**
 * `docker trust inspect` JSON output: Docker's IndentedInspector joins the compact documents into an
 * array and runs `json.Indent(…, "", "    ")`, which for this ASCII-only model equals 4-space
 * JSON.stringify, followed by a newline.
 */
export function formatInspectJson(models: readonly TrustInspectJson[]): string {
  return models.length === 0 ? '[]\n' : `${JSON.stringify(models, null, 4)}\n`;
}

import type { HttpResponse } from '../io';
import { RegistryError, isRegistryErrorCode, type RegistryErrorCode } from './registryError';
import { isRecord } from '../transport/jsonValue';

export interface RegistryErrorEntry {
  readonly code: string;
  readonly message: string;
}

/** `{"errors":[{"code","message","detail"}]}` (distribution-spec "Error Codes"); [] when absent or unparsable. */
export function parseErrorBody(body: Uint8Array): RegistryErrorEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return [];
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.errors)) return [];
  return parsed.errors.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.code === 'string'
      ? [{ code: entry.code.toUpperCase(), message: typeof entry.message === 'string' ? entry.message : '' }]
      : [],
  );
}

function codeForStatus(status: number): RegistryErrorCode {
  if (status >= 300 && status < 400) return 'REDIRECT_REFUSED';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'DENIED';
  if (status === 429) return 'TOOMANYREQUESTS';
  return 'SERVER_ERROR';
}

/** The RegistryError for a non-success answer: the first known code in the body, else one from the status. */
export function registryErrorFor(
  response: HttpResponse,
  context: Record<string, string | number>,
): RegistryError {
  const entries = parseErrorBody(response.body);
  const known = entries.find((entry) => isRegistryErrorCode(entry.code));
  const code =
    known !== undefined && isRegistryErrorCode(known.code) ? known.code : codeForStatus(response.status);
  // The registry's message is shown, truncated: it is the registry's text, not ours, and never a secret of ours.
  const registryMessage = (known ?? entries[0])?.message.slice(0, 200) ?? '';
  const details = {
    ...context,
    status: response.status,
    ...(registryMessage === '' ? {} : { registryMessage }),
  };
  const suffix = registryMessage === '' ? '' : `: ${registryMessage}`;
  return new RegistryError(code, `the registry answered ${response.status} ${code}${suffix}`, { details });
}

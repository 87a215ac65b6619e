import { TrustError } from '../errors';
import type { Credential } from './credential';
import type { ProcessRunner } from './processRunner';
import { isRecord } from '../transport/jsonValue';

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const MAX_OUTPUT_BYTES = 64 * 1024;

/**
 * `docker-credential-<name> get`, the docker-credential-helpers protocol: the server URL on stdin, a JSON
 * `{"ServerURL","Username","Secret"}` on stdout. Username `<token>` marks an identity token; exit ≠ 0 with
 * "credentials not found" on stdout means no credential (docker/cli `nativeStore`,
 * docker-credential-helpers `client.Get`).
 */
export async function getFromCredentialHelper(
  run: ProcessRunner,
  helper: string,
  serverUrl: string,
  timeoutMs: number,
): Promise<Credential | undefined> {
  if (!HELPER_NAME.test(helper)) {
    throw new TrustError('CONFIGURATION', `the credential helper name "${helper}" is not valid`, {
      details: { helper },
    });
  }
  const command = `docker-credential-${helper}`;
  let result;
  try {
    result = await run({
      command,
      args: ['get'],
      stdin: serverUrl,
      timeoutMs,
      maxOutputBytes: MAX_OUTPUT_BYTES,
    });
  } catch (cause) {
    throw new TrustError('CONFIGURATION', `the credential helper ${command} could not be started`, {
      cause,
      details: { helper },
    });
  }
  if (result.timedOut) {
    throw new TrustError(
      'TIMEOUT',
      `the credential helper ${command} did not answer within ${timeoutMs} ms`,
      {
        details: { helper },
      },
    );
  }
  const stdout = Buffer.from(result.stdout).toString('utf8').trim();
  if (result.exitCode !== 0) {
    if (/credentials not found/i.test(stdout)) return undefined;
    // stdout of a failed helper is not echoed: it could hold part of a secret.
    throw new TrustError(
      'CONFIGURATION',
      `the credential helper ${command} failed (exit ${String(result.exitCode)})`,
      {
        details: { helper },
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (cause) {
    throw new TrustError('CONFIGURATION', `the credential helper ${command} did not print JSON`, {
      cause,
      details: { helper },
    });
  }
  if (!isRecord(parsed) || typeof parsed.Username !== 'string' || typeof parsed.Secret !== 'string') {
    throw new TrustError('CONFIGURATION', `the credential helper ${command} printed no Username/Secret`, {
      details: { helper },
    });
  }
  if (parsed.Secret === '') return undefined;
  if (parsed.Username === '<token>')
    return { kind: 'identityToken', username: '', identityToken: parsed.Secret };
  return { kind: 'basic', username: parsed.Username, password: parsed.Secret };
}

import { TrustError } from '../errors';
import type { Credential } from './credential';
import { isRecord } from '../transport/jsonValue';

/** The parts of Docker's `config.json` that hold credentials (docker/cli `configfile.ConfigFile`). */
export interface DockerConfig {
  readonly auths: Readonly<Record<string, Credential | undefined>>;
  readonly credsStore?: string;
  readonly credHelpers: Readonly<Record<string, string>>;
}

export const EMPTY_DOCKER_CONFIG: DockerConfig = { auths: {}, credHelpers: {} };

function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * One `auths` entry. As Docker's `decodeAuth`: a base64 `auth` of `user:password` wins over
 * `username`/`password`; `identitytoken` means the secret is a refresh token.
 */
function entryCredential(entry: unknown, key: string): Credential | undefined {
  if (!isRecord(entry)) return undefined;
  let username = stringField(entry, 'username');
  let password = stringField(entry, 'password');
  const encoded = stringField(entry, 'auth');
  if (encoded !== undefined) {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
      // The value is a secret: name the entry, never the content.
      throw new TrustError(
        'CONFIGURATION',
        `the "auth" value for ${key} in the Docker config is not base64 user:password`,
        {
          details: { registry: key },
        },
      );
    }
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  const identityToken = stringField(entry, 'identitytoken');
  if (identityToken !== undefined) return { kind: 'identityToken', username: username ?? '', identityToken };
  if (username !== undefined && password !== undefined) return { kind: 'basic', username, password };
  return undefined;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value))
    if (typeof entry === 'string' && entry !== '') out[key] = entry;
  return out;
}

export function parseDockerConfig(bytes: Uint8Array, path: string): DockerConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new TrustError('CONFIGURATION', `the Docker config ${path} is not valid JSON`, {
      cause,
      details: { path },
    });
  }
  if (!isRecord(parsed)) {
    throw new TrustError('CONFIGURATION', `the Docker config ${path} is not a JSON object`, {
      details: { path },
    });
  }
  const auths: Record<string, Credential | undefined> = {};
  if (isRecord(parsed.auths)) {
    for (const [key, entry] of Object.entries(parsed.auths)) auths[key] = entryCredential(entry, key);
  }
  const credsStore = stringField(parsed, 'credsStore');
  return {
    auths,
    ...(credsStore === undefined ? {} : { credsStore }),
    credHelpers: stringMap(parsed.credHelpers),
  };
}

/**
 * The trust part of the `imageTrust.*` settings (server/src/trustService). Read by the language server
 * and built from flags by the CLI. URL, CA and insecure-host settings are `machine`-scoped in
 * package.json, so a workspace's own `.vscode/settings.json` cannot redirect lookups or turn off TLS.
 */

/**
 * The settings a workspace must not set: where trust data comes from, which CA vouches for it, and which
 * hosts skip TLS. `machine` scope in package.json, so VS Code reads them from user settings (in a remote
 * window, such as code-server, from the remote machine's settings: the language server runs there and the
 * CA paths name its files) and never from workspace or folder settings.
 */
export const MACHINE_SCOPED_SETTINGS = [
  'imageTrust.trust.servers',
  'imageTrust.trust.caFiles',
  'imageTrust.trust.insecureHosts',
] as const;

export type PinStyleSetting = 'portieris' | 'renovate';
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface TrustSettings {
  /** Registry host (`host[:port]`, or host for any port) → Notary server URL, e.g. `{"registry.example:5000": "https://notary.example:4443"}`. */
  readonly servers: Readonly<Record<string, string>>;
  /** Host (`host[:port]`) → PEM CA bundle path added to the system roots for that host. */
  readonly caFiles: Readonly<Record<string, string>>;
  /** Hosts whose TLS is not verified and which may be spoken to over plain HTTP. */
  readonly insecureHosts: readonly string[];
  /** Deadline of one HTTP request, seconds. */
  readonly timeoutSeconds: number;
  /** How long a looked-up answer is reused before it is fetched again, seconds. */
  readonly freshnessSeconds: number;
  /** How pin quick fixes write the digest. */
  readonly pinStyle: PinStyleSetting;
  /** False: nothing is fetched (`--offline`). */
  readonly network: boolean;
  /** Diagnostic code → severity, or `off` to hide it. */
  readonly severity: Readonly<Record<string, SeverityOverride>>;
}

export const DEFAULT_TRUST_SETTINGS: TrustSettings = {
  servers: {},
  caFiles: {},
  insecureHosts: [],
  timeoutSeconds: 15,
  freshnessSeconds: 300,
  pinStyle: 'portieris',
  network: true,
  severity: {},
};

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown, accept: (v: string) => boolean): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' && key.trim() !== '' && accept(entry))
      out[key.trim().toLowerCase()] = entry;
  }
  return out;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function seconds(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max ? value : fallback;
}

/** Reads `imageTrust.trust` plus the top-level `pinStyle`, `network` and `severity` from untrusted JSON. */
export function readTrustSettings(section: unknown): TrustSettings {
  if (!isRecord(section)) return DEFAULT_TRUST_SETTINGS;
  const trust = isRecord(section.trust) ? section.trust : {};
  const insecure = Array.isArray(trust.insecureHosts)
    ? trust.insecureHosts.filter((h): h is string => typeof h === 'string' && h.trim() !== '')
    : [];
  const severity = stringMap(section.severity, (v) => SEVERITIES.includes(v)) as Record<
    string,
    SeverityOverride
  >;
  return {
    servers: stringMap(trust.servers, isHttpsUrl),
    caFiles: stringMap(trust.caFiles, (v) => v.trim() !== ''),
    insecureHosts: insecure.map((h) => h.trim().toLowerCase()),
    timeoutSeconds: seconds(trust.timeoutSeconds, DEFAULT_TRUST_SETTINGS.timeoutSeconds, 600),
    freshnessSeconds: seconds(trust.freshnessSeconds, DEFAULT_TRUST_SETTINGS.freshnessSeconds, 86_400),
    pinStyle: section.pinStyle === 'renovate' ? 'renovate' : 'portieris',
    network: section.network !== false,
    severity,
  };
}

/** `imageTrust.workspaceTrusted`: sent by the client; editors without workspace trust leave it out (trusted). */
export function readWorkspaceTrusted(section: unknown): boolean {
  return !(isRecord(section) && section.workspaceTrusted === false);
}

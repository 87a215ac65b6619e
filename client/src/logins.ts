import * as vscode from 'vscode';
import type { RegistryLoginParams } from '../../shared/trustView';

const HOSTS = 'imageTrust.loginHosts';
const secretKey = (host: string): string => `imageTrust.registryLogin/${host}`;

type StoredLogin = Omit<RegistryLoginParams, 'host'>;

function isStoredLogin(value: unknown): value is StoredLogin {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.username === 'string' &&
    typeof v.secret === 'string' &&
    (v.secretKind === 'password' || v.secretKind === 'identityToken')
  );
}

/**
 * Registry logins entered in the editor: secrets in `context.secrets` (encrypted, never synced), the
 * host list (not secret) in globalState. Nothing here writes a username or secret to the log.
 */
export class Logins {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  get hosts(): readonly string[] {
    return this.state.get<string[]>(HOSTS, []);
  }

  async store(login: RegistryLoginParams): Promise<void> {
    const { host, ...stored } = login;
    await this.secrets.store(secretKey(host), JSON.stringify(stored));
    await this.state.update(HOSTS, [...new Set([...this.hosts, host])].sort());
  }

  async remove(host: string): Promise<void> {
    await this.secrets.delete(secretKey(host));
    await this.state.update(
      HOSTS,
      this.hosts.filter((h) => h !== host),
    );
  }

  /** Every stored login, to hand to a (re)started server. */
  async all(): Promise<RegistryLoginParams[]> {
    const logins: RegistryLoginParams[] = [];
    for (const host of this.hosts) {
      const raw = await this.secrets.get(secretKey(host));
      if (raw === undefined) continue;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (isStoredLogin(parsed)) logins.push({ host, ...parsed });
      } catch {
        // A corrupted entry is skipped; "Log out" removes it.
      }
    }
    return logins;
  }
}

/** Asks for host, username and a password or token; undefined when the user cancels. */
export async function promptLogin(defaultHost?: string): Promise<RegistryLoginParams | undefined> {
  const host = await vscode.window.showInputBox({
    title: 'Log in to registry (1/3)',
    prompt: 'Registry host[:port]; the credential is sent to this host (and its token service) only',
    value: defaultHost ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => (/^[A-Za-z0-9.[\]:-]+$/.test(v.trim()) ? undefined : 'host or host:port'),
  });
  if (!host) return undefined;
  const username = await vscode.window.showInputBox({ title: 'Log in to registry (2/3)', prompt: `Username for ${host}`, ignoreFocusOut: true }); // prettier-ignore
  if (username === undefined) return undefined;
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Password', secretKind: 'password' as const },
      { label: 'Identity token', description: 'OAuth2 refresh token (docker login --password-stdin with a token)', secretKind: 'identityToken' as const }, // prettier-ignore
    ],
    { title: 'Log in to registry (3/3)', ignoreFocusOut: true },
  );
  if (!kind) return undefined;
  const secret = await vscode.window.showInputBox({ title: `${kind.label} for ${username}@${host}`, password: true, ignoreFocusOut: true }); // prettier-ignore
  if (!secret) return undefined;
  return { host: host.trim().toLowerCase(), username, secret, secretKind: kind.secretKind };
}

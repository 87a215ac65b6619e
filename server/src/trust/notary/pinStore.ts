import { createHash } from 'node:crypto';
import type { FileStore } from '../io';
import { isJsonObject } from '../tuf/json.types';
import { parseStrictJson } from '../tuf/strictJson';

/** Last verified versions of each role of one GUN (rollback protection, notary-v1.md §4.5, §7.2 item 13). */
export type RoleVersions = Readonly<Record<string, number>>;

/**
 * The per-GUN trust cache inside a caller-chosen folder: the pinned root, the last verified copy of every
 * role (so a warm update needs only timestamp.json) and their versions. The GUN is encoded into one
 * path segment, and role names reach here only after `verifyDelegationName`, so nothing escapes the
 * folder.
 */
export class PinStore {
  constructor(private readonly store: FileStore) {}

  private folder(gun: string): string {
    const encoded = encodeURIComponent(gun);
    return `notary/${encoded.length <= 200 ? `gun-${encoded}` : `sha256-${createHash('sha256').update(gun).digest('hex')}`}`;
  }

  readRole(gun: string, role: string): Promise<Uint8Array | undefined> {
    return this.store.read(`${this.folder(gun)}/${role}.json`);
  }

  writeRole(gun: string, role: string, bytes: Uint8Array): Promise<void> {
    return this.store.write(`${this.folder(gun)}/${role}.json`, bytes);
  }

  async readVersions(gun: string): Promise<RoleVersions> {
    const bytes = await this.store.read(`${this.folder(gun)}/versions.json`);
    if (bytes === undefined) return {};
    const value = parseStrictJson(bytes, 'versions.json');
    const versions: Record<string, number> = {};
    if (!isJsonObject(value)) return versions;
    for (const [role, version] of Object.entries(value)) {
      if (typeof version === 'number') versions[role] = version;
    }
    return versions;
  }

  writeVersions(gun: string, versions: RoleVersions): Promise<void> {
    return this.store.write(
      `${this.folder(gun)}/versions.json`,
      Buffer.from(JSON.stringify(versions), 'utf8'),
    );
  }
}

/**
 * Docker's own TOFU pin, `<trust dir>/tuf/<gun>/metadata/root.json` (notary-v1.md §4.1), read through a
 * FileStore rooted at the Docker trust dir. GUN segments are used verbatim by Docker, so a GUN with
 * empty, `.` or `..` segments is not looked up at all.
 */
export function readDockerPin(dockerTrust: FileStore, gun: string): Promise<Uint8Array | undefined> {
  const segments = gun.split('/');
  const safe = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\\0]/.test(s));
  return safe ? dockerTrust.read(`tuf/${gun}/metadata/root.json`) : Promise.resolve(undefined);
}

import { TrustError } from '../errors';
import { readFileMeta, readSignedCommon, readTargetFileFast } from './common';
import { verifyDelegationName } from './delegationNames';
import { malformed, readArray, readInteger, readMap, readString, readStringList, readStruct } from './guard';
import type { JsonObject, JsonValue } from './json.types';
import { decodeKeyMap } from './keys';
import type {
  DelegationRole,
  FileMeta,
  PublicKey,
  RoleKeys,
  RootMetadata,
  SnapshotMetadata,
  TargetFile,
  TargetsMetadata,
  TimestampMetadata,
} from './tuf.types';

/** Typed views of each role's `signed` value, with notary's structure rules (notary-v1.md §2.2–§2.5). */

const BASE_ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;

function readRoleKeys(
  value: JsonValue | undefined,
  field: string,
  keys: ReadonlyMap<string, PublicKey>,
): RoleKeys {
  const object = readStruct(value, field, ['keyids', 'threshold']);
  const keyIds = readStringList(object['keyids'], `${field}.keyids`);
  for (const keyId of keyIds) {
    if (!keys.has(keyId)) throw malformed(`${field}.keyids`, `lists ${keyId}, which is not in keys`);
  }
  return { keyIds, threshold: readInteger(object['threshold'], `${field}.threshold`, 1) };
}

export function decodeRoot(signed: JsonObject): RootMetadata {
  const { common, fields } = readSignedCommon(signed, 'root', 'Root', [
    'keys',
    'roles',
    'consistent_snapshot',
  ]);
  const keys = decodeKeyMap(fields['keys'], 'root.keys');
  const rolesObject = readStruct(fields['roles'], 'root.roles', BASE_ROLES);
  const roles = {} as Record<(typeof BASE_ROLES)[number], RoleKeys>;
  for (const name of BASE_ROLES) {
    if (rolesObject[name] === undefined || rolesObject[name] === null) {
      throw new TrustError('MISSING_ROLE', `root.json has no ${name} role`, { details: { role: name } });
    }
    roles[name] = readRoleKeys(rolesObject[name], `root.roles.${name}`, keys);
  }
  return { ...common, type: 'Root', keys, roles };
}

export function decodeTimestamp(signed: JsonObject): TimestampMetadata {
  const { common, fields } = readSignedCommon(signed, 'timestamp', 'Timestamp', ['meta']);
  const meta = readMap(fields['meta'], 'timestamp.meta');
  if (meta['snapshot'] === undefined) {
    throw new TrustError('MISSING_ROLE', 'timestamp.json lists no snapshot', {
      details: { role: 'snapshot' },
    });
  }
  return {
    ...common,
    type: 'Timestamp',
    snapshot: readFileMeta(meta['snapshot'], 'timestamp.meta.snapshot'),
  };
}

export function decodeSnapshot(signed: JsonObject): SnapshotMetadata {
  const { common, fields } = readSignedCommon(signed, 'snapshot', 'Snapshot', ['meta']);
  const metaObject = readMap(fields['meta'], 'snapshot.meta');
  const meta = new Map<string, FileMeta>();
  for (const [role, value] of Object.entries(metaObject))
    meta.set(role, readFileMeta(value, `snapshot.meta.${role}`));
  for (const required of ['root', 'targets']) {
    if (!meta.has(required)) {
      throw new TrustError('MISSING_ROLE', `snapshot.json lists no ${required}`, {
        details: { role: required },
      });
    }
  }
  return { ...common, type: 'Snapshot', meta };
}

export function decodeTargets(signed: JsonObject, role: string): TargetsMetadata {
  const { common, fields } = readSignedCommon(signed, role, 'Targets', ['targets', 'delegations']);
  const targetsObject = readMap(fields['targets'], `${role}.targets`);
  const targets = new Map<string, TargetFile>();
  for (const name in targetsObject) {
    const value = targetsObject[name];
    const fast = readTargetFileFast(value);
    if (fast !== undefined) {
      targets.set(name, fast);
      continue;
    }
    const meta = readFileMeta(value, `${role}.targets.${name}`);
    targets.set(name, { length: meta.length, sha256: meta.hashes.sha256 as Buffer, ...optionalSha512(meta) });
  }
  const delegations = readStruct(fields['delegations'] ?? { keys: {}, roles: [] }, `${role}.delegations`, [
    'keys',
    'roles',
  ]);
  const delegationKeys = decodeKeyMap(delegations['keys'], `${role}.delegations.keys`);
  const seen = new Set<string>();
  const roles = readArray(delegations['roles'] ?? [], `${role}.delegations.roles`).map((value, index) => {
    const delegation = readDelegation(value, `${role}.delegations.roles[${index}]`, role, delegationKeys);
    if (seen.has(delegation.name))
      throw new TrustError('INVALID_ROLE_NAME', `${role} delegates ${delegation.name} twice`);
    seen.add(delegation.name);
    return delegation;
  });
  return { ...common, type: 'Targets', targets, delegationKeys, delegations: roles };
}

function optionalSha512(meta: FileMeta): { sha512?: Buffer } {
  return meta.hashes.sha512 === undefined ? {} : { sha512: meta.hashes.sha512 };
}

function readDelegation(
  value: JsonValue,
  field: string,
  parent: string,
  keys: ReadonlyMap<string, PublicKey>,
): DelegationRole {
  const object = readStruct(value, field, ['keyids', 'name', 'paths', 'threshold']);
  const name = readString(object['name'], `${field}.name`);
  verifyDelegationName(name, parent);
  const roleKeys = readRoleKeys(object, field, keys);
  return { name, ...roleKeys, paths: readStringList(object['paths'], `${field}.paths`) };
}

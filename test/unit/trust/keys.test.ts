import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeKeyMap, decodePublicKey } from '../../../server/src/trust/tuf/keys';
import { isJsonObject } from '../../../server/src/trust/tuf/json.types';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { parseStrictJson } from '../../../server/src/trust/tuf/strictJson';
import { fixture } from '../../trust/attacks/support/fixtures';

function signedOf(file: string): JsonObject {
  const document = parseStrictJson(fixture('setA-v1', file), file);
  assert.ok(isJsonObject(document) && isJsonObject(document['signed']));
  return document['signed'];
}

describe('key IDs', () => {
  test('when root.json keys are decoded → every ID is recomputed and equals its map key', () => {
    const keys = decodeKeyMap(signedOf('root.json')['keys'] ?? null, 'root.keys');
    assert.deepEqual([...keys.keys()].sort(), [...keys.values()].map((key) => key.id).sort());
    assert.equal(keys.size, 4);
  });

  test('when a key is ecdsa-x509 → its canonical ID is the ID of the bare SPKI (README: 9396518a ↔ 2aab1698)', () => {
    const keys = decodeKeyMap(signedOf('root.json')['keys'] ?? null, 'root.keys');
    const root = keys.get('9396518aeda359493e3dbfe3116b8c031bad33c7158815377acd33fcd1c96736');
    assert.equal(root?.canonicalId, '2aab1698ad813774fe4649a384cf9a417b44e52aebcf2ab4d78a834f0edeb06f');
  });

  test('when a delegation key is ecdsa-x509 → its canonical ID matches notary (05825a82 ↔ cbc89d43)', () => {
    const delegations = signedOf('targets.json')['delegations'];
    assert.ok(isJsonObject(delegations));
    const keys = decodeKeyMap(delegations['keys'], 'targets.delegations.keys');
    const releases = keys.get('05825a820cf2f83c7aa4e4594cc96eb80506342c8cf8d49eed35fdf23762e468');
    assert.equal(releases?.canonicalId, 'cbc89d43b444b99a5a5b3842d7c2c7cba4a5b2a08d8b170c62c9cf09eab8f027');
    const alice = keys.get('33cefa2f2cdcda5b45135b4ab01774f49afcbe92c45444074c98818321dc77f3');
    assert.equal(alice?.canonicalId, alice?.id);
  });

  test('when a map key is not the ID of its key → it throws KEY_ID_MISMATCH', () => {
    const keys = signedOf('root.json')['keys'];
    assert.ok(isJsonObject(keys));
    const [, first] = Object.entries(keys)[0] as [string, JsonObject];
    assert.throws(() => decodeKeyMap({ ['0'.repeat(64)]: first }, 'root.keys'), { code: 'KEY_ID_MISMATCH' });
  });

  test('when a key type is unknown → it throws UNKNOWN_KEY_TYPE', () => {
    assert.throws(() => decodePublicKey({ keytype: 'dsa', keyval: { private: null, public: 'AAAA' } }, 'k'), {
      code: 'UNKNOWN_KEY_TYPE',
    });
  });

  test('when a key carries private material → it throws MALFORMED_METADATA', () => {
    assert.throws(
      () => decodePublicKey({ keytype: 'ed25519', keyval: { private: 'AAAA', public: 'AAAA' } }, 'k'),
      {
        code: 'MALFORMED_METADATA',
      },
    );
  });

  test('when an ed25519 key is not 32 bytes → it throws MALFORMED_METADATA', () => {
    assert.throws(
      () => decodePublicKey({ keytype: 'ed25519', keyval: { private: null, public: 'AAAA' } }, 'k'),
      {
        code: 'MALFORMED_METADATA',
      },
    );
  });

  test('when a field name is a case variant ("KeyType") → it throws MALFORMED_METADATA', () => {
    assert.throws(
      () =>
        decodePublicKey(
          { KeyType: 'ed25519', keytype: 'ed25519', keyval: { private: null, public: 'AAAA' } },
          'k',
        ),
      {
        code: 'MALFORMED_METADATA',
      },
    );
  });
});

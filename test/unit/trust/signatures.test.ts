import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseEnvelope } from '../../../server/src/trust/tuf/envelope';
import { canonicalJson } from '../../../server/src/trust/tuf/canonicalJson';
import { computeKeyId, decodeKeyMap } from '../../../server/src/trust/tuf/keys';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { verifyThreshold } from '../../../server/src/trust/tuf/signatures';
import {
  ecdsaKey,
  ed25519Key,
  envelope,
  sameKeyAsSpki,
  x509RootKey,
} from '../../trust/attacks/support/signingKeys';
import type { SigningKey } from '../../trust/attacks/support/signingKeys';

const SIGNED: JsonObject = { _type: 'Targets', version: 1 };

function check(
  keys: readonly SigningKey[],
  signers: readonly SigningKey[],
  threshold: number,
  signed: JsonObject = SIGNED,
): void {
  const keyMap = decodeKeyMap(Object.fromEntries(keys.map((k) => [k.id, k.keyObject])), 'keys');
  const env = parseEnvelope(envelope(signed, signers), 'targets');
  verifyThreshold({
    role: 'targets',
    envelope: env,
    roleKeys: { keyIds: keys.map((k) => k.id), threshold },
    keys: keyMap,
  });
}

describe('verifyThreshold', () => {
  test('when an ecdsa and an ed25519 key both sign with threshold 2 → it passes', () => {
    const a = ecdsaKey();
    const b = ed25519Key();
    check([a, b], [a, b], 2);
  });

  test('when the same signature appears twice and the threshold is 2 → it counts once (THRESHOLD_NOT_MET)', () => {
    const a = ecdsaKey();
    const b = ecdsaKey();
    assert.throws(() => check([a, b], [a, a], 2), { code: 'THRESHOLD_NOT_MET' });
  });

  test('when one public key is listed under two IDs (x509 and SPKI) → it counts once (THRESHOLD_NOT_MET)', () => {
    const cert = x509RootKey('gun');
    const spki = sameKeyAsSpki(cert);
    assert.notEqual(cert.id, spki.id);
    assert.throws(() => check([cert, spki], [cert, spki], 2), { code: 'THRESHOLD_NOT_MET' });
  });

  test('when a key outside the role signs → it is ignored (THRESHOLD_NOT_MET)', () => {
    assert.throws(() => check([ecdsaKey()], [ecdsaKey()], 1), { code: 'THRESHOLD_NOT_MET' });
  });

  test('when there are no signatures → it throws THRESHOLD_NOT_MET', () => {
    assert.throws(() => check([ecdsaKey()], [], 1), { code: 'THRESHOLD_NOT_MET' });
  });

  test('when an authorised key signed different content → it throws BAD_SIGNATURE', () => {
    const a = ecdsaKey();
    const keyMap = decodeKeyMap({ [a.id]: a.keyObject }, 'keys');
    const signedOther = JSON.parse(envelope({ ...SIGNED, version: 2 }, [a]).toString()) as {
      signatures: JsonObject[];
    };
    const forged = Buffer.from(JSON.stringify({ signed: SIGNED, signatures: signedOther.signatures }));
    const env = parseEnvelope(forged, 'targets');
    assert.throws(
      () =>
        verifyThreshold({
          role: 't',
          envelope: env,
          roleKeys: { keyIds: [a.id], threshold: 1 },
          keys: keyMap,
        }),
      {
        code: 'BAD_SIGNATURE',
      },
    );
  });

  for (const [bits, ok] of [
    [2048, true],
    [1024, false],
  ] as const) {
    test(`when an RSA-${bits} key signs with rsapss (salt 32) → it ${ok ? 'verifies' : 'is refused (THRESHOLD_NOT_MET)'}`, () => {
      const pair = generateKeyPairSync('rsa', { modulusLength: bits });
      const publicText = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      const id = computeKeyId('rsa', publicText);
      const keyMap = decodeKeyMap(
        { [id]: { keytype: 'rsa', keyval: { private: null, public: publicText } } },
        'k',
      );
      const options = { key: pair.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
      const sig = sign('sha256', canonicalJson(SIGNED), options).toString('base64');
      const env = parseEnvelope(
        Buffer.from(JSON.stringify({ signed: SIGNED, signatures: [{ keyid: id, method: 'rsapss', sig }] })),
        't',
      );
      const run = (): void =>
        verifyThreshold({ role: 't', envelope: env, roleKeys: { keyIds: [id], threshold: 1 }, keys: keyMap });
      if (ok) run();
      else assert.throws(run, { code: 'BAD_SIGNATURE' });
    });
  }

  test('when an ecdsa key signs but the method says eddsa → it does not count (BAD_SIGNATURE)', () => {
    const a = ecdsaKey();
    const keyMap = decodeKeyMap({ [a.id]: a.keyObject }, 'keys');
    const good = JSON.parse(envelope(SIGNED, [a]).toString()) as { signatures: JsonObject[] };
    const relabelled = good.signatures.map((s) => ({ ...s, method: 'eddsa' }));
    const env = parseEnvelope(Buffer.from(JSON.stringify({ signed: SIGNED, signatures: relabelled })), 't');
    assert.throws(
      () =>
        verifyThreshold({
          role: 't',
          envelope: env,
          roleKeys: { keyIds: [a.id], threshold: 1 },
          keys: keyMap,
        }),
      {
        code: 'BAD_SIGNATURE',
      },
    );
  });
});

import { describe, test } from 'node:test';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { FIXTURE_GUN, fixture, fixtureFiles } from './support/fixtures';
import { expectAttack } from './support/harness';
import { buildRepo, generateRepoKeys } from './support/repoBuilder';
import { envelope } from './support/signingKeys';

// notary-v1.md §7.2 items 2–3: parser divergence between Go and JS, lenient base64.
const GUN = 'attack.test/parsing';
const timestampText = fixture('setA-v1', 'timestamp.json').toString('utf8');

function withTimestamp(text: string): Map<string, Buffer> {
  const files = fixtureFiles('setA-v1');
  files.set('timestamp.json', Buffer.from(text, 'utf8'));
  return files;
}

describe('attack: documents Go and JS would read differently', () => {
  test('when timestamp.json repeats "version" (Go keeps the last) → it fails with MALFORMED_METADATA', async () => {
    const text = timestampText.replace('"version":3', '"version":3,"version":99');
    await expectAttack(FIXTURE_GUN, withTimestamp(text), 'MALFORMED_METADATA');
  });

  test('when timestamp.json writes the version as 3.0 → it fails with MALFORMED_METADATA', async () => {
    await expectAttack(
      FIXTURE_GUN,
      withTimestamp(timestampText.replace('"version":3', '"version":3.0')),
      'MALFORMED_METADATA',
    );
  });

  test('when a validly signed timestamp adds "Version" (Go would read it as version) → it fails with MALFORMED_METADATA', async () => {
    const keys = generateRepoKeys(GUN);
    const tweak = { timestamp: (signed: JsonObject): void => void (signed['Version'] = 99) };
    await expectAttack(GUN, buildRepo({ keys, tweak }), 'MALFORMED_METADATA');
  });

  test('when a validly signed timestamp has a non-RFC-3339 expiry ("2030-01-01 00:00:00Z") → it fails with MALFORMED_METADATA', async () => {
    const keys = generateRepoKeys(GUN);
    const tweak = {
      timestamp: (signed: JsonObject): void => void (signed['expires'] = '2030-01-01 00:00:00Z'),
    };
    await expectAttack(GUN, buildRepo({ keys, tweak }), 'MALFORMED_METADATA');
  });

  test('when a validly signed targets file contains a lone surrogate in a tag → it fails with MALFORMED_METADATA', async () => {
    const keys = generateRepoKeys(GUN);
    const damage = {
      targets: (bytes: Buffer): Buffer => {
        const document = JSON.parse(bytes.toString('utf8')) as { signed: JsonObject };
        const text = JSON.stringify({ signed: document.signed, signatures: [] });
        return Buffer.from(text.replace('"v3"', '"v3\\ud800"'), 'utf8');
      },
    };
    await expectAttack(GUN, buildRepo({ keys, damage }), 'MALFORMED_METADATA');
  });
});

describe('attack: lenient base64', () => {
  const sig = /"sig":"([^"]+)"/.exec(timestampText)?.[1] ?? '';
  const variants: [string, string][] = [
    ['a line break', `${sig.slice(0, 20)}\\n${sig.slice(20)}`],
    ['URL-safe letters', sig.replace(/\+/g, '-').replace(/\//g, '_')],
    ['no padding', sig.replace(/=+$/, '')],
    ['junk characters Node would skip', `${sig.slice(0, 20)}*${sig.slice(20)}`],
  ];
  for (const [what, variant] of variants) {
    test(`when the timestamp signature has ${what} → it fails with MALFORMED_METADATA`, async () => {
      await expectAttack(
        FIXTURE_GUN,
        withTimestamp(timestampText.replace(sig, variant)),
        'MALFORMED_METADATA',
      );
    });
  }

  test('when a key is written with non-canonical base64 and re-signed → it fails with MALFORMED_METADATA', async () => {
    const keys = generateRepoKeys(GUN);
    const files = buildRepo({ keys });
    const root = JSON.parse((files.get('root.json') as Buffer).toString('utf8')) as { signed: JsonObject };
    const rootKeys = root.signed['keys'] as Record<string, { keyval: { public: string } }>;
    const first = Object.values(rootKeys)[0];
    if (first) first.keyval.public = first.keyval.public.replace(/=+$/, '');
    files.set('root.json', envelope(root.signed, [keys.root]));
    await expectAttack(GUN, files, 'MALFORMED_METADATA');
  });
});

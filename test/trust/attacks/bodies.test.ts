import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServerResponse } from 'node:http';
import { FIXTURE_GUN, fixture, fixtureFiles } from './support/fixtures';
import { expectAttack, serveForPrefix } from './support/harness';

// notary-v1.md §4.5 size caps, §7.1 LongMemoryStore / ShortMemoryStore / CorruptingMemoryStore, §7.2 item 8.
const snapshot = fixture('setA-v1', 'snapshot.json');

/** Streams zero bytes until the client hangs up: an endless body. */
function endless(response: ServerResponse): void {
  response.writeHead(200);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  response.on('close', () => response.removeAllListeners('drain'));
  pump();
}

describe('attack: oversize and endless bodies', () => {
  test('when timestamp.json is larger than 1 MiB → it fails with OVERSIZE', async () => {
    const files = fixtureFiles('setA-v1');
    files.set('timestamp.json', Buffer.alloc((1 << 20) + 1, 0x20));
    await expectAttack(FIXTURE_GUN, files, 'OVERSIZE');
  });

  test('when timestamp.json never ends → the download stops at the cap with OVERSIZE', async () => {
    const override = (file: string, response: ServerResponse): boolean => {
      if (file !== 'timestamp.json') return false;
      endless(response);
      return true;
    };
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'OVERSIZE', { override });
  });

  test('when a snapshot is listed as larger than the configured cap → it fails with OVERSIZE before downloading it', async () => {
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'OVERSIZE', {
      config: { metadataMaxBytes: 1000 },
      inspect: (harness) => assert.ok(!harness.server.requests.some((file) => file.startsWith('snapshot.'))),
    });
  });
});

describe('attack: truncated, padded and corrupted bodies', () => {
  test('when snapshot is served one byte longer than its listed length → it fails with LENGTH_MISMATCH', async () => {
    const override = serveForPrefix('snapshot.', Buffer.concat([snapshot, Buffer.from(' ')]));
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'LENGTH_MISMATCH', { override });
  });

  test('when snapshot is served one byte short → it fails with LENGTH_MISMATCH', async () => {
    const override = serveForPrefix('snapshot.', snapshot.subarray(0, -1));
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'LENGTH_MISMATCH', { override });
  });

  test('when snapshot has its first character replaced by "}" → it fails with HASH_MISMATCH', async () => {
    const override = serveForPrefix('snapshot.', Buffer.concat([Buffer.from('}'), snapshot.subarray(1)]));
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'HASH_MISMATCH', { override });
  });

  test('when targets.json gains a space (same meaning, new bytes) → the listed length catches it: LENGTH_MISMATCH', async () => {
    const targets = fixture('setA-v1', 'targets.json');
    const spaced = Buffer.concat([Buffer.from('{ '), targets.subarray(1, -1)]);
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'LENGTH_MISMATCH', {
      override: serveForPrefix('targets.', Buffer.concat([spaced, Buffer.from('}')])),
    });
  });

  test('when one base64 character of the targets signature changes (same length) → it fails with HASH_MISMATCH', async () => {
    const targets = fixture('setA-v1', 'targets.json').toString('latin1');
    const at = targets.lastIndexOf('"sig":"') + 10;
    const flipped = targets.slice(0, at) + (targets[at] === 'A' ? 'B' : 'A') + targets.slice(at + 1);
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'HASH_MISMATCH', {
      override: serveForPrefix('targets.', Buffer.from(flipped, 'latin1')),
    });
  });

  test('when timestamp.json (which has no parent hash) is truncated → it fails with MALFORMED_METADATA', async () => {
    const files = fixtureFiles('setA-v1');
    files.set('timestamp.json', fixture('setA-v1', 'timestamp.json').subarray(0, 200));
    await expectAttack(FIXTURE_GUN, files, 'MALFORMED_METADATA');
  });

  test('when the server answers 500 for timestamp.json → it fails with SERVER_ERROR (unavailable, not verification)', async () => {
    const override = (file: string, response: ServerResponse): boolean => {
      if (file !== 'timestamp.json') return false;
      response.writeHead(500).end();
      return true;
    };
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'SERVER_ERROR', { override });
  });
});

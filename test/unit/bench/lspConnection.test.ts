import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { LspConnection, type Notification } from '../../../bench/lsp/lspConnection';

/**
 * A child that writes LSP frames in awkward pieces: a header split across writes, a 2 MB body in many
 * chunks, and two frames in one write. The benchmark's client must decode each frame whole and in order.
 */
const WRITER = `
const frame = (n, text) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'test/' + n, params: { text } }));
  return Buffer.concat([Buffer.from('Content-Length: ' + body.length + '\\r\\n\\r\\n'), body]);
};
const big = frame(1, 'x'.repeat(2 * 1024 * 1024));
const pieces = [big.subarray(0, 7), big.subarray(7, 20)];
for (let at = 20; at < big.length; at += 50_000) pieces.push(big.subarray(at, Math.min(at + 50_000, big.length)));
pieces.push(Buffer.concat([frame(2, 'é two'), frame(3, 'three')]));
const next = () => { const p = pieces.shift(); if (p) process.stdout.write(p, () => setImmediate(next)); };
next();
`;

test('the benchmark client decodes frames split across chunks, and several frames in one chunk', async () => {
  const child = spawn(process.execPath, ['-e', WRITER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = new LspConnection(child, () => null);
  const seen: Notification[] = [];
  const third = connection.waitFor((n) => n.method === 'test/3', 30_000, 'the third frame');
  const first = connection.waitFor((n) => n.method === 'test/1', 30_000, 'the first frame');
  const second = connection.waitFor((n) => n.method === 'test/2', 30_000, 'the second frame');
  seen.push(await first, await second, await third);
  assert.deepEqual(
    seen.map((n) => n.method),
    ['test/1', 'test/2', 'test/3'],
  );
  assert.equal((seen[0]?.params as { text: string }).text.length, 2 * 1024 * 1024);
  assert.equal((seen[1]?.params as { text: string }).text, 'é two');
  assert.ok((seen[0]?.at ?? Infinity) <= (seen[1]?.at ?? 0), 'arrival times follow the frames');
  child.kill();
});

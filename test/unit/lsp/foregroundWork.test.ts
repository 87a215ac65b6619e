import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForegroundWork } from '../../../server/src/lsp/foregroundWork';
import { ValidationScheduler } from '../../../server/src/lsp/validationScheduler';

test('when nothing runs → idle resolves at once', async () => {
  await new ForegroundWork().idle();
});

test('when a validation is pending → background work waits until it has run', async () => {
  const foreground = new ForegroundWork();
  const order: string[] = [];
  let finish: () => void = () => undefined;
  const ran = new Promise<void>((resolve) => (finish = resolve));
  const scheduler = new ValidationScheduler(
    async () => {
      order.push('validation');
      finish();
      await Promise.resolve();
    },
    (_uri, error) => assert.fail(String(error)),
    5,
    foreground,
  );
  scheduler.schedule('file:///a.yaml');
  const background = foreground.idle().then(() => order.push('background'));
  await ran;
  await background;
  assert.deepEqual(order, ['validation', 'background']);
  scheduler.dispose();
});

test('when the waiting work is aborted → idle resolves although a validation is still pending', async () => {
  const foreground = new ForegroundWork();
  const end = foreground.begin();
  const controller = new AbortController();
  const waiting = foreground.idle(controller.signal);
  controller.abort();
  await waiting;
  end();
});

test('when a pending validation is cancelled → waiting work goes on', async () => {
  const foreground = new ForegroundWork();
  const scheduler = new ValidationScheduler(
    () => Promise.reject(new Error('must not run')),
    () => undefined,
    10_000,
    foreground,
  );
  scheduler.schedule('file:///a.yaml');
  const waiting = foreground.idle();
  scheduler.cancel('file:///a.yaml');
  await waiting;
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForegroundWork } from '../../../server/src/lsp/foregroundWork';
import { ValidationScheduler, type ValidationReason } from '../../../server/src/lsp/validationScheduler';

const URI = 'file:///a.yaml';
/** Long enough that a debounced validation never runs while a test lasts. */
const LONG_DELAY_MS = 60_000;

/** A scheduler on a hand-set clock that counts its runs and signals each one. */
function harness() {
  let clock = 0;
  let runs = 0;
  let signal: () => void = () => undefined;
  let nextRun = new Promise<void>((resolve) => (signal = resolve));
  const foreground = new ForegroundWork();
  const scheduler = new ValidationScheduler(
    () => {
      runs++;
      const done = signal;
      nextRun = new Promise<void>((resolve) => (signal = resolve));
      done();
      return Promise.resolve();
    },
    (_uri, error) => assert.fail(String(error)),
    LONG_DELAY_MS,
    foreground,
    () => clock,
  );
  /** Schedules at clock time `ms`. */
  const at = (ms: number, reason: ValidationReason): void => {
    clock = ms;
    scheduler.schedule(URI, reason);
  };
  return {
    scheduler,
    foreground,
    runs: () => runs,
    at,
    /** Schedules at `ms` and resolves on the run that follows; a debounced one never comes within the test. */
    runsAt(ms: number, reason: ValidationReason): Promise<void> {
      const ran = nextRun;
      at(ms, reason);
      return ran;
    },
  };
}

/** True when a validation is still pending after the event loop has turned over a few times. */
async function stillPending(foreground: ForegroundWork): Promise<boolean> {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  const idle = foreground.idle().then(() => false);
  return Promise.race([idle, new Promise<boolean>((resolve) => setImmediate(() => resolve(true)))]);
}

test(
  'when a document is opened → it is validated without waiting the delay',
  { timeout: 10_000 },
  async () => {
    const h = harness();
    await h.runsAt(0, 'opened');
    assert.equal(h.runs(), 1);
    h.scheduler.dispose();
  },
);

test(
  'when a keystroke follows a pause → it is validated without waiting the delay',
  { timeout: 10_000 },
  async () => {
    const h = harness();
    await h.runsAt(0, 'edited');
    await h.runsAt(LONG_DELAY_MS, 'edited');
    assert.equal(h.runs(), 2);
    h.scheduler.dispose();
  },
);

test(
  'when changes come closer together than the delay → the later one waits (a burst is merged)',
  { timeout: 10_000 },
  async () => {
    const h = harness();
    await h.runsAt(0, 'edited');
    h.at(LONG_DELAY_MS - 1, 'edited');
    assert.equal(await stillPending(h.foreground), true);
    assert.equal(h.runs(), 1);
    h.scheduler.dispose();
  },
);

test(
  'when a dependency changed → the validation waits the delay, and an edit then merges into it',
  { timeout: 10_000 },
  async () => {
    const h = harness();
    h.at(0, 'dependency');
    assert.equal(await stillPending(h.foreground), true);
    h.at(LONG_DELAY_MS * 2, 'edited');
    assert.equal(await stillPending(h.foreground), true);
    assert.equal(h.runs(), 0);
    h.scheduler.dispose();
  },
);

test(
  'when a document is closed → its edit history is forgotten and its next edit runs at once',
  { timeout: 10_000 },
  async () => {
    const h = harness();
    await h.runsAt(0, 'edited');
    h.scheduler.cancel(URI);
    await h.runsAt(1, 'edited');
    assert.equal(h.runs(), 2);
    h.scheduler.dispose();
  },
);

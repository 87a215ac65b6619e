// The trust service's orchestration: deduplication per repository, the freshness window, bounded
// concurrency, cancellation, server choice, signer key IDs and settings. Lookups go to the real lab
// through the real network backend; the counting wrapper only observes the calls.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parseImageReference } from '../../server/src/kube/parseImageReference';
import type { ImageReference } from '../../server/src/kube/imageReference';
import { PolicyIndex } from '../../server/src/workspace/policyIndex';
import { chooseServer } from '../../server/src/trustService/chooseServer';
import { Limiter } from '../../server/src/trustService/limiter';
import { LookupCache } from '../../server/src/trustService/lookupCache';
import {
  createNetworkBackend,
  type NetworkBackendOptions,
} from '../../server/src/trustService/networkBackend';
import type { TrustBackend } from '../../server/src/trustService/repositoryAnswer';
import { signerKeyId } from '../../server/src/trustService/signerKeyId';
import { TrustService, type TrustRunOptions } from '../../server/src/trustService/trustService';
import { parseYamlFile } from '../../server/src/yaml/yamlFile';
import { DEFAULT_TRUST_SETTINGS, readTrustSettings, readWorkspaceTrusted } from '../../shared/trustSettings';
import { useLab, type LabState } from '../helpers/lab';
import { imagePolicyYaml, podYaml } from '../helpers/trustLab';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function ref(text: string): ImageReference {
  const parsed = parseImageReference(text);
  assert.ok(parsed.ok);
  return parsed.ref;
}

describe('LookupCache', () => {
  const make = (clock: { now: number }, limit = 4) =>
    new LookupCache<string>({ limiter: new Limiter(limit), now: () => clock.now, freshMs: () => 1000 });

  test('when two callers ask for one key at once → one fetch, both get its answer', async () => {
    const cache = make({ now: 0 });
    let calls = 0;
    const gate = deferred<string>();
    const fetch = () => {
      calls++;
      return gate.promise;
    };
    const signal = new AbortController().signal;
    const both = Promise.all([cache.get('k', fetch, signal), cache.get('k', fetch, signal)]);
    gate.resolve('answer');
    assert.deepEqual(await both, ['answer', 'answer']);
    assert.equal(calls, 1);
  });

  test('when the answer is within the freshness window → reused; after it → fetched again, stale readable meanwhile', async () => {
    const clock = { now: 0 };
    const cache = make(clock);
    let calls = 0;
    const signal = new AbortController().signal;
    const fetch = () => Promise.resolve(`v${++calls}`);
    assert.equal(await cache.get('k', fetch, signal), 'v1');
    clock.now = 999;
    assert.equal(await cache.get('k', fetch, signal), 'v1');
    clock.now = 1000;
    assert.equal(cache.needsFetch('k'), true);
    assert.deepEqual(cache.peek('k'), { value: 'v1', fresh: false, fetchedAt: 0 });
    assert.equal(await cache.get('k', fetch, signal), 'v2');
    assert.equal(calls, 2);
  });

  test('when one of two waiters aborts → the fetch goes on; when both abort → the fetch is aborted', async () => {
    const cache = make({ now: 0 });
    let fetchSignal: AbortSignal | undefined;
    const gate = deferred<string>();
    const fetch = (signal: AbortSignal) => {
      fetchSignal = signal;
      return gate.promise;
    };
    const [a, b] = [new AbortController(), new AbortController()];
    const first = cache.get('k', fetch, a.signal);
    const second = cache.get('k', fetch, b.signal);
    a.abort();
    await assert.rejects(first, { name: 'AbortError' });
    await Promise.resolve();
    assert.equal(fetchSignal?.aborted, false);
    b.abort();
    await assert.rejects(second, { name: 'AbortError' });
    assert.equal(fetchSignal?.aborted, true);
    gate.resolve('late');
  });

  test('when a caller asks while an aborted fetch has not settled yet → a new fetch answers it, not the AbortError', async () => {
    const cache = make({ now: 0 });
    const gates: Array<{ promise: Promise<string>; resolve: (value: string) => void }> = [];
    // Like a lookup busy verifying: it does not react to its signal until released.
    const fetch = () => {
      const gate = deferred<string>();
      gates.push(gate);
      return gate.promise;
    };
    const old = new AbortController();
    const first = cache.get('k', fetch, old.signal);
    await Promise.resolve();
    assert.equal(gates.length, 1);
    old.abort();
    await assert.rejects(first, { name: 'AbortError' });
    const second = cache.get('k', fetch, new AbortController().signal);
    await Promise.resolve();
    assert.equal(gates.length, 2, 'the aborted fetch is not joined');
    gates[1]?.resolve('fresh');
    gates[0]?.resolve('late');
    assert.equal(await second, 'fresh');
  });

  test('when the cache is cleared during a fetch → that answer is not kept', async () => {
    const cache = make({ now: 0 });
    const gate = deferred<string>();
    const pending = cache.get('k', () => gate.promise, new AbortController().signal);
    cache.clear();
    gate.resolve('before-refresh');
    await pending.catch(() => undefined);
    assert.equal(cache.peek('k'), undefined);
  });
});

describe('Limiter', () => {
  test('when 5 tasks run with a limit of 2 → never more than 2 at once, all finish', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const gates = [0, 1, 2, 3, 4].map(() => deferred<void>());
    const signal = new AbortController().signal;
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
        return i;
      }, signal),
    );
    assert.equal(limiter.pending, 5);
    for (const gate of gates) gate.resolve();
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
    assert.equal(peak, 2);
  });

  test('when a queued task is aborted → it never starts', async () => {
    const limiter = new Limiter(1);
    const gate = deferred<void>();
    const blocker = limiter.run(() => gate.promise, new AbortController().signal);
    const controller = new AbortController();
    let started = false;
    const queued = limiter.run(() => {
      started = true;
      return Promise.resolve();
    }, controller.signal);
    controller.abort();
    await assert.rejects(queued, { name: 'AbortError' });
    gate.resolve();
    await blocker;
    assert.equal(started, false);
  });
});

describe('TrustService against the lab', () => {
  let lab: LabState;
  let reg: string;
  before(
    async () => {
      lab = await useLab();
      reg = lab.registries.http.host;
    },
    { timeout: 180_000 },
  );

  function setUp() {
    const calls = { repository: [] as string[], registry: [] as string[], signals: [] as AbortSignal[] };
    const counting = (options: NetworkBackendOptions): TrustBackend => {
      const real = createNetworkBackend(options);
      return {
        repository: (gun, server, signal) => {
          calls.repository.push(gun);
          calls.signals.push(signal);
          return real.repository(gun, server, signal);
        },
        registryDigest: (host, path, tag, signal) => {
          calls.registry.push(`${path}:${tag}`);
          return real.registryDigest(host, path, tag, signal);
        },
        close: () => real.close(),
      };
    };
    const index = new PolicyIndex();
    index.update(
      parseYamlFile(
        'file:///ws/policy.yaml',
        1,
        imagePolicyYaml('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]),
      ),
    );
    const service = new TrustService(index, { createBackend: counting });
    const run: TrustRunOptions = {
      defaultNamespace: 'default',
      workspaceTrusted: true,
      trust: {
        ...DEFAULT_TRUST_SETTINGS,
        caFiles: { [new URL(lab.notary.url).host]: lab.caPath },
        insecureHosts: [reg],
      },
    };
    const file = parseYamlFile(
      'file:///ws/pod.yaml',
      1,
      podYaml('default', [`${reg}/ns/signed:1.0`, `${reg}/ns/signed:latest`, `${reg}/ns/hello-world`]),
    );
    return { calls, service, run, file };
  }

  test('when a file has three images from two repositories → two repository lookups, then none while fresh', async () => {
    const { calls, service, run, file } = setUp();
    assert.equal(await service.check(file, run, new AbortController().signal), true);
    assert.deepEqual(calls.repository.sort(), [`${reg}/ns/hello-world`, `${reg}/ns/signed`]);
    assert.deepEqual(calls.registry.sort(), ['ns/hello-world:latest', 'ns/signed:1.0', 'ns/signed:latest']);
    assert.equal(await service.check(file, run, new AbortController().signal), false);
    assert.equal(calls.repository.length, 2);
    assert.equal(service.findings(file, run).length, 3);
    service.refresh();
    assert.equal(service.findings(file, run).length, 0, 'refresh forgets every answer');
    assert.equal(await service.check(file, run, new AbortController().signal), true);
    assert.equal(calls.repository.length, 4);
    await service.close();
  });

  test('when the document changes while lookups run (signal aborted) → check resolves false and the lookups are aborted', async () => {
    const { calls, service, run, file } = setUp();
    const controller = new AbortController();
    const checking = service.check(file, run, controller.signal);
    // Abort once the lookups are under way (the first one has reached the backend).
    while (calls.repository.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    assert.equal(await checking, false);
    assert.ok(calls.signals.every((signal) => signal.aborted));
    assert.deepEqual(service.findings(file, run), []);
    await service.close();
  });

  test('when the signal is aborted before the lookups start → nothing reaches the network', async () => {
    const { calls, service, run, file } = setUp();
    const controller = new AbortController();
    controller.abort();
    assert.equal(await service.check(file, run, controller.signal), false);
    assert.deepEqual(calls.repository, []);
    assert.deepEqual(calls.registry, []);
    await service.close();
  });

  test('when the trust settings change → earlier answers are dropped', async () => {
    const { service, run, file } = setUp();
    await service.check(file, run, new AbortController().signal);
    assert.equal(service.findings(file, run).length, 3);
    const other = { ...run, trust: { ...run.trust, timeoutSeconds: 7 } };
    assert.equal(service.findings(file, other).length, 0);
    await service.close();
  });
});

describe('trust server, signer keys, settings', () => {
  test('when choosing a trust server → policy, then settings host:port, host, DOCKER_CONTENT_TRUST_SERVER, built-in, none', () => {
    const image = ref('registry.example:5000/ns/app:1');
    const servers = { 'registry.example:5000': 'https://a.example', 'registry.example': 'https://b.example' };
    const env = { DOCKER_CONTENT_TRUST_SERVER: 'https://env.example' };
    assert.deepEqual(chooseServer(image, 'https://p.example', servers, env), {
      url: 'https://p.example',
      source: 'policy',
    });
    assert.deepEqual(chooseServer(image, undefined, servers, env), {
      url: 'https://a.example',
      source: 'settings',
    });
    assert.deepEqual(chooseServer(ref('registry.example:6000/ns/app'), undefined, servers, env), {
      url: 'https://b.example',
      source: 'settings',
    });
    assert.deepEqual(chooseServer(image, undefined, {}, env), {
      url: 'https://env.example',
      source: 'environment',
    });
    assert.deepEqual(chooseServer(ref('nginx'), undefined, {}, {}), {
      url: 'https://notary.docker.io',
      source: 'built-in',
    });
    assert.deepEqual(chooseServer(ref('quay.io/org/app'), undefined, {}, {}), {
      url: 'https://quay.io:443',
      source: 'built-in',
    });
    assert.deepEqual(chooseServer(image, undefined, {}, {}), { source: 'none' });
  });

  test("when a signer Secret's publicKey is the lab's alice.pub → its key ID is the delegation key ID", async () => {
    const lab = await useLab();
    const alice = lab.signers.alice;
    assert.ok(alice);
    assert.equal(signerKeyId(await readFile(alice.publicKeyPath, 'utf8')), alice.keyId);
    assert.equal(signerKeyId('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n'), undefined);
  });

  test('when settings come from an editor → wrong types fall back, hosts are lower-cased, untrusted is kept', () => {
    const settings = readTrustSettings({
      trust: {
        servers: { 'Registry.Example:5000': 'https://n.example', bad: 'ftp://x', other: 3 },
        caFiles: { 'n.example': '/ca.pem' },
        insecureHosts: ['Local:5000', 7],
        timeoutSeconds: -1,
        freshnessSeconds: 60,
      },
      pinStyle: 'renovate',
      network: false,
      severity: { 'trust-signed': 'off', 'trust-tag-moved': 'loud' },
    });
    assert.deepEqual({ ...settings.servers }, { 'registry.example:5000': 'https://n.example' });
    assert.deepEqual(settings.insecureHosts, ['local:5000']);
    assert.equal(settings.timeoutSeconds, DEFAULT_TRUST_SETTINGS.timeoutSeconds);
    assert.equal(settings.freshnessSeconds, 60);
    assert.equal(settings.pinStyle, 'renovate');
    assert.equal(settings.network, false);
    assert.deepEqual({ ...settings.severity }, { 'trust-signed': 'off' });
    assert.equal(readWorkspaceTrusted({ workspaceTrusted: false }), false);
    assert.equal(readWorkspaceTrusted({}), true);
  });
});

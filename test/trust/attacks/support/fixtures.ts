import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../../server/src/trust/io';

/** Real notary 0.7.0 metadata copied from the reference fixtures (test/fixtures/notary/README.md). */
export const FIXTURE_GUN = 'localhost:5000/demo/app';
const ROOT = join(__dirname, '..', '..', '..', 'fixtures', 'notary');

export type FixtureSet = 'setA-v1' | 'setB-root-rotated';

export function fixture(set: FixtureSet, file: string): Buffer {
  return readFileSync(join(ROOT, set, file));
}

/** The metadata files of one set, keyed by the path below `_trust/tuf/` a server would use. */
export function fixtureFiles(set: FixtureSet): Map<string, Buffer> {
  const names = [
    'root.json',
    'timestamp.json',
    'snapshot.json',
    'targets.json',
    'targets/releases.json',
    'targets/alice.json',
  ];
  if (set === 'setB-root-rotated') names.push('1.root.json', '2.root.json', '3.root.json');
  return new Map(names.map((name) => [name, fixture(set, name)]));
}

/** Before the fixtures' timestamps expire (2026-12-10T03:18:50Z). */
export const FIXTURE_NOW = new Date('2026-12-01T00:00:00Z');

export function fixedClock(date: Date = FIXTURE_NOW): Clock {
  return { now: () => new Date(date.getTime()) };
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatInspectJson } from '../../../server/src/trust/notary';
import type { TrustedRepository } from '../../../server/src/trust/notary';
import { naturalCompare } from '../../../server/src/trust/notary/naturalOrder';
import { formatPrettyInspect } from '../../../server/src/trust/notary/prettyInspect';
import { FIXTURE_GUN, fixtureFiles } from '../../trust/attacks/support/fixtures';
import { startHarness } from '../../trust/attacks/support/harness';
import type { Harness } from '../../trust/attacks/support/harness';

const D1 = '8cd34bbc1d6f7ce73c53740073333f418d7b900050c738c8c30ba95986f7b3a0';
const D3 = '7d0628ae7fbc2e399a85ee0463fd3e999471d6c73b4b41e1a432de23438c8188';
const ROOT_KEY = '9396518aeda359493e3dbfe3116b8c031bad33c7158815377acd33fcd1c96736';
const TARGETS_KEY = 'ce1d3ee5f7099e17b34c69f403e8fcdfb9510210f400f2f511baf60fe0f71597';
const ALICE_KEY = '33cefa2f2cdcda5b45135b4ab01774f49afcbe92c45444074c98818321dc77f3';

describe('formatPrettyInspect', () => {
  test("when given the rows observed in notary-v1.md §5.4 → it prints Docker's output byte for byte", () => {
    const name = 'localhost:5000/demo/app';
    const out = formatPrettyInspect({
      name,
      rows: [
        { tag: 'v1', digest: D1, signers: ['alice'] },
        { tag: 'v3', digest: D3, signers: [] },
        {
          tag: 'v10',
          digest: '292e702085729af13943bc3b6e16b3ea3b3c66806c1a531b349e981bcd112048',
          signers: [],
        },
      ],
      signers: new Map([['alice', [ALICE_KEY]]]),
      rootKeyIds: ['914534838d3c488660b6c76feaa16cefb98067fafc95eeb563dce0d86444d961'],
      targetsKeyIds: ['cb77dcabac15482c4cfafcd9ad888b58f6e4413397365802ad412fc31f38849f'],
    });
    const expected = [
      '',
      `Signatures for ${name}`,
      '',
      'SIGNED TAG   DIGEST                                                             SIGNERS',
      `v1           ${D1}   alice`,
      `v3           ${D3}   (Repo Admin)`,
      'v10          292e702085729af13943bc3b6e16b3ea3b3c66806c1a531b349e981bcd112048   (Repo Admin)',
      '',
      `List of signers and their keys for ${name}`,
      '',
      'SIGNER    KEYS',
      'alice     33cefa2f2cdc',
      '',
      `Administrative keys for ${name}`,
      '',
      '  Repository Key:\tcb77dcabac15482c4cfafcd9ad888b58f6e4413397365802ad412fc31f38849f',
      '  Root Key:\t914534838d3c488660b6c76feaa16cefb98067fafc95eeb563dce0d86444d961',
      '',
    ].join('\n');
    assert.equal(out, expected);
  });

  test('when there are no rows and no signers → it prints "No signatures" and only the admin keys', () => {
    const out = formatPrettyInspect({
      name: 'x',
      rows: [],
      signers: new Map(),
      rootKeyIds: ['r'],
      targetsKeyIds: ['t'],
    });
    assert.equal(
      out,
      '\nNo signatures for x\n\n\nAdministrative keys for x\n\n  Repository Key:\tt\n  Root Key:\tr\n',
    );
  });
});

describe('naturalCompare (sortorder.NaturalLess)', () => {
  test('when tags hold numbers → they sort numerically, fewer leading zeros first, digits before letters', () => {
    const sorted = ['v10', 'v3', 'v1', 'v01', 'latest', '1.0', 'v1a', 'v1.2'].sort(naturalCompare);
    // Go breaks a numeric tie on leading zeros at once, so "v1.2" and "v1a" come before "v01".
    assert.deepEqual(sorted, ['1.0', 'latest', 'v1', 'v1.2', 'v1a', 'v01', 'v3', 'v10']);
  });
});

describe('TrustedRepository answers for setA', () => {
  let harness: Harness;
  let repository: TrustedRepository;
  before(async () => {
    harness = await startHarness(FIXTURE_GUN, fixtureFiles('setA-v1'));
    repository = await harness.client.getRepository(FIXTURE_GUN);
  });
  after(() => harness.stop());

  test("when inspected → the model has Docker's field names and values", () => {
    assert.deepEqual(repository.inspect(), {
      Name: FIXTURE_GUN,
      SignedTags: [
        { SignedTag: 'v1', Digest: D1, Signers: ['alice'] },
        { SignedTag: 'v3', Digest: D3, Signers: ['Repo Admin'] },
      ],
      Signers: [{ Name: 'alice', Keys: [{ ID: ALICE_KEY }] }],
      AdministrativeKeys: [
        { Name: 'Root', Keys: [{ ID: ROOT_KEY }] },
        { Name: 'Repository', Keys: [{ ID: TARGETS_KEY }] },
      ],
    });
  });

  test('when inspected for the alice-only tag v2 → SignedTags is empty and the rest unchanged', () => {
    assert.deepEqual(repository.inspect(`${FIXTURE_GUN}:v2`, 'v2').SignedTags, []);
  });

  test('when printed as JSON → it is a 4-space indented array with a trailing newline', () => {
    const text = formatInspectJson([repository.inspect()]);
    assert.ok(
      text.startsWith('[\n    {\n        "Name": "localhost:5000/demo/app",\n        "SignedTags": [\n'),
    );
    assert.ok(text.endsWith('}\n]\n'));
  });

  test('when asked which roles signed v1 → releases and alice report the same digest', () => {
    assert.deepEqual(
      repository.signaturesOf('v1').map((s) => [s.role, s.digest, s.length]),
      [
        ['targets/releases', D1, 12],
        ['targets/alice', D1, 12],
      ],
    );
  });

  test('when v2 (alice only) is resolved → it throws TAG_NOT_SIGNED; findTag still reports alice', () => {
    assert.throws(() => repository.resolveTag('v2'), { code: 'TAG_NOT_SIGNED' });
    assert.equal(repository.findTag('v2')?.role, 'targets/alice');
  });

  test('when v3 is resolved → it comes from targets with length 14', () => {
    assert.deepEqual(repository.resolveTag('v3'), { tag: 'v3', digest: D3, length: 14, role: 'targets' });
  });

  test('when signed tags are listed → rows carry raw signer lists', () => {
    assert.deepEqual(repository.signedTags(), [
      { tag: 'v1', digest: D1, signers: ['alice'] },
      { tag: 'v3', digest: D3, signers: [] },
    ]);
  });

  test('when printed --pretty → the signer table shows alice with her 12-character key', () => {
    assert.match(repository.formatPretty(), /\nSIGNER {4}KEYS\nalice {5}33cefa2f2cdc\n/);
  });
});

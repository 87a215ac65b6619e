import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionCredentialStore } from '../../../server/src/trustService/engineFactory';
import { TrustService } from '../../../server/src/trustService/trustService';
import { PolicyIndex } from '../../../server/src/workspace/policyIndex';

test("when imageTrust/refresh drops the answers → the session credentials re-read Docker's config too", () => {
  let reloads = 0;
  const credentials: SessionCredentialStore = {
    version: 0,
    get: () => Promise.resolve(undefined),
    reload: () => {
      reloads++;
    },
  };
  const service = new TrustService(new PolicyIndex(), { credentials });
  service.refresh();
  assert.equal(reloads, 1);
});

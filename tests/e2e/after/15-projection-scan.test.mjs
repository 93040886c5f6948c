// Issue #28, acceptance 1, after the whole polkadot.js suite has run its acts (tests/e2e/run.sh
// runs this file last, alone): a public projection built from the genesis of the suite's chain
// — every block checked, every certificate, adoption, sealing, correction, revocation and archive
// batch of every file — holds nothing personal in its store or its answers: none of the
// chain's identity keys, data roots, document and court-decision hashes, or dates of a person's
// event (lib/scan.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { personalData, scanProjection } from '../lib/scan.mjs';
import { startProjection } from '../lib/projection.mjs';
import { setup, waitForFinality } from '../lib/helpers.mjs';

const { api } = await setup();
test.after(() => api.disconnect());

test('after the suite: a projection of the whole chain holds and says nothing personal', { timeout: 300_000 }, async () => {
  const head = await waitForFinality(api);
  const projection = await startProjection();
  await projection.caughtUp(head, 240_000);
  const personal = await personalData(api);
  assert.ok(personal.hashes.size >= 200 && personal.dates.size >= 50,
    `${personal.hashes.size} hashes and ${personal.dates.size} dates from ${personal.acts} acts and ${personal.persons} persons`);
  const looked = await scanProjection(api, projection, personal);
  console.log(`after the suite: projected ${head} blocks; looked for ${personal.hashes.size} hashes and ${personal.dates.size} dates (from ${personal.acts} acts, ${personal.persons} persons) in ${looked.storeBytes} bytes of store and ${looked.answers} answers (${looked.certificates} certificates): none found`);
  assert.ok(looked.certificates >= 5, `${looked.certificates} certificates answered`);
});

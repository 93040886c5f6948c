// Issue #6: every call of `offices`, as governance (sudo on the development chain) and as a
// head, with the office and officer queries of the runtime API; a compromised key's acts are
// listed for review.
import test from 'node:test';
import assert from 'node:assert/strict';
import { officer } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as lifecycle from '../examples/lifecycle.mjs';
import * as offices from '../examples/offices.mjs';
import * as queries from '../examples/queries.mjs';
import { TASHKENT, hash, rejectsWith, setup } from '../lib/helpers.mjs';

const { api, alice, bob, eve } = await setup();
test.after(() => api.disconnect());
const charlie = officer('//Charlie');
const dave = officer('//Dave');

test('governance builds an office, a head staffs it, a compromised key is reviewed', async () => {
  // Calls that do not depend on each other share a block (each signer's nonces keep them in
  // the order written).
  const [district, spare] = await Promise.all([
    offices.createJurisdiction(api, alice, 'UZ-TK-TST', 'Test district', TASHKENT),
    offices.createJurisdiction(api, alice, 'UZ-TK-TMP', 'Temporary district', TASHKENT),
  ]);
  const [renamed, office] = await Promise.all([
    offices.renameJurisdiction(api, alice, district, 'Test district (renamed)'),
    offices.registerOffice(api, alice, 'DistrictRegistry', district, 'Test registry office'),
  ]);
  assert.equal(renamed, 'Test district (renamed)');
  assert.equal((await queries.office(api, office)).status, 'Active');

  assert.equal(await offices.appointHead(api, alice, office, charlie.address), charlie.address);
  assert.equal(await offices.appointRegistrar(api, charlie, dave.address), dave.address);
  assert.deepEqual((await queries.officer(api, dave.address)).office, office);
  const person = () => ({
    jurisdiction: district, birthDate: { year: 1970, month: 1, day: 1 }, identityKey: hash(),
    dataRoot: hash(), sex: 'Male', archiveReference: hash(),
  });
  const [, { act }] = await Promise.all([
    // Bob's office does not cover the new district.
    rejectsWith(acts.enrollPerson(api, bob, person()), 'civilEvents.OutsideJurisdiction'),
    acts.enrollPerson(api, dave, person()),
  ]);
  const signedAt = (await api.query.civilEvents.acts(act)).unwrap().registeredAt.toNumber();
  // Dave and Charlie, its head, each issue a certificate of the act.
  const [daves, charlies] = [hash(), hash()];
  await Promise.all([
    lifecycle.issueCertificate(api, dave, act, daves),
    lifecycle.issueCertificate(api, charlie, act, charlies),
  ]);

  // Dave's key is found compromised from the block of that act on; it can never be appointed
  // again.
  const [dismissed] = await Promise.all([
    offices.dismissRegistrar(api, charlie, dave.address, signedAt),
    rejectsWith(offices.appointRegistrar(api, charlie, dave.address), 'offices.KeyCompromised'),
  ]);
  assert.equal(dismissed, dave.address);
  assert.equal(await queries.officer(api, dave.address), null);
  assert.deepEqual(
    (await queries.actsUnderReview(api, dave.address)).map((i) => [i.act, i.reason, i.needsReview]),
    [[act, 'SignedByCompromisedKey', true]]);
  // Both certificates of Dave's act are under review: a bank clerk scanning either is told not
  // to rely on it.
  const certificateStatus = async (code) => (await queries.verifyCertificate(api, code)).status;
  assert.deepEqual([await certificateStatus(daves), await certificateStatus(charlies)], ['UnderReview', 'UnderReview']);
  // The Tashkent department reviews the act and finds it sound; the office's own head cannot.
  await assert.rejects(lifecycle.clearReview(api, charlie, act), /1010: Invalid Transaction: Transaction call is not expected/);
  assert.equal(await lifecycle.clearReview(api, eve, act), act);
  assert.deepEqual(
    (await queries.actsUnderReview(api, dave.address)).map((i) => [i.act, i.needsReview]),
    [[act, false]]);
  // Charlie's certificate is valid again; the one Dave's key issued stays under review (a new
  // certificate replaces it).
  assert.deepEqual([await certificateStatus(daves), await certificateStatus(charlies)], ['UnderReview', 'Valid']);

  assert.equal(await offices.suspendOffice(api, alice, office), office);
  assert.equal((await queries.office(api, office)).status, 'Suspended');
  const [reopened, dismissedHead, closed, removed] = await Promise.all([
    offices.reopenOffice(api, alice, office),
    offices.dismissOfficer(api, alice, charlie.address, null),
    offices.closeOffice(api, alice, office),
    offices.removeJurisdiction(api, alice, spare),
    // A jurisdiction with records can never be removed.
    rejectsWith(offices.removeJurisdiction(api, alice, district), 'offices.JurisdictionInUse'),
  ]);
  assert.deepEqual([reopened, dismissedHead, closed, removed], [office, charlie.address, office, spare]);
  assert.equal((await queries.office(api, office)).status, 'Closed');
});

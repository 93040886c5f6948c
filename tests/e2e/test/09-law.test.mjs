// Issue #14, as a registry office meets it on a live node: the marriage of a grandfather and
// his granddaughter (kinship found through a paternity link two generations up), of siblings
// enrolled from the archive with their parents, of a man whose paper marriage was enrolled
// (bigamy), of two women; a ten-year-old mother and the adoption of a 40-year-old — each
// refused with its typed error; the same acts done right are registered: a divorce on a court's
// decision with a minor child, a marriage under a khokim's exemption approved by the head.
// Issue #31 (at the end): deaths of spouses registered in reverse order, a backdated registry
// divorce, a marriage date amendment, a single adoption cutting the other birth parent (and one
// whose decision keeps him), an adult's paternity without consent, an annulled marriage's
// presumption of paternity, a groom a court declared incapable (his bar lifted by the regional
// head only), the surname chosen at marriage and taken back at divorce, a person born abroad
// enrolled here and dying here.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findEvent, officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as queries from '../examples/queries.mjs';
import * as lifecycle from '../examples/lifecycle.mjs';
import { appointRegistrar, createJurisdiction } from '../examples/offices.mjs';
import { YUNUSOBOD, daysBefore, hash, rejectsWith, setup, readyToMarry } from '../lib/helpers.mjs';

const { api, alice, eve } = await setup();
test.after(() => api.disconnect());
// A registrar of this file's own, appointed by Alice (head of office 0): Bob's key signs in the
// other files at the same time, and two programs sharing a key contend for its nonces.
const registrar = officer('//LawRegistrar');
await appointRegistrar(api, alice, registrar.address);
const now = await today(api);
// A marriage is dated the day it is registered.
const wedding = now;

const enroll = async (sex, birthDate, mother = null, father = null) => (await acts.enrollPerson(api, registrar, {
  jurisdiction: YUNUSOBOD, birthDate, identityKey: hash(), dataRoot: hash(), sex, mother, father,
  archiveReference: hash(),
})).person;

/** A birth long ago to `mother`: registered late by this file's registrar, approved by Eve (the
 *  regional head: Alice appointed the registrar, so she may not approve its work). */
async function bornLongAgo(birthDate, sex, mother) {
  const tx = api.tx.civilEvents.registerBirth(YUNUSOBOD, birthDate, hash(), hash(), sex, mother, null, null, null, null, hash());
  const { events } = await submit(api, tx, registrar);
  const { act } = findEvent(api, events, 'LateRegistrationPending');
  await acts.approveLateRegistration(api, eve, act);
  const { details } = (await api.query.civilEvents.acts(act)).unwrap();
  return details.asBirth.child.unwrap().toNumber();
}

test('a grandfather cannot marry his granddaughter: kinship two generations up', async () => {
  const [grandfather, mother, stranger] = await Promise.all([
    enroll('Male', { year: 1940, month: 1, day: 1 }),
    enroll('Female', { year: 1965, month: 1, day: 1 }),
    enroll('Male', { year: 1985, month: 1, day: 1 }),
  ]);
  // She is an adult: her father's paternity needs her consent.
  await rejectsWith(
    acts.registerPaternity(api, registrar, YUNUSOBOD, now, mother, grandfather, null, hash()),
    'civilEvents.AdultConsentRequired');
  await acts.registerPaternity(api, registrar, YUNUSOBOD, now, mother, grandfather, null, hash(), hash());
  const granddaughter = await bornLongAgo({ year: 1990, month: 5, day: 1 }, 'Female', mother);
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, granddaughter, grandfather, null, await readyToMarry(api, registrar, granddaughter, grandfather), hash()),
    'civilEvents.CloseRelatives');
  // A man of no kin marries her.
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, granddaughter, stranger, null, await readyToMarry(api, registrar, granddaughter, stranger), hash());
  assert.equal(typeof marriage, 'number');
});

test('two women cannot marry under this runtime\'s law', async () => {
  const [a, b] = await Promise.all([
    enroll('Female', { year: 1990, month: 1, day: 1 }),
    enroll('Female', { year: 1991, month: 1, day: 1 }),
  ]);
  await rejectsWith(acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, a, b, null, await readyToMarry(api, registrar, a, b), hash()), 'civilEvents.SameSexMarriage');
  const law = api.consts.civilEvents.law;
  assert.equal(law.marriageOfManAndWoman.isTrue, true);
  assert.equal(law.utcOffsetMinutes.toNumber(), 300);
});

test('a ten-year-old mother and the adoption of a 40-year-old are refused', async () => {
  const tenYearsAgo = { year: now.year - 10, month: 1, day: 1 };
  const [girl, adult, adopter] = await Promise.all([
    enroll('Female', tenYearsAgo),
    enroll('Male', { year: now.year - 40, month: 1, day: 1 }),
    enroll('Female', { year: now.year - 70, month: 1, day: 1 }),
  ]);
  await rejectsWith(acts.registerBirth(api, registrar, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother: girl, documentHash: hash(),
  }), 'civilEvents.ParentTooYoung');
  await rejectsWith(
    acts.registerAdoption(api, registrar, YUNUSOBOD, now, adult, adopter, null, false, hash(), hash()),
    'civilEvents.AdopteeNotMinor');
});

test('an archive marriage makes a second marriage bigamy', async () => {
  const [wife, husband, other] = await Promise.all([
    enroll('Female', { year: 1970, month: 1, day: 1 }),
    enroll('Male', { year: 1968, month: 1, day: 1 }),
    enroll('Female', { year: 1975, month: 1, day: 1 }),
  ]);
  // Married on paper in 1995, before the chain's go-live date: enrolled from the archive.
  const goLive = (await api.query.civilEvents.goLive()).unwrap();
  assert.ok(goLive.year.toNumber() >= 2026);
  await rejectsWith(
    acts.enrollMarriage(api, registrar, YUNUSOBOD, now, wife, husband, hash()),
    'civilEvents.NotBeforeGoLive');
  const archived = await acts.enrollMarriage(
    api, registrar, YUNUSOBOD, { year: 1995, month: 6, day: 1 }, wife, husband, hash());
  const record = (await api.query.civilEvents.acts(archived)).unwrap();
  assert.equal(record.details.asMarriage.basis.isArchive, true);
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, other, husband, null, await readyToMarry(api, registrar, other, husband), hash()),
    'civilEvents.AlreadyMarried');
  // A backdated marriage is refused too: a marriage is dated the day it is registered.
  const [single, bachelor] = await Promise.all([
    enroll('Female', { year: 1980, month: 1, day: 1 }),
    enroll('Male', { year: 1980, month: 1, day: 1 }),
  ]);
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, daysBefore(now, 400), single, bachelor, null, await readyToMarry(api, registrar, single, bachelor), hash()),
    'civilEvents.MarriageNotToday');
});

test('siblings enrolled with their parents cannot marry', async () => {
  const [mother, father] = await Promise.all([
    enroll('Female', { year: 1950, month: 1, day: 1 }),
    enroll('Male', { year: 1948, month: 1, day: 1 }),
  ]);
  const [sister, brother] = await Promise.all([
    enroll('Female', { year: 1975, month: 1, day: 1 }, mother, father),
    enroll('Male', { year: 1977, month: 1, day: 1 }, mother, null),
  ]);
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, sister, brother, null, await readyToMarry(api, registrar, sister, brother), hash()),
    'civilEvents.CloseRelatives');
});

test('a divorce with a minor child on a court decision; not by mutual consent', async () => {
  const [wife, husband] = await Promise.all([
    enroll('Female', { year: 1990, month: 1, day: 1 }),
    enroll('Male', { year: 1988, month: 1, day: 1 }),
  ]);
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash());
  // Their child is born; the husband is the father the law presumes.
  await rejectsWith(acts.registerBirth(api, registrar, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother: wife, documentHash: hash(),
  }), 'civilEvents.FatherPresumed');
  await acts.registerBirth(api, registrar, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother: wife, father: husband, documentHash: hash(),
  });
  await rejectsWith(
    acts.registerDivorce(api, registrar, YUNUSOBOD, now, marriage, 'MutualConsent', hash()),
    'civilEvents.CommonMinorChildren');
  const decision = hash();
  const divorce = await acts.registerDivorce(
    api, registrar, YUNUSOBOD, now, marriage, { courtDecision: decision }, hash());
  const { details } = (await api.query.civilEvents.acts(divorce)).unwrap();
  assert.equal(details.asDivorce.grounds.asCourtDecision.toHex(), decision);
});

test('a marriage under an exemption waits for the head of the office', async () => {
  const [bride, groom] = await Promise.all([
    enroll('Female', { year: now.year - 17, month: 1, day: 1 }),
    enroll('Male', { year: 2000, month: 1, day: 1 }),
  ]);
  // Any 32 bytes no longer do: the decision names its district, which must contain the place.
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, bride, groom,
      { district: 0, decision: hash() }, await readyToMarry(api, registrar, bride, groom), hash()),
    'civilEvents.ExemptionOutsideDistrict');
  const act = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, bride, groom,
    { district: YUNUSOBOD, decision: hash() }, await readyToMarry(api, registrar, bride, groom), hash());
  assert.equal((await api.query.civilEvents.acts(act)).unwrap().status.isPending, true);
  // The registering officer cannot approve it; nor can the head that appointed it; the
  // regional head does.
  await assert.rejects(acts.approveLateRegistration(api, registrar, act),
    /1010: Invalid Transaction: Transaction call is not expected/);
  await rejectsWith(acts.approveLateRegistration(api, alice, act), 'civilEvents.ApproverAppointedOfficer');
  await acts.approveLateRegistration(api, eve, act);
  assert.equal((await queries.person(api, bride)).marital.married.spouse, groom);
});

// Issue #31: the same facts give the same statuses in any order of registration; dates that
// registration itself sets do not move; a single adopter takes the child alone.

test('deaths of spouses registered in reverse order: the first to die died married', async () => {
  const [wife, husband] = await Promise.all([
    enroll('Female', { year: 1950, month: 1, day: 1 }),
    enroll('Male', { year: 1948, month: 1, day: 1 }),
  ]);
  // Married on paper in 1975 (a marriage on chain is dated the day it is registered: the
  // deaths could not precede it).
  const marriage = await acts.enrollMarriage(
    api, registrar, YUNUSOBOD, { year: 1975, month: 6, day: 1 }, wife, husband, hash());
  // He died today and is registered first; she died the day before, registered after him.
  await acts.registerDeath(api, registrar, YUNUSOBOD, now, husband, hash());
  const { widowed } = await acts.registerDeath(api, registrar, YUNUSOBOD, daysBefore(now, 1), wife, hash());
  assert.equal(widowed, husband);
  assert.deepEqual((await queries.person(api, wife)).marital, { diedMarried: { spouse: husband, act: marriage } });
  assert.deepEqual((await queries.person(api, husband)).marital, { widowed: null });
});

test('a registry office\'s divorce is dated the day it is registered: not backdated', async () => {
  const [wife, husband] = await Promise.all([
    enroll('Female', { year: 1990, month: 1, day: 1 }),
    enroll('Male', { year: 1988, month: 1, day: 1 }),
  ]);
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash());
  await rejectsWith(
    acts.registerDivorce(api, registrar, YUNUSOBOD, daysBefore(now, 1), marriage, 'MutualConsent', hash()),
    'civilEvents.NotDatedToday');
  await acts.registerDivorce(api, registrar, YUNUSOBOD, now, marriage, 'MutualConsent', hash());
  assert.deepEqual((await queries.person(api, wife)).marital, { divorced: null });
});

test('a marriage\'s date is not amended, not even as a clerical error', async () => {
  const [wife, husband] = await Promise.all([
    enroll('Female', { year: 1990, month: 1, day: 1 }),
    enroll('Male', { year: 1988, month: 1, day: 1 }),
  ]);
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash());
  await rejectsWith(
    lifecycle.proposeAmendment(api, registrar, marriage, hash(), 'ClericalError', { eventDate: { year: 2010, month: 1, day: 1 } }),
    'civilEvents.DateSetByRegistration');
  assert.deepEqual((await api.query.civilEvents.acts(marriage)).unwrap().eventDate.toJSON(), wedding);
});

test('a single adopter takes the child alone: the other birth parent is cut', async () => {
  const [mother, father, adopter, stranger] = await Promise.all([
    enroll('Female', { year: 1990, month: 1, day: 1 }),
    enroll('Male', { year: 1988, month: 1, day: 1 }),
    enroll('Female', { year: 1975, month: 1, day: 1 }),
    enroll('Male', { year: 1970, month: 1, day: 1 }),
  ]);
  const { child } = await acts.registerBirth(api, registrar, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
    mother, father, documentHash: hash(),
  });
  // Two who are not married to each other do not adopt together.
  await rejectsWith(
    acts.registerAdoption(api, registrar, YUNUSOBOD, now, child, adopter, stranger, false, hash(), hash()),
    'civilEvents.AdoptersNotMarried');
  await acts.registerAdoption(api, registrar, YUNUSOBOD, now, child, adopter, null, false, hash(), hash());
  const record = await queries.person(api, child);
  assert.deepEqual([record.mother, record.father], [adopter, null]);
  // Unless the decision keeps the other parent's rights: then he stays her father.
  const { child: sister } = await acts.registerBirth(api, registrar, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
    mother, father, documentHash: hash(),
  });
  await acts.registerAdoption(
    api, registrar, YUNUSOBOD, now, sister, adopter, null, false, hash(), hash(), { keepsOtherParent: true, shortensAgeGap: false });
  const kept = await queries.person(api, sister);
  assert.deepEqual([kept.mother, kept.father], [adopter, father]);
});

test('an annulled marriage: void, but its husband stays the presumed father', async () => {
  const [wife, husband] = await Promise.all([
    enroll('Female', { year: 1992, month: 1, day: 1 }),
    enroll('Male', { year: 1990, month: 1, day: 1 }),
  ]);
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash());
  const proposal = await lifecycle.proposeAnnulment(api, registrar, marriage, hash(), now);
  // Eve, the regional head, approves (Alice appointed the proposer).
  const { events } = await submit(api, api.tx.civilEvents.approveRevocation(proposal), eve);
  const annulled = findEvent(api, events, 'MarriageAnnulled');
  assert.deepEqual([annulled.act.toNumber(), annulled.date.toJSON()], [marriage, now]);
  assert.deepEqual((await queries.person(api, wife)).marital, { single: null });
  const birth = (father) => acts.registerBirth(api, registrar, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother: wife, father, documentHash: hash(),
  });
  await rejectsWith(birth(null), 'civilEvents.FatherPresumed');
  const { child } = await birth(husband);
  assert.equal((await queries.person(api, child)).father, husband);
});

test('a groom a court declared incapable does not marry until his capacity is restored', async () => {
  const [bride, groom] = await Promise.all([
    enroll('Female', { year: 1993, month: 1, day: 1 }),
    enroll('Male', { year: 1991, month: 1, day: 1 }),
  ]);
  // Alice heads office 0, which registers marriages in Yunusobod.
  const recorded = await lifecycle.recordIncapacity(api, alice, YUNUSOBOD, groom, hash(), now);
  assert.equal(recorded.person.toNumber(), groom);
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, bride, groom, null, await readyToMarry(api, registrar, bride, groom), hash()),
    'civilEvents.PersonIncapable');
  // Alice, who recorded the bar, cannot lift it — the gate refuses an office's head at the pool
  // (the runtime would: `NotRegionalHead`); Eve, the regional head, does.
  await assert.rejects(lifecycle.restoreCapacity(api, alice, YUNUSOBOD, groom, hash(), now),
    /1010: Invalid Transaction: Transaction call is not expected/);
  await lifecycle.restoreCapacity(api, eve, YUNUSOBOD, groom, hash(), now);
  await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, bride, groom, null, await readyToMarry(api, registrar, bride, groom), hash());
  assert.equal((await queries.person(api, bride)).marital.married.spouse, groom);
});

test('the surname chosen at marriage and taken back at divorce: the data root follows', async () => {
  const [wife, husband] = await Promise.all([
    enroll('Female', { year: 1994, month: 1, day: 1 }),
    enroll('Male', { year: 1992, month: 1, day: 1 }),
  ]);
  const premarital = (await queries.person(api, wife)).dataRoot;
  const married = hash();
  // Only a spouse chooses, and not the root already held.
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash(),
      [{ person: husband + 1000, dataRoot: married }]),
    'civilEvents.SurnameNotChosenHere');
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash(),
      [{ person: wife, dataRoot: premarital }]),
    'civilEvents.SurnameUnchanged');
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, wife, husband, null, await readyToMarry(api, registrar, wife, husband), hash(),
    [{ person: wife, dataRoot: married }]);
  assert.equal((await queries.person(api, wife)).dataRoot, married);
  const [change] = (await api.query.civilEvents.surnames(marriage)).unwrap();
  assert.equal(change.previousRoot.toHex(), premarital);
  await acts.registerDivorce(api, registrar, YUNUSOBOD, now, marriage, 'MutualConsent', hash(),
    [{ person: wife, dataRoot: premarital }]);
  assert.equal((await queries.person(api, wife)).dataRoot, premarital);
});

test('a person born abroad is enrolled here, approved by a head, and dies here', async () => {
  // Another country: a root of the jurisdiction tree beside Uzbekistan (governance's).
  const country = await createJurisdiction(api, alice, 'KG', 'Kyrgyz Republic', null);
  const bishkek = await createJurisdiction(api, alice, 'KG-GB', 'Bishkek', country);
  const identityKey = hash();
  const born = daysBefore(now, 200); // after the go-live: no archive of ours holds it
  // A birth act is not registered abroad.
  await rejectsWith(acts.registerBirth(api, registrar, {
    jurisdiction: bishkek, birthDate: born, identityKey, dataRoot: hash(), sex: 'Male', documentHash: hash(),
  }), 'civilEvents.OutsideJurisdiction');
  const { act, person } = await acts.enrollPerson(api, registrar, {
    jurisdiction: bishkek, birthDate: born, identityKey, dataRoot: hash(), sex: 'Male', archiveReference: hash(),
  });
  assert.equal(person, null, 'waits for a head');
  // Alice appointed this file's registrar: Eve, the regional head, approves.
  const { events } = await submit(api, api.tx.civilEvents.approveLateRegistration(act), eve);
  const enrolled = findEvent(api, events, 'PersonEnrolled').person.toNumber();
  assert.equal((await queries.person(api, enrolled)).birthJurisdiction, bishkek);
  // Dying in Yunusobod, away from the region of his birth: the death waits for a head too.
  const death = await submit(api, api.tx.civilEvents.registerDeath(YUNUSOBOD, now, enrolled, null, null, hash()), registrar);
  const { act: deathAct } = findEvent(api, death.events, 'DeathAwayPending');
  await acts.approveLateRegistration(api, eve, deathAct.toNumber());
  assert.ok((await queries.person(api, enrolled)).status.deceased);
});

// Issue #14, as a registry office meets it on a live node: the marriage of a grandfather and
// his granddaughter (kinship found through a paternity link two generations up), a marriage of
// two women, a ten-year-old mother and the adoption of a 40-year-old — each refused with its
// typed error; the same acts done right are registered.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findEvent, officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import { appointRegistrar } from '../examples/offices.mjs';
import { YUNUSOBOD, daysBefore, hash, rejectsWith, setup } from '../lib/helpers.mjs';

const { api, alice } = await setup();
test.after(() => api.disconnect());
// A registrar of this file's own, appointed by Alice (head of office 0): Bob's key signs in the
// other files at the same time, and two programs sharing a key contend for its nonces.
const registrar = officer('//LawRegistrar');
await appointRegistrar(api, alice, registrar.address);
const now = await today(api);
// Marriages are dated last month: 03-lifecycle counts this month's while this file runs.
const wedding = daysBefore(now, 40);

const enroll = async (sex, birthDate) => (await acts.enrollPerson(api, registrar, {
  jurisdiction: YUNUSOBOD, birthDate, identityKey: hash(), dataRoot: hash(), sex, archiveReference: hash(),
})).person;

/** A birth long ago to `mother`: registered late by this file's registrar, approved by Alice (the head). */
async function bornLongAgo(birthDate, sex, mother) {
  const tx = api.tx.civilEvents.registerBirth(YUNUSOBOD, birthDate, hash(), hash(), sex, mother, null, hash());
  const { events } = await submit(api, tx, registrar);
  const { act } = findEvent(api, events, 'LateRegistrationPending');
  await acts.approveLateRegistration(api, alice, act);
  const { subjects } = (await api.query.civilEvents.acts(act)).unwrap();
  return subjects[0].toNumber();
}

test('a grandfather cannot marry his granddaughter: kinship two generations up', async () => {
  const [grandfather, mother, stranger] = await Promise.all([
    enroll('Male', { year: 1940, month: 1, day: 1 }),
    enroll('Female', { year: 1965, month: 1, day: 1 }),
    enroll('Male', { year: 1985, month: 1, day: 1 }),
  ]);
  await acts.registerPaternity(api, registrar, YUNUSOBOD, now, mother, grandfather, hash());
  const granddaughter = await bornLongAgo({ year: 1990, month: 5, day: 1 }, 'Female', mother);
  await rejectsWith(
    acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, granddaughter, grandfather, null, hash()),
    'civilEvents.CloseRelatives');
  // A man of no kin marries her.
  const marriage = await acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, granddaughter, stranger, null, hash());
  assert.equal(typeof marriage, 'number');
});

test('two women cannot marry under this runtime\'s law', async () => {
  const [a, b] = await Promise.all([
    enroll('Female', { year: 1990, month: 1, day: 1 }),
    enroll('Female', { year: 1991, month: 1, day: 1 }),
  ]);
  await rejectsWith(acts.registerMarriage(api, registrar, YUNUSOBOD, wedding, a, b, null, hash()), 'civilEvents.SameSexMarriage');
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
    acts.registerAdoption(api, registrar, YUNUSOBOD, now, adult, adopter, null, false, hash()),
    'civilEvents.AdopteeNotMinor');
});

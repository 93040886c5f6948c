// Issue #32, acceptance 1 and 5: a maternity hospital, registered by the regional level with
// keys of its own, notifies a birth and a death; the office registers each from its
// notification; a notification no act follows within the legal period is on the district's
// list. Each role boundary, as the pool sees a stolen key: a hospital's key registers no act,
// an office's key notifies nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as offices from '../examples/offices.mjs';
import * as services from '../examples/services.mjs';
import { readFileSync } from 'node:fs';
import { checkAccessLog } from '../examples/office.mjs';
import { HTTP_ENDPOINT, YUNUSOBOD, daysBefore, hash, rejectsWith, setup } from '../lib/helpers.mjs';

const OFFICE_API = process.env.CIVIL_OFFICE ?? 'http://127.0.0.1:9946';
/** The Yunusobod office (0), whose registrar is Bob, reading for a registration. */
const as = { office: 0, purpose: 'registration' };

const { api, alice, bob, eve } = await setup();
test.after(() => api.disconnect());

// Eve heads the Tashkent City Justice Department: she registers the hospital and its head.
const matron = officer('//MaternityHead');
const nurse = officer('//MaternityNurse');
if ((await api.query.offices.officers(matron.address)).isNone) {
  await services.registerHealthFacility(api, eve, YUNUSOBOD, 'Maternity complex No. 4', matron.address);
  await offices.appointRegistrar(api, matron, nurse.address);
}
const facility = (await api.query.offices.officers(nurse.address)).unwrap().office.toNumber();
const now = await today(api);
const enroll = (sex, birthDate) => acts.enrollPerson(api, bob, {
  jurisdiction: YUNUSOBOD, birthDate, identityKey: hash(), dataRoot: hash(), sex, archiveReference: hash(),
});
const NOT_FOR_ROLE = /1010: Invalid Transaction: Transaction call is not expected/;

test('a birth notified by the hospital is registered by the office from the notification', async () => {
  const [{ person: mother }, { person: father }] = await Promise.all([
    enroll('Female', { year: 1996, month: 5, day: 5 }), enroll('Male', { year: 1994, month: 2, day: 2 }),
  ]);
  const notification = await services.notifyBirth(api, nurse, now, 'Female', { Person: mother }, hash());
  const stored = (await api.query.civilEvents.notifications(notification)).unwrap();
  assert.equal(stored.facility.toNumber(), facility);
  assert.equal(stored.status.toString(), 'Open');
  // Another sex than notified: refused, with the typed error.
  await rejectsWith(acts.registerBirth(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male',
    mother, father, notification, documentHash: hash(),
  }), 'civilEvents.NotificationMismatch');
  const { act, child } = await acts.registerBirth(api, bob, {
    jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
    mother, father, notification, documentHash: hash(),
  });
  assert.ok(child > 0);
  const followed = (await api.query.civilEvents.notifications(notification)).unwrap();
  assert.deepEqual(followed.status.toJSON(), { registered: act });
  assert.equal((await api.query.civilEvents.notificationOfAct(act)).unwrap().toNumber(), notification);
});

test('a death certified by the hospital is registered from the notification', async () => {
  const { person } = await enroll('Male', { year: 1940, month: 1, day: 1 });
  const notification = await services.notifyDeath(api, nurse, now, person, hash());
  const { act } = await acts.registerDeath(api, bob, YUNUSOBOD, now, person, hash(), notification);
  assert.deepEqual((await api.query.civilEvents.notifications(notification)).unwrap().status.toJSON(), { registered: act });
});

test('a notification no act follows within the legal period is on the district\'s list', async () => {
  const { person } = await enroll('Female', { year: 1938, month: 1, day: 1 });
  // A death five days ago (three days to register it) and a birth two months ago: overdue now.
  const died = await services.notifyDeath(api, nurse, daysBefore(now, 5), person, hash());
  const born = await services.notifyBirth(api, nurse, daysBefore(now, 60), 'Male', { IdentityKey: hash() }, hash());
  // Today's birth, not yet registered, is within its month: not on the list.
  const fresh = await services.notifyBirth(api, nurse, now, 'Male', { IdentityKey: hash() }, hash());
  // The district office reads its list through the office read API, signed and logged.
  const { list, logged } = await services.overdueNotifications(api, OFFICE_API, bob, YUNUSOBOD, as);
  const ids = list.map((n) => n.id);
  const check = await checkAccessLog(HTTP_ENDPOINT);
  const logEntry = readFileSync(check.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.seq === logged);
  assert.deepEqual([logEntry.office, logEntry.officer, logEntry.method, logEntry.purpose],
    [0, bob.address, 'office_overdueNotifications', 'registration']);
  // A hospital's key reads no list of the registry's.
  await assert.rejects(services.overdueNotifications(api, OFFICE_API, nurse, YUNUSOBOD, { ...as, office: facility }),
    (e) => e.code === 4015);
  assert.ok(ids.includes(died) && ids.includes(born), JSON.stringify(list));
  assert.ok(!ids.includes(fresh));
  const entry = list.find((n) => n.id === died);
  assert.equal(entry.kind, 'Death');
  assert.equal(entry.facility, facility);
  // Paged from an id on.
  const page = await services.overdueNotifications(api, OFFICE_API, bob, YUNUSOBOD, { ...as, from: born });
  assert.deepEqual(page.list.map((n) => n.id).filter((id) => id < born), []);
  // Withdrawn (notified in error), it leaves the list.
  assert.equal(await services.withdrawNotification(api, nurse, born), born);
  assert.ok(!(await services.overdueNotifications(api, OFFICE_API, bob, YUNUSOBOD, as)).list.some((n) => n.id === born));
});

test('a hospital\'s key registers no act; an office\'s key notifies nothing', async () => {
  const { person } = await enroll('Male', { year: 1950, month: 1, day: 1 });
  for (const key of [nurse, matron]) {
    await assert.rejects(acts.registerBirth(api, key, {
      jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male', documentHash: hash(),
    }), NOT_FOR_ROLE);
    await assert.rejects(acts.registerDeath(api, key, YUNUSOBOD, now, person, hash()), NOT_FOR_ROLE);
    await assert.rejects(services.receiveApplication(api, key, 'NameChange', services.trackingCode()), NOT_FOR_ROLE);
  }
  for (const key of [bob, alice, eve]) {
    await assert.rejects(services.notifyDeath(api, key, now, person, hash()), NOT_FOR_ROLE);
    await assert.rejects(services.notifyBirth(api, key, now, 'Male', { Person: person }, hash()), NOT_FOR_ROLE);
  }
  // The hospital's head appoints its staff, and no office's head appoints a hospital's: a
  // district head's key cannot give itself a facility.
  await assert.rejects(submit(api, api.tx.offices.appointHead(facility, officer('//Intruder').address), alice), NOT_FOR_ROLE);
});

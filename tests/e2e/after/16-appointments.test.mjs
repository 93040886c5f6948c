// Issue #29: a head's appointment of a registrar waits the chain's appointment delay, during
// which the regional department vetoes it; until it takes effect the account signs nothing.
// Runs after the suite (tests/e2e/run.sh), alone: a delay set for the whole chain would hold
// up the other files' appointments.
import test from 'node:test';
import assert from 'node:assert/strict';
import { officer } from '../examples/connect.mjs';
import * as offices from '../examples/offices.mjs';
import * as queries from '../examples/queries.mjs';
import { TASHKENT, setup, waitForBlock } from '../lib/helpers.mjs';

const { api, alice, eve } = await setup();
test.after(() => api.disconnect());

test('an appointment waits its delay, and the regional head vetoes one meanwhile', { timeout: 120_000 }, async () => {
  const head = officer('//AppointingHead');
  const [vetoed, appointed] = [officer('//VetoedRegistrar'), officer('//DelayedRegistrar')];
  const district = await offices.createJurisdiction(api, alice, 'UZ-TK-APT', 'Appointments district', TASHKENT);
  const office = await offices.registerOffice(api, alice, 'DistrictRegistry', district, 'Appointments office');
  await offices.appointHead(api, alice, office, head.address);
  assert.equal(await offices.setAppointmentDelay(api, alice, 4), 4);
  try {
    await offices.appointRegistrar(api, head, vetoed.address);
    await offices.appointRegistrar(api, head, appointed.address);
    const effective = (await api.query.offices.officers(appointed.address)).unwrap().appointedAt.toNumber();
    // Not yet: the gate does not know the account.
    await assert.rejects(offices.heartbeat(api, appointed), /1010: Invalid Transaction: Invalid signing address/);
    // The Tashkent department vetoes one; its head cannot.
    await assert.rejects(offices.vetoAppointment(api, head, vetoed.address), /1010: Invalid Transaction: Transaction call is not expected/);
    assert.equal(await offices.vetoAppointment(api, eve, vetoed.address), vetoed.address);
    assert.equal(await queries.officer(api, vetoed.address), null);
    // The other takes effect at its block, and signs.
    await waitForBlock(api, effective);
    assert.match(await offices.heartbeat(api, appointed), /^0x[0-9a-f]{64}$/);
    assert.equal((await queries.officer(api, appointed.address)).office, office);
  } finally {
    assert.equal(await offices.setAppointmentDelay(api, alice, 0), 0);
  }
});

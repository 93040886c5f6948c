// Issue #11: governance on the development chain, where the council is Alice alone (a threshold
// of one is two thirds of it): a motion dispatches a governance call, root-only calls go
// through `governance.dispatchAsRoot`, a stranger cannot propose, and an authority rotates its
// session keys with `author_rotateKeysWithOwner` and `session.setKeys` — and its node goes on
// authoring with the new keys once they take effect.
import test from 'node:test';
import assert from 'node:assert/strict';
import { officer } from '../examples/connect.mjs';
import * as governance from '../examples/governance.mjs';
import { TASHKENT, hash, rejectsWith, setup } from '../lib/helpers.mjs';

const { api, alice, bob } = await setup();
test.after(() => api.disconnect());

test('a council motion dispatches governance calls, and root-only calls through dispatchAsRoot', async () => {
  const create = api.tx.offices.createJurisdiction('UZ-TK-CNL', 'Council district', TASHKENT);
  const { executed } = await governance.councilMotion(api, alice, create, 1);
  assert.ok(executed.isOk, executed.toString());
  assert.ok((await api.query.offices.jurisdictionByCode('UZ-TK-CNL')).isSome);

  const codeHash = hash();
  const authorize = governance.asRoot(api, api.tx.system.authorizeUpgrade(codeHash));
  const { executed: rooted } = await governance.councilMotion(api, alice, authorize, 1);
  assert.ok(rooted.isOk, rooted.toString());
  // Directly, the council is not root.
  const { executed: direct } = await governance.councilMotion(api, alice, api.tx.system.authorizeUpgrade(hash()), 1);
  assert.ok(direct.isErr && direct.asErr.isBadOrigin, direct.toString());

  // Bob is a registrar, not a member.
  // Bob is not on the council: his key cannot even submit a motion.
  await assert.rejects(governance.councilMotion(api, bob, create, 1), /1010: Invalid Transaction: Transaction call is not expected/);
});

test('an authority rotates its session keys and its node authors with the new ones', async () => {
  const before = (await api.query.session.nextKeys(alice.address)).unwrap().toHex();
  const keys = await governance.rotateKeys(api, alice);
  assert.notEqual(keys, before);
  assert.equal((await api.query.session.nextKeys(alice.address)).unwrap().toHex(), keys);
  // The node holds the private keys of what it returned.
  assert.equal((await api.rpc.author.hasSessionKeys(keys)).isTrue, true);
  // Two session boundaries later, Aura's authority is the new key, and blocks go on.
  const aura = (await api.query.session.nextKeys(alice.address)).unwrap().aura.toHex();
  const start = (await api.query.session.currentIndex()).toNumber();
  for (;;) {
    const index = (await api.query.session.currentIndex()).toNumber();
    if (index >= start + 2) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const authorities = (await api.query.aura.authorities()).map((a) => a.toHex());
  assert.deepEqual(authorities, [aura]);
  const height = (await api.rpc.chain.getHeader()).number.toNumber();
  for (;;) {
    if ((await api.rpc.chain.getHeader()).number.toNumber() >= height + 2) break;
    await new Promise((r) => setTimeout(r, 500));
  }
});

test('a stranger cannot set session keys', async () => {
  const ferdie = officer('//Ferdie');
  // Refused at the pool: Ferdie holds no role (nor keys to rotate on this node's behalf).
  await assert.rejects(governance.rotateKeys(api, ferdie), /1010/);
});

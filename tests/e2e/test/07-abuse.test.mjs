// Issue #12: one stolen registrar key against a live node. What it tries — root through sudo,
// an immortal transaction, a 1 MiB remark, 10,000 acts as fast as it can sign them, 200 revocation proposals — is
// refused or throttled with the documented reason; meanwhile another office's registrar and
// governance get their transactions in within two blocks; once governance dismisses the key,
// nothing more of it gets in and its proposals are closed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { connect, findEvent, officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as offices from '../examples/offices.mjs';
import { ENDPOINT, TASHKENT, YUNUSOBOD, hash, setup, waitForBlock } from '../lib/helpers.mjs';

const { api, alice } = await setup();
test.after(() => api.disconnect());
const now = await today(api);
const attacker = officer('//Attacker');
const secondHead = officer('//SecondHead');
const secondRegistrar = officer('//SecondRegistrar');

const NOT_FOR_ROLE = /1010: Invalid Transaction: Transaction call is not expected/;

/** The best block's number. */
async function best() {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** The transaction `makeTx(client)` from `signer` via `submit`, over a connection of its own,
 *  as another office's system (or governance) sends it: not through the attacker's
 *  connection, whose queue of thousands of requests would be measured instead. Resolves with
 *  its block's events and with how many blocks after the pool accepted it (the last time, if
 *  another file's transaction took its nonce and it was signed anew) it was included: 1 = the
 *  next block. That is what the chain promises an honest signer during a flood; the way to
 *  the pool (RPC under 10,000 requests, nonce races with the other files signing as Alice)
 *  is the client's. */
async function inclusion(makeTx, signer) {
  const client = await connect(ENDPOINT);
  const best = async () => (await client.rpc.chain.getHeader()).number.toNumber();
  try {
    let acceptedAt;
    const { blockHash, events } = await submit(client, makeTx(client), signer, {
      onAccepted: () => { acceptedAt = best(); },
    });
    const included = (await client.rpc.chain.getHeader(blockHash)).number.toNumber();
    return { blocks: included - await acceptedAt, events };
  } finally {
    await client.disconnect();
  }
}

/** Sign `calls` with consecutive nonces from the attacker's next one and send them all at
 *  once, as fast as the connection takes them. Resolves with the pool's answers: the number
 *  accepted and the refusals by message. */
async function flood(calls) {
  const first = (await api.rpc.system.accountNextIndex(attacker.address)).toNumber();
  // Signed offline, as a script would: one header for the mortality of all of them.
  const header = await api.rpc.chain.getHeader();
  const options = {
    blockHash: header.hash,
    era: api.createType('ExtrinsicEra', { current: header.number, period: 64 }),
    genesisHash: api.genesisHash,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
  };
  const signed = calls.map((call, i) => call.sign(attacker, { ...options, nonce: first + i }));
  const answers = { accepted: 0, refused: {} };
  // In slices, so that the WebSocket's buffer is not the limit being measured.
  for (let i = 0; i < signed.length; i += 500) {
    await Promise.all(signed.slice(i, i + 500).map(async (tx) => {
      try {
        await api.rpc.author.submitExtrinsic(tx);
        answers.accepted += 1;
      } catch (e) {
        answers.refused[e.message] = (answers.refused[e.message] ?? 0) + 1;
      }
    }));
  }
  return answers;
}

/** The attacker's transactions in blocks `from`..`to`. */
async function attackerExtrinsics(from, to) {
  const counts = [];
  for (let n = from; n <= to; n += 1) {
    const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
    counts.push(block.block.extrinsics.filter(
      (x) => x.isSigned && x.signer.toString() === attacker.address).length);
  }
  return counts;
}

const birth = () => api.tx.civilEvents.registerBirth(
  YUNUSOBOD, now, hash(), hash(), 'Female', null, null, null, null, null, hash());

test('one stolen registrar key is refused, throttled, then shut out', { timeout: 240_000 }, async () => {
  // A second office (in a district of its own), and the attacker: a registrar of office 0.
  const district = await offices.createJurisdiction(api, alice, 'UZ-TK-ABU', 'Abuse test district', TASHKENT);
  const office = await offices.registerOffice(api, alice, 'DistrictRegistry', district, 'Second office');
  await offices.appointHead(api, alice, office, secondHead.address);
  await Promise.all([
    offices.appointRegistrar(api, secondHead, secondRegistrar.address),
    offices.appointRegistrar(api, alice, attacker.address),
  ]);

  // Root, and block space for nothing: refused at the pool.
  const remark = api.tx.system.remark(`0x${'00'.repeat(1024 * 1024)}`);
  for (const tx of [
    api.tx.sudo.sudo(api.tx.offices.appointHead(0, attacker.address)),
    api.tx.sudo.sudoUncheckedWeight(api.tx.system.remark('0x00'), { refTime: 1_500_000_000_000, proofSize: 1 }),
    remark,
  ]) {
    await assert.rejects(submit(api, tx, attacker), NOT_FOR_ROLE);
  }
  // A transaction valid for ever (immortal: era 0), which could be held back and sent months
  // later, is refused even for a call the role may sign.
  await assert.rejects(
    api.tx.civilEvents.rejectAmendment(0).signAndSend(attacker, { era: 0 }),
    /1010: Invalid Transaction: Custom error: 200/);

  // Acts of its own to propose revocations of: 40, in a few blocks.
  const own = [];
  for (let i = 0; i < 40; i += 16) {
    const batch = await Promise.all(Array.from({ length: Math.min(16, 40 - i) }, () => submit(api, birth(), attacker)));
    own.push(...batch.map(({ events }) => findEvent(api, events, 'BirthRegistered').act.toNumber()));
  }

  // 200 revocation proposals, five rounds over the 40 acts, signed and sent at once.
  const proposals = await flood(Array.from({ length: 200 }, (_, i) => api.tx.civilEvents.proposeRevocation(own[i % 40], hash())));
  assert.ok(proposals.accepted <= 17, `the pool took ${proposals.accepted} of one key's transactions`);
  assert.deepEqual(Object.keys(proposals.refused), ['1010: Invalid Transaction: Transaction will be valid in the future']);

  // 10,000 acts, signed and sent as fast as possible, and while they keep coming, another
  // office's registrar and governance.
  const start = await best();
  const [acts10k, secondOffice, dismissal] = await Promise.all([
    flood(Array.from({ length: 10_000 }, birth)),
    (async () => {
      // Once the flood has reached a block.
      await waitForBlock(api, start + 1);
      const { blocks } = await inclusion((client) => client.tx.civilEvents.registerBirth(
        district, now, hash(), hash(), 'Male', null, null, null, null, null, hash()), secondRegistrar);
      return blocks;
    })(),
    (async () => {
      // Two blocks into the flood.
      await waitForBlock(api, start + 2);
      const { blocks, events } = await inclusion((client) =>
        client.tx.sudo.sudo(client.tx.offices.dismissOfficer(attacker.address, start)), alice);
      const { sudoResult } = findEvent(api, events, 'Sudid', 'sudo');
      assert.ok(sudoResult.isOk, `the dismissal failed: ${sudoResult}`);
      return { blocks, events };
    })(),
  ]);
  assert.ok(acts10k.accepted <= 17, `the pool took ${acts10k.accepted} of 10,000`);
  assert.ok(secondOffice <= 2, `the second office's act took ${secondOffice} blocks`);
  assert.ok(dismissal.blocks <= 2, `the dismissal took ${dismissal.blocks} blocks`);

  // The dismissal closed the attacker's open proposals: at most 16 were ever open.
  const closed = dismissal.events.filter(({ event }) => api.events.civilEvents.ProposerDismissed.is(event));
  assert.ok(closed.length > 0 && closed.length <= 16, `${closed.length} proposals closed`);
  assert.equal((await api.query.civilEvents.proposalsBy(attacker.address)).length, 0);

  // Nothing more of the key gets in: refused at the pool, and none of its transactions still
  // in the pool is included after the dismissal's block.
  await assert.rejects(submit(api, birth(), attacker), /1010: Invalid Transaction: Invalid signing address/);
  const dismissedAt = await best();
  // Three more blocks: the pool's leftovers of the key had three chances to get in.
  await waitForBlock(api, dismissedAt + 3);
  const after = await attackerExtrinsics(dismissedAt + 1, await best());
  assert.deepEqual(after.filter((n) => n > 0), [], 'the key got transactions in after its dismissal');
  // And while it could, it never had more than its budget of a block.
  const during = await attackerExtrinsics(start, dismissedAt);
  assert.ok(Math.max(...during) <= 32, `a block held ${Math.max(...during)} of its transactions`);
});

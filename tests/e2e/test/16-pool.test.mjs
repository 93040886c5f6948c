// Issue #29: what the pool admits, blocks include. One key floods past its day's budget while
// others transact: the pool admits exactly the transactions the budget holds (counting the
// key's own ahead of each), every one of them is included, none is stuck, and the key's next
// nonce is where its last included transaction left it; the others' acts keep getting in.
// Twenty sock-puppet registrars of three offices fill the pool with the largest transactions
// a registrar may send; an honest office's act is still included within two blocks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { connect, officer, submit, today } from '../examples/connect.mjs';
import * as offices from '../examples/offices.mjs';
import { ENDPOINT, TASHKENT, hash, setup, waitForBlock } from '../lib/helpers.mjs';

const { api, alice } = await setup();
test.after(() => api.disconnect());
const now = await today(api);
const BUDGET_SPENT = /1010: Invalid Transaction: Custom error: 201/;

async function best(client = api) {
  return (await client.rpc.chain.getHeader()).number.toNumber();
}

/** An office of its own in a new Tashkent district, with a head; returns [office, district]. */
async function newOffice(code, head) {
  const district = await offices.createJurisdiction(api, alice, code, `Pool test ${code}`, TASHKENT);
  const office = await offices.registerOffice(api, alice, 'DistrictRegistry', district, `Office ${code}`);
  await offices.appointHead(api, alice, office, head.address);
  return [office, district];
}

/** Sign `calls` as `signer` with consecutive nonces from its next one, send them all at once;
 *  resolves with the hashes the pool accepted and the refusals by message. */
async function flood(signer, calls) {
  const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const header = await api.rpc.chain.getHeader();
  const options = {
    blockHash: header.hash, genesisHash: api.genesisHash, runtimeVersion: api.runtimeVersion,
    era: api.createType('ExtrinsicEra', { current: header.number, period: 64 }),
    signedExtensions: api.registry.signedExtensions,
  };
  const signed = calls.map((call, i) => call.sign(signer, { ...options, nonce: first + i }));
  const answers = { first, accepted: [], refused: {} };
  await Promise.all(signed.map(async (tx) => {
    try {
      answers.accepted.push((await api.rpc.author.submitExtrinsic(tx)).toHex());
    } catch (e) {
      answers.refused[e.message] = (answers.refused[e.message] ?? 0) + 1;
    }
  }));
  return answers;
}

/** The hashes of the signed extrinsics of blocks `from`..`to`, and per block how many. */
async function included(from, to) {
  const hashes = new Set();
  const perBlock = [];
  for (let n = from; n <= to; n += 1) {
    const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
    const signed = block.block.extrinsics.filter((x) => x.isSigned);
    perBlock.push(signed.length);
    for (const x of signed) hashes.add(x.hash.toHex());
  }
  return { hashes, perBlock };
}

/** `signer`'s birth in `district`, sent over a connection of its own; resolves with how many
 *  blocks after the pool accepted it the birth was included (1: the next block). */
async function honestBirth(district, signer) {
  const client = await connect(ENDPOINT);
  try {
    let acceptedAt;
    const tx = client.tx.civilEvents.registerBirth(district, now, hash(), hash(), 'Male', null, null, null, null, null, hash());
    const { blockHash } = await submit(client, tx, signer, { onAccepted: () => { acceptedAt = best(client); } });
    return (await client.rpc.chain.getHeader(blockHash)).number.toNumber() - await acceptedAt;
  } finally {
    await client.disconnect();
  }
}

test('a key flooding past its day: the pool admits what blocks include, and the others go on', { timeout: 240_000 }, async () => {
  const [floodHead, honestHead] = [officer('//PoolFloodHead'), officer('//PoolHonestHead')];
  const [flooder, honest] = [officer('//PoolFlooder'), officer('//PoolHonest')];
  const [[, floodDistrict], [, honestDistrict]] = await Promise.all([
    newOffice('UZ-TK-PLF', floodHead), newOffice('UZ-TK-PLH', honestHead)]);
  await Promise.all([
    offices.appointRegistrar(api, floodHead, flooder.address),
    offices.appointRegistrar(api, honestHead, honest.address),
  ]);
  // The flooder's day is spent but for ten transactions (set by governance: a day is 14,400
  // blocks, too long to spend here).
  const budget = api.consts.gate.signerBudget;
  const perDay = budget.perDay.transactions.toNumber();
  const day = Math.floor(await best() / budget.dayLength.toNumber());
  const usage = api.createType('PalletGateUsage', { day, inDay: { transactions: perDay - 10, bytes: 0 } });
  await submit(api, api.tx.sudo.sudo(api.tx.system.setStorage([
    [api.query.gate.signerUsage.key(flooder.address), usage.toHex()]])), alice);

  // Thirty acts at once: ten fit the day, the next six are refused for the budget, the rest
  // for running more than sixteen ahead.
  const start = await best();
  const [answers, blocks] = await Promise.all([
    flood(flooder, Array.from({ length: 30 }, () => api.tx.civilEvents.registerBirth(
      floodDistrict, now, hash(), hash(), 'Female', null, null, null, null, null, hash()))),
    (async () => { await waitForBlock(api, start + 1); return honestBirth(honestDistrict, honest); })(),
  ]);
  assert.equal(answers.accepted.length, 10, JSON.stringify(answers.refused));
  const refusals = Object.entries(answers.refused);
  assert.ok(refusals.every(([message]) => BUDGET_SPENT.test(message) || /will be valid in the future/.test(message)),
    JSON.stringify(answers.refused));
  assert.equal(refusals.filter(([m]) => BUDGET_SPENT.test(m)).reduce((a, [, n]) => a + n, 0), 7);
  assert.ok(blocks <= 2, `the honest office's act took ${blocks} blocks`);

  // Every transaction the pool accepted is included; the key's nonce moved by exactly ten.
  let seen;
  for (let waited = 0; ; waited += 1) {
    seen = await included(start, await best());
    if (answers.accepted.every((h) => seen.hashes.has(h)) || waited > 30) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.deepEqual(answers.accepted.filter((h) => !seen.hashes.has(h)), [], 'accepted but never included');
  assert.equal((await api.rpc.system.accountNextIndex(flooder.address)).toNumber(), answers.first + 10);
  // And its day is spent: refused at submission, with the budget's reason.
  await assert.rejects(submit(api, api.tx.civilEvents.registerBirth(
    floodDistrict, now, hash(), hash(), 'Female', null, null, null, null, null, hash()), flooder), BUDGET_SPENT);
  console.log(`pool: flooder 10 of 30 admitted and included; honest act in ${blocks} block(s); signed per block ${seen.perBlock.join(' ')}`);
});

test('twenty sock-puppet registrars fill the pool; an honest act is still in within two blocks', { timeout: 240_000 }, async () => {
  // A stolen head key appoints at most eight registrars a day per office: three offices'
  // heads (as if three were stolen) appoint twenty.
  const heads = [0, 1, 2].map((i) => officer(`//PuppetHead${i}`));
  const puppets = Array.from({ length: 20 }, (_, i) => officer(`//Puppet${i}`));
  const honestHead = officer('//PuppetHonestHead');
  const honest = officer('//PuppetHonestRegistrar');
  const created = await Promise.all(heads.map((head, i) => newOffice(`UZ-TK-PP${i}`, head)));
  const [, honestDistrict] = await newOffice('UZ-TK-PPH', honestHead);
  await Promise.all([
    ...puppets.map((p, i) => offices.appointRegistrar(api, heads[i % 3], p.address)),
    offices.appointRegistrar(api, honestHead, honest.address),
  ]);
  assert.ok(created.length === 3);
  // Each puppet sends seventeen heartbeats padded to the largest a heartbeat may be (32 KiB):
  // 340 transactions, 11 MiB, all at once.
  const padding = `0x${'00'.repeat(32 * 1024)}`;
  const start = await best();
  const [floods, blocks] = await Promise.all([
    Promise.all(puppets.map((p) => flood(p, Array.from({ length: 17 }, () => api.tx.gate.heartbeat(padding))))),
    (async () => { await waitForBlock(api, start + 1); return honestBirth(honestDistrict, honest); })(),
  ]);
  const accepted = floods.reduce((a, f) => a + f.accepted.length, 0);
  assert.ok(accepted >= 200, `the pool took ${accepted} of the puppets' transactions`);
  assert.ok(blocks <= 2, `the honest office's act took ${blocks} blocks`);
  // Whatever the pool took of them, blocks include (or the pool evicted it for the honest act's
  // higher priority, and said so): nothing waits for ever.
  const end = (await best()) + 10;
  await waitForBlock(api, end);
  const seen = await included(start, end);
  const pending = (await api.rpc.author.pendingExtrinsics()).length;
  console.log(`pool: 20 puppets, ${accepted} admitted; honest act in ${blocks} block(s); signed per block ${seen.perBlock.join(' ')}; ${pending} pending after 10 more blocks`);
  assert.ok(pending <= 5, `${pending} transactions still pending`);
});

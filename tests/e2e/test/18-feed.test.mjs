// Issue #32, acceptance 4: the feed for other government systems. The ID agency's reference
// consumer (lib/id-agency.mjs) follows the finalized deaths, births and enrollments through the
// office read API while 10,000 acts are registered, and is killed (SIGKILL) and restarted at
// random moments all along: at the end it has handled every entitled event exactly once, in
// order, none of a block that was not final — checked against an independent scan of the
// chain's events (polkadot.js decoding `system.events` block by block), not against the
// feed's own code. Every answer that delivered events is an entry of the node's access log.
// And the boundaries: only a subscriber's key reads the feed; it reads no person and signs
// no transaction; a regional head registers no subscriber.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEvent, officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as offices from '../examples/offices.mjs';
import { checkAccessLog, officeRead, readFeed, readPerson } from '../examples/office.mjs';
import { registerSubscriber } from '../examples/services.mjs';
import { loadState, saveState } from '../lib/id-agency.mjs';
import {
  HTTP_ENDPOINT, UZBEKISTAN, YUNUSOBOD, hash, readyToMarry, setup, waitForFinality,
} from '../lib/helpers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OFFICE_API = process.env.CIVIL_OFFICE ?? 'http://127.0.0.1:9946';
const { api, alice, bob, eve } = await setup();
test.after(() => api.disconnect());
const genesis = api.genesisHash.toHex();

// The ID agency: entitled to births, deaths and enrollments (1 + 2 + 128).
const agencyKey = officer('//IdAgency');
let agency;
if ((await api.query.offices.officers(agencyKey.address)).isNone) {
  agency = await registerSubscriber(api, alice, UZBEKISTAN, 'Identity document agency', 131, agencyKey.address);
} else {
  agency = (await api.query.offices.officers(agencyKey.address)).unwrap().office.toNumber();
}
// An archive of its own (a head appoints at most eight registrars a day, and the suite's other
// files appoint Alice's), with four clerks, each with a day's budget of its own and ten
// batches: all forty in the pool at once (a key may have 16 waiting), about ten to a block.
const archivist = officer('//FeedArchiveHead');
const clerks = [1, 2, 3, 4].map((n) => officer(`//FeedClerk${n}`));
if ((await api.query.offices.officers(archivist.address)).isNone) {
  const archive = await offices.registerOffice(api, alice, 'Archive', UZBEKISTAN, 'Feed test archive');
  await offices.appointHead(api, alice, archive, archivist.address);
}
for (const clerk of clerks) {
  if ((await api.query.offices.officers(clerk.address)).isNone) await offices.appointRegistrar(api, archivist, clerk.address);
}
const ENTITLED = new Set(['birth', 'death', 'enrollment']);

test('only a subscriber reads the feed; a subscriber reads no person and signs nothing; a regional head registers no subscriber', async () => {
  const as = { office: agency, purpose: 'subscription' };
  await assert.rejects(readPerson(api, OFFICE_API, agencyKey, 0, as), (e) => e.code === 4015);
  await assert.rejects(readFeed(OFFICE_API, genesis, bob, 0, null, 10), (e) => e.code === 4015);
  await assert.rejects(
    officeRead(OFFICE_API, genesis, 'office_feed', [null, 10], 'feed from the start max 10', agencyKey, { office: 0, purpose: 'subscription' }),
    (e) => e.code === 4010);
  await assert.rejects(readFeed(OFFICE_API, genesis, agencyKey, agency, null, 0), (e) => e.code === -32602);
  await assert.rejects(
    acts.registerBirth(api, agencyKey, { jurisdiction: YUNUSOBOD, birthDate: await today(api), identityKey: hash(), dataRoot: hash(), sex: 'Male', documentHash: hash() }),
    /1010: Invalid Transaction: Invalid signing address/);
  await assert.rejects(submit(api, api.tx.offices.registerOffice({ Subscriber: 2 }, YUNUSOBOD, 'Pension fund'), eve),
    /1010: Invalid Transaction: Transaction call is not expected/);
  // A first page, from the start of the chain: finalized blocks only, in order.
  const page = await readFeed(OFFICE_API, genesis, agencyKey, agency, null, 50);
  assert.ok(page.events.every((e) => e.block <= page.finalized && ENTITLED.has(e.kind)));
});

/** Polkadot.js's own decoding of `system.events` of finalized blocks `from`..=`to`: the
 *  entitled act events, as [block, event index, act, kind, change]. */
async function scan(from, to) {
  const kinds = new Map();
  const kindOf = async (act) => {
    if (!kinds.has(act)) {
      const type = (await api.query.civilEvents.acts(act)).unwrap().details.type;
      kinds.set(act, type[0].toLowerCase() + type.slice(1));
    }
    return kinds.get(act);
  };
  const registered = ['BirthRegistered', 'PersonEnrolled', 'DeathRegistered', 'MarriageRegistered', 'DivorceRegistered',
    'AdoptionRegistered', 'PaternityRegistered', 'NameChangeRegistered', 'MarriageEnrolled'];
  const found = [];
  for (let n = from; n <= to; n++) {
    const hashAt = await api.rpc.chain.getBlockHash(n);
    const records = await (await api.at(hashAt)).query.system.events();
    for (const [index, { event }] of records.entries()) {
      if (event.section !== 'civilEvents') continue;
      let change = null;
      if (registered.includes(event.method)) change = 'registered';
      if (event.method === 'ActAmended') change = 'amended';
      if (event.method === 'ActRevoked') change = 'revoked';
      if (!change) continue;
      const act = event.data.act.toNumber();
      const kind = await kindOf(act);
      if (ENTITLED.has(kind)) found.push([n, index, act, kind, change, hashAt.toHex()]);
    }
  }
  return found;
}

test('the ID agency, killed and restarted at random during 10,000 acts, handles every entitled event once, in order, finalized', { timeout: 900_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'civil-feed-'));
  const statePath = join(dir, 'agency.json');
  const start = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  // The agency subscribes from here on (a whole block: its events are not its to handle).
  saveState(statePath, { ...loadState(statePath), next: { block: start, event: 4294967295 } });

  // The consumer, killed at random moments and started again.
  let child = null;
  let running = true;
  let kills = 0;
  const startConsumer = () => {
    child = spawn(process.execPath, [join(HERE, '..', 'lib', 'id-agency.mjs'), OFFICE_API, HTTP_ENDPOINT, '//IdAgency', String(agency), statePath],
      { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  startConsumer();
  const killer = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 1800)));
      if (!running) break;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      kills++;
      startConsumer();
    }
  })();

  try {
    // 10,000 enrollments in 40 archive batches of 250, from two clerks, with births, deaths
    // and marriages (not the agency's) between them.
    const now = await today(api);
    const record = (i) => ({ Person: {
      jurisdiction: YUNUSOBOD, birthDate: { year: 1950 + (i % 60), month: 1 + (i % 12), day: 1 + (i % 28) },
      sex: i % 2 ? 'Female' : 'Male', mother: null, father: null,
      identityKey: hash(), dataRoot: hash(), archiveReference: hash(),
    } });
    const submitted = [];
    const batch = async (clerk, k) => {
      const { events } = await submit(api, api.tx.civilEvents.enrollBatch(Array.from({ length: 250 }, (_, i) => record(k * 250 + i))), clerk);
      const enrolled = events.filter(({ event }) => api.events.civilEvents.PersonEnrolled.is(event)).map(({ event }) => event.data.act.toNumber());
      assert.equal(enrolled.length, 250, `batch ${k}`);
      submitted.push(...enrolled);
    };
    // Ten families at once: each one's steps in order, the ten sharing blocks.
    const family = async (i) => {
      {
        const { person: mother } = await acts.enrollPerson(api, bob, {
          jurisdiction: YUNUSOBOD, birthDate: { year: 1990, month: 1, day: 1 + i }, identityKey: hash(), dataRoot: hash(),
          sex: 'Female', archiveReference: hash() });
        const { act: born } = await acts.registerBirth(api, bob, {
          jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Male', mother, documentHash: hash() });
        const { person: old } = await acts.enrollPerson(api, bob, {
          jurisdiction: YUNUSOBOD, birthDate: { year: 1930, month: 1, day: 1 + i }, identityKey: hash(), dataRoot: hash(),
          sex: 'Male', archiveReference: hash() });
        const { act: died } = await acts.registerDeath(api, bob, YUNUSOBOD, now, old, hash());
        submitted.push(born, died);
        if (i < 3) {
          const { person: groom } = await acts.enrollPerson(api, bob, {
            jurisdiction: YUNUSOBOD, birthDate: { year: 1989, month: 5, day: 1 + i }, identityKey: hash(), dataRoot: hash(),
            sex: 'Male', archiveReference: hash() });
          await acts.registerMarriage(api, bob, YUNUSOBOD, now, mother, groom, null, await readyToMarry(api, bob, mother, groom), hash());
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: 40 }, (_, k) => batch(clerks[k % clerks.length], k)),
      ...Array.from({ length: 10 }, (_, i) => family(i)),
    ]);
    assert.ok(submitted.length >= 10_000);
    const end = await waitForFinality(api);
    // Let the agency catch up with the finalized chain, still killed now and then.
    const deadline = Date.now() + 300_000;
    while ((loadState(statePath).next?.block ?? 0) < end) {
      assert.ok(Date.now() < deadline, 'the agency caught up within 5 minutes');
      await new Promise((r) => setTimeout(r, 1000));
    }
    running = false;
    await killer;
    child.kill('SIGKILL');

    const state = loadState(statePath);
    const delivered = state.delivered.filter(([block]) => block <= end);
    const keys = delivered.map(([block, event]) => `${block}:${event}`);
    // Exactly once, in order.
    assert.equal(new Set(keys).size, keys.length, 'an event handled twice');
    for (let i = 1; i < delivered.length; i++) {
      const [b0, e0] = delivered[i - 1];
      const [b1, e1] = delivered[i];
      assert.ok(b1 > b0 || (b1 === b0 && e1 > e0), `out of order at ${i}: ${b0}:${e0} then ${b1}:${e1}`);
    }
    // Every one of them, and nothing else: the independent scan of the same blocks.
    const expected = await scan(start + 1, end);
    assert.deepEqual(delivered.map(([b, e, act, kind, change]) => [b, e, act, kind, change]),
      expected.map(([b, e, act, kind, change]) => [b, e, act, kind, change]));
    // Our own acts are among them.
    const deliveredActs = new Set(delivered.map(([, , act]) => act));
    assert.ok(submitted.every((act) => deliveredActs.has(act)));
    // None of a block that was not final when delivered, nor of another fork.
    for (const [block, , , , , finalized, blockHash] of delivered) {
      assert.ok(block <= finalized);
      assert.equal(blockHash, expected.find(([b]) => b === block)[5]);
    }
    // The agency's own work: the persons who died, deactivated.
    for (const [, , act, kind] of delivered.filter(([, , , kind, change]) => kind === 'death' && change === 'registered')) {
      const person = (await api.query.civilEvents.acts(act)).unwrap().details.asDeath.person.toNumber();
      assert.ok(state.deactivated.includes(person), `${person} deactivated`);
      assert.equal(kind, 'death');
    }
    // Each answer that delivered events is in the access log, as the agency's.
    const check = await checkAccessLog(HTTP_ENDPOINT);
    assert.equal(check.broken, null);
    const log = new Map(readFileSync(check.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((e) => [e.seq, e]));
    for (const seq of state.logged) {
      const entry = log.get(seq);
      assert.ok(entry, `entry ${seq} in the log`);
      assert.deepEqual([entry.office, entry.officer, entry.method, entry.purpose], [agency, agencyKey.address, 'office_feed', 'subscription']);
    }
    assert.ok(kills >= 10, `killed ${kills} times`);
    console.log(`feed: ${delivered.length} events from block ${start + 1} to ${end}, ${submitted.length} our acts, ${kills} kills, ${state.logged.length} answers with events`);
  } finally {
    running = false;
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

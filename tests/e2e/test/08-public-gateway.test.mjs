// Issues #12, #16 and #28: the public gateway that scripts/run-public-rpc.sh starts — a
// non-authority node synced from the development node, whose public port serves only the
// public methods (node/src/rpc/public.rs) with the limits a public endpoint needs. Acts are
// registered and a certificate issued and corrected on the development node; the gateway
// answers the certificate at the finalized block only, counts the day's acts per region (no
// kind, office, officer or error), releases statistics of closed months through the
// disclosure control (a region with one adoption in a month is withheld, and cannot be
// recovered from the totals), and refuses everything else. Every server of the node — its
// own RPC port, the office API, the projection feed, the gateway — cuts a long error.
import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { WsProvider } from '@polkadot/api';
import { WebSocket } from '@polkadot/x-ws';
import { officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as lifecycle from '../examples/lifecycle.mjs';
import { appointRegistrar } from '../examples/offices.mjs';
import { blockActivity, directory, publishedStatistics, rpc, subjectsOf } from '../examples/queries.mjs';
import { eventually, startGateway } from '../lib/gateway.mjs';
import { post } from '../lib/load.mjs';
import { HTTP_ENDPOINT, TASHKENT, UZBEKISTAN, YUNUSOBOD, hash, setup, readyToMarry } from '../lib/helpers.mjs';

const OFFICE = 0; // office 0 serves Yunusobod; its head is Alice

// Exactly these, and nothing else, are served on the public port.
const PUBLIC_METHODS = [
  'chain_getBlockHash', 'chain_getFinalizedHead', 'chain_getHeader',
  'chain_subscribeFinalizedHeads', 'chain_subscribeNewHeads',
  'chain_unsubscribeFinalizedHeads', 'chain_unsubscribeNewHeads',
  'civil_directory', 'civil_heartbeat', 'civil_publishedStatistics', 'civil_verifyArchiveRecord',
  'civil_verifyCertificate', 'civil_vitalStatistics', 'rpc_methods', 'state_getRuntimeVersion',
];

const { api, alice, eve } = await setup();
test.after(() => api.disconnect());
// A registrar of this file's own (the files run at once; each signer keeps its own nonces).
const clerk = officer('//GatewayClerk');
if ((await api.query.offices.officers(clerk.address)).isNone) await appointRegistrar(api, alice, clerk.address);

// The gateway, synced from the development node.
const { url: gateway, port: gatewayPort, localPort, log, synced } = await startGateway();
const gatewaySynced = () => synced(api);

/** The refusal of a method that is not on the public port. */
const notFound = (e) => e.code === -32601 && /Method not found/i.test(e.message);

test('the gateway serves the public methods and nothing else', { timeout: 180_000 }, async () => {
  await gatewaySynced();
  assert.deepEqual((await rpc(gateway, 'rpc_methods', [])).methods, PUBLIC_METHODS);
  // What reads the registry's records, runs the runtime, reads transactions or writes.
  const refused = [
    ['state_getStorage', ['0x26aa394eea5630e07c48ae0c9558cef7']],
    ['state_getKeysPaged', ['0x', 10]],
    ['state_getReadProof', [['0x26aa394eea5630e07c48ae0c9558cef7']]],
    ['state_call', ['CivilRegistryApi_person', '0x0000000000000000']],
    ['state_getMetadata', []],
    ['state_subscribeStorage', [[]]],
    ['state_traceBlock', ['0x00', null, null, null]],
    ['chain_getBlock', []],
    ['childstate_getStorage', ['0x', '0x']],
    ['author_submitExtrinsic', ['0x00']],
    ['author_pendingExtrinsics', []],
    ['author_rotateKeys', []],
    ['author_insertKey', ['aura', '//Evil', '0x00']],
    ['system_dryRun', ['0x00']],
    ['system_accountNextIndex', ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY']],
    ['system_localPeerId', []],
    ['system_peers', []],
    ['chainHead_v1_follow', [false]],
    ['archive_v1_body', ['0x00']],
    ['transaction_v1_broadcast', ['0x00']],
  ];
  for (const [method, params] of refused) {
    await assert.rejects(rpc(gateway, method, params), notFound, method);
  }
  // What is public is served: a header, the finalized head, the runtime's version.
  const head = await rpc(gateway, 'chain_getFinalizedHead', []);
  assert.match((await rpc(gateway, 'chain_getHeader', [head])).number, /^0x[0-9a-f]+$/);
  assert.equal((await rpc(gateway, 'state_getRuntimeVersion', [])).specName, 'civil-registry');
  // Over WebSocket too, with the finalized heads as they come.
  const provider = new WsProvider(`ws://127.0.0.1:${gatewayPort}`, false);
  await provider.connect();
  await provider.isReady;
  try {
    const number = await new Promise((resolve, reject) => {
      provider.subscribe('chain_finalizedHead', 'chain_subscribeFinalizedHeads', [], (e, header) => {
        if (e) reject(e); else resolve(parseInt(header.number, 16));
      }).catch(reject);
    });
    assert.ok(number > 0);
    await assert.rejects(provider.send('state_getStorage', ['0x26aa394eea5630e07c48ae0c9558cef7']), /Method not found/);
  } finally {
    await provider.disconnect();
  }
  // The node's own RPC, which has every method, listens on localhost only.
  assert.match(log(), new RegExp(`Running JSON-RPC server: addr=127\\.0\\.0\\.1:${localPort}`));
  assert.match(log(), /Public gateway on 127\.0\.0\.1:\d+: 15 methods .*16 per address, 600 calls a minute per address/);
});

test('through the gateway: a certificate valid then superseded, at the finalized block only; the heartbeat by region', { timeout: 240_000 }, async () => {
  const now = await today(api);
  const monthText = `${now.year}-${String(now.month).padStart(2, '0')}`;

  // Two enrollments in one batch, a birth with its certificate; everything that identifies a
  // person is noted, to be looked for in the gateway's answers.
  const secrets = [];
  const record = () => {
    const r = { identityKey: hash(), dataRoot: hash(), archiveReference: hash() };
    secrets.push(r.identityKey, r.dataRoot, r.archiveReference);
    return r;
  };
  const first = record();
  const second = record();
  const batch = api.tx.civilEvents.enrollBatch([
    { Person: { jurisdiction: YUNUSOBOD, birthDate: { year: 1961, month: 7, day: 23 }, sex: 'Female', mother: null, father: null, ...first } },
    { Person: { jurisdiction: YUNUSOBOD, birthDate: { year: 1958, month: 2, day: 11 }, sex: 'Male', mother: null, father: null, ...second } },
  ]);
  const birthDate = now;
  const documentHash = hash();
  const birthKeys = { identityKey: hash(), dataRoot: hash() };
  secrets.push(documentHash, birthKeys.identityKey, birthKeys.dataRoot);
  const [{ blockHash: batchBlock, events: batchEvents }, { act: birth, child }] = await Promise.all([
    submit(api, batch, clerk),
    acts.registerBirth(api, clerk, { jurisdiction: YUNUSOBOD, birthDate, sex: 'Male', documentHash, ...birthKeys }),
  ]);
  const enrolled = batchEvents.filter(({ event }) => event.section === 'civilEvents' && event.method === 'PersonEnrolled')
    .map(({ event }) => ({ act: event.data.act.toNumber(), person: event.data.person.toNumber() }));
  assert.equal(enrolled.length, 2);
  const certificate = hash();
  secrets.push(certificate);
  assert.equal(await lifecycle.issueCertificate(api, clerk, birth, certificate), 1);
  // A transaction that fails in its block: the same identity key enrolled again, outside a
  // batch.
  await assert.rejects(acts.enrollPerson(api, clerk, {
    jurisdiction: YUNUSOBOD, birthDate: { year: 1961, month: 7, day: 23 }, sex: 'Female', ...first,
  }), /civilEvents\.DuplicateIdentity/);
  const failedAfter = (await api.rpc.chain.getHeader()).number.toNumber();

  await gatewaySynced();

  // The certificate: valid, with the office and the day of issue, and nothing else.
  const valid = await rpc(gateway, 'civil_verifyCertificate', [certificate]);
  const todayText = new Date().toISOString().slice(0, 10);
  assert.deepEqual(Object.keys(valid).sort(), ['currentVersion', 'issuedAt', 'issuedOn', 'kind', 'office', 'status', 'version']);
  assert.deepEqual([valid.status, valid.kind, valid.office, valid.version], ['valid', 'birth', OFFICE, 1]);
  assert.ok(valid.issuedOn === todayText || Date.parse(todayText) - Date.parse(valid.issuedOn) === 86_400_000,
    `issued on ${valid.issuedOn}, today ${todayText}`);
  // The development node answers the same.
  assert.deepEqual(await rpc(HTTP_ENDPOINT, 'civil_verifyCertificate', [certificate]), valid);
  // An unknown hash: 4004.
  await assert.rejects(rpc(gateway, 'civil_verifyCertificate', [hash()]), (e) => e.code === 4004);

  // At the finalized block only: an answer at a past block would date a later correction.
  const head = await rpc(gateway, 'chain_getFinalizedHead', []);
  await assert.rejects(rpc(gateway, 'civil_verifyCertificate', [certificate, head]),
    (e) => e.code === -32602 && /latest finalized block only/.test(e.message));
  await assert.rejects(rpc(gateway, 'civil_verifyArchiveRecord', [hash(), 0, hash(), [], 'best']), (e) => e.code === -32602);
  // The exact counters and the old block view are the authority network's, not the public's.
  await assert.rejects(rpc(gateway, 'civil_statistics', [YUNUSOBOD, 'birth', monthText, monthText]), notFound);
  await assert.rejects(rpc(gateway, 'civil_publicBlock', [batchBlock]), notFound);
  assert.ok((await rpc(HTTP_ENDPOINT, 'civil_statistics', [YUNUSOBOD, 'birth', monthText, monthText]))[0].count >= 1);

  // What the gateway's views come from: the runtime API (version 2) — the batch's block
  // registered at least its two enrollments in Tashkent; the directory is the gateway's.
  const activity = await blockActivity(api, batchBlock);
  assert.ok(activity.find((r) => r.region === TASHKENT)?.acts >= 2, JSON.stringify(activity));
  // (Compared at the finalized block, again until both read the same one: other files create
  // jurisdictions meanwhile.)
  await eventually('the gateway serves the runtime\'s directory', async () => {
    const ours = await directory(await api.at(await api.rpc.chain.getFinalizedHead()));
    return JSON.stringify(ours) === JSON.stringify(await rpc(gateway, 'civil_directory', []));
  }, 30_000);

  // The heartbeat: the latest finalized block, and the day's acts per region (this file's
  // three in Tashkent, and the other files'): no kind, office, officer or outcome.
  const beat = await rpc(gateway, 'civil_heartbeat', []);
  assert.deepEqual(Object.keys(beat).sort(), ['acts', 'actsByRegion', 'complete', 'day', 'finalized', 'hash', 'since', 'timestamp']);
  assert.ok(beat.finalized >= failedAfter - 1);
  assert.equal(beat.day, new Date(beat.timestamp).toISOString().slice(0, 10));
  assert.equal(beat.complete, true); // the gateway has the whole chain: it started today
  const tashkent = beat.actsByRegion.find((r) => r.region === TASHKENT);
  assert.ok(tashkent && tashkent.acts >= 3, JSON.stringify(beat));
  for (const r of beat.actsByRegion) assert.deepEqual(Object.keys(r).sort(), ['acts', 'region']);
  assert.equal(beat.acts, beat.actsByRegion.reduce((a, r) => a + r.acts, 0));
  const text = JSON.stringify(beat);
  for (const secret of secrets) assert.ok(!text.includes(secret.slice(2)), `the heartbeat holds ${secret}`);
  assert.ok(!text.includes(clerk.address));

  // A four-eyes correction of the birth: the certificate is superseded. A change of sex is the
  // regional department's to approve (and Alice appointed the clerk).
  const proposal = await lifecycle.proposeAmendment(api, clerk, birth, hash(), 'ClericalError', { sex: 'Female' });
  assert.equal(await lifecycle.approveAmendment(api, eve, proposal), 2);
  await gatewaySynced();
  const superseded = await rpc(gateway, 'civil_verifyCertificate', [certificate]);
  assert.deepEqual({ ...superseded }, { ...valid, status: 'superseded', currentVersion: 2 });
  assert.ok(child >= 0);
  assert.ok(enrolled.every((e) => e.person >= 0));
});

test('released statistics: a region with one adoption in a month is withheld, and no total gives it back', { timeout: 240_000 }, async () => {
  // One adoption in Yunusobod (Tashkent) in a closed month of 2025 that no other file uses:
  // the child and the adopter come from the archive (born before the go-live).
  const month = 2 + Math.floor(Math.random() * 9); // February to October 2025
  const monthText = `2025-${String(month).padStart(2, '0')}`;
  const person = (sex, year) => ({ Person: {
    jurisdiction: YUNUSOBOD, birthDate: { year, month: 1, day: 1 }, sex, mother: null, father: null,
    identityKey: hash(), dataRoot: hash(), archiveReference: hash(),
  } });
  const { events } = await submit(api, api.tx.civilEvents.enrollBatch([person('Female', 2021), person('Female', 1981)]), clerk);
  const [child, adopter] = events
    .filter(({ event }) => event.section === 'civilEvents' && event.method === 'PersonEnrolled')
    .map(({ event }) => event.data.person.toNumber());
  const { blockHash } = await submit(api, api.tx.civilEvents.registerAdoption(
    YUNUSOBOD, { year: 2025, month, day: 15 }, child, adopter, null, false, hash(), { keepsOtherParent: false, shortensAgeGap: false }, [], hash()), clerk);
  const adoptionBlock = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  // The authority network's exact counter: 1 in Yunusobod (and in Tashkent, and the country,
  // unless another file happened to choose the month).
  const exact = await rpc(HTTP_ENDPOINT, 'civil_statistics', [YUNUSOBOD, 'adoption', monthText, monthText, String(blockHash)]);
  assert.deepEqual(exact, [{ month: monthText, kind: 'adoption', count: 1 }]);

  // A release after the adoption's block (the gateway releases every 3 s on this chain).
  let answer;
  await eventually('a release after the adoption', async () => {
    answer = await rpc(gateway, 'civil_publishedStatistics', [TASHKENT, 'adoption', monthText, monthText]);
    return answer.release !== null && answer.release.block >= adoptionBlock;
  }, 120_000);
  assert.deepEqual(answer.release.policy, { threshold: 10, maxDepth: 2, rareMaxDepth: 1 });
  assert.ok(answer.release.lastMonth >= monthText);
  // Tashkent's adoptions of that month: withheld. The runtime API at the release's block
  // gives the same table.
  assert.deepEqual(answer.rows, [{ month: monthText, kind: 'adoption', count: null }]);
  const releaseHash = await rpc(HTTP_ENDPOINT, 'chain_getBlockHash', [answer.release.block]);
  const table = await publishedStatistics(await api.at(releaseHash), 'Adoption', { year: 2025, month });
  assert.equal(table.find((c) => c.jurisdiction === TASHKENT).count, null);
  // The district is not tabulated for a rare kind at all: asked for, a clear error; with every
  // kind, the rare ones are left out.
  await assert.rejects(rpc(gateway, 'civil_publishedStatistics', [YUNUSOBOD, 'adoption', monthText, monthText]),
    (e) => e.code === -32602 && /published down to depth 1/.test(e.message));
  const district = await rpc(gateway, 'civil_publishedStatistics', [YUNUSOBOD, null, monthText, monthText]);
  assert.deepEqual(district.rows.map((r) => r.kind), ['birth', 'death', 'marriage', 'divorce', 'enrollment']);
  // No total gives the withheld cell back: in every family of the table (the country and its
  // regions), no cell or at least two are withheld, and no published count is below 10.
  const { jurisdictions } = await rpc(gateway, 'civil_directory', []);
  const cell = async (id) => (await rpc(gateway, 'civil_publishedStatistics', [id, 'adoption', monthText, monthText])).rows[0].count;
  for (const parent of jurisdictions.filter((j) => j.depth === 0)) {
    const family = [parent, ...jurisdictions.filter((j) => j.parent === parent.id && j.depth === 1)];
    const counts = await Promise.all(family.map((j) => cell(j.id)));
    const withheld = counts.filter((c) => c === null).length;
    assert.ok(withheld === 0 || withheld >= 2, `family of ${parent.id}: ${JSON.stringify(counts)}`);
    for (const c of counts) assert.ok(c === null || c === 0 || c >= 10, JSON.stringify(counts));
    if (parent.id === UZBEKISTAN) assert.equal(counts[0], null, 'the country has one adoption that month');
  }
  // Not at a past block: the method takes no block.
  await assert.rejects(rpc(gateway, 'civil_publishedStatistics', [TASHKENT, 'adoption', monthText, monthText, 'best']), (e) => e.code === -32602);
  // Bad input: clear errors.
  await assert.rejects(rpc(gateway, 'civil_publishedStatistics', [TASHKENT, 'adoption', '2025-13', monthText]), (e) => e.code === -32602);
  await assert.rejects(rpc(gateway, 'civil_publishedStatistics', [TASHKENT, 'adoption', '2010-01', '2025-01']), (e) => e.code === -32602);
  await assert.rejects(rpc(gateway, 'civil_publishedStatistics', [4_000_000, null, monthText, monthText]), (e) => e.code === 4004);
  // The current month is not released.
  const current = new Date().toISOString().slice(0, 7);
  assert.deepEqual((await rpc(gateway, 'civil_publishedStatistics', [TASHKENT, 'birth', current, current])).rows, []);
});

test('after a sealed adoption nothing through the gateway or the runtime API leads to the birth parents', { timeout: 240_000 }, async () => {
  const now = await today(api);
  const adult = (sex, year) => ({ Person: {
    jurisdiction: YUNUSOBOD, birthDate: { year, month: 1, day: 1 }, sex, mother: null, father: null,
    identityKey: hash(), dataRoot: hash(), archiveReference: hash(),
  } });
  const { events } = await submit(api, api.tx.civilEvents.enrollBatch([
    adult('Female', 1990), adult('Male', 1988), adult('Female', 1975), adult('Male', 1974),
  ]), clerk);
  const [mother, father, adoptiveMother, adoptiveFather] = events
    .filter(({ event }) => event.section === 'civilEvents' && event.method === 'PersonEnrolled')
    .map(({ event }) => event.data.person.toNumber());
  const [{ act: birth, child }] = await Promise.all([
    acts.registerBirth(api, clerk, {
      jurisdiction: YUNUSOBOD, birthDate: now, identityKey: hash(), dataRoot: hash(), sex: 'Female',
      mother, father, documentHash: hash(),
    }),
    acts.registerMarriage(api, clerk, YUNUSOBOD, now, adoptiveMother, adoptiveFather, null, await readyToMarry(api, clerk, adoptiveMother, adoptiveFather), hash()),
  ]);
  const birthCertificate = hash();
  await lifecycle.issueCertificate(api, clerk, birth, birthCertificate);
  const { blockHash: adoptionBlock } = await submit(api, api.tx.civilEvents.registerAdoption(
    YUNUSOBOD, now, child, adoptiveMother, adoptiveFather, true, hash(), { keepsOtherParent: false, shortensAgeGap: false }, [], hash()), clerk);
  await gatewaySynced();

  // The gateway: the birth certificate (it names the birth parents' act) is unknown now.
  await assert.rejects(rpc(gateway, 'civil_verifyCertificate', [birthCertificate]), (e) => e.code === 4004);
  assert.ok(adoptionBlock);
  // The runtime API (what integrators query): the child's parents are the adoptive ones; her
  // birth act, and with it the birth parents, is not returned; neither parent's acts list it.
  const record = (await api.call.civilRegistryApi.person(child)).unwrap();
  assert.deepEqual([record.mother.unwrap().toNumber(), record.father.unwrap().toNumber(), record.sealed.isTrue],
    [adoptiveMother, adoptiveFather, true]);
  assert.ok((await api.call.civilRegistryApi.act(birth)).isNone);
  assert.ok((await api.call.civilRegistryApi.verifyCertificate(birthCertificate)).isNone);
  for (const parent of [mother, father]) {
    const page = await api.call.civilRegistryApi.actsOf(parent, 0, 100);
    for (const id of page.acts) {
      const act = (await api.call.civilRegistryApi.act(id)).unwrap();
      assert.ok(!subjectsOf(act.current).includes(child), `act ${id} of a birth parent names the child`);
    }
  }
  const hers = await api.call.civilRegistryApi.actsOf(child, 0, 100);
  for (const id of hers.acts) {
    const act = (await api.call.civilRegistryApi.act(id)).unwrap().current;
    const named = subjectsOf(act);
    assert.ok(!named.includes(mother) && !named.includes(father), `act ${id} of the child names a birth parent`);
    const details = JSON.stringify(act.details.toJSON());
    for (const parent of [mother, father]) assert.doesNotMatch(details, new RegExp(`:${parent}[,}]`), details);
  }
});

// Posts a JSON-RPC request larger than the gateway's 1 MiB limit and answers the HTTP status.
// The client stops writing once it is past the limit and waits for the answer: a client that
// kept writing after the server had answered and closed would have its connection reset, and
// lose the answer, at random (as `fetch` with a 2 MiB body did in one CI run).
function oversized({ declared }) {
  const limit = 1 << 20;
  const head = Buffer.from('{"jsonrpc":"2.0","id":1,"method":"civil_verifyCertificate","params":["');
  const url = new URL(gateway);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request({
      host: url.hostname, port: url.port, path: '/', method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(declared ? { 'Content-Length': 2 * limit } : {}) },
    }, (response) => {
      answered = true;
      response.resume();
      request.destroy();
      resolve(response.statusCode);
    });
    request.on('error', (error) => { if (!answered) reject(error); });
    request.setTimeout(30_000, () => request.destroy(new Error('no answer to an oversized request')));
    if (declared) {
      request.flushHeaders();
      return;
    }
    // Chunked: the head and then 64 KiB chunks until just past the limit, never the end.
    request.write(head);
    for (let sent = head.length; sent <= limit; sent += 1 << 16) request.write('x'.repeat(1 << 16));
  });
}

test('the gateway holds its limits: batches, request size, calls per minute per address', { timeout: 180_000 }, async () => {
  await gatewaySynced();
  // A batch of 8 calls is served, one of 9 refused.
  const batch = async (n) => {
    const body = Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'chain_getFinalizedHead', params: [] }));
    const response = await fetch(gateway, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return response.json();
  };
  const eight = await batch(8);
  assert.ok(Array.isArray(eight) && eight.length === 8 && eight.every((r) => r.result), JSON.stringify(eight).slice(0, 300));
  const nine = await batch(9);
  assert.ok(!Array.isArray(nine) && nine.error, JSON.stringify(nine).slice(0, 300));

  // A request over 1 MiB is refused before it is parsed: one that declares its length is
  // refused on its headers (413), one sent in chunks as soon as it passes the limit (jsonrpsee
  // 0.24 answers that one 500, as it does any body it stops reading).
  assert.equal(await oversized({ declared: true }), 413);
  assert.equal(await oversized({ declared: false }), 500);
  // The gateway still serves after both.
  assert.ok((await batch(1))[0].result);

  // A parameter of 1 MB where a jurisdiction's number is expected: refused with "invalid
  // params", and the error does not echo it (jsonrpsee's own would quote the whole string).
  const echo = await fetch(gateway, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'civil_publishedStatistics',
      params: ['x'.repeat(1_000_000), 'Birth', '2025-01', '2025-02'] }) });
  const echoed = await echo.text();
  assert.ok(echoed.length < 1024, `an error of ${echoed.length} bytes`);
  assert.equal(JSON.parse(echoed).error.code, -32602, echoed);
  assert.match(JSON.stringify(JSON.parse(echoed).error), /bytes, cut\)/, echoed);

  // A browser page on another origin may call it (CORS).
  const preflight = await fetch(gateway, { method: 'OPTIONS', headers: {
    Origin: 'https://portal.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type',
  } });
  assert.ok(preflight.ok, `preflight ${preflight.status}`);
  assert.ok(['*', 'https://portal.example'].includes(preflight.headers.get('access-control-allow-origin')));

  // One address that fires 800 calls at once over 16 connections: its bucket (600 a minute)
  // passes, the rest are refused at once with -32029, never queued.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress: '127.0.0.3' });
  const results = await Promise.all(Array.from({ length: 800 }, () => post(gateway, 'chain_getFinalizedHead', [], agent)));
  agent.destroy();
  const served = results.filter((r) => r.result).length;
  const limited = results.filter((r) => r.error?.code === -32029).length;
  assert.ok(served >= 600 && served < 700, `served ${served}`);
  assert.equal(served + limited, 800, `served ${served}, refused ${limited}`);
  // Another address is not affected.
  assert.ok((await post(gateway, 'chain_getFinalizedHead', [], new http.Agent({ localAddress: '127.0.0.4' }))).result);
});

test('the node\'s own RPC, its office API and its projection feed cut long errors too', { timeout: 60_000 }, async () => {
  // jsonrpsee would quote a 1 MB parameter whole in its "invalid params" error; every server
  // of the node cuts the error to 256 bytes and says how long it was.
  const huge = 'x'.repeat(1_000_000);
  const call = async (url, method, params) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    return response.text();
  };
  const cut = (text) => {
    assert.ok(text.length < 1024, `an error of ${text.length} bytes`);
    const { error } = JSON.parse(text);
    assert.equal(error.code, -32602, text);
    assert.match(JSON.stringify(error), /bytes, cut\)/, text);
  };
  // The node's port: a standard method (`count` is a number), ours, and a subscription (over
  // WebSocket).
  cut(await call(HTTP_ENDPOINT, 'state_getKeysPaged', ['0x', huge]));
  cut(await call(HTTP_ENDPOINT, 'civil_statistics', [huge, 'Birth', '2025-01', '2025-02']));
  // (Raw: polkadot.js itself cuts an error's data to 256 characters before showing it.)
  const socket = new WebSocket(HTTP_ENDPOINT.replace(/^http/, 'ws'));
  try {
    await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
    const answer = new Promise((resolve) => { socket.onmessage = (m) => resolve(String(m.data)); });
    socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'state_subscribeStorage', params: [huge] }));
    cut(await answer);
  } finally {
    socket.close();
  }
  // Still a full node: a short error is left as it is.
  const short = JSON.parse(await call(HTTP_ENDPOINT, 'state_getKeysPaged', ['0x', 'x']));
  assert.equal(short.error.code, -32602);
  assert.doesNotMatch(JSON.stringify(short.error), /cut\)/);
  // The office read API and the projection feed.
  if (process.env.CIVIL_OFFICE) cut(await call(process.env.CIVIL_OFFICE, 'office_person', [huge]));
  cut(await call(process.env.CIVIL_FEED, 'feed_headers', [huge, 1]));
});

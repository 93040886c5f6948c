// Issues #12 and #16: the public gateway that scripts/run-public-rpc.sh starts — a
// non-authority node synced from the development node, whose public port serves only the
// public methods (node/src/gateway.rs) with the limits a public endpoint needs. Acts are
// registered and a certificate issued and corrected on the development node; the gateway
// answers the certificate and the statistics, shows what each block did without a person id,
// date or document hash, counts the day's acts per office, and refuses everything else.
import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { WsProvider } from '@polkadot/api';
import { officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as lifecycle from '../examples/lifecycle.mjs';
import { appointRegistrar } from '../examples/offices.mjs';
import { rpc } from '../examples/queries.mjs';
import { startGateway } from '../lib/gateway.mjs';
import { HTTP_ENDPOINT, YUNUSOBOD, hash, setup } from '../lib/helpers.mjs';

const OFFICE = 0; // office 0 serves Yunusobod; its head is Alice

// Exactly these, and nothing else, are served on the public port.
const PUBLIC_METHODS = [
  'chain_getBlockHash', 'chain_getFinalizedHead', 'chain_getHeader',
  'chain_subscribeFinalizedHeads', 'chain_subscribeNewHeads',
  'chain_unsubscribeFinalizedHeads', 'chain_unsubscribeNewHeads',
  'civil_directory', 'civil_heartbeat', 'civil_publicBlock', 'civil_statistics', 'civil_verifyArchiveRecord',
  'civil_verifyCertificate', 'rpc_methods', 'state_getRuntimeVersion',
];

const { api, alice } = await setup();
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
  assert.match(log(), /Public gateway on 127\.0\.0\.1:\d+: 15 methods/);
});

test('through the gateway: a certificate valid then superseded, statistics, the public view of a block, the heartbeat', { timeout: 240_000 }, async () => {
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

  // Statistics (by the month of the event): the gateway answers what the development node
  // answers at the same block (other files register and correct births at the same time).
  const head = await rpc(gateway, 'chain_getFinalizedHead', []);
  const stats = await rpc(gateway, 'civil_statistics', [YUNUSOBOD, 'birth', monthText, monthText, head]);
  assert.deepEqual(stats, await rpc(HTTP_ENDPOINT, 'civil_statistics', [YUNUSOBOD, 'birth', monthText, monthText, head]));
  assert.ok(stats[0].count >= 1, JSON.stringify(stats));

  // The public view of the batch's block: the call, the officer, the office, the outcome and
  // the number of acts; no person id, act id, date or hash.
  const view = await rpc(gateway, 'civil_publicBlock', [batchBlock]);
  assert.deepEqual(Object.keys(view).sort(), ['extrinsics', 'finalized', 'hash', 'number', 'timestamp']);
  assert.equal(view.hash, batchBlock);
  assert.equal(view.finalized, true);
  assert.deepEqual(view.extrinsics[0], { index: 0, call: 'timestamp.set', officer: null, office: null, outcome: 'success', acts: 0 });
  const mine = view.extrinsics.find((x) => x.officer === clerk.address && x.call === 'civilEvents.enrollBatch');
  assert.ok(mine, JSON.stringify(view.extrinsics));
  assert.deepEqual(mine, { index: mine.index, call: 'civilEvents.enrollBatch', officer: clerk.address, office: OFFICE, outcome: 'success', acts: 2 });
  for (const x of view.extrinsics) {
    assert.deepEqual(Object.keys(x).filter((k) => k !== 'error').sort(), ['acts', 'call', 'index', 'office', 'officer', 'outcome']);
  }
  const text = JSON.stringify(view);
  for (const secret of secrets) assert.ok(!text.includes(secret.slice(2)), `the public view holds ${secret}`);
  for (const date of ['1961', '1958', '07-23', '02-11']) assert.ok(!text.includes(date), `the public view holds ${date}`);
  // By number, the same view.
  assert.deepEqual(await rpc(gateway, 'civil_publicBlock', [String(view.number)]), view);

  // The failed enrollment is shown as failed, with the error's name.
  let failed;
  for (let n = failedAfter; n > failedAfter - 10 && !failed; n--) {
    const v = await rpc(gateway, 'civil_publicBlock', [String(n)]);
    failed = v.extrinsics.find((x) => x.officer === clerk.address && x.outcome === 'failed');
  }
  assert.ok(failed, 'the failed enrollment is in the last blocks');
  assert.equal(failed.call, 'civilEvents.enrollPerson');
  assert.equal(failed.error, 'CivilEvents(DuplicateIdentity)');
  assert.equal(failed.acts, 0);

  // Bad input: a clear error, never a panic.
  await assert.rejects(rpc(gateway, 'civil_publicBlock', ['yesterday']), (e) => e.code === -32602);
  await assert.rejects(rpc(gateway, 'civil_publicBlock', ['99999999']), (e) => e.code === 4004);

  // The heartbeat: the latest finalized block, and the day's acts of office 0 (this file's
  // three and the other files').
  const beat = await rpc(gateway, 'civil_heartbeat', []);
  assert.ok(beat.finalized >= view.number);
  assert.equal(beat.day, new Date(beat.timestamp).toISOString().slice(0, 10));
  assert.equal(beat.complete, true); // the gateway has the whole chain: it started today
  const office0 = beat.actsByOffice.find((o) => o.office === OFFICE);
  assert.ok(office0 && office0.acts >= 3, JSON.stringify(beat));
  assert.equal(beat.acts, beat.actsByOffice.reduce((a, o) => a + o.acts, 0));

  // A four-eyes correction of the birth: the certificate is superseded.
  const proposal = await lifecycle.proposeAmendment(api, clerk, birth, hash(), 'ClericalError', { sex: 'Female' });
  assert.equal(await lifecycle.approveAmendment(api, alice, proposal), 2);
  await gatewaySynced();
  const superseded = await rpc(gateway, 'civil_verifyCertificate', [certificate]);
  assert.deepEqual({ ...superseded }, { ...valid, status: 'superseded', currentVersion: 2 });
  assert.ok(child >= 0);
  assert.ok(enrolled.every((e) => e.person >= 0));
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
    acts.registerMarriage(api, clerk, YUNUSOBOD, now, adoptiveMother, adoptiveFather, null, hash()),
  ]);
  const birthCertificate = hash();
  await lifecycle.issueCertificate(api, clerk, birth, birthCertificate);
  const { blockHash: adoptionBlock } = await submit(api, api.tx.civilEvents.registerAdoption(
    YUNUSOBOD, now, child, adoptiveMother, adoptiveFather, true, hash(), hash()), clerk);
  await gatewaySynced();

  // The gateway: the birth certificate (it names the birth parents' act) is unknown now, and
  // the adoption's block shows the call, the officer, the office and one act, nothing else.
  await assert.rejects(rpc(gateway, 'civil_verifyCertificate', [birthCertificate]), (e) => e.code === 4004);
  const view = await rpc(gateway, 'civil_publicBlock', [adoptionBlock]);
  // (Other test files run at the same time: the block may hold their adoptions too.)
  const adoption = view.extrinsics.find((x) => x.officer === clerk.address && x.call === 'civilEvents.registerAdoption');
  assert.ok(adoption, JSON.stringify(view.extrinsics));
  assert.deepEqual(adoption, { index: adoption.index, call: 'civilEvents.registerAdoption', officer: clerk.address, office: OFFICE, outcome: 'success', acts: 1 });
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
      assert.ok(!act.current.subjects.map((s) => s.toNumber()).includes(child), `act ${id} of a birth parent names the child`);
    }
  }
  const hers = await api.call.civilRegistryApi.actsOf(child, 0, 100);
  for (const id of hers.acts) {
    const act = (await api.call.civilRegistryApi.act(id)).unwrap().current;
    const named = act.subjects.map((s) => s.toNumber());
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

test('the gateway holds its limits: batches, request size, calls per minute', { timeout: 180_000 }, async () => {
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

  // A browser page on another origin may call it (CORS).
  const preflight = await fetch(gateway, { method: 'OPTIONS', headers: {
    Origin: 'https://portal.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type',
  } });
  assert.ok(preflight.ok, `preflight ${preflight.status}`);
  assert.ok(['*', 'https://portal.example'].includes(preflight.headers.get('access-control-allow-origin')));

  // One connection that fires 400 calls at once: 120 a minute pass, the rest wait their turn
  // and, when it does not come, fail with -32999.
  const provider = new WsProvider(`ws://127.0.0.1:${gatewayPort}`, false);
  await provider.connect();
  await provider.isReady;
  const results = await Promise.allSettled(Array.from({ length: 400 }, () => provider.send('chain_getFinalizedHead', [])));
  await provider.disconnect();
  const served = results.filter((r) => r.status === 'fulfilled').length;
  const limited = results.filter((r) => r.status === 'rejected' && /-32999|rate limit/.test(r.reason?.message)).length;
  assert.ok(served >= 120 && served < 400, `served ${served}`);
  assert.equal(served + limited, 400, `served ${served}, rate-limited ${limited}`);
});

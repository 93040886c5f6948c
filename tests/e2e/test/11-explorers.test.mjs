// Issue #16: the block explorers people run decode every block. `@substrate/api-sidecar`
// 18.0.0 (the npm registry's newest; what exchanges and many explorers run; installed by
// tests/e2e/run.sh from tests/sidecar's lockfile) reads this chain's blocks: the inherent
// `timestamp.set` is a version-4 bare extrinsic (runtime/src/apis.rs), which its bundled
// polkadot.js decodes, and a registry act is decoded with its arguments and events. That
// polkadot.js (10.13) predates the `CheckMetadataHash` transaction extension (one byte in every
// signed transaction), so sidecar is given the chain's types bundle, explorers/types-bundle.json,
// as any explorer on polkadot.js older than 11.1 must be (docs/integrators.md). The chain is
// feeless, so blocks are asked for with `noFees=true` (there is no fee to compute).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEvent, officer, submit } from '../examples/connect.mjs';
import { appointRegistrar } from '../examples/offices.mjs';
import { ENDPOINT, YUNUSOBOD, hash, setup } from '../lib/helpers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SIDECAR = join(ROOT, 'node_modules', '.bin', 'substrate-api-sidecar');
const YUNUSOBOD_OFFICE = 0; // the office of //ExplorerClerk (appointed by its head, Alice)
const TYPES_BUNDLE = join(ROOT, 'explorers', 'types-bundle.json');

const { api, alice } = await setup();
test.after(() => api.disconnect());
// A registrar of this file's own (the files run at once; each signer keeps its own nonces).
const clerk = officer('//ExplorerClerk');
await appointRegistrar(api, alice, clerk.address);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function get(url) {
  const response = await fetch(url);
  const body = await response.json();
  return { status: response.status, body };
}

test('api-sidecar 18 decodes a block holding a registry act, with its events', { timeout: 180_000 }, async (t) => {
  assert.ok(existsSync(SIDECAR), `no sidecar at ${SIDECAR}: tests/e2e/run.sh installs it (npm ci at the repository root)`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'civil-sidecar-'));
  const log = join(dir, 'sidecar.log');
  const sidecar = spawn(SIDECAR, [], {
    env: {
      ...process.env, SAS_SUBSTRATE_URL: ENDPOINT, SAS_SUBSTRATE_TYPES_BUNDLE: TYPES_BUNDLE,
      SAS_EXPRESS_PORT: String(port), SAS_EXPRESS_BIND_HOST: '127.0.0.1',
    },
    stdio: ['ignore', openSync(log, 'w'), openSync(log, 'w')],
    detached: true,
  });
  t.after(() => {
    try { process.kill(-sidecar.pid, 'SIGTERM'); } catch { /* gone */ }
    rmSync(dir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await get(`${base}/node/version`)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) assert.fail(`sidecar did not start: ${readFileSync(log, 'utf8').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }

  // A registry act, as an office signs it.
  const identityKey = hash();
  const { blockHash, events } = await submit(api, api.tx.civilEvents.enrollPerson(
    YUNUSOBOD, { year: 1975, month: 4, day: 9 }, identityKey, hash(), 'Female', null, null, hash(),
  ), clerk);
  const { act, person } = findEvent(api, events, 'PersonEnrolled');
  const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

  const { status, body: block } = await get(`${base}/blocks/${number}?noFees=true`);
  assert.equal(status, 200, `GET /blocks/${number}: ${JSON.stringify(block).slice(0, 500)}`);
  assert.equal(block.hash, api.createType('Hash', blockHash).toHex());
  assert.equal(Number(block.number), number);

  // The inherent: timestamp.set, read (the version-5 format made the whole block fail).
  const inherent = block.extrinsics[0];
  assert.deepEqual(inherent.method, { pallet: 'timestamp', method: 'set' });
  assert.equal(inherent.signature, null);
  assert.equal(inherent.success, true);

  // The act: the call with its arguments by name, the signer, and its events.
  const enrolled = block.extrinsics.find((x) => x.method.pallet === 'civilEvents' && x.method.method === 'enrollPerson'
    && x.args.identity_key === identityKey);
  assert.ok(enrolled, `the enrollment is not among ${JSON.stringify(block.extrinsics.map((x) => x.method))}`);
  assert.equal(enrolled.signature.signer.id, clerk.address);
  assert.equal(Number(enrolled.args.jurisdiction), YUNUSOBOD);
  assert.deepEqual(
    { year: Number(enrolled.args.birth_date.year), month: Number(enrolled.args.birth_date.month), day: Number(enrolled.args.birth_date.day) },
    { year: 1975, month: 4, day: 9 });
  assert.equal(enrolled.args.sex, 'Female');
  assert.equal(enrolled.success, true);
  const names = enrolled.events.map((e) => `${e.method.pallet}.${e.method.method}`);
  assert.ok(names.includes('civilEvents.PersonEnrolled'), names.join(', '));
  assert.ok(names.includes('system.ExtrinsicSuccess'), names.join(', '));
  const personEnrolled = enrolled.events.find((e) => e.method.method === 'PersonEnrolled');
  // The event's fields in the order of their declaration (act, person, office), as strings.
  assert.deepEqual(personEnrolled.data.map(String), [act, person, YUNUSOBOD_OFFICE].map(String));

  // The head and a range of blocks decode too.
  const head = await get(`${base}/blocks/head?noFees=true`);
  assert.equal(head.status, 200, JSON.stringify(head.body).slice(0, 500));
  const range = await get(`${base}/blocks?range=1-${number}&noFees=true`);
  assert.equal(range.status, 200, JSON.stringify(range.body).slice(0, 500));
});

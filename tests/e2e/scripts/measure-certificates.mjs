// How long `civil_verifyCertificate` takes on a state the size of a country's first years:
// a million persons (each with its identity index entry and its enrollment act) and 100,000
// certificates, read at random so that the node's caches do not hide the trie.
//
//   node tests/e2e/scripts/measure-certificates.mjs <node binary> [--persons N] [--certificates C]
//        [--limit-p99-ms 3] [--limit-p99-concurrent-ms 20] [--keep DIR] [--build-only]
//
// --keep DIR keeps the spec, the certificates and the node's database in DIR (and uses them
// again on the next run); --build-only stops once the node has built the genesis state (what
// scripts/benchmark.sh needs for `benchmark storage` on a database of this size).
//
// 1. A development node enrolls one person and issues one certificate through the chain
//    (Bob, the registrar of office 0): the runtime's own encoding of a person, an identity
//    index entry, an enrollment act, a certificate and its counter, read back raw.
// 2. The development chain spec (`build-spec --chain dev --raw`) gets, in its genesis state,
//    N persons built from those values (each its own id, identity key, data root, birth date,
//    sex and enrollment act naming it) and C certificates of C distinct acts spread over the
//    persons: 90 % of them valid, 5 % superseded (the act was corrected after the
//    certificate), 5 % revoked; `nextPersonId` and `nextActId` past them. The keys are the
//    storage items' prefixes with the SCALE-encoded ids (the `Identity` hasher), checked
//    against polkadot.js's `key()` for the first entries.
// 3. A node is started on that spec and asked over HTTP, one request at a time, for random
//    certificates of the C (and some unknown hashes); then by 32 clients at once. Every
//    answer is checked against the status it must have. It reports the first request and p50,
//    p95, p99 and max of the wall time a client sees.
// Exit status 1 if p99 exceeds --limit-p99-ms with one client or --limit-p99-concurrent-ms
// with 32, or any answer is wrong.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { Nodes, freePort, waitForRpc } from '../../harness/nodes.mjs';

const [node, ...options] = process.argv.slice(2);
if (!node) {
  console.error('usage: measure-certificates.mjs <node binary> [--persons N] [--certificates C] [--limit-p99-ms 3] [--limit-p99-concurrent-ms 20] [--keep DIR]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = options.indexOf(name);
  return i >= 0 ? options[i + 1] : fallback;
};
const PERSONS = Number(option('--persons', 1_000_000));
const CERTIFICATES = Number(option('--certificates', 100_000));
const LIMIT_P99 = Number(option('--limit-p99-ms', 3));
const LIMIT_P99_CONCURRENT = Number(option('--limit-p99-concurrent-ms', 20));
const KEEP = option('--keep', undefined);
const BUILD_ONLY = options.includes('--build-only');
const SEQUENTIAL = 5_000;
const CLIENTS = 32;
const EACH = 200;
if (!(CERTIFICATES <= PERSONS)) throw new Error('--certificates must not exceed --persons');

if (KEEP) mkdirSync(KEEP, { recursive: true });
const nodes = new Nodes(node, { work: KEEP, prefix: 'civil-certificates-' });
const work = nodes.work;
const start = (args, name) => nodes.start(name, args);

const seconds = (t) => ((Date.now() - t) / 1000).toFixed(1);
const random32 = () => u8aToHex(randomBytes(32));

// ---------------------------------------------------------------------------------------------
// 1. One person and one certificate through the chain, read back raw. (With --keep, a
//    directory that holds a spec and its certificates from an earlier run is used again, and
//    the node opens the database it left: steps 1 and 2 are skipped.)

const specPath = join(work, 'certificates-spec.json');
const certifiedPath = join(work, 'certificates.json');
let certified = [];
if (KEEP && existsSync(certifiedPath) && existsSync(specPath)) {
  certified = JSON.parse(readFileSync(certifiedPath, 'utf8'));
  console.log(`certificates: the spec and database of ${work} again (${certified.length} certificates)`);
} else {
  await generate();
}

async function generate() {
  rmSync(join(work, 'chain'), { recursive: true, force: true }); // a database of another spec
  const t1 = Date.now();
  const keyPort = await freePort();
  const keyNode = start(['--dev', '--tmp', '--rpc-port', String(keyPort), '--no-prometheus', '--no-telemetry', '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`], 'keys');
  await waitForRpc(`http://127.0.0.1:${keyPort}`, 120_000);
  const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${keyPort}`), noInitWarn: true });
  const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');

  function submit(tx) {
    return new Promise((resolve, reject) => {
      tx.signAndSend(bob, ({ status, events, dispatchError }) => {
        if (dispatchError) reject(new Error(dispatchError.toString()));
        else if (status.isInBlock) resolve(events);
      }).catch(reject);
    });
  }
  const YUNUSOBOD = 15;
  const identityKey = random32();
  const enrolled = await submit(api.tx.civilEvents.enrollPerson(
    YUNUSOBOD, { year: 1980, month: 5, day: 17 }, identityKey, random32(), 'Female', null, null, random32(),
  ));
  const event = enrolled.find(({ event }) => event.section === 'civilEvents' && event.method === 'PersonEnrolled').event;
  const [samplePerson, sampleAct] = [event.data[0].toNumber(), event.data[1].toNumber()];
  const sampleCertificate = random32();
  await submit(api.tx.civilEvents.issueCertificate(sampleAct, sampleCertificate));

  const q = { persons: api.query.persons, civil: api.query.civilEvents };
  const typeOf = (entry) => api.registry.lookup.getTypeDef(entry.creator.meta.type.asMap.value).type;
  const decoded = async (entry, arg) => api.createType(typeOf(entry), (await api.rpc.state.getStorage(entry.key(arg))).unwrap()).toJSON();
  const person = await decoded(q.persons.persons, samplePerson);
  const act = await decoded(q.civil.acts, sampleAct);
  const certificate = await decoded(q.civil.certificates, sampleCertificate);
  if (person === null || act === null || certificate === null) throw new Error('the sample is not in state');

  // Keys: the item's prefix and the SCALE-encoded id (`Identity`), checked against polkadot.js.
  const prefix = (entry) => entry.keyPrefix();
  const u64 = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b.toString('hex'); };
  const keys = {
    person: (id) => prefix(q.persons.persons) + u64(id),
    identity: (key) => prefix(q.persons.personByIdentity) + key.slice(2),
    act: (id) => prefix(q.civil.acts) + u64(id),
    // `certificates` is `Blake2_128Concat` (hashes chosen off chain): polkadot.js's key.
    certificate: (hash) => q.civil.certificates.key(hash),
    // `certificatesIssued` is `Twox64Concat` (the id's xxhash64 before it): polkadot.js's key.
    issued: (id) => q.civil.certificatesIssued.key(id),
  };
  for (const id of [0, 1, 255, 65_537, 2 ** 40 + 3]) {
    if (keys.person(id) !== q.persons.persons.key(id)) throw new Error('person key encoding');
    if (keys.act(id) !== q.civil.acts.key(id)) throw new Error('act key encoding');
  }
  const probe = random32();
  if (keys.identity(probe) !== q.persons.personByIdentity.key(probe)) throw new Error('identity key encoding');

  const encode = (entry, value) => u8aToHex(api.createType(typeOf(entry), value).toU8a());
  const encodeU32 = (n) => u8aToHex(api.createType('u32', n).toU8a());
  const encodeU64 = (n) => u8aToHex(api.createType('u64', n).toU8a());
  console.log(`certificates: the runtime's encodings from a development node (${seconds(t1)} s)`);

  // ---------------------------------------------------------------------------------------------
  // 2. The spec, streamed: the genesis of `build-spec --chain dev --raw` and the entries.

  const t2 = Date.now();
  const built = spawnSync(node, ['build-spec', '--chain', 'dev', '--raw'], { maxBuffer: 1 << 28 });
  if (built.status !== 0) throw new Error(`build-spec failed: ${built.stderr}`);
  const spec = JSON.parse(built.stdout);
  const MARK = '0x6d61726b';
  spec.genesis.raw.top[MARK] = MARK;
  spec.genesis.raw.top[u8aToHex(q.persons.nextPersonId.key())] = encodeU64(PERSONS);
  spec.genesis.raw.top[u8aToHex(q.civil.nextActId.key())] = encodeU64(PERSONS);
  const [head, tail] = JSON.stringify(spec).split(`"${MARK}":"${MARK}"`);
  const file = openSync(specPath, 'w');
  writeSync(file, head);
  let chunk = [];
  let first = true;
  const put = (key, value) => {
    chunk.push(`"${key}":"${value}"`);
    if (chunk.length >= 10_000) flush();
  };
  const flush = () => {
    if (chunk.length === 0) return;
    writeSync(file, (first ? '' : ',') + chunk.join(','));
    first = false;
    chunk = [];
  };

  // Certificates on every (PERSONS / CERTIFICATES)-th act; their expected status.
  const stride = Math.floor(PERSONS / CERTIFICATES);
  const status = (k) => (k % 20 === 18 ? 'superseded' : k % 20 === 19 ? 'revoked' : 'valid');
  for (let id = 0; id < PERSONS; id += 1) {
    const k = id % stride === 0 ? id / stride : -1;
    const isCertified = k >= 0 && k < CERTIFICATES;
    const expected = isCertified ? status(k) : null;
    const identity = random32();
    const date = { year: 1940 + (id % 80), month: 1 + (id % 12), day: 1 + (id % 28) };
    const sex = id % 2 === 0 ? 'Female' : 'Male';
    const dataRoot = random32();
    put(keys.person(id), encode(q.persons.persons, { ...person, originAct: id, dataRoot, birthDate: date, sex }));
    put(keys.identity(identity), encodeU64(id));
    put(keys.act(id), encode(q.civil.acts, {
      ...act,
      eventDate: date,
      documentHash: random32(),
      version: expected === 'superseded' ? 2 : 1,
      status: expected === 'revoked' ? 'Revoked' : act.status,
      details: { Enrollment: { ...act.details.enrollment, person: id, identityKey: identity, dataRoot, sex } },
    }));
    if (isCertified) {
      const hash = random32();
      put(keys.certificate(hash), encode(q.civil.certificates, { ...certificate, act: id }));
      put(keys.issued(id), encodeU32(1));
      certified.push({ hash, expected });
    }
    if (id % 100_000 === 99_999) process.stdout.write(`certificates: ${id + 1} persons written\r`);
  }
  flush();
  writeSync(file, tail);
  closeSync(file);
  await api.disconnect();
  process.kill(-keyNode.pid, 'SIGTERM');
  const entries = PERSONS * 3 + certified.length * 2;
  console.log(`certificates: a spec with ${PERSONS} persons, ${certified.length} certificates, ${entries} entries added, ${(statSync(specPath).size / 2 ** 20).toFixed(0)} MiB (${seconds(t2)} s)`);
  writeFileSync(certifiedPath, JSON.stringify(certified));
}

// ---------------------------------------------------------------------------------------------
// 3. The node on it, and the queries.

const t3 = Date.now();
const port = await freePort();
const measured = start(['--chain', specPath, '--base-path', join(work, 'chain'), '--rpc-port', String(port), '--no-prometheus', '--no-telemetry', '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`, '--rpc-max-connections', '200'], 'node');
const url = `http://127.0.0.1:${port}`;
await waitForRpc(url, 1_800_000);
console.log(`certificates: the node built its genesis state and opened its RPC (${seconds(t3)} s)`);
// ParityDB re-indexes its columns in the background after a large write (the genesis): the
// measurement starts when the node has settled — under 5 % of a core for 5 seconds.
const cpuSeconds = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
for (let quiet = 0; quiet < 5;) {
  const before = cpuSeconds(measured.pid);
  await new Promise((r) => setTimeout(r, 1000));
  quiet = cpuSeconds(measured.pid) - before < 0.05 ? quiet + 1 : 0;
}
console.log(`certificates: the node settled (${seconds(t3)} s after its start)`);
if (BUILD_ONLY) process.exit(0);

// The client: node's own `http` with keep-alive connections (one per concurrent client), as a
// verifier's server would hold them. It shares the machine's two cores with the node; `fetch`
// (undici) cost the client about twice the CPU per request here, which showed in the node's
// tail latency (docs/performance.md).
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(method, params) {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        const { result, error } = JSON.parse(text);
        if (error) reject(Object.assign(new Error(error.message), { code: error.code }));
        else resolve(result);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const pick = () => certified[Math.floor(Math.random() * certified.length)];
let wrong = 0;
/** One request, timed as the client sees it (HTTP round trip included), its answer checked. */
async function query() {
  const unknown = Math.random() < 0.05;
  const wanted = unknown ? { hash: random32(), expected: null } : pick();
  const started = process.hrtime.bigint();
  let answer;
  try {
    answer = await post('civil_verifyCertificate', [wanted.hash]);
  } catch (e) {
    if (e.code !== 4004) throw e;
    answer = null;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const got = answer === null ? null : answer.status;
  if (got !== wanted.expected || (answer && answer.kind !== 'enrollment')) {
    wrong += 1;
    if (wrong <= 5) console.error(`certificates: ${wanted.hash}: expected ${wanted.expected}, got ${JSON.stringify(answer)}`);
  }
  return ms;
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1], n: sorted.length };
}

const cold = await query();
const one = [];
for (let i = 0; i < SEQUENTIAL; i += 1) one.push(await query());
const crowd = [];
await Promise.all(Array.from({ length: CLIENTS }, async () => {
  for (let i = 0; i < EACH; i += 1) crowd.push(await query());
}));
const [single, many] = [summary(one), summary(crowd)];
const fmt = ({ p50, p95, p99, max, n }) =>
  `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${max.toFixed(1)} ms (${n} requests)`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`certificates: ${cpus().length} × ${cpu}; node ${measured.pid}`);
console.log(`certificates: one client: first ${cold.toFixed(2)} ms; then ${fmt(single)}`);
console.log(`certificates: ${CLIENTS} clients at once: ${fmt(many)}`);
let failed = false;
if (wrong > 0) { console.error(`certificates: ${wrong} wrong answers`); failed = true; }
if (single.p99 > LIMIT_P99) { console.error(`certificates: p99 with one client ${single.p99.toFixed(2)} ms > ${LIMIT_P99} ms`); failed = true; }
if (many.p99 > LIMIT_P99_CONCURRENT) { console.error(`certificates: p99 with ${CLIENTS} clients ${many.p99.toFixed(2)} ms > ${LIMIT_P99_CONCURRENT} ms`); failed = true; }
process.exit(failed ? 1 : 0);

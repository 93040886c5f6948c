// How long `civil_statistics` takes for the whole country over 120 months in its worst case:
// a counter for every jurisdiction × kind × month of those 120 months, so that every one of
// the query's reads finds a counter.
//
//   node tests/e2e/scripts/measure-statistics.mjs <node binary> [--limit-ms 50]
//
// 1. A development node is started once so that polkadot.js can encode the storage keys
//    from the runtime's own metadata (`api.query.civilEvents.statistics.key(...)`).
// 2. The development chain spec (`build-spec --chain dev --raw`) gets, in its genesis state,
//    a counter for each of JURISDICTIONS ids (Uzbekistan: the country, 14 regions and about
//    200 districts) × the 8 kinds × 120 months. The development tree has fewer jurisdictions;
//    counters of the ids beyond it sit in the state like any other (the country's query reads
//    the country's counters only, as it would on the real tree).
// 3. A node is started on that spec (no authoring needed: the finalized block is genesis) and
//    asked over HTTP, one request at a time, for the country, every kind, 120 months; then
//    for one kind; then by 32 clients at once. It reports the first (cold) request and p50,
//    p95 and max of the wall time a client sees, and checks every answer (960 rows, each
//    count as stored).
// Exit status 1 if the first request or the median of the worst case, one client at a time,
// exceeds --limit-ms (default 50).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { rpc } from '../examples/queries.mjs';
import { Nodes, freePort, waitForRpc } from '../../harness/nodes.mjs';

const [node, ...options] = process.argv.slice(2);
if (!node) {
  console.error('usage: measure-statistics.mjs <node binary> [--limit-ms 50]');
  process.exit(2);
}
const limitIndex = options.indexOf('--limit-ms');
const LIMIT_MS = limitIndex >= 0 ? Number(options[limitIndex + 1]) : 50;
const JURISDICTIONS = 215;
const KINDS = ['Birth', 'Death', 'Marriage', 'Divorce', 'Adoption', 'Paternity', 'NameChange', 'Enrollment'];
const FROM = { year: 2015, month: 1 };
const MONTHS = 120;
const ROUNDS = 60;
const COUNT = 1234;

const months = Array.from({ length: MONTHS }, (_, i) => ({
  year: FROM.year + Math.floor((FROM.month - 1 + i) / 12),
  month: ((FROM.month - 1 + i) % 12) + 1,
}));
const text = ({ year, month }) => `${year}-${String(month).padStart(2, '0')}`;

const nodes = new Nodes(node, { prefix: 'civil-statistics-' });
const work = nodes.work;
const start = (args, name) => nodes.start(name, args);

// 1. Keys, encoded by the runtime's metadata.
const keyPort = await freePort();
const keyNode = start(['--dev', '--tmp', '--rpc-port', String(keyPort), '--no-prometheus', '--no-telemetry', '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`], 'keys');
await waitForRpc(`http://127.0.0.1:${keyPort}`, 120_000);
const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${keyPort}`), noInitWarn: true });
// The SCALE encoding (little-endian), not `toHex()`'s number.
const value = u8aToHex(api.createType('u32', COUNT).toU8a());
const entries = {};
for (const kind of KINDS) {
  for (const month of months) {
    for (let j = 0; j < JURISDICTIONS; j += 1) {
      entries[api.query.civilEvents.statistics.key(kind, month, j)] = value;
    }
  }
}
await api.disconnect();
process.kill(-keyNode.pid, 'SIGTERM');

// 2. The spec with the counters in its genesis.
const built = spawnSync(node, ['build-spec', '--chain', 'dev', '--raw'], { maxBuffer: 1 << 28 });
if (built.status !== 0) throw new Error(`build-spec failed: ${built.stderr}`);
const spec = JSON.parse(built.stdout);
Object.assign(spec.genesis.raw.top, entries);
const specPath = join(work, 'statistics-spec.json');
writeFileSync(specPath, JSON.stringify(spec));
const counters = Object.keys(entries).length;

// 3. The node on it, and the queries.
const port = await freePort();
start(['--chain', specPath, '--tmp', '--rpc-port', String(port), '--no-prometheus', '--no-telemetry', '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`], 'node');
const url = `http://127.0.0.1:${port}`;
await waitForRpc(url, 300_000);

/** One query, timed as the client sees it (HTTP round trip included), its answer checked. */
async function query(kind, expectedRows) {
  const started = process.hrtime.bigint();
  const rows = await rpc(url, 'civil_statistics', [0, kind, text(months[0]), text(months[MONTHS - 1])]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (rows.length !== expectedRows || rows.some((row) => row.count !== COUNT)) {
    throw new Error(`a wrong answer: ${rows.length} rows, e.g. ${JSON.stringify(rows[0])}`);
  }
  return ms;
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], n: sorted.length };
}

/** `ROUNDS` queries one after another: the first (cold: nothing of these counters cached by
 *  the node yet) reported apart, the rest summarised. */
async function sequential(kind, expectedRows) {
  const cold = await query(kind, expectedRows);
  const times = [];
  for (let i = 1; i < ROUNDS; i += 1) times.push(await query(kind, expectedRows));
  return { cold, ...summary(times) };
}

/** `clients` clients at once, each with `each` queries one after another. */
async function concurrent(kind, expectedRows, clients, each) {
  const times = [];
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let i = 0; i < each; i += 1) times.push(await query(kind, expectedRows));
  }));
  return summary(times);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const all = await sequential(null, KINDS.length * MONTHS);
const births = await sequential('birth', MONTHS);
const crowd = await concurrent(null, KINDS.length * MONTHS, 32, 10);
const fmt = ({ p50, p95, max, n }) =>
  `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms (${n} requests)`;
console.log(`statistics: ${counters} counters in genesis (${JURISDICTIONS} jurisdictions × ${KINDS.length} kinds × ${MONTHS} months); ${cpus().length} × ${cpu}`);
console.log(`statistics: the country, every kind, ${MONTHS} months (${KINDS.length * MONTHS} rows): first ${all.cold.toFixed(1)} ms; then ${fmt(all)}`);
console.log(`statistics: the country, births, ${MONTHS} months (${MONTHS} rows): first ${births.cold.toFixed(1)} ms; then ${fmt(births)}`);
console.log(`statistics: the country, every kind, ${MONTHS} months, 32 clients at once: ${fmt(crowd)}`);
if (all.p50 > LIMIT_MS || all.cold > LIMIT_MS) {
  console.error(`statistics: the first request (${all.cold.toFixed(1)} ms) or the median (${all.p50.toFixed(1)} ms) exceeds ${LIMIT_MS} ms`);
  process.exit(1);
}
process.exit(0);

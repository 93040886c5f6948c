// Looking for personal data where the public side keeps or says something: every identity key,
// data root, hash in an act (document hashes, court decisions, data roots) and date of a
// person's event on the chain, in every file of a projection's store and in its answers.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rpc } from '../examples/queries.mjs';
import { TASHKENT } from './helpers.mjs';

/** Every file under `dir`, read. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [readFileSync(path)];
  });
}

/** A registry date as SCALE: the year (u16, little-endian), the month and the day. */
const scaleDate = ({ year, month, day }) => Buffer.from([year & 0xff, year >> 8, month, day]);
const dateText = ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const plain = (value) => (value.isSome ? value.unwrap() : value).toJSON();

/** Everything personal on the chain now: `hashes` (hex) and `dates` (text → date), without
 *  the days that are the registry's own and public (the days blocks were made: a
 *  certificate's day of issue, the heartbeat's day) and archive batches' periods; with how
 *  many `acts` and `persons` they come from. */
export async function personalData(api) {
  const hashes = new Set();
  const dates = new Map();
  for (const [key] of await api.query.persons.personByIdentity.entries()) hashes.add(key.args[0].toHex());
  const persons = await api.query.persons.persons.entries();
  for (const [, record] of persons) {
    const person = plain(record);
    hashes.add(person.dataRoot);
    dates.set(dateText(person.birthDate), person.birthDate);
  }
  const acts = await api.query.civilEvents.acts.entries();
  for (const [, record] of acts) {
    const act = plain(record);
    for (const found of JSON.stringify(act).match(/0x[0-9a-f]{64}/g) ?? []) hashes.add(found);
    dates.set(dateText(act.eventDate), act.eventDate);
  }
  const now = new Date();
  for (const d of [now, new Date(now.getTime() - 86_400_000)]) dates.delete(d.toISOString().slice(0, 10));
  for (const [, anchor] of await api.query.civilEvents.archiveAnchors.entries()) {
    const { period } = plain(anchor);
    dates.delete(dateText(period.from));
    dates.delete(dateText(period.to));
  }
  return { hashes, dates, acts: acts.length, persons: persons.length };
}

/** Looks for `personal` (from `personalData`) in the store under `base` and in the answers of
 *  the projection at `url`: the directory, the heartbeat, its status, the released statistics,
 *  and every certificate on the chain (at most `maxCodes`). Fails on the first found. Returns
 *  how much it looked at. */
export async function scanProjection(api, { url, base }, personal, maxCodes = 1000) {
  const store = Buffer.concat(files(base));
  for (const h of personal.hashes) assert.equal(store.indexOf(Buffer.from(h.slice(2), 'hex')), -1, `the store holds ${h}`);
  for (const [text, date] of personal.dates) {
    assert.equal(store.indexOf(scaleDate(date)), -1, `the store holds the date ${text} (SCALE)`);
    assert.equal(store.indexOf(Buffer.from(text)), -1, `the store holds the date ${text}`);
  }
  const answers = [
    await rpc(url, 'civil_directory', []),
    await rpc(url, 'civil_heartbeat', []),
    await rpc(url, 'civil_projectionStatus', []),
  ];
  for (const id of [0, TASHKENT]) answers.push(await rpc(url, 'civil_publishedStatistics', [id, null, '2016-01', '2025-12']));
  for (const id of [0, TASHKENT]) answers.push(await rpc(url, 'civil_vitalStatistics', [id, '2016-01', '2025-12']));
  const codes = (await api.query.civilEvents.certificates.keys()).map((k) => k.args[0].toHex()).slice(0, maxCodes);
  // The scan sees what the store holds: the certificate codes are there, as they are (what a
  // certificate's holder already has; kept so that a changed act's certificates can be asked
  // for again).
  assert.ok(codes.some((c) => store.indexOf(Buffer.from(c.slice(2), 'hex')) !== -1), 'no certificate code found in the store');
  let certificates = 0;
  for (const code of codes) {
    try {
      answers.push(await rpc(url, 'civil_verifyCertificate', [code]));
      certificates += 1;
    } catch (e) {
      assert.equal(e.code, 4004); // issued after the projection's block, or of a sealed act
    }
  }
  const text = JSON.stringify(answers);
  for (const h of personal.hashes) assert.ok(!text.includes(h.slice(2)), `an answer holds ${h}`);
  for (const day of personal.dates.keys()) assert.ok(!text.includes(day), `an answer holds the date ${day}`);
  // No answer names a person: no field of that kind in any of them. (Person ids are small
  // integers, like the act ids and counters the store holds: the store is looked at by its
  // schema, node/src/projection/store.rs, which has no person id.)
  assert.doesNotMatch(text, /"(person|child|mother|father|subjects|spouse|identityKey|dataRoot|documentHash)"/);
  return { storeBytes: store.length, certificates, answers: answers.length };
}

// Issue #16: the citizen's portal (portal/), opened in a real browser — Debian's Chromium,
// driven by puppeteer-core (which downloads no browser) — against the public projection fed by
// the development node (what faces the internet; node/src/projection/). A registry office of its own, in a district of its own, registers the
// scenario, so that the statistics the page draws are exactly the scenario's. A certificate
// shows valid (typed, and read from a picture of its QR code), superseded after a four-eyes
// correction, reported lost once its office cancels it, an unknown code unknown; the charts
// carry the scenario's counts; the language switch changes the labels; the page says so when
// the gateway is down. Issue #32: a couple follows its marriage application by its tracking
// code through each status, in three languages, and the marriage is refused until a head
// shortens the waiting period. Screenshots are written to tests/e2e/artifacts/portal/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { officer, submit, today } from '../examples/connect.mjs';
import * as acts from '../examples/acts.mjs';
import * as lifecycle from '../examples/lifecycle.mjs';
import * as offices from '../examples/offices.mjs';
import * as services from '../examples/services.mjs';
import { jurisdictionByCode, rpc } from '../examples/queries.mjs';
import { eventually, freePort } from '../lib/gateway.mjs';
import { startProjection } from '../lib/projection.mjs';
import { TASHKENT, daysBefore, hash, setup, waitForFinality, readyToMarry } from '../lib/helpers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts', 'portal');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const QR = join(ROOT, 'scripts', 'qr', 'certificate-qr.mjs');

const { api, alice, eve } = await setup();
test.after(() => api.disconnect());

// The scenario's office: a district, its registry office, a head and a registrar.
const head = officer('//PortalHead');
const clerk = officer('//PortalClerk');
let district = await jurisdictionByCode(api, 'UZ-TK-PRT');
let office;
if (district === null) {
  district = await offices.createJurisdiction(api, alice, 'UZ-TK-PRT', 'Portal district', TASHKENT);
  office = await offices.registerOffice(api, alice, 'DistrictRegistry', district, 'Portal registry office');
  await offices.appointHead(api, alice, office, head.address);
  await offices.appointRegistrar(api, head, clerk.address);
} else {
  office = (await api.query.offices.officers(clerk.address)).unwrap().office.toNumber();
}

// Two adults from the archive who marry today, and three births today (the certificate's
// act). The statistics are released months only (the ones that have ended): from the archive,
// ten people born in November 2025 and one in December 2025 in the district — published as 10,
// and withheld (fewer than 10), in the enrollments of those months.
const now = await today(api);
const person = (sex, birthDate) => acts.enrollPerson(api, clerk, {
  jurisdiction: district, birthDate, identityKey: hash(), dataRoot: hash(), sex, archiveReference: hash(),
});
const birth = (sex) => acts.registerBirth(api, clerk, {
  jurisdiction: district, birthDate: now, identityKey: hash(), dataRoot: hash(), sex, documentHash: hash(),
});
const archived = (day, month) => ({ Person: {
  jurisdiction: district, birthDate: { year: 2025, month, day }, sex: day % 2 ? 'Female' : 'Male', mother: null, father: null,
  identityKey: hash(), dataRoot: hash(), archiveReference: hash(),
} });
const [{ person: bride }, { person: groom }, { act: firstBirth }, , , { blockHash: archiveBlock }] = await Promise.all([
  person('Female', { year: 1994, month: 3, day: 8 }),
  person('Male', { year: 1992, month: 11, day: 30 }),
  birth('Female'), birth('Male'), birth('Male'),
  submit(api, api.tx.civilEvents.enrollBatch([...Array.from({ length: 10 }, (_, i) => archived(i + 1, 11)), archived(3, 12)]), clerk),
]);
await acts.registerMarriage(api, clerk, district, now, bride, groom, null, await readyToMarry(api, clerk, bride, groom), hash());
// The UN's tables: ten births last month to the bride (32 at the birth: a mother aged 30–34), the
// mother living in the district, registered within the legal month (late only on the 29th–31st
// after a shorter month: then a regional head approves them).
const daysInLastMonth = new Date(Date.UTC(now.year, now.month - 1, 0)).getUTCDate();
const lastMonthDay = { ...daysBefore(now, now.day), day: Math.min(now.day, daysInLastMonth) };
const LAST_MONTH = `${lastMonthDay.year}-${String(lastMonthDay.month).padStart(2, '0')}`;
const births = await Promise.all(Array.from({ length: 10 }, async () => {
  const { events, blockHash } = await submit(api, api.tx.civilEvents.registerBirth(
    district, lastMonthDay, hash(), hash(), 'Female', bride, null, null, district, null, hash()), clerk);
  const pending = events.find(({ event }) => event.method === 'LateRegistrationPending');
  if (pending) await acts.approveLateRegistration(api, eve, pending.event.data.act);
  return (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
}));
const lastBirthBlock = Math.max(...births);
const certificate = hash();
await lifecycle.issueCertificate(api, clerk, firstBirth, certificate);
const archiveNumber = (await api.rpc.chain.getHeader(archiveBlock)).number.toNumber();

// The public side the portal talks to: the projection, releasing statistics every 3 s (a
// chain that lives minutes) rather than monthly.
const gateway = await startProjection({ args: ['--statistics-release-interval', '3'] });
const synced = async () => gateway.caughtUp(await waitForFinality(api));
await synced();

// The portal, served as a user would serve it.
const portalPort = await freePort();
const server = spawn(process.execPath, [join(ROOT, 'portal', 'serve.mjs'), '--port', String(portalPort), '--gateway', gateway.url],
  { stdio: ['ignore', 'pipe', 'inherit'] });
test.after(() => server.kill());
await new Promise((resolve) => server.stdout.once('data', resolve));
const PORTAL = `http://127.0.0.1:${portalPort}/`;

mkdirSync(ARTIFACTS, { recursive: true });
assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM}: scripts/setup.sh installs Debian's chromium`);
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  // Root in CI's containers has no user namespaces for Chromium's sandbox.
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
test.after(() => browser.close());

async function open(query = 'lang=en') {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 1400 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Anything the Content-Security-Policy blocked is an error too: the page must work under it.
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  await page.goto(`${PORTAL}?${query}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

async function check(page, code) {
  await page.$eval('#code', (el) => { el.value = ''; });
  await page.type('#code', code);
  await page.click('#check');
  await page.waitForFunction(() => {
    const s = document.querySelector('#result').dataset.status;
    return s && s !== 'checking';
  }, { timeout: 20_000 });
  return page.$eval('#result', (el) => ({ status: el.dataset.status, text: el.innerText }));
}

const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

test('the portal checks certificates: valid, from a QR picture, superseded, reported lost, unknown', { timeout: 240_000 }, async () => {
  const { page, errors } = await open();
  const valid = await check(page, certificate);
  assert.equal(valid.status, 'valid');
  assert.match(valid.text, /Valid/);
  assert.match(valid.text, /Birth/);
  assert.match(valid.text, /Portal registry office/);
  // The day of issue, as the gateway says it, written in English.
  const { issuedOn } = await rpc(gateway.url, 'civil_verifyCertificate', [certificate]);
  const [year, month, day] = issuedOn.split('-').map(Number);
  const english = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
  assert.ok(valid.text.includes(`${english} ${day}, ${year}`), valid.text);
  await shot(page, '1-valid');

  // The office's QR code (a link to the portal carrying the hash), as a picture uploaded.
  const dir = mkdtempSync(join(tmpdir(), 'civil-qr-'));
  try {
    const png = join(dir, 'certificate.png');
    execFileSync(process.execPath, [QR, certificate, '--portal', 'https://portal.example/', '--png', png], { stdio: 'ignore' });
    await page.$eval('#code', (el) => { el.value = ''; });
    await page.$eval('#result', (el) => { el.replaceChildren(); delete el.dataset.status; });
    const input = await page.$('#upload');
    await input.uploadFile(png);
    await page.waitForFunction(() => document.querySelector('#result').dataset.status === 'valid', { timeout: 20_000 });
    assert.equal(await page.$eval('#code', (el) => el.value), certificate.toLowerCase());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A four-eyes correction of the act (the registrar proposes; a change of sex is the regional
  // department's to approve — and the head appointed the registrar): superseded.
  const proposal = await lifecycle.proposeAmendment(api, clerk, firstBirth, hash(), 'ClericalError', { sex: 'Male' });
  await assert.rejects(lifecycle.approveAmendment(api, head, proposal), { message: 'civilEvents.ApproverAppointedOfficer' });
  assert.equal(await lifecycle.approveAmendment(api, eve, proposal), 2);
  await synced();
  const superseded = await check(page, certificate);
  assert.equal(superseded.status, 'superseded');
  assert.match(superseded.text, /Superseded/);
  assert.match(superseded.text, /1 of 2/);
  await shot(page, '2-superseded');

  // A new certificate of the corrected act, which its holder then reports lost: the office's
  // head cancels it.
  const lost = hash();
  await lifecycle.issueCertificate(api, clerk, firstBirth, lost);
  assert.equal(await lifecycle.cancelCertificate(api, head, lost, 'Lost'), 'Lost');
  await synced();
  const reported = await check(page, lost);
  assert.equal(reported.status, 'reportedLost');
  assert.match(reported.text, /reported this certificate lost/);
  await shot(page, '3-lost');

  const unknown = await check(page, hash());
  assert.equal(unknown.status, 'unknown');
  assert.match(unknown.text, /Unknown/);
  await shot(page, '4-unknown');

  const malformed = await check(page, 'not a code');
  assert.equal(malformed.status, 'badCode');
  assert.deepEqual(errors, []);
  await page.close();
});

async function track(page, code) {
  await page.$eval('#tracking', (el) => { el.value = ''; });
  await page.type('#tracking', code);
  await page.click('#track');
  await page.waitForFunction(() => {
    const s = document.querySelector('#application').dataset.status;
    return s && s !== 'checking';
  }, { timeout: 20_000 });
  return page.$eval('#application', (el) => ({ status: el.dataset.status, text: el.innerText }));
}

/** The portal's answer for `code` once the projection has reached the chain's finalized block
 *  and says `status`. */
async function tracked(page, code, status) {
  await synced();
  let shown;
  await eventually(`the portal shows ${status}`, async () => {
    shown = await track(page, code);
    return shown.status === status;
  }, 60_000);
  return shown;
}

test('a couple follows its marriage application on the portal by its tracking code, in three languages; the waiting period holds until a head shortens it', { timeout: 300_000 }, async () => {
  const [{ person: bride2 }, { person: groom2 }] = await Promise.all([
    person('Female', { year: 1997, month: 6, day: 1 }), person('Male', { year: 1995, month: 9, day: 9 }),
  ]);
  // The office gives the couple a receipt with a tracking code; only its hash goes on chain.
  const code = services.trackingCode();
  const application = await services.receiveApplication(api, clerk, 'Marriage', code, [bride2, groom2]);
  const { page, errors } = await open();
  let shown = await tracked(page, code, 'received');
  assert.match(shown.text, /^Received/);
  await shot(page, '8-application-received');
  // What the public side answers: the status and nothing else.
  const answer = await rpc(gateway.url, 'civil_applicationStatus', [code]);
  assert.deepEqual(Object.keys(answer).sort(), ['asOf', 'status']);
  assert.equal(answer.status, 'received');
  // The code may be typed lower-case, grouped with spaces or dashes, as on the receipt.
  const grouped = code.toLowerCase().match(/.{1,5}/g).join('-');
  assert.equal((await track(page, grouped)).status, 'received');

  // Today, a month before the waiting period ends: the marriage is refused, with a typed error.
  await assert.rejects(acts.registerMarriage(api, clerk, district, now, bride2, groom2, null, application, hash()),
    { message: 'civilEvents.WaitingPeriodNotOver' });
  await services.updateApplication(api, clerk, application, 'Accepted');
  shown = await tracked(page, code, 'accepted');
  assert.match(shown.text, /accepted/);
  await services.updateApplication(api, clerk, application, 'Waiting');
  shown = await tracked(page, code, 'waiting');
  assert.match(shown.text, /^Waiting: the period the law sets/);
  // Three languages.
  await page.click('#lang-ru');
  assert.match(await page.$eval('#application', (el) => el.innerText), /^Ожидание/);
  assert.equal(await page.$eval('#track-heading', (el) => el.textContent), 'Где ваше заявление');
  await shot(page, '9-application-waiting-ru');
  await page.click('#lang-uz');
  assert.match(await page.$eval('#application', (el) => el.innerText), /^Kutilmoqda/);
  assert.equal(await page.$eval('#track-heading', (el) => el.textContent), 'Arizangiz qayerda');
  await page.click('#lang-en');

  // A registrar cannot shorten the wait; the office's head can, for a reason the law names.
  await assert.rejects(services.shortenWaiting(api, clerk, application, 'Pregnancy', now, hash()),
    /1010: Invalid Transaction: Transaction call is not expected/);
  assert.deepEqual(await services.shortenWaiting(api, head, application, 'Pregnancy', now, hash()), now);
  const act = await acts.registerMarriage(api, clerk, district, now, bride2, groom2, null, application, hash());
  assert.deepEqual((await api.query.civilEvents.applications(application)).unwrap().status.toJSON(), { registered: act });
  shown = await tracked(page, code, 'registered');
  assert.match(shown.text, /^Done: the act is registered/);
  // The public answer names no act.
  assert.deepEqual((await rpc(gateway.url, 'civil_applicationStatus', [code])).status, 'registered');
  await shot(page, '10-application-registered');

  // A refused application shows its reason, in each language.
  const refusedCode = services.trackingCode();
  const refused = await services.receiveApplication(api, clerk, 'NameChange', refusedCode);
  await services.updateApplication(api, clerk, refused, { Refused: 'IncompleteDocuments' });
  shown = await tracked(page, refusedCode, 'refused');
  assert.equal(shown.text, 'Refused: the documents are incomplete.');
  await page.click('#lang-ru');
  assert.equal(await page.$eval('#application', (el) => el.innerText), 'Отказано: документы неполные.');
  await page.click('#lang-uz');
  assert.equal(await page.$eval('#application', (el) => el.innerText), "Rad etildi: hujjatlar to'liq emas.");
  await page.click('#lang-en');
  await assert.rejects(services.updateApplication(api, clerk, refused, 'Accepted'), { message: 'civilEvents.ApplicationClosed' });

  // An unknown code, and what is no code at all.
  assert.equal((await track(page, services.trackingCode())).status, 'unknown');
  assert.equal((await track(page, 'no such code!')).status, 'badTracking');
  await assert.rejects(rpc(gateway.url, 'civil_applicationStatus', ['x'.repeat(65)]), /tracking code/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the statistics chart draws the released months, withheld counts as withheld; the heartbeat counts the region; the language switches', { timeout: 180_000 }, async () => {
  // The projection releases every 3 s here: wait for one after the archive batch.
  await eventually('a release after the archive batch', async () => {
    const { release } = await rpc(gateway.url, 'civil_publishedStatistics', [district, null, '2025-11', '2025-12']);
    return release !== null && release.block >= archiveNumber;
  }, 120_000);
  const { page, errors } = await open();
  const bars = async (chart) => page.$$eval(`#${chart} rect`, (rects) => Object.fromEntries(rects.map((r) => [r.dataset.key, [Number(r.dataset.count), r.dataset.withheld === 'true']])));

  await page.select('#months', '24');
  await page.select('#region', String(district));
  await page.waitForFunction(() => document.querySelector('#chart-months rect[data-key="2025-11"]')?.dataset.count === '10', { timeout: 60_000 });
  const all = await bars('chart-months');
  assert.equal(Object.keys(all).length, 24);
  assert.deepEqual(all['2025-11'], [10, false]);
  // One person born in December: withheld, shown as "<10", drawn as nothing.
  assert.deepEqual(all['2025-12'], [0, true]);
  // The table beside the chart, row by row in the chart's order.
  const cells = await page.$$eval('#table-months tbody td', (tds) => tds.map((td) => td.textContent));
  const table = Object.fromEntries(Object.keys(all).map((month, i) => [month, cells[i]]));
  assert.equal(cells.length, 24);
  assert.equal(table['2025-11'], '10');
  assert.equal(table['2025-12'], '<10');
  // The page's numbers are the gateway's, and the month being lived is not among them.
  const published = await rpc(gateway.url, 'civil_publishedStatistics', [district, 'enrollment', '2025-11', '2025-12']);
  assert.deepEqual(published.rows.map((r) => r.count), [10, null]);
  assert.ok(!Object.keys(all).includes(`${now.year}-${String(now.month).padStart(2, '0')}`));
  assert.match(await page.$eval('#stats-note', (el) => el.textContent), /^Released .*Counts below 10/);
  // A district has no regions within.
  assert.equal(await page.$eval('#by-region', (el) => el.hidden), true);
  // Adoptions are published for regions and above only: the page says so and draws nothing.
  await page.select('#kind', 'adoption');
  await page.waitForFunction(() => /regions and above only/.test(document.querySelector('#stats-note').textContent), { timeout: 60_000 });
  assert.equal(await page.$eval('#by-month', (el) => el.hidden), true);
  // The city above it, its enrollments: its districts, the scenario's among them with its 10
  // and a withheld month.
  await page.select('#kind', 'enrollment');
  await page.select('#region', String(TASHKENT));
  await page.waitForFunction((d) => document.querySelector(`#chart-regions rect[data-key="${d}"]`)?.dataset.count === '10', { timeout: 60_000 }, String(district));
  assert.deepEqual((await bars('chart-regions'))[String(district)], [10, true]);
  assert.equal(await page.$eval('#by-region', (el) => el.hidden), false);
  await page.select('#kind', '');
  await page.select('#region', String(district));
  await page.waitForFunction(() => document.querySelector('#by-month-caption').textContent.startsWith('Portal district'), { timeout: 60_000 });
  await shot(page, '4-statistics');

  // The heartbeat: today's acts by region, the scenario's 17 in Tashkent among them.
  await page.waitForFunction((r) => Number(document.querySelector(`#acts-today li[data-region="${r}"]`)?.dataset.acts) >= 17, { timeout: 30_000 }, String(TASHKENT));
  assert.ok(Number(await page.$eval('#last-block', (el) => el.dataset.number)) > 0);

  // The language switch: labels, the page's language, the drawn result.
  await check(page, certificate);
  const labels = () => page.evaluate(() => ({
    lang: document.documentElement.lang,
    heading: document.querySelector('#verify-heading').textContent,
    check: document.querySelector('#check').textContent,
    status: document.querySelector('#result .status').textContent,
    stats: document.querySelector('#stats-heading').textContent,
  }));
  const en = await labels();
  assert.deepEqual([en.lang, en.heading, en.check, en.stats], ['en', 'Check a certificate', 'Check', 'Vital statistics']);
  await page.click('#lang-ru');
  const ru = await labels();
  assert.deepEqual([ru.lang, ru.heading, ru.check, ru.stats], ['ru', 'Проверка свидетельства', 'Проверить', 'Демографическая статистика']);
  assert.match(ru.status, /^Устарело/);
  assert.match(await page.$eval('#result', (el) => el.innerText), / \d{4} г\./);
  assert.equal(await page.$eval('#lang-ru', (el) => el.getAttribute('aria-pressed')), 'true');
  await shot(page, '5-russian');
  await page.click('#lang-uz');
  const uz = await labels();
  assert.deepEqual([uz.lang, uz.heading, uz.check], ['uz', 'Guvohnomani tekshirish', 'Tekshirish']);
  assert.match(uz.status, /^Eskirgan/);
  assert.match(await page.$eval('#result', (el) => el.innerText), /\d{4}-yil \d{1,2}-(yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|dekabr)/);
  await shot(page, '6-uzbek');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the UN tables: by month of occurrence and registration, residence, the mother\'s age, timeliness, completeness; tables, a chart and a CSV of exactly what is published; three languages', { timeout: 180_000 }, async () => {
  await eventually('a release after last month\'s births', async () => {
    const { release } = await rpc(gateway.url, 'civil_vitalStatistics', [district, LAST_MONTH, LAST_MONTH]);
    return release !== null && release.block >= lastBirthBlock;
  }, 120_000);
  // The gateway's answer for the district: its births by the mother's residence are the ten
  // (by occurrence too); the cross-classified tables stop at the regions.
  const own = (await services.vitalStatistics(gateway.url, district, LAST_MONTH, LAST_MONTH)).rows;
  const row = (rows, table, kind, category = null) => rows.filter((r) => r.table === table && r.kind === kind && r.category === category);
  assert.deepEqual(row(own, 'residence', 'birth').map((r) => r.count), [10]);
  assert.deepEqual((await rpc(gateway.url, 'civil_publishedStatistics', [district, 'birth', LAST_MONTH, LAST_MONTH])).rows.map((r) => r.count), [10]);
  assert.equal(own.filter((r) => r.table === 'motherAge' || r.table === 'timeliness').length, 0);
  await assert.rejects(rpc(gateway.url, 'civil_vitalStatistics', [district, '2026-13', LAST_MONTH]), /month/);

  const { page, errors } = await open();
  await page.select('#months', '24');
  await page.select('#region', String(district));
  await page.waitForFunction(() => !document.querySelector('#vital').hidden, { timeout: 60_000 });
  const monthRows = async () => page.$$eval('#table-vital-months tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const label = await page.evaluate((m) => {
    const [y, mm] = m.split('-').map(Number);
    return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mm - 1]} ${y}`;
  }, LAST_MONTH);
  const last = (await monthRows()).find((r) => r[0] === label);
  assert.ok(last, `no row for ${label}`);
  // Occurred, registered, resident (births); the same for deaths.
  assert.equal(last[1], '10');
  assert.equal(last[3], '10');
  assert.equal(await page.$eval('#vital-age', (el) => el.hidden), true);
  assert.match(await page.$eval('#vital-timeliness-caption', (el) => el.textContent), /regions and the country only/);

  // Tashkent: the mother's age and timeliness, as the gateway publishes them over the range.
  await page.select('#region', String(TASHKENT));
  await page.waitForFunction(() => !document.querySelector('#vital-age').hidden, { timeout: 60_000 });
  const { release } = await rpc(gateway.url, 'civil_vitalStatistics', [TASHKENT, LAST_MONTH, LAST_MONTH]);
  const range = await page.evaluate(() => [...document.querySelectorAll('#table-vital-months tbody tr')].length);
  assert.equal(range, 24);
  const [y, m] = release.lastMonth.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 24, 1));
  const from = `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`;
  const rows = (await rpc(gateway.url, 'civil_vitalStatistics', [TASHKENT, from, release.lastMonth])).rows;
  const sum = (list) => [list.reduce((a, r) => a + (r.count ?? 0), 0), list.some((r) => r.count === null)];
  const bars = await page.$$eval('#chart-age rect', (rects) => Object.fromEntries(rects.map((r) => [r.dataset.key, [Number(r.dataset.count), r.dataset.withheld === 'true']])));
  for (const group of ['under15', 'from15To19', 'from20To24', 'from25To29', 'from30To34', 'from35To39', 'from40To44', 'from45To49', 'from50', 'notStated']) {
    assert.deepEqual(bars[group], sum(row(rows, 'motherAge', 'birth', group)), group);
  }
  // The ten births of the bride are among Tashkent's mothers aged 30–34 (withheld or not).
  const aged = row(rows, 'motherAge', 'birth', 'from30To34').find((r) => r.month === LAST_MONTH);
  assert.ok(aged.count === null || aged.count >= 10, `30–34 in ${LAST_MONTH}: ${aged.count}`);
  const timeliness = await page.$$eval('#table-timeliness tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(timeliness.map((r) => r.length), [4, 4]);
  // The CSV: every published or withheld cell the tables were drawn from, nothing else.
  const csv = decodeURIComponent((await page.$eval('#vital-csv', (a) => a.href)).replace(/^data:text\/csv;charset=utf-8,/, ''));
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'month,table,kind,category,count,withheld');
  for (const r of rows) {
    assert.ok(lines.includes(`${r.month},${r.table},${r.kind},${r.category ?? ''},${r.count ?? ''},${r.count === null}`), JSON.stringify(r));
  }
  const occurrence = lines.filter((l) => l.split(',')[1] === 'occurrence');
  assert.equal(lines.length, 1 + rows.length + occurrence.length);
  assert.match(await page.$eval('#vital-csv', (a) => a.download), /^vital-statistics-\d+-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  await shot(page, '10-un-tables');
  // Three languages.
  await page.click('#lang-ru');
  assert.equal(await page.$eval('#vital-heading', (el) => el.textContent), 'Демографическая статистика по рекомендациям ООН');
  assert.match(await page.$eval('#vital-age-caption', (el) => el.textContent), /по возрасту матери/);
  await page.click('#lang-uz');
  assert.equal(await page.$eval('#vital-heading', (el) => el.textContent), "BMT tavsiyalari bo'yicha hayotiy statistika");
  await page.click('#lang-en');
  assert.equal(await page.$eval('#vital-heading', (el) => el.textContent), 'Vital statistics as the UN recommends');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the portal is usable by keyboard and screen reader, and says when the gateway is down', { timeout: 120_000 }, async () => {
  // `?gateway=` in a link names another server: ignored (a forger's server could otherwise
  // answer "valid" on the official page). The check below is answered by the real gateway.
  const closed = await freePort();
  const { page, errors } = await open(`lang=en&gateway=${encodeURIComponent(`http://127.0.0.1:${closed}`)}`);
  // Every control has a name a screen reader reads.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
    .map((el) => el.id));
  assert.deepEqual(unnamed, []);
  assert.equal(await page.$eval('#result', (el) => el.getAttribute('aria-live')), 'polite');
  // The statistics' two charts and the UN tables' chart of the mother's age.
  assert.equal(await page.$$eval('svg[role="img"][aria-labelledby]', (els) => els.length), 3);
  // By keyboard: the skip link first, then to the code field, type, Enter.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement.id) !== 'code'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'code');
  await page.keyboard.type(certificate);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#result').dataset.status === 'superseded', { timeout: 20_000 });
  assert.equal(await page.$eval('#gateway-banner', (el) => el.hidden), true);
  assert.deepEqual(errors, []);
  await page.close();

  // A gateway that does not answer — a deployment configured with one that is down: a clear
  // alert, and a check says it cannot check.
  const downPort = await freePort();
  const downServer = spawn(process.execPath, [join(ROOT, 'portal', 'serve.mjs'), '--port', String(downPort),
    '--gateway', `http://127.0.0.1:${closed}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  test.after(() => downServer.kill());
  await new Promise((resolve) => downServer.stdout.once('data', resolve));
  const down = await browser.newPage();
  await down.goto(`http://127.0.0.1:${downPort}/?lang=en`, { waitUntil: 'load' });
  await down.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  const banner = await down.$eval('#gateway-banner', (el) => ({ hidden: el.hidden, role: el.getAttribute('role'), text: el.textContent }));
  assert.deepEqual([banner.hidden, banner.role], [false, 'alert']);
  assert.match(banner.text, /cannot be reached/);
  const result = await check(down, certificate);
  assert.equal(result.status, 'cannotCheck');
  // No empty charts pretending to be data.
  const figures = await down.$$eval('figure', (els) => els.map((el) => el.closest('[hidden]') !== null));
  assert.equal(figures.length, 6);
  assert.ok(figures.every(Boolean), JSON.stringify(figures));
  await shot(down, '7-gateway-down');
  await down.close();
});

test('the portal is served with a strict Content-Security-Policy, and malformed requests do not stop it', async () => {
  const get = (path) => new Promise((resolve, reject) => {
    // A raw request line, as a scanner sends it: `fetch` would normalise the path first.
    const request = httpRequest({ host: '127.0.0.1', port: portalPort, path, method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
  const page = await get('/');
  assert.equal(page.status, 200);
  const csp = page.headers['content-security-policy'];
  for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
    "base-uri 'none'", "form-action 'none'", `connect-src ${new URL(gateway.url).origin}`]) {
    assert.ok(csp?.split('; ').includes(directive), `the CSP ${csp} lacks ${directive}`);
  }
  assert.equal((await get('/app.js')).headers['content-security-policy'], csp);
  // Malformed percent-encodings, a NUL, a way out of the folder: refused, and the server serves on.
  for (const [path, status] of [['/%E0%A4%A', 400], ['/%', 400], ['/%00', 404], ['/..%2f..%2fetc%2fpasswd', 404]]) {
    assert.equal((await get(path)).status, status, path);
  }
  assert.equal((await get('/')).status, 200);
});

// The citizen's portal. Plain JavaScript, no build step: the browser loads this module as it
// is. It calls the registry's public side — the public projection or a public gateway — over
// HTTP JSON-RPC (`civil_verifyCertificate`, `civil_applicationStatus`,
// `civil_publishedStatistics`, `civil_vitalStatistics`, `civil_directory`, `civil_heartbeat`)
// and nothing else.
import { LANGUAGES, STRINGS } from './strings.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
// The gateway is the deployment's (config.js), never the page address's: a link that could
// name another server would let a forger's server answer "valid" on the ministry's own page.
const GATEWAY = globalThis.CIVIL_PORTAL?.gateway
  ?? `${location.protocol === 'https:' ? 'https' : 'http'}://${location.hostname || '127.0.0.1'}:9944`;
const KINDS = ['birth', 'death', 'marriage', 'divorce', 'adoption', 'paternity', 'nameChange', 'enrollment'];
const HASH = /0x[0-9a-fA-F]{64}/;

let lang = pickLanguage();
let directory = null; // { jurisdictions, offices }
let lastResult = null; // what #result shows, to redraw it in another language
let lastApplication = null; // what #application shows, likewise
let lastHeartbeat = null;
let gatewayUp = true;

// ---------------------------------------------------------------------------------------------
// Language

function pickLanguage() {
  const asked = params.get('lang') ?? localStorage.getItem('civil-portal-lang');
  if (asked && STRINGS[asked]) return asked;
  const browser = (navigator.language || '').slice(0, 2);
  return STRINGS[browser] ? browser : 'uz';
}

/** The text `key` in the current language, `{name}`s filled from `values`. */
function t(key, values = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll('[data-placeholder]')) el.placeholder = t(el.dataset.placeholder);
  for (const button of document.querySelectorAll('#languages button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  fillKinds();
  fillRegions();
  showResult(lastResult);
  showApplication(lastApplication);
  showHeartbeat(lastHeartbeat);
  drawStatistics();
  if (!gatewayUp) showBanner(t('gatewayDown'));
}

function languageButtons() {
  const box = $('languages');
  for (const { code, name } of LANGUAGES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `lang-${code}`;
    button.dataset.lang = code;
    button.lang = code;
    button.textContent = name;
    button.addEventListener('click', () => {
      lang = code;
      localStorage.setItem('civil-portal-lang', code);
      applyLanguage();
    });
    box.append(button);
  }
}

// ---------------------------------------------------------------------------------------------
// The gateway

class GatewayDown extends Error {}

/** The gateway's answer to an address over its calls a minute. */
const TOO_MANY_CALLS = -32029;
/** The gateway's answer for what it does not know: for statistics, a jurisdiction created since
 *  the release it answers from (the directory is newer than the release). */
const NOT_FOUND = 4004;

async function call(method, rpcParams) {
  let response;
  try {
    response = await fetch(GATEWAY, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: rpcParams }),
    });
  } catch (e) {
    gatewayState(false);
    throw new GatewayDown(e.message);
  }
  if (!response.ok) {
    gatewayState(false);
    throw new GatewayDown(`HTTP ${response.status}`);
  }
  gatewayState(true);
  const { result, error } = await response.json();
  if (error) throw Object.assign(new Error(error.message), { code: error.code });
  return result;
}

function showBanner(text) {
  const banner = $('gateway-banner');
  banner.textContent = text;
  banner.hidden = !text;
  banner.className = gatewayUp ? 'ok' : 'down';
}

function gatewayState(up) {
  if (up === gatewayUp) return;
  gatewayUp = up;
  document.body.dataset.gateway = up ? 'up' : 'down';
  showBanner(up ? t('gatewayBack') : t('gatewayDown'));
  if (up) setTimeout(() => { if (gatewayUp) showBanner(''); }, 5000);
}

// ---------------------------------------------------------------------------------------------
// Certificates

function jurisdictionName(id) {
  const jurisdiction = directory?.jurisdictions.find((j) => j.id === id);
  return jurisdiction ? jurisdiction.name : `#${id}`;
}

function officeName(id) {
  const office = directory?.offices.find((o) => o.id === id);
  return office ? office.name : `#${id}`;
}

/** `"YYYY-MM-DD"` as the language writes it (strings.js: `date`, `monthsLong`). */
function formatDate(text) {
  if (!text) return '–';
  const [year, month, day] = text.split('-').map(Number);
  return t('date', { year, month: STRINGS[lang].monthsLong[month - 1], day });
}

/** A time (ms since 1970) as the reader's local date and 24-hour time. */
function formatTime(ms) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(day)}, ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Draw `result` into #result: `{ status, certificate? }` or `{ message }`. */
function showResult(result) {
  const box = $('result');
  box.replaceChildren();
  delete box.dataset.status;
  if (!result) return;
  if (result.message) {
    const p = document.createElement('p');
    p.className = 'message';
    p.textContent = t(result.message);
    box.append(p);
    box.dataset.status = result.message;
    return;
  }
  box.dataset.status = result.status;
  const title = document.createElement('p');
  title.className = `status ${result.status}`;
  title.textContent = t(`status_${result.status}`);
  box.append(title);
  const c = result.certificate;
  if (!c) return;
  const dl = document.createElement('dl');
  const row = (key, value) => {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  };
  row('kind', t(`kind_${c.kind}`));
  row('office', officeName(c.office));
  row('issuedOn', formatDate(c.issuedOn));
  row('version', t('versionOf', { version: c.version, current: c.currentVersion }));
  box.append(dl);
}

async function verify(text) {
  const match = HASH.exec(text ?? '');
  if (!match) {
    lastResult = { message: 'badCode' };
    showResult(lastResult);
    return;
  }
  const hash = match[0].toLowerCase();
  $('code').value = hash;
  lastResult = { message: 'checking' };
  showResult(lastResult);
  try {
    const certificate = await call('civil_verifyCertificate', [hash]);
    lastResult = { status: certificate.status, certificate };
  } catch (e) {
    if (e.code === NOT_FOUND) lastResult = { status: 'unknown' };
    else if (e instanceof GatewayDown) lastResult = { message: 'cannotCheck' };
    else lastResult = { message: 'badCode' };
  }
  showResult(lastResult);
}

// ---------------------------------------------------------------------------------------------
// Applications

/** A tracking code as the office printed it: letters and digits, read upper-case, spaces and
 *  dashes dropped (the receipt may group them). */
const TRACKING = /^[A-Z0-9]{1,64}$/;

/** Draw `state` into #application: `{ status, reason? }` or `{ message }`. */
function showApplication(state) {
  const box = $('application');
  box.replaceChildren();
  delete box.dataset.status;
  if (!state) return;
  const p = document.createElement('p');
  if (state.message) {
    p.className = 'message';
    p.textContent = t(state.message);
    box.dataset.status = state.message;
  } else {
    p.className = `status application ${state.status}`;
    p.textContent = t(`application_${state.status}`, { reason: state.reason ? t(`refusal_${state.reason}`) : '' });
    box.dataset.status = state.status;
  }
  box.append(p);
}

async function track(text) {
  const code = (text ?? '').toUpperCase().replace(/[\s-]/g, '');
  if (!TRACKING.test(code)) {
    lastApplication = { message: 'badTracking' };
    showApplication(lastApplication);
    return;
  }
  lastApplication = { message: 'checking' };
  showApplication(lastApplication);
  try {
    const { status } = await call('civil_applicationStatus', [code]);
    lastApplication = typeof status === 'string'
      ? { status }
      : { status: 'refused', reason: status.refused };
  } catch (e) {
    if (e.code === NOT_FOUND) lastApplication = { status: 'unknown' };
    else if (e instanceof GatewayDown) lastApplication = { message: 'cannotCheck' };
    else lastApplication = { message: 'badTracking' };
  }
  showApplication(lastApplication);
}

/** The text of the QR code in `source` (an image, a canvas or a video frame), or null. */
function readQr(source, width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(source, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  const code = globalThis.jsQR(image.data, width, height);
  return code ? code.data : null;
}

async function fromFile(file) {
  if (!file) return;
  const bitmap = await createImageBitmap(file);
  const text = readQr(bitmap, bitmap.width, bitmap.height);
  if (text) await verify(text);
  else {
    lastResult = { message: 'noQr' };
    showResult(lastResult);
  }
}

let stream = null;
async function toggleCamera() {
  const video = $('camera');
  const button = $('scan');
  if (stream) {
    stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.hidden = true;
    button.dataset.text = 'scan';
    button.textContent = t('scan');
    return;
  }
  if (!navigator.mediaDevices?.getUserMedia) {
    lastResult = { message: 'noCamera' };
    showResult(lastResult);
    $('upload').focus();
    return;
  }
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  } catch {
    lastResult = { message: 'noCamera' };
    showResult(lastResult);
    $('upload').focus();
    return;
  }
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  button.dataset.text = 'stopScan';
  button.textContent = t('stopScan');
  const tick = async () => {
    if (!stream) return;
    if (video.videoWidth) {
      const text = readQr(video, video.videoWidth, video.videoHeight);
      if (text && HASH.test(text)) {
        await toggleCamera();
        await verify(text);
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// ---------------------------------------------------------------------------------------------
// Statistics

// What is released (node/src/rpc/public.rs): monthly tables of the months that had ended by the
// release day, each cell a count or `null` (withheld: fewer than the threshold, or a cell that
// would give a withheld one away). Adoption, paternity and change of name are tabulated for
// regions and above only.
let statistics = null; // { region, kind, range, byMonth: [[month, count, withheld]], byRegion: [[id, count, withheld]], release, note }
const RARE = new Set(['adoption', 'paternity', 'nameChange']);

/** `count` months ending with `last` ("YYYY-MM"), oldest first. */
function monthsEnding(last, count) {
  const [year, month] = last.split('-').map(Number);
  const months = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The deepest jurisdictions a kind (or every kind, `null`) is tabulated for. */
function depthFor(policy, kind) {
  if (kind === null) return policy.maxDepth;
  return RARE.has(kind) ? Math.min(policy.rareMaxDepth, policy.maxDepth) : policy.maxDepth;
}

/** A cell as the page shows it: the count, `<10` if withheld, `≥n` if part of a sum is. */
function shown([, count, withheld], threshold) {
  if (!withheld) return String(count);
  return count > 0 ? t('atLeast', { count }) : t('withheld', { threshold });
}

function fillKinds() {
  const select = $('kind');
  const value = select.value || '';
  select.replaceChildren();
  for (const kind of ['', ...KINDS]) {
    const option = document.createElement('option');
    option.value = kind;
    option.textContent = t(kind ? `kind_${kind}` : 'kind_all');
    select.append(option);
  }
  select.value = value;
}

function fillRegions() {
  const select = $('region');
  if (!directory) return;
  const value = select.value;
  select.replaceChildren();
  // The country, then each region with its districts indented below it.
  const children = (parent) => directory.jurisdictions.filter((j) => j.parent === parent);
  const add = (j, depth) => {
    const option = document.createElement('option');
    option.value = String(j.id);
    option.textContent = `${'\u00a0\u00a0'.repeat(depth)}${j.name}`;
    select.append(option);
    if (depth < 2) for (const c of children(j.id)) add(c, depth + 1);
  };
  for (const root of children(null)) add(root, 0);
  select.value = value || select.options[0]?.value || '';
}

let loads = 0; // the latest load wins: an earlier, slower one must not draw over it

async function loadStatistics() {
  if (!directory) return;
  const load = ++loads;
  const region = Number($('region').value);
  const kind = $('kind').value || null;
  const count = Number($('months').value);
  const depth = (id) => directory.jurisdictions.find((j) => j.id === id)?.depth ?? 0;
  try {
    // Which months are released: the answer for the last `count` months up to now says.
    const now = monthsEnding(new Date().toISOString().slice(0, 7), count + 2);
    const first = await call('civil_publishedStatistics', [directory.jurisdictions[0]?.id ?? 0, null, now[0], now[now.length - 1]]);
    const release = first.release;
    if (!release) {
      if (load === loads) statistics = { note: 'noRelease' };
      drawStatistics();
      return;
    }
    if (depth(region) > depthFor(release.policy, kind)) {
      if (load === loads) statistics = { note: 'rareOnlyRegions', release };
      drawStatistics();
      return;
    }
    const range = monthsEnding(release.lastMonth, count);
    const from = range[0];
    const to = range[range.length - 1];
    const sum = (rows) => {
      const byMonth = new Map(range.map((m) => [m, [m, 0, false]]));
      for (const row of rows) {
        const cell = byMonth.get(row.month);
        if (!cell) continue;
        if (row.count === null) cell[2] = true;
        else cell[1] += row.count;
      }
      return [...byMonth.values()];
    };
    // The rows published for a jurisdiction; `null` for one created since the release (the
    // directory is newer than the release): nothing is published for it yet.
    const published = async (id) => {
      try {
        return (await call('civil_publishedStatistics', [id, kind, from, to])).rows;
      } catch (e) {
        if (e.code === NOT_FOUND) return null;
        throw e;
      }
    };
    const own = sum((await published(region)) ?? []);
    const within = directory.jurisdictions
      .filter((j) => j.parent === region && j.depth <= depthFor(release.policy, kind));
    const byRegion = [];
    for (const j of within) {
      const rows = await published(j.id);
      if (rows === null) continue;
      const months = sum(rows);
      byRegion.push([j.id, months.reduce((a, [, c]) => a + c, 0), months.some(([, , w]) => w)]);
    }
    if (load !== loads) return;
    statistics = { region, kind, range, byMonth: own, byRegion, release, note: 'released' };
    vital = await loadVital(region, range);
    if (load !== loads) return;
  } catch (e) {
    const busy = e.code === TOO_MANY_CALLS;
    if (!(e instanceof GatewayDown) && !busy) console.error(e);
    if (load !== loads) return;
    statistics = null;
    // Ask again in a while — the gateway was down or busy, or answered what the page did not
    // expect (a release or a directory changing under it) — unless the reader has asked for
    // another view meanwhile (which is then the latest load).
    setTimeout(() => { if (load === loads) loadStatistics(); }, 5_000);
  }
  drawStatistics();
}

/** A bar chart of `bars` ([label, value, key, second line]) into `svg`; each bar carries its
 *  data. */
function barChart(svg, bars) {
  svg.replaceChildren();
  const ns = 'http://www.w3.org/2000/svg';
  const width = 640;
  const height = 240;
  const bottom = 40;
  const max = Math.max(1, ...bars.map(([, v]) => v));
  const step = bars.length ? width / bars.length : width;
  bars.forEach(([label, value, key, under, text = String(value), withheld = false], i) => {
    const h = Math.round(((height - bottom - 20) * value) / max);
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(i * step + step * 0.15));
    rect.setAttribute('y', String(height - bottom - h));
    rect.setAttribute('width', String(step * 0.7));
    rect.setAttribute('height', String(h));
    rect.setAttribute('class', 'bar');
    rect.dataset.key = key;
    rect.dataset.count = String(value);
    if (withheld) rect.dataset.withheld = 'true';
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${label}: ${text}`;
    rect.append(title);
    const count = document.createElementNS(ns, 'text');
    count.setAttribute('x', String(i * step + step / 2));
    count.setAttribute('y', String(height - bottom - h - 4));
    count.setAttribute('text-anchor', 'middle');
    count.textContent = text;
    const name = document.createElementNS(ns, 'text');
    name.setAttribute('x', String(i * step + step / 2));
    name.setAttribute('y', String(height - bottom + 16));
    name.setAttribute('text-anchor', 'middle');
    name.setAttribute('class', 'label');
    name.textContent = label.length > 10 ? `${label.slice(0, 9)}…` : label;
    svg.append(rect, count, name);
    if (under) {
      const second = document.createElementNS(ns, 'text');
      second.setAttribute('x', String(i * step + step / 2));
      second.setAttribute('y', String(height - bottom + 30));
      second.setAttribute('text-anchor', 'middle');
      second.setAttribute('class', 'label');
      second.textContent = under;
      svg.append(second);
    }
  });
}

function table(tbody, rows) {
  tbody.replaceChildren();
  for (const [label, value] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    const td = document.createElement('td');
    td.textContent = String(value);
    tr.append(th, td);
    tbody.append(tr);
  }
}

/** `"YYYY-MM"` as "Dec 2026". */
function monthLabel(month) {
  const [y, m] = month.split('-').map(Number);
  return `${STRINGS[lang].monthsShort[m - 1]} ${y}`;
}

function shortMonth(month) {
  return STRINGS[lang].monthsShort[Number(month.split('-')[1]) - 1];
}

function drawStatistics() {
  // Nothing to draw (the gateway is down, or the directory not read yet): no empty charts.
  const note = $('stats-note');
  const release = statistics?.release;
  note.textContent = !statistics?.note ? '' : t(statistics.note, release ? {
    day: formatDate(release.day), last: monthLabel(release.lastMonth), threshold: release.policy.threshold,
  } : {});
  const drawn = Boolean(statistics?.byMonth) && Boolean(directory);
  $('by-month').hidden = !drawn;
  if (!drawn) {
    $('by-region').hidden = true;
    $('vital').hidden = true;
    return;
  }
  const threshold = release.policy.threshold;
  const name = (id) => directory.jurisdictions.find((j) => j.id === id)?.name ?? `#${id}`;
  const { region, range, byMonth, byRegion } = statistics;
  $('by-month-caption').textContent = t('byMonth', { region: name(region) });
  // Under each bar its month; under January's and the first, the year too.
  barChart($('chart-months'), byMonth.map(([m, v, w], i) => [
    shortMonth(m), v, m, i === 0 || m.endsWith('-01') ? m.slice(0, 4) : '', shown([m, v, w], threshold), w,
  ]));
  table($('table-months').tBodies[0], byMonth.map((cell) => [monthLabel(cell[0]), shown(cell, threshold)]));
  $('by-region').hidden = byRegion.length === 0;
  $('by-region-caption').textContent = t('byRegion', { from: monthLabel(range[0]), to: monthLabel(range[range.length - 1]) });
  barChart($('chart-regions'), byRegion.map(([id, v, w]) => [name(id), v, String(id), '', shown([id, v, w], threshold), w]));
  table($('table-regions').tBodies[0], byRegion.map((cell) => [name(cell[0]), shown(cell, threshold)]));
  drawVital();
}

// ---------------------------------------------------------------------------------------------
// The UN's vital statistics (primitives/src/vital.rs): events by month of occurrence and of
// registration, by place of usual residence, births by the mother's age group, timeliness,
// completeness against the hospitals' notifications — each cell published or withheld by the
// same disclosure control; the age groups and timeliness down to the regions only.

let vital = null; // { region, range, occurred: {birth, death}, rows, release }
const AGE_GROUPS = ['under15', 'from15To19', 'from20To24', 'from25To29', 'from30To34', 'from35To39',
  'from40To44', 'from45To49', 'from50', 'notStated'];
const TIMELINESS = ['inTime', 'late', 'delayed'];

async function loadVital(region, range) {
  const [from, to] = [range[0], range[range.length - 1]];
  try {
    const answer = await call('civil_vitalStatistics', [region, from, to]);
    const occurred = {};
    for (const kind of ['birth', 'death']) {
      occurred[kind] = (await call('civil_publishedStatistics', [region, kind, from, to])).rows;
    }
    return { region, range, occurred, rows: answer.rows, release: answer.release };
  } catch (e) {
    if (e.code === NOT_FOUND) return null;
    throw e;
  }
}

/** The sum of `rows`' counts as [label, sum, withheld]: withheld if any part is. */
function total(rows) {
  return rows.reduce(([l, sum, w], r) => [l, sum + (r.count ?? 0), w || r.count === null], ['', 0, false]);
}

function grid(tableEl, headers, rows) {
  const head = document.createElement('tr');
  for (const h of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  tableEl.tHead.replaceChildren(head);
  const body = tableEl.tBodies[0];
  body.replaceChildren();
  for (const [label, ...cells] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    tr.append(th);
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = cell;
      tr.append(td);
    }
    body.append(tr);
  }
}

/** The CSV of what is shown: one line per published or withheld cell. */
function vitalCsv({ rows, occurred }) {
  const lines = ['month,table,kind,category,count,withheld'];
  for (const kind of ['birth', 'death']) {
    for (const r of occurred[kind]) lines.push(`${r.month},occurrence,${kind},,${r.count ?? ''},${r.count === null}`);
  }
  for (const r of rows) lines.push(`${r.month},${r.table},${r.kind},${r.category ?? ''},${r.count ?? ''},${r.count === null}`);
  return `${lines.join('\n')}\n`;
}

function drawVital() {
  const shownVital = Boolean(vital?.release) && Boolean(statistics?.byMonth);
  $('vital').hidden = !shownVital;
  if (!shownVital) return;
  const threshold = vital.release.policy.threshold;
  const name = (id) => directory.jurisdictions.find((j) => j.id === id)?.name ?? `#${id}`;
  const { rows, range, occurred } = vital;
  // No row at all: not tabulated at this depth (by registration month: regions and up).
  const cell = (list) => (list.length ? shown(total(list), threshold) : '—');
  const pick = (table, kind, category = null) => rows.filter((r) => r.table === table && r.kind === kind && (r.category ?? null) === category);
  const period = { region: name(vital.region), from: monthLabel(range[0]), to: monthLabel(range[range.length - 1]) };
  // By month: occurred, registered, by residence.
  $('vital-months-caption').textContent = t('vitalMonthsCaption', period);
  const byMonth = (list, m) => list.filter((r) => r.month === m);
  grid($('table-vital-months'), [t('month'), t('birthsOccurred'), t('birthsRegistered'), t('birthsResident'), t('deathsOccurred'), t('deathsRegistered'), t('deathsResident')],
    range.map((m) => [monthLabel(m),
      cell(byMonth(occurred.birth, m)), cell(byMonth(pick('registration', 'birth'), m)), cell(byMonth(pick('residence', 'birth'), m)),
      cell(byMonth(occurred.death, m)), cell(byMonth(pick('registration', 'death'), m)), cell(byMonth(pick('residence', 'death'), m))]));
  // Births by the mother's age group (regions and the country only).
  const ages = AGE_GROUPS.map((g) => [t(`age_${g}`), total(pick('motherAge', 'birth', g)), g]);
  const anyAge = rows.some((r) => r.table === 'motherAge');
  $('vital-age').hidden = !anyAge;
  $('vital-age-caption').textContent = t('vitalAgeCaption', period);
  barChart($('chart-age'), ages.map(([label, sum, g]) => [label, sum[1], g, '', shown(sum, threshold), sum[2]]));
  table($('table-age').tBodies[0], ages.map(([label, sum]) => [label, shown(sum, threshold)]));
  // Timeliness.
  $('vital-timeliness-caption').textContent = t(anyAge ? 'vitalTimelinessCaption' : 'vitalRegionsOnly', period);
  grid($('table-timeliness'), [t('kindLabel'), ...TIMELINESS.map((x) => t(`timeliness_${x}`))],
    anyAge ? ['birth', 'death'].map((k) => [t(`kind_${k}`), ...TIMELINESS.map((x) => cell(pick('timeliness', k, x)))]) : []);
  // Completeness against notifications.
  $('vital-completeness-caption').textContent = t('vitalCompletenessCaption', period);
  grid($('table-completeness'), [t('kindLabel'), t('notified'), t('notifiedRegistered'), t('completeness')],
    ['birth', 'death'].map((k) => {
      const [n, f] = [total(pick('notified', k)), total(pick('notifiedRegistered', k))];
      const share = !n[2] && !f[2] && n[1] > 0 ? `${Math.round((100 * f[1]) / n[1])}%` : '—';
      return [t(`kind_${k}`), shown(n, threshold), shown(f, threshold), share];
    }));
  // A data: link (the page's Content-Security-Policy allows no other origin): the CSV of exactly
  // what the tables above were drawn from.
  const link = $('vital-csv');
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(vitalCsv(vital))}`;
  link.download = `vital-statistics-${vital.region}-${range[0]}-${range[range.length - 1]}.csv`;
}

// ---------------------------------------------------------------------------------------------
// Heartbeat

function showHeartbeat(beat) {
  if (!beat) return;
  const time = formatTime(beat.timestamp);
  $('last-block').textContent = t('blockAt', { number: beat.finalized, time });
  $('last-block').dataset.number = String(beat.finalized);
  const heading = `${t('actsToday', { day: formatDate(beat.day) })} ${beat.complete === false ? t('partialDay', { since: beat.since }) : ''}`;
  $('acts-today-heading').textContent = heading.trim();
  const list = $('acts-today');
  list.replaceChildren();
  for (const { region, acts } of beat.actsByRegion) {
    const li = document.createElement('li');
    li.dataset.region = String(region);
    li.dataset.acts = String(acts);
    li.textContent = `${jurisdictionName(region)}: ${acts}`;
    list.append(li);
  }
  const total = document.createElement('li');
  total.className = 'total';
  total.textContent = beat.actsByRegion.length ? t('actsTotal', { acts: beat.acts }) : t('noActsToday');
  list.append(total);
}

async function heartbeat() {
  try {
    lastHeartbeat = await call('civil_heartbeat', []);
    showHeartbeat(lastHeartbeat);
  } catch (e) {
    if (!(e instanceof GatewayDown)) console.error(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  languageButtons();
  fillKinds();
  applyLanguage();
  $('verify-form').addEventListener('submit', (e) => {
    e.preventDefault();
    verify($('code').value);
  });
  $('track-form').addEventListener('submit', (e) => {
    e.preventDefault();
    track($('tracking').value);
  });
  $('upload').addEventListener('change', (e) => fromFile(e.target.files[0]));
  $('scan').addEventListener('click', toggleCamera);
  for (const id of ['region', 'kind', 'months']) $(id).addEventListener('change', loadStatistics);
  // A link to the portal may carry the certificate: `#0x…` (what an office's QR code can hold).
  const fromLink = HASH.exec(location.hash);

  const loadDirectory = async () => {
    try {
      directory = await call('civil_directory', []);
      fillRegions();
      await loadStatistics();
    } catch (e) {
      if (!(e instanceof GatewayDown)) console.error(e);
      setTimeout(loadDirectory, 10_000);
    }
  };
  await Promise.all([loadDirectory(), heartbeat()]);
  setInterval(heartbeat, 6_000);
  if (fromLink) await verify(fromLink[0]);
  document.body.dataset.ready = 'true';
}

start();

#!/usr/bin/env node
// How identifying are the person fields the chain stores in clear? For a synthetic population
// sized and shaped like Uzbekistan's, it counts how many persons share each combination of
// birth date (at several precisions), sex and district of birth — the fields of a person's
// on-chain record (`PersonRecord`: `birth_date`, `sex`, `birth_jurisdiction`) — and reports,
// per precision, the share of persons who are alone in their combination (unique: anyone who
// knows these three facts of them finds their record, and with it their acts and family links),
// in a group of at most 5, and the median size of a person's group.
//
//   node scripts/privacy/reidentification.mjs [--persons N] [--json FILE]
//   node scripts/privacy/reidentification.mjs --check docs/architecture.md
//
// --check recomputes the table and fails unless the one between the markers
// `<!-- reidentification:begin -->` and `<!-- reidentification:end -->` in the file is the
// same (the test command runs it: the document's figures are the script's).
//
// The population (deterministic: a fixed seed, so the figures are reproducible):
// - 37,000,000 persons (Uzbekistan, 2025: about 37 million);
// - ages from a young country's pyramid, in five-year bands (the shares below, approximately
//   Uzbekistan's: a tenth of the population under five, under 2 % over 75), each band's
//   birth years uniform, birth days uniform in the year;
// - 208 districts of birth (Uzbekistan's districts and cities of district rank), their sizes
//   log-normal (σ = 0.6), so that a few city districts are several times the median one;
// - sex: half and half.
// Real birth days are not uniform (seasons, registrations on round dates), which makes groups
// less even and more persons unique, so these figures understate the risk.
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const PERSONS = Number(option('--persons', 37_000_000));
const JSON_OUT = option('--json', undefined);
const CHECK = option('--check', undefined);
const DISTRICTS = 208;
const REFERENCE_YEAR = 2026;
// Five-year age bands from 0–4 to 80–84, shares in % (they need not sum to 100: normalized).
const BANDS = [10.5, 10, 9, 8, 7.5, 8, 8.5, 7.5, 6.5, 5.5, 4.5, 4.2, 3.5, 2.7, 1.8, 1, 0.8];
const YEARS = BANDS.length * 5;

// mulberry32: a small, fixed PRNG.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261204);
const gaussian = () => {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};

// Cumulative distributions to draw from.
const cumulative = (weights) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
};
const draw = (cdf) => {
  const r = random();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
const bandCdf = cumulative(BANDS);
const districtCdf = cumulative(Array.from({ length: DISTRICTS }, () => Math.exp(0.6 * gaussian())));

// The precisions compared: what the chain stores today (the exact date) and coarser ones.
const PRECISIONS = [
  { name: 'exact date of birth', cells: YEARS * 366, cell: (year, day) => year * 366 + day },
  { name: 'month of birth', cells: YEARS * 12, cell: (year, _day, month) => year * 12 + month },
  { name: 'year of birth', cells: YEARS, cell: (year) => year },
];
const counts = PRECISIONS.map((p) => new Uint32Array(p.cells * 2 * DISTRICTS));
const MONTH_OF_DAY = new Uint8Array(366);
{
  const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let d = 0;
  lengths.forEach((n, m) => { for (let i = 0; i < n; i++) MONTH_OF_DAY[d++] = m; });
}

const started = Date.now();
for (let i = 0; i < PERSONS; i++) {
  const age = draw(bandCdf) * 5 + Math.floor(random() * 5);
  const year = YEARS - 1 - age; // 0: the oldest birth year
  const leap = (REFERENCE_YEAR - age) % 4 === 0;
  let day = Math.floor(random() * (leap ? 366 : 365));
  if (!leap && day >= 59) day += 1; // day numbers of a leap year: 29 February is 59
  const sex = random() < 0.5 ? 0 : 1;
  const district = draw(districtCdf);
  PRECISIONS.forEach((p, k) => {
    counts[k][(p.cell(year, day, MONTH_OF_DAY[day]) * 2 + sex) * DISTRICTS + district] += 1;
  });
}

/** Persons by the size of their group: unique, ≤ 5, ≤ 10 (shares), the median group. */
function summarize(cells) {
  const bySize = new Map();
  for (const c of cells) if (c > 0) bySize.set(c, (bySize.get(c) ?? 0) + c);
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  let unique = 0;
  let atMost5 = 0;
  let atMost10 = 0;
  let seen = 0;
  let median = null;
  for (const size of sizes) {
    const persons = bySize.get(size);
    if (size === 1) unique += persons;
    if (size <= 5) atMost5 += persons;
    if (size <= 10) atMost10 += persons;
    seen += persons;
    if (median === null && seen >= PERSONS / 2) median = size;
  }
  return {
    unique: unique / PERSONS,
    atMost5: atMost5 / PERSONS,
    atMost10: atMost10 / PERSONS,
    medianGroup: median,
    groups: cells.reduce((a, c) => a + (c > 0 ? 1 : 0), 0),
  };
}
const rows = PRECISIONS.map((p, k) => ({ precision: p.name, ...summarize(counts[k]) }));
const percent = (x) => `${(100 * x).toFixed(1)} %`;
const thousands = (n) => n.toLocaleString('en-US');
const table = [
  `| birth date stored as | with sex and district of birth: persons alone in their group | in a group of ≤ 5 | in a group of ≤ 10 | a person's median group | groups |`,
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.precision} | ${percent(r.unique)} | ${percent(r.atMost5)} | ${percent(r.atMost10)} | ${thousands(r.medianGroup)} | ${thousands(r.groups)} |`),
].join('\n');
const caption = `${thousands(PERSONS)} synthetic persons, ${DISTRICTS} districts (\`scripts/privacy/reidentification.mjs\`)`;

if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ persons: PERSONS, districts: DISTRICTS, rows }, null, 2));
if (CHECK) {
  const text = readFileSync(CHECK, 'utf8');
  const m = /<!-- reidentification:begin -->\n([\s\S]*?)\n<!-- reidentification:end -->/.exec(text);
  const wanted = `${caption}:\n\n${table}`;
  if (!m) {
    console.error(`reidentification: ${CHECK} has no reidentification markers`);
    process.exit(1);
  }
  if (m[1].trim() !== wanted.trim()) {
    console.error(`reidentification: the table in ${CHECK} is not the script's; it should read:\n\n${wanted}`);
    process.exit(1);
  }
  console.log(`reidentification: ${CHECK} holds the script's figures (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} else {
  console.log(`${caption}:\n\n${table}`);
  console.error(`reidentification: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

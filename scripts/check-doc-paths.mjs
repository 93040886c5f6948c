#!/usr/bin/env node
// Every repository path that the docs name exists: in docs/*.md and every README.md, each
// path written in `code` that starts with one of the repository's top-level folders or files
// (or, in a crate's README, with `src/`), and every Markdown link target, is looked up in the
// working tree. Prints each missing one with its file and
// line, and exits 1 if there is any; the test command runs it (scripts/test.sh, step 2).
//
//   node scripts/check-doc-paths.mjs
//
// Not checked, because they are not in the repository: build output (`target/`), what the
// tests write (`tests/e2e/artifacts/`), installed packages (`node_modules`), patterns and
// placeholders (`pallets/*/src/weights.rs`, `<dir>`, `$CARGO_TARGET_DIR/...`), and URLs. A
// file the docs tell a reader to create is written with a placeholder: `src/acts/<kind>.rs`.
// A path may end in `:line`, `:start-end`, `#anchor` or `/`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP_DIRS = new Set(['.git', 'node_modules', 'target', 'artifacts']);
const GENERATED = [/^target\//, /^tests\/e2e\/artifacts\//, /node_modules/];

/** The Markdown files the check reads: docs/*.md and every README.md in the tree. */
function documents() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (SKIP_DIRS.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'README.md' || (relative(ROOT, dir) === 'docs' && name.endsWith('.md'))) found.push(path);
    }
  };
  walk(ROOT);
  return found.sort();
}

/** The repository's top-level folders and files: a path the docs name starts with one. */
const TOP = new Set(readdirSync(ROOT).filter((name) => !SKIP_DIRS.has(name)));

/** The candidate paths of one line: `code` spans, and Markdown link targets. */
function candidates(line) {
  const out = [];
  for (const m of line.matchAll(/`([^`\s]+)`/g)) out.push({ text: m[1], link: false });
  for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) out.push({ text: m[1], link: true });
  return out;
}

/** Where a candidate may be, relative to the root (any one of them will do), or null if it
 *  names no repository path. A link is relative to its document's folder. A code span is a
 *  path from the root (`./` allowed) when it starts with a top-level folder or file; in a
 *  README below the root it may also be relative to the README's folder (`scripts/step.cjs`
 *  in zombienet/README.md), and a crate's README names its own `src/...` files. Anything else
 *  in a code span (`configs/`, shorthand inside a section) is not taken for a path. */
function places({ text, link }, file) {
  if (/^[a-z]+:/i.test(text) || text.startsWith('#')) return null;
  if (/[*<>${}|]/.test(text)) return null;
  const path = text.replace(/[#?].*$/, '').replace(/:\d+(-\d+)?$/, '').replace(/[.,;:]+$/, '');
  if (path === '' || path === '.' || path === '/') return null;
  // A README below the root may name paths from its own folder; docs/*.md name them from the
  // root only.
  const folder = basename(file) === 'README.md' ? relative(ROOT, dirname(file)) : '';
  if (link) return [relative(ROOT, join(dirname(file), path))];
  const fromRoot = path.replace(/^\.\//, '');
  const first = fromRoot.split('/')[0];
  if (TOP.has(first) && (fromRoot.includes('/') || folder === '' || fromRoot.includes('.'))) {
    return folder === '' ? [fromRoot] : [fromRoot, join(folder, fromRoot)];
  }
  if (folder !== '' && fromRoot.startsWith('src/')) return [join(folder, fromRoot)];
  return null;
}

const missing = [];
let checked = 0;
for (const file of documents()) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const candidate of candidates(line)) {
      const where = places(candidate, file);
      if (where === null || where.some((path) => GENERATED.some((re) => re.test(path)))) continue;
      checked += 1;
      if (!where.some((path) => existsSync(join(ROOT, path)))) {
        missing.push(`${relative(ROOT, file)}:${i + 1}: ${candidate.text} (no ${where.join(' nor ')})`);
      }
    }
  });
}
if (missing.length > 0) {
  console.error(`check-doc-paths: ${missing.length} of ${checked} repository paths named in the docs do not exist:`);
  for (const m of missing) console.error(`  ${m}`);
  process.exit(1);
}
console.log(`check-doc-paths: all ${checked} repository paths named in docs/ and the READMEs exist`);

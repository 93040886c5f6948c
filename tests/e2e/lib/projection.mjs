// A public projection for a test file: `civil-registry-node projection` (node/src/projection/)
// fed by the development node's `--projection-feed` (or by any feed URL), on free ports, with a
// store of its own; stopped and removed when the file's tests end.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { rpc } from '../examples/queries.mjs';
import { eventually, freePort } from './gateway.mjs';

/** Start a projection of the suite's chain fed from `feed` (default: the development node's
 *  feed). Returns its `url`, its store's directory `base`, `log()`, `stop()` (SIGTERM, as an
 *  operator's or a crash's end: the store must take it), `start()` (again, on the same store
 *  and port), `status()` and `caughtUp(number)`, which waits until it has projected block
 *  `number`. */
export async function startProjection({ feed = process.env.CIVIL_FEED, args = [] } = {}) {
  const node = process.env.CIVIL_NODE;
  if (!node || !feed) throw new Error('CIVIL_NODE and CIVIL_FEED are set by tests/e2e/run.sh');
  const port = await freePort();
  const base = mkdtempSync(join(tmpdir(), 'civil-projection-'));
  const logFile = join(base, 'projection.log');
  let child = null;
  let exited = null;
  const start = () => {
    child = spawn(node, ['projection', '--chain', process.env.CIVIL_CHAIN ?? 'dev', '--base-path', join(base, 'store'),
      '--feed', feed, '--listen', `127.0.0.1:${port}`,
      // One release an hour unless asked otherwise (the chain lives minutes): every
      // projection of it computes the same release, at the same block.
      ...(args.includes('--statistics-release-interval') ? [] : ['--statistics-release-interval', '3600']),
      '--statistics-months', '24', ...args],
    { stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')] });
    exited = new Promise((resolve) => child.once('exit', resolve));
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  };
  start();
  test.after(async () => {
    await stop();
    rmSync(base, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(logFile, 'utf8');
  const status = () => rpc(url, 'civil_projectionStatus', []);
  const caughtUp = async (number, timeoutMs = 120_000) => {
    try {
      await eventually(`the projection reaches block ${number}`, async () => ((await status()).asOf?.block ?? 0) >= number, timeoutMs);
    } catch (e) {
      throw new Error(`${e.message}\n${log().split('\n').slice(-20).join('\n')}`);
    }
  };
  await eventually('the projection serves', async () => Boolean(await status()), 30_000);
  return { url, port, base, log, stop, start, status, caughtUp };
}

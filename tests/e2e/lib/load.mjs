// Load on a public server (the projection's or the gateway's, node/src/rpc/server.rs): one
// address hammering it from many connections while another checks a certificate.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { hash } from './helpers.mjs';

/** One JSON-RPC call over HTTP to `url` through `agent`: the parsed answer (or `{ failed }`
 *  for a connection the server closed), with the time it took in `ms`. */
export function post(url, method, params, agent) {
  const target = new URL(url);
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request({
      host: target.hostname, port: target.port, path: '/', method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        try {
          resolve({ ...JSON.parse(text), ms: performance.now() - started });
        } catch {
          resolve({ failed: `HTTP ${response.statusCode}`, ms: performance.now() - started });
        }
      });
    });
    request.on('error', (e) => resolve({ failed: e.code ?? e.message, ms: performance.now() - started }));
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
    request.end(body);
  });
}

/** Against the server at `url`: 40 idle connections from 127.0.0.5 (how many stay open); then
 *  for `seconds`, 64 loops of certificate checks of unknown codes from 127.0.0.6 over 64
 *  keep-alive connections, as fast as they are answered, while 127.0.0.7 checks `certificate`
 *  every 200 ms. The figures: idle connections open, the hammer's answered / refused (-32029)
 *  / closed calls, and the other address's checks with their latencies. */
export async function hammer(url, certificate, seconds = 10) {
  const port = Number(new URL(url).port);
  const idle = await Promise.all(Array.from({ length: 40 }, () => new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.5' });
    socket.state = 'connecting';
    socket.on('connect', () => { socket.state = 'open'; resolve(socket); });
    socket.on('close', () => { socket.state = 'closed'; });
    socket.on('error', () => { socket.state = 'closed'; resolve(socket); });
  })));
  await new Promise((r) => setTimeout(r, 1_000));
  const idleOpen = idle.filter((s) => s.state === 'open').length;

  const loud = new http.Agent({ keepAlive: true, maxSockets: 64, localAddress: '127.0.0.6' });
  const citizen = new http.Agent({ keepAlive: true, localAddress: '127.0.0.7' });
  const until = Date.now() + seconds * 1000;
  const tally = { answered: 0, refused: 0, closed: 0, other: 0 };
  const loops = Array.from({ length: 64 }, async () => {
    while (Date.now() < until) {
      const r = await post(url, 'civil_verifyCertificate', [hash()], loud);
      if (r.error?.code === 4004) tally.answered += 1;
      else if (r.error?.code === -32029) tally.refused += 1;
      else if (r.failed) tally.closed += 1;
      else tally.other += 1;
      if (r.failed) await new Promise((res) => setTimeout(res, 20));
    }
  });
  const checks = [];
  const citizenLoop = (async () => {
    while (Date.now() < until) {
      checks.push(await post(url, 'civil_verifyCertificate', [certificate], citizen));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  await Promise.all([...loops, citizenLoop]);
  loud.destroy();
  citizen.destroy();
  for (const s of idle) s.destroy();

  const latencies = checks.map((c) => c.ms).sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    idleConnectionsOpen: idleOpen, idleConnectionsTried: 40,
    hammer: tally, citizenChecks: checks.length,
    citizenValid: checks.filter((c) => c.result?.status === 'valid').length,
    citizenMs: { p50: Math.round(at(0.5)), p99: Math.round(at(0.99)), max: Math.round(latencies[latencies.length - 1]) },
    notValid: checks.filter((c) => c.result?.status !== 'valid').slice(0, 3),
  };
}
